/**
 * The row validation and hash as they were before they were made cheaper per row (commit
 * e54aa9f, issue 18): a reference the faster code is compared with on random rows, so a change of
 * behaviour (a message, an order, a value, a hash) fails a test. Not used by the product.
 */
import { hash } from 'node:crypto';
import { isValidYmd, ymd } from '../../../../server/calendar/dates.js';
import type { Regio } from '../../../../server/config/regio.js';
import { COLUMN_NAMES, COLUMNS, DATE_COLUMNS, kolomObject, type Registratie } from '../../../../server/registraties/schema.js';
import type { RawCell } from '../../../../server/import/values.js';
import type { RijFout } from '../../../../server/import/validate-row.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; melding: string };

// issue 25 changed the behaviour on purpose: every cell in one normal form (NFKC, invisible and
// bidirectional controls removed), the registratie_id in upper case
const ONZICHTBAAR = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

export function cellText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.normalize('NFKC').replace(ONZICHTBAAR, '').trim();
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** isoDelen of server/calendar/dates.ts as it was. */
function isoDelen(value: string): [number, number, number] | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const twee = (i: number) => (value.charCodeAt(i) - 48) * 10 + value.charCodeAt(i + 1) - 48;
  return [twee(0) * 100 + twee(2), twee(5), twee(8)];
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DUTCH = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

/** `YYYY-MM-DD`, Dutch `DD-MM-YYYY` / `D-M-YYYY`, or an XLSX date cell. */
export function leesDatum(cell: RawCell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, melding: 'is geen geldige datum' };
    // exceljs delivers date cells as UTC midnight of the calendar day in the sheet
    return { ok: true, value: cell.toISOString().slice(0, 10) };
  }
  const text = cellText(cell);
  // the form of almost every cell of an export: already canonical, only the day needs checking
  const canoniek = isoDelen(text);
  if (canoniek) return isValidYmd(...canoniek) ? { ok: true, value: text } : { ok: false, melding: 'is geen bestaande datum' };
  let m = ISO.exec(text);
  let parts: [number, number, number] | null = null;
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = DUTCH.exec(text))) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!parts) return { ok: false, melding: 'is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ' };
  if (!isValidYmd(...parts)) return { ok: false, melding: 'is geen bestaande datum' };
  return { ok: true, value: ymd(...parts) };
}

const TRUE = new Set(['ja', 'j', '1', 'true']);
const FALSE = new Set(['nee', 'n', '0', 'false']);

export function leesJaNee(cell: RawCell): Parsed<0 | 1> {
  if (typeof cell === 'boolean') return { ok: true, value: cell ? 1 : 0 };
  const text = cellText(cell).toLowerCase();
  if (TRUE.has(text)) return { ok: true, value: 1 };
  if (FALSE.has(text)) return { ok: true, value: 0 };
  return { ok: false, melding: 'is geen ja/nee-waarde; gebruik ja of nee' };
}

/** The parser of one code list (a set lookup; made once per column). */
export function codeParser(values: readonly string[]): (cell: RawCell) => Parsed<string> {
  const toegestaan = new Set(values);
  const melding = `is geen geldige code; toegestaan: ${values.join(', ')}`;
  return (cell) => {
    const text = cellText(cell).toLowerCase();
    return toegestaan.has(text) ? { ok: true, value: text } : { ok: false, melding };
  };
}

export function leesGemeenteCode(cell: RawCell): Parsed<string> {
  const text = cellText(cell).toUpperCase();
  if (/^GM\d{4}$/.test(text)) return { ok: true, value: text };
  return { ok: false, melding: 'is geen CBS-gemeentecode (GM gevolgd door 4 cijfers, zoals GM0268)' };
}

export interface RowContext {
  bestand: string;
  regel: number;
  regio: Regio;
  /** the ingest day (ISO); no date may lie after it */
  vandaag: string;
}

/** No date lies before this day: Veilig Thuis started on 1 January 2015. */
export const EERSTE_DATUM = '2015-01-01';
/** The longest registratie_id accepted. */
export const MAX_ID_LENGTE = 64;
// eslint-disable-next-line no-control-regex
const STUURTEKENS = /[\u0000-\u001f\u007f]/;

export type RowResult = { ok: true; registratie: Registratie } | { ok: false; fouten: RijFout[] };

type Waarde = string | number | null;

/** The parser of each column, made once: the code lists become sets. */
const PARSERS: readonly { name: keyof Registratie; required: boolean; parse: (cell: RawCell) => Parsed<string | number> }[] = COLUMNS.map((col) => {
  const t = col.type;
  const parse =
    t.kind === 'text'
      ? (cell: RawCell): Parsed<string> => ({ ok: true, value: cellText(cell) })
      : t.kind === 'code'
        ? codeParser(t.values)
        : t.kind === 'date'
          ? leesDatum
          : t.kind === 'boolean'
            ? leesJaNee
            : leesGemeenteCode;
  return { name: col.name as keyof Registratie, required: col.required === true, parse };
});

