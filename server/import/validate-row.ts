import type { Regio } from '../config/regio.js';
import { COLUMN_NAMES, COLUMNS, DATE_COLUMNS, type Registratie } from '../registraties/schema.js';
import { cellText, codeCelParser, datumVanCel, gemeenteCodeVanCel, jaNeeVanCel, Ongeldig, type CelParser, type RawCell } from './values.js';
import { veldBegin } from './hash.js';

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

/** `idOrigineel`: the registratie_id as written, when its normal form differs (other than in case). */
export type RowResult = { ok: true; registratie: Registratie; idOrigineel?: string } | { ok: false; fouten: RijFout[] };

type Waarde = string | number | null;

const AANTAL = COLUMNS.length;
const plaats = (naam: keyof Registratie): number => COLUMN_NAMES.indexOf(naam);
/** A bit per column (27 fit in one integer): the cells that did not parse. */
const bit = (i: number): number => 1 << i;
if (AANTAL > 31) throw new Error('validate-row: more columns than bits in the mask of failed cells');

/** Each column's parser, made once: the code lists become sets; `null`: the trimmed text is the value. */
const KOLOMMEN: readonly { name: keyof Registratie; required: boolean; parse: CelParser | null }[] = COLUMNS.map((col) => {
  const t = col.type;
  const parse =
    t.kind === 'text'
      ? null
      : t.kind === 'code'
        ? codeCelParser(t.values)
        : t.kind === 'date'
          ? datumVanCel
          : t.kind === 'boolean'
            ? jaNeeVanCel
            : gemeenteCodeVanCel;
  return { name: col.name as keyof Registratie, required: col.required === true, parse };
});

const ID = plaats('registratie_id');
const SOORT = plaats('soort');
const BINNENKOMST = plaats('datum_binnenkomst');
const GEMEENTE_CODE = plaats('gemeente_code');
const GEMEENTE = plaats('gemeente');
const MONITORING = plaats('monitoring');
const VERVOLG = plaats('vervolg');
const BESLUIT_VB = plaats('besluit_veiligheidsbeoordeling');
const DATUMS = DATE_COLUMNS.map((c) => plaats(c as keyof Registratie));
const MELDING_ONLY = COLUMNS.filter((c) => c.meldingOnly).map((c) => plaats(c.name as keyof Registratie));

/** A filled column that needs another one filled too: [filled, needed, message]. */
const VEREIST: readonly [number, number, string][] = (
  [
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
  ] as const
).map(([ingevuld, nodig, melding]) => [plaats(ingevuld), plaats(nodig), melding]);

/**
 * Dates the Handelingsprotocol orders, where the later one before the earlier one is impossible
 * and would make a duration or a waiting time negative: a refusal (docs/import.md, "Volgorde van
 * de datums"). Every date before datum_binnenkomst is refused separately.
 */
const VOLGORDE: readonly [number, number][] = (
  [
    ['datum_start_vv', 'datum_einde_vv'],
    ['datum_start_onderzoek', 'datum_einde_onderzoek'],
    ['datum_veiligheidsbeoordeling', 'datum_besluit_vervolg'],
    ['datum_veiligheidsbeoordeling', 'datum_start_vv'],
    ['datum_veiligheidsbeoordeling', 'datum_start_onderzoek'],
    ['datum_besluit_vervolg', 'datum_start_vv'],
    ['datum_besluit_vervolg', 'datum_start_onderzoek'],
    ['datum_veiligheidsbeoordeling', 'datum_overdracht'],
  ] as const
).map(([start, einde]) => [plaats(start), plaats(einde)]);

/**
 * Dates the protocol orders where the wrong order is a plausible slip of registration (a closing
 * date typed before the last step, monitoring contacts noted in the wrong field) and no figure
 * takes a duration from the pair: the line loads, with the warning `datum_volgorde`.
 */
