import { hash } from 'node:crypto';
import { COLUMN_NAMES, type Registratie } from '../registraties/schema.js';

/** An empty field in the hashed text, and the separator after every field. */
const L = '\u0000';
const S = '\u001f';

/**
 * The hash of a registration's export fields: a re-import compares it with the stored one
 * and leaves an unchanged registration alone. Stable across versions (stored with every row):
 * SHA-1 of every column of COLUMNS in order, each followed by U+001F, an empty one as U+0000.
 *
 * The fields are written out (a named read per field, one string, one-shot hash) rather than
 * looked up by name from COLUMN_NAMES: a third less per row. A test keeps the text equal to
 * that of the loop over COLUMN_NAMES, so a new column cannot be left out.
 */
export function rijHash(r: Registratie): string {
  return hash('sha1', rijHashTekst(r), 'hex');
}

/** `rijHash` of a registration whose `rijHashTekst` is already made. */
export function hashVanTekst(tekst: string): string {
  return hash('sha1', tekst, 'hex');
}

/** A field of `rijHashTekst` that was empty (null). */
export const LEEG = L;

/**
 * The fields of a `rijHashTekst`, in the order of COLUMN_NAMES (an empty one is LEEG). The worker
 * sends a prepared line as this text, not as an array of 29 values. Every value of a validated
 * registration is free of U+0000 and U+001F (codes, ISO dates, `GM` codes, names of the region
 * and ids without control characters), so the split is exact; a test keeps it so.
 */
export function veldenVanTekst(tekst: string): string[] {
  const v = tekst.split(S);
  if (v.length !== VELDEN + 1) throw new Error(`rijHashTekst met ${v.length - 1} velden in plaats van ${VELDEN}`);
  return v;
}

/** Where each field of a `rijHashTekst` ends (its U+001F), reused from line to line: see `veldGrenzen`. */
const GRENZEN = new Int32Array(COLUMN_NAMES.length);

/**
 * Where the fields of a `rijHashTekst` end: `g[i]` is the position of the U+001F after field i
 * (field i runs from `veldBegin(g, i)` to `g[i]`). The same check as `veldenVanTekst`
 * (exactly one separator per field, nothing after the last), without a string per field: an
 * unchanged line reads the few fields its warnings need in place. The array is shared and
 * overwritten by the next call.
 */
export function veldGrenzen(tekst: string): Int32Array {
  let n = 0;
  for (let p = tekst.indexOf(S); p !== -1; p = tekst.indexOf(S, p + 1)) {
    if (n < VELDEN) GRENZEN[n] = p;
    n++;
  }
  if (n !== VELDEN || GRENZEN[VELDEN - 1] !== tekst.length - 1) throw new Error(`rijHashTekst met ${n} velden in plaats van ${VELDEN}`);
  return GRENZEN;
}

/** Where field `i` of a `rijHashTekst` whose `veldGrenzen` are `g` begins (it ends at `g[i]`). */
export const veldBegin = (g: Int32Array, i: number): number => (i === 0 ? 0 : g[i - 1]! + 1);

/** Field `i` of a `rijHashTekst` whose `veldGrenzen` are `g`, as a value (an empty one is null). */
export function veldVanTekst(tekst: string, g: Int32Array, i: number): string | null {
  const v = tekst.slice(veldBegin(g, i), g[i]);
  return v === L ? null : v;
}

/** The registration of `veldenVanTekst` (written out: an object built from a list of names is slow in V8). */
export function registratieVanVelden(v: readonly string[]): Registratie {
  return {
    registratie_id: v[0]!,
    soort: v[1] as Registratie['soort'],
    datum_binnenkomst: v[2]!,
    gemeente_code: v[3] === L ? null : v[3]!,
    gemeente: v[4] === L ? null : v[4]!,
    melder_categorie: v[5] as Registratie['melder_categorie'],
    beroepsgroep: v[6] === L ? null : v[6]!,
    kanaal: v[7] === L ? null : v[7]!,
    aard_geweld: v[8] === L ? null : v[8]!,
    spoed: v[9] === L ? null : v[9] === '1' ? 1 : 0,
    eerdere_betrokkenheid: v[10] === L ? null : v[10]!,
    datum_veiligheidsbeoordeling: v[11] === L ? null : v[11]!,
    besluit_veiligheidsbeoordeling: v[12] === L ? null : v[12]!,
    datum_besluit_vervolg: v[13] === L ? null : v[13]!,
    vervolg: v[14] === L ? null : v[14]!,
    datum_start_vv: v[15] === L ? null : v[15]!,
    datum_einde_vv: v[16] === L ? null : v[16]!,
    datum_start_onderzoek: v[17] === L ? null : v[17]!,
    datum_einde_onderzoek: v[18] === L ? null : v[18]!,
    uitkomst_onderzoek: v[19] === L ? null : v[19]!,
    datum_overdracht: v[20] === L ? null : v[20]!,
    overdracht_aan: v[21] === L ? null : v[21]!,
    monitoring: v[22] === L ? null : v[22] === '1' ? 1 : 0,
    datum_monitoring_3m: v[23] === L ? null : v[23]!,
    datum_monitoring_12m: v[24] === L ? null : v[24]!,
    datum_einde_monitoring: v[25] === L ? null : v[25]!,
    datum_afgesloten: v[26] === L ? null : v[26]!,
  };
}

/** The registratie_id a `rijHashTekst` starts with. */
export const idVanTekst = (tekst: string): string => tekst.slice(0, tekst.indexOf(S));

/** The number of export fields, each in COLUMN_NAMES: the one list of the export's columns. */
const VELDEN = COLUMN_NAMES.length;

/** The text `rijHash` hashes. */
export function rijHashTekst(r: Registratie): string {
  return (
    (r.registratie_id ?? L) +
    S +
    (r.soort ?? L) +
    S +
    (r.datum_binnenkomst ?? L) +
    S +
    (r.gemeente_code ?? L) +
    S +
    (r.gemeente ?? L) +
    S +
    (r.melder_categorie ?? L) +
    S +
    (r.beroepsgroep ?? L) +
    S +
    (r.kanaal ?? L) +
    S +
    (r.aard_geweld ?? L) +
    S +
    (r.spoed ?? L) +
    S +
    (r.eerdere_betrokkenheid ?? L) +
    S +
    (r.datum_veiligheidsbeoordeling ?? L) +
    S +
    (r.besluit_veiligheidsbeoordeling ?? L) +
    S +
    (r.datum_besluit_vervolg ?? L) +
    S +
    (r.vervolg ?? L) +
    S +
    (r.datum_start_vv ?? L) +
    S +
    (r.datum_einde_vv ?? L) +
    S +
    (r.datum_start_onderzoek ?? L) +
    S +
    (r.datum_einde_onderzoek ?? L) +
    S +
    (r.uitkomst_onderzoek ?? L) +
    S +
    (r.datum_overdracht ?? L) +
    S +
    (r.overdracht_aan ?? L) +
    S +
    (r.monitoring ?? L) +
    S +
    (r.datum_monitoring_3m ?? L) +
    S +
    (r.datum_monitoring_12m ?? L) +
    S +
    (r.datum_einde_monitoring ?? L) +
    S +
    (r.datum_afgesloten ?? L) +
    S
  );
}