const MELDING_ONLY = COLUMNS.filter((c) => c.meldingOnly).map((c) => c.name);

/** A filled column that needs another one filled too. */
const VEREIST: readonly [keyof Registratie, keyof Registratie, string][] = [
  [
    'besluit_veiligheidsbeoordeling',
    'datum_veiligheidsbeoordeling',
    'datum_veiligheidsbeoordeling ontbreekt terwijl besluit_veiligheidsbeoordeling is ingevuld',
  ],
  [
    'datum_veiligheidsbeoordeling',
    'besluit_veiligheidsbeoordeling',
    'besluit_veiligheidsbeoordeling ontbreekt terwijl datum_veiligheidsbeoordeling is ingevuld',
  ],
  ['datum_besluit_vervolg', 'vervolg', 'vervolg ontbreekt terwijl datum_besluit_vervolg is ingevuld'],
  ['vervolg', 'datum_besluit_vervolg', 'datum_besluit_vervolg ontbreekt terwijl vervolg is ingevuld'],
  ['datum_einde_vv', 'datum_start_vv', 'datum_start_vv ontbreekt terwijl datum_einde_vv is ingevuld'],
  ['datum_einde_onderzoek', 'datum_start_onderzoek', 'datum_start_onderzoek ontbreekt terwijl datum_einde_onderzoek is ingevuld'],
  ['uitkomst_onderzoek', 'datum_einde_onderzoek', 'datum_einde_onderzoek ontbreekt terwijl uitkomst_onderzoek is ingevuld'],
  ['datum_overdracht', 'overdracht_aan', 'overdracht_aan ontbreekt terwijl datum_overdracht is ingevuld'],
  ['overdracht_aan', 'datum_overdracht', 'datum_overdracht ontbreekt terwijl overdracht_aan is ingevuld'],
];

/** Start and end dates that must be in order. */
const VOLGORDE: readonly [keyof Registratie, keyof Registratie][] = [
  ['datum_start_vv', 'datum_einde_vv'],
  ['datum_start_onderzoek', 'datum_einde_onderzoek'],
  // issue 25 §3 on purpose: the protocol's order of the VB, the besluit vervolg and what follows
  ['datum_veiligheidsbeoordeling', 'datum_besluit_vervolg'],
  ['datum_veiligheidsbeoordeling', 'datum_start_vv'],
  ['datum_veiligheidsbeoordeling', 'datum_start_onderzoek'],
  ['datum_besluit_vervolg', 'datum_start_vv'],
  ['datum_besluit_vervolg', 'datum_start_onderzoek'],
  ['datum_veiligheidsbeoordeling', 'datum_overdracht'],
];

/** Collects the errors of one row (one object per row: the checks run for every line of an export). */
class Fouten {
  readonly lijst: RijFout[] = [];

  constructor(
    private readonly ctx: RowContext,
    private readonly raw: Record<string, RawCell>,
  ) {}

  /** An error on `kolom`; the value reported is that column's cell as the file gave it. */
  fout(kolom: string, melding: string): void {
    this.lijst.push({ bestand: this.ctx.bestand, regel: this.ctx.regel, kolom, waarde: toonWaarde(cellText(this.raw[kolom])), melding });
  }
}

/** A value as an error message shows it: control characters visible, at most 80 characters. */
function toonWaarde(tekst: string): string {
  // eslint-disable-next-line no-control-regex
  const zichtbaar = tekst.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return zichtbaar.length > 80 ? `${zichtbaar.slice(0, 80)}…` : zichtbaar;
}

export interface ValidatieOpties {
  /**
   * Only the cells themselves (types, codes, limits), not the rules between columns: a file
   * that carries some columns is checked against the merge with the stored registration.
   */
  alleenVelden?: boolean;
}

/**
 * Validates one row (already keyed by canonical column names) against the types and the
 * consistency rules of the export format. Collects every error of the row.
 */