export const VOLGORDE_WAARSCHUWING: readonly (readonly [keyof Registratie, keyof Registratie])[] = [
  ['datum_veiligheidsbeoordeling', 'datum_afgesloten'],
  ['datum_besluit_vervolg', 'datum_afgesloten'],
  ['datum_start_vv', 'datum_afgesloten'],
  ['datum_einde_vv', 'datum_afgesloten'],
  ['datum_start_onderzoek', 'datum_afgesloten'],
  ['datum_einde_onderzoek', 'datum_afgesloten'],
  ['datum_overdracht', 'datum_afgesloten'],
  ['datum_einde_monitoring', 'datum_afgesloten'],
  ['datum_overdracht', 'datum_monitoring_3m'],
  ['datum_overdracht', 'datum_monitoring_12m'],
  ['datum_monitoring_3m', 'datum_monitoring_12m'],
  ['datum_overdracht', 'datum_einde_monitoring'],
  ['datum_monitoring_3m', 'datum_einde_monitoring'],
  ['datum_monitoring_12m', 'datum_einde_monitoring'],
];

const VOLGORDE_PLAATSEN = VOLGORDE_WAARSCHUWING.map(([eerder, later]) => [COLUMN_NAMES.indexOf(eerder), COLUMN_NAMES.indexOf(later), eerder, later] as const);

/**
 * `volgordeAfwijkingen` of a registration given as its `rijHashTekst` `t` with field ends `g`
 * (`veldGrenzen`): an unchanged line of a full file is never made into an object, and its dates
 * are compared in place: a string per date only for a pair in the wrong order. An empty
 * field is the one character `leeg`.
 */
export function volgordeAfwijkingenVanTekst(t: string, g: Int32Array, leeg: string): { eerder: string; later: string; van: string; tot: string }[] | null {
  let uit: { eerder: string; later: string; van: string; tot: string }[] | null = null;
  const l = leeg.charCodeAt(0);
  for (const [i, j, eerder, later] of VOLGORDE_PLAATSEN) {
    const a0 = veldBegin(g, i);
    const a1 = g[i]!;
    const b0 = veldBegin(g, j);
    const b1 = g[j]!;
    if ((a1 - a0 === 1 && t.charCodeAt(a0) === l) || (b1 - b0 === 1 && t.charCodeAt(b0) === l)) continue;
    if (kleinerInTekst(t, b0, b1, a0, a1)) (uit ??= []).push({ eerder, later, van: t.slice(a0, a1), tot: t.slice(b0, b1) });
  }
  return uit;
}

/** `t.slice(b0, b1) < t.slice(a0, a1)` (code unit by code unit, as `<` compares strings), without the slices. */
function kleinerInTekst(t: string, b0: number, b1: number, a0: number, a1: number): boolean {
  const n = Math.min(b1 - b0, a1 - a0);
  for (let k = 0; k < n; k++) {
    const cb = t.charCodeAt(b0 + k);
    const ca = t.charCodeAt(a0 + k);
    if (cb !== ca) return cb < ca;
  }
  return b1 - b0 < a1 - a0;
}

/** The pairs of VOLGORDE_WAARSCHUWING a registration has in the wrong order (null: none). */
export function volgordeAfwijkingen(r: Registratie): { eerder: string; later: string; van: string; tot: string }[] | null {
  let uit: { eerder: string; later: string; van: string; tot: string }[] | null = null;
  for (const [eerder, later] of VOLGORDE_WAARSCHUWING) {
    const a = r[eerder] as string | null;
    const b = r[later] as string | null;
    if (a !== null && b !== null && b < a) (uit ??= []).push({ eerder, later, van: a, tot: b });
  }
  return uit;
}

/**
 * The errors of one row, made only when the row has one. The value reported is column `i`'s
 * cell as the file gave it.
 */
function fout(lijst: RijFout[] | null, ctx: RowContext, cellen: readonly RawCell[], i: number, melding: string): RijFout[] {
  const fouten = lijst ?? [];
  fouten.push({ bestand: ctx.bestand, regel: ctx.regel, kolom: COLUMN_NAMES[i]!, waarde: toonWaarde(cellText(cellen[i])), melding });
  return fouten;
}

/** A value as an error message shows it: control characters visible, at most 80 characters. */
function toonWaarde(tekst: string): string {
  // eslint-disable-next-line no-control-regex
  const zichtbaar = tekst.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return zichtbaar.length > 80 ? `${zichtbaar.slice(0, 80)}…` : zichtbaar;
}

