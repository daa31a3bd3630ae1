import type { Regio } from '../config/regio.js';
import { COLUMNS, DATE_COLUMNS, kolomObject, type Registratie } from '../registraties/schema.js';
import { cellText, codeParser, leesJaNee, leesDatum, leesGemeenteCode, type Parsed, type RawCell } from './values.js';

export interface RijFout {
  bestand: string;
  regel: number;
  kolom: string;
  waarde: string;
  melding: string;
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
  ['besluit_veiligheidsbeoordeling', 'datum_veiligheidsbeoordeling', 'datum_veiligheidsbeoordeling ontbreekt terwijl besluit_veiligheidsbeoordeling is ingevuld'],
  ['datum_veiligheidsbeoordeling', 'besluit_veiligheidsbeoordeling', 'besluit_veiligheidsbeoordeling ontbreekt terwijl datum_veiligheidsbeoordeling is ingevuld'],
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