export function controleerRij(raw: Record<string, RawCell>, ctx: RowContext, opties: ValidatieOpties = {}): RowResult {
  const fouten = new Fouten(ctx, raw);
  const out = kolomObject<Waarde>(null);
  const mislukt = new Set<string>();
  for (const col of PARSERS) {
    const cell = raw[col.name];
    if (cellText(cell) === '') {
      out[col.name] = null;
      if (col.required) fouten.fout(col.name, `${col.name} is verplicht en ontbreekt`);
      continue;
    }
    const parsed = col.parse(cell);
    if (parsed.ok) out[col.name] = parsed.value;
    else {
      out[col.name] = null;
      mislukt.add(col.name);
      fouten.fout(col.name, `${toonWaarde(cellText(cell))} ${parsed.melding}`);
    }
  }
  const r = out as unknown as Registratie;

  if (r.registratie_id !== null) {
    (r as { registratie_id: string }).registratie_id = r.registratie_id.toUpperCase();
    // untrimmed: a TAB or line break at either end is as wrong as one inside
    if (STUURTEKENS.test(String(raw.registratie_id))) fouten.fout('registratie_id', 'registratie_id bevat een stuurteken (zoals NUL, CR, LF of TAB)');
    else if (r.registratie_id.length > MAX_ID_LENGTE) {
      fouten.fout('registratie_id', `registratie_id is ${r.registratie_id.length} tekens lang; het maximum is ${MAX_ID_LENGTE}`);
    }
  }

  // gemeente: code wins; otherwise the name must be a known (region or former) gemeente
  if (r.gemeente_code === null && r.gemeente !== null && cellText(raw.gemeente_code) === '') {
    const code = ctx.regio.codeVoorNaam(r.gemeente);
    if (code) r.gemeente_code = code;
    else fouten.fout('gemeente', `onbekende gemeente "${r.gemeente}"; geef voor een gemeente buiten de regio de gemeente_code`);
  }

  // dates: not before Veilig Thuis existed, not after the ingest day
  for (const name of DATE_COLUMNS) {
    const value = out[name as keyof Registratie] as string | null;
    if (value === null) continue;
    if (value > ctx.vandaag) fouten.fout(name, `datum ${value} ligt in de toekomst (na ${ctx.vandaag})`);
    else if (value < EERSTE_DATUM) fouten.fout(name, `datum ${value} ligt vóór ${EERSTE_DATUM}, de start van Veilig Thuis`);
  }
  if (!opties.alleenVelden) controleerRegels(r, fouten, mislukt);
  return fouten.lijst.length > 0 ? { ok: false, fouten: fouten.lijst } : { ok: true, registratie: r };
}

/**
 * The rules between columns, on a merged registration (the stored version with the columns a
 * file carries): the errors name the merged values.
 */
export function controleerSamengevoegd(r: Registratie, ctx: RowContext): RijFout[] {
  const fouten = new Fouten(ctx, r as unknown as Record<string, RawCell>);
  controleerRegels(r, fouten, new Set());
  return fouten.lijst;
}

function controleerRegels(r: Registratie, fouten: Fouten, mislukt: Set<string>): void {
  const out = r as unknown as Record<string, Waarde>;
  for (const name of DATE_COLUMNS) {
    const value = out[name] as string | null;
    if (value !== null && r.datum_binnenkomst !== null && name !== 'datum_binnenkomst' && value < r.datum_binnenkomst) {
      fouten.fout(name, `datum ${value} ligt vóór datum_binnenkomst (${r.datum_binnenkomst})`);
    }
  }

  if (r.soort === 'advies') {
    for (const name of MELDING_ONLY) {
      if (out[name as keyof Registratie] === null) continue;
      // monitoring = nee says nothing about a melding; only "ja" conflicts with an advies
      if (name === 'monitoring' && out.monitoring === 0) continue;
      fouten.fout(name, `een advies heeft geen ${name}; dit veld hoort alleen bij een melding`);
    }
  }

  for (const [ingevuld, nodig, melding] of VEREIST) {
    if (r[ingevuld] !== null && r[nodig] === null && !mislukt.has(ingevuld) && !mislukt.has(nodig)) fouten.fout(nodig, melding);
  }

  if (r.vervolg !== null && r.besluit_veiligheidsbeoordeling !== 'vervolg_veilig_thuis') {
    fouten.fout('vervolg', `vervolg vraagt besluit_veiligheidsbeoordeling vervolg_veilig_thuis (nu: ${r.besluit_veiligheidsbeoordeling ?? 'leeg'})`);
  }
  for (const [start, einde] of VOLGORDE) {
    const s = r[start] as string | null;
    const e = r[einde] as string | null;
    if (s !== null && e !== null && e < s) fouten.fout(einde, `${einde} (${e}) ligt vóór ${start} (${s})`);
  }
}

/** rijHash before: a template per field, looked up by name. */
export function rijHash(r: Registratie): string {
  // one string, one-shot hash: the same digest as updating field by field, at a third of the cost
  let tekst = '';
  for (const c of COLUMN_NAMES) tekst += `${r[c as keyof Registratie] ?? '\u0000'}\u001f`;
  return hash('sha1', tekst, 'hex');
}