/** A control character (U+0000–U+001F, U+007F) anywhere in the text. */
function heeftStuurteken(tekst: string): boolean {
  for (let i = 0; i < tekst.length; i++) {
    const c = tekst.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
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
  return controleerCellen(cellenVan(raw), ctx, opties);
}

/**
 * `controleerRij` of the cells in the order of COLUMNS (`undefined`: the file has no such
 * column). The checks run for every line of an export: the values go into an array by column
 * position, the rules compare positions, and an error list is only made for a row that has one.
 */
export function controleerCellen(cellen: readonly RawCell[], ctx: RowContext, opties: ValidatieOpties = {}): RowResult {
  const w: Waarde[] = new Array<Waarde>(AANTAL);
  let fouten: RijFout[] | null = null;
  let mislukt = 0;
  for (let i = 0; i < AANTAL; i++) {
    const col = KOLOMMEN[i]!;
    const cell = cellen[i];
    const text = cellText(cell);
    if (text === '') {
      w[i] = null;
      if (col.required) fouten = fout(fouten, ctx, cellen, i, `${col.name} is verplicht en ontbreekt`);
      continue;
    }
    const parsed = col.parse === null ? text : col.parse(cell, text);
    if (parsed instanceof Ongeldig) {
      w[i] = null;
      mislukt |= bit(i);
      fouten = fout(fouten, ctx, cellen, i, `${toonWaarde(text)} ${parsed.melding}`);
    } else w[i] = parsed;
  }

  const genormaliseerd = w[ID] as string | null;
  let idOrigineel: string | undefined;
  if (genormaliseerd !== null) {
    // ids are compared without regard to case: stored in upper case (docs/import.md)
    const id = genormaliseerd.toUpperCase();
    w[ID] = id;
    // untrimmed: a TAB or line break at either end is as wrong as one inside
    const rauw = cellen[ID];
    const tekst = typeof rauw === 'string' ? rauw : String(rauw);
    if (heeftStuurteken(tekst)) {
      fouten = fout(fouten, ctx, cellen, ID, 'registratie_id bevat een stuurteken (zoals NUL, CR, LF of TAB)');
    } else if (id.length > MAX_ID_LENGTE) {
      fouten = fout(fouten, ctx, cellen, ID, `registratie_id is ${id.length} tekens lang; het maximum is ${MAX_ID_LENGTE}`);
    }
    // invisible characters, fullwidth digits and the like: loaded in the normal form, and named
    if (typeof rauw === 'string' && rauw.trim() !== genormaliseerd) idOrigineel = rauw.trim();
  }

  // gemeente: code wins; otherwise the name must be a known (region or former) gemeente
  const gemeente = w[GEMEENTE] as string | null;
  if (w[GEMEENTE_CODE] === null && gemeente !== null && (mislukt & bit(GEMEENTE_CODE)) === 0) {
    const code = ctx.regio.codeVoorNaam(gemeente);
    if (code) w[GEMEENTE_CODE] = code;
    else fouten = fout(fouten, ctx, cellen, GEMEENTE, `onbekende gemeente "${gemeente}"; geef voor een gemeente buiten de regio de gemeente_code`);
  }

  // dates: not before Veilig Thuis existed, not after the ingest day
  for (const i of DATUMS) {
    const value = w[i] as string | null;
    if (value === null) continue;
    if (value > ctx.vandaag) fouten = fout(fouten, ctx, cellen, i, `datum ${value} ligt in de toekomst (na ${ctx.vandaag})`);
    else if (value < EERSTE_DATUM) fouten = fout(fouten, ctx, cellen, i, `datum ${value} ligt vóór ${EERSTE_DATUM}, de start van Veilig Thuis`);
  }
  if (!opties.alleenVelden) fouten = controleerRegels(w, ctx, cellen, fouten, mislukt);
  if (fouten !== null) return { ok: false, fouten };
  return idOrigineel === undefined ? { ok: true, registratie: registratieVan(w) } : { ok: true, registratie: registratieVan(w), idOrigineel };
}

/**
 * The rules between columns, on a merged registration (the stored version with the columns a
 * file carries): the errors name the merged values.
 */
export function controleerSamengevoegd(r: Registratie, ctx: RowContext): RijFout[] {
  const w = cellenVan(r as unknown as Record<string, RawCell>);
  return controleerRegels(w as Waarde[], ctx, w, null, 0) ?? [];
}

function controleerRegels(w: readonly Waarde[], ctx: RowContext, cellen: readonly RawCell[], lijst: RijFout[] | null, mislukt: number): RijFout[] | null {
  let fouten = lijst;
  const binnenkomst = w[BINNENKOMST] as string | null;
  if (binnenkomst !== null) {
    for (const i of DATUMS) {
      const value = w[i] as string | null;
      if (value !== null && i !== BINNENKOMST && value < binnenkomst) {
        fouten = fout(fouten, ctx, cellen, i, `datum ${value} ligt vóór datum_binnenkomst (${binnenkomst})`);
      }
    }
  }

  if (w[SOORT] === 'advies') {
    for (const i of MELDING_ONLY) {
      if (w[i] === null) continue;
      // monitoring = nee says nothing about a melding; only "ja" conflicts with an advies
      if (i === MONITORING && w[i] === 0) continue;
      fouten = fout(fouten, ctx, cellen, i, `een advies heeft geen ${COLUMN_NAMES[i]!}; dit veld hoort alleen bij een melding`);
    }
  }

  for (const [ingevuld, nodig, melding] of VEREIST) {
    if (w[ingevuld] !== null && w[nodig] === null && (mislukt & (bit(ingevuld) | bit(nodig))) === 0) fouten = fout(fouten, ctx, cellen, nodig, melding);
  }

  const besluit = w[BESLUIT_VB] as string | null;
  if (w[VERVOLG] !== null && besluit !== 'vervolg_veilig_thuis') {
    fouten = fout(fouten, ctx, cellen, VERVOLG, `vervolg vraagt besluit_veiligheidsbeoordeling vervolg_veilig_thuis (nu: ${besluit ?? 'leeg'})`);
  }
  for (const [start, einde] of VOLGORDE) {
    const s = w[start] as string | null;
    const e = w[einde] as string | null;
    if (s !== null && e !== null && e < s) {
      fouten = fout(fouten, ctx, cellen, einde, `${COLUMN_NAMES[einde]!} (${e}) ligt vóór ${COLUMN_NAMES[start]!} (${s})`);
    }
  }
  return fouten;
}

/**
 * The cells of a row in the order of COLUMNS, and the registration of values in that order. Both
 * are written out: a named property read or an object literal is one step for V8, a property
 * looked up by a name from a list is a search per cell (measured: a fifth of the validation).
 * A test keeps both equal to COLUMNS, as for kolomObject.
 */
export function cellenVan(raw: Record<string, RawCell>): RawCell[] {
  return [
    raw.registratie_id,
    raw.soort,
    raw.datum_binnenkomst,
    raw.gemeente_code,
    raw.gemeente,
    raw.melder_categorie,
    raw.beroepsgroep,
    raw.kanaal,
    raw.aard_geweld,
    raw.spoed,
    raw.eerdere_betrokkenheid,
    raw.datum_veiligheidsbeoordeling,
    raw.besluit_veiligheidsbeoordeling,
    raw.datum_besluit_vervolg,
    raw.vervolg,
    raw.datum_start_vv,
    raw.datum_einde_vv,
    raw.datum_start_onderzoek,
    raw.datum_einde_onderzoek,
    raw.uitkomst_onderzoek,
    raw.datum_overdracht,
    raw.overdracht_aan,
    raw.monitoring,
    raw.datum_monitoring_3m,
    raw.datum_monitoring_12m,
    raw.datum_einde_monitoring,
    raw.datum_afgesloten,
  ];
}

export function registratieVan(w: readonly Waarde[]): Registratie {
  return {
    registratie_id: w[0],
    soort: w[1],
    datum_binnenkomst: w[2],
    gemeente_code: w[3],
    gemeente: w[4],
    melder_categorie: w[5],
    beroepsgroep: w[6],
    kanaal: w[7],
    aard_geweld: w[8],
    spoed: w[9],
    eerdere_betrokkenheid: w[10],
    datum_veiligheidsbeoordeling: w[11],
    besluit_veiligheidsbeoordeling: w[12],
    datum_besluit_vervolg: w[13],
    vervolg: w[14],
    datum_start_vv: w[15],
    datum_einde_vv: w[16],
    datum_start_onderzoek: w[17],
    datum_einde_onderzoek: w[18],
    uitkomst_onderzoek: w[19],
    datum_overdracht: w[20],
    overdracht_aan: w[21],
    monitoring: w[22],
    datum_monitoring_3m: w[23],
    datum_monitoring_12m: w[24],
    datum_einde_monitoring: w[25],
    datum_afgesloten: w[26],
  } as unknown as Registratie;
}
