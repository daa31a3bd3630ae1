import { isValidYmd, ymd } from '../calendar/dates.js';

/** A raw cell as the readers deliver it: text from CSV, text/number/Date from XLSX. */
export type RawCell = string | number | boolean | Date | null | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; melding: string };

/**
 * A cell that is not a value of its column: the message after the cell's value. The per-cell
 * parsers return the value itself or one of these (made once), so a valid cell allocates nothing.
 */
export class Ongeldig {
  constructor(readonly melding: string) {}
}

/** The parser of one column: the cell and its text (`cellText(cell)`, not empty) to its value. */
export type CelParser = (cell: RawCell, text: string) => string | number | Ongeldig;

/**
 * Characters that show as nothing or reorder text without being part of it: zero-width space,
 * non-joiner and joiner, word joiner (U+2060) and the other invisible operators, the byte order
 * mark / zero-width no-break space, the soft hyphen, and the bidirectional controls (LRM, RLM,
 * ALM, the embeddings, overrides and isolates).
 */
const ONZICHTBAAR = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/**
 * The one normal form of text that is compared or stored (ids, codes, headers, every cell):
 * Unicode NFKC (fullwidth digits and letters, ligatures and the like become their plain
 * form), invisible and bidirectional control characters removed, and trimmed. Printable ASCII
 * (almost every cell of an export) is returned after the trim check without any of that.
 */
export function normaliseerTekst(s: string): string {
  const n = s.length;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 126) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    if (n === 0) return s;
    const a = s.charCodeAt(0);
    const b = s.charCodeAt(n - 1);
    if (a > 32 && b > 32) return s;
    return s.trim();
  }
  return s.normalize('NFKC').replace(ONZICHTBAAR, '').trim();
}

export function cellText(cell: RawCell): string {
  if (typeof cell === 'string') return normaliseerTekst(cell);
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const uitCel = <T>(waarde: T | Ongeldig): Parsed<T> => (waarde instanceof Ongeldig ? { ok: false, melding: waarde.melding } : { ok: true, value: waarde });

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DUTCH = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const GEEN_GELDIGE_DATUM = new Ongeldig('is geen geldige datum');
const GEEN_BESTAANDE_DATUM = new Ongeldig('is geen bestaande datum');
const GEEN_DATUM = new Ongeldig('is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ');

/** The digit at `i` of `text` (0–9), or -1 for anything else. */
function cijfer(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Year·10000 + month·100 + day of text in the strict form `YYYY-MM-DD` (digits 0–9, existence
 * not checked), or -1: the form of almost every date cell, read without a regular expression.
 */
export function isoGetal(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const y0 = cijfer(text, 0);
  const y1 = cijfer(text, 1);
  const y2 = cijfer(text, 2);
  const y3 = cijfer(text, 3);
  const m0 = cijfer(text, 5);
  const m1 = cijfer(text, 6);
  const d0 = cijfer(text, 8);
  const d1 = cijfer(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return -1;
  return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 10000 + (m0 * 10 + m1) * 100 + d0 * 10 + d1;
}

/** The date of a cell as ISO text; `text` is `cellText(cell)`. */
export const datumVanCel: CelParser = (cell, text) => {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return GEEN_GELDIGE_DATUM;
    // exceljs delivers date cells as UTC midnight of the calendar day in the sheet
    return cell.toISOString().slice(0, 10);
  }
  // the form of almost every cell of an export: already canonical, only the day needs checking
  const getal = isoGetal(text);
  if (getal >= 0) return isValidYmd(Math.floor(getal / 10000), Math.floor(getal / 100) % 100, getal % 100) ? text : GEEN_BESTAANDE_DATUM;
  let m = ISO.exec(text);
  let parts: [number, number, number] | null = null;
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = DUTCH.exec(text))) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!parts) return GEEN_DATUM;
  if (!isValidYmd(...parts)) return GEEN_BESTAANDE_DATUM;
  return ymd(...parts);
};

/** `YYYY-MM-DD`, Dutch `DD-MM-YYYY` / `D-M-YYYY`, or an XLSX date cell. */
export function leesDatum(cell: RawCell): Parsed<string> {
  return uitCel(datumVanCel(cell, cellText(cell)) as string | Ongeldig);
}

/**
 * Exact lookup of a cell's text in a short fixed list, without hashing the text: the candidates
 * are grouped by length and compared with `===` (a Set hashes every fresh cell string first;
 * measured twice as slow for the code columns). Returns the list's index, or -1.
 */
export function maakOpzoeker(values: readonly string[]): (text: string) => number {
  const perLengte: { waarde: string; index: number }[][] = [];
  values.forEach((waarde, index) => (perLengte[waarde.length] ??= []).push({ waarde, index }));
  return (text) => {
    const kandidaten = perLengte[text.length];
    if (kandidaten !== undefined) for (const k of kandidaten) if (k.waarde === text) return k.index;
    return -1;
  };
}

const JA_NEE_TEKST = ['ja', 'j', '1', 'true', 'nee', 'n', '0', 'false'] as const;
const JA_NEE_WAARDE: readonly (0 | 1)[] = [1, 1, 1, 1, 0, 0, 0, 0];
const jaNeeIndex = maakOpzoeker(JA_NEE_TEKST);
const GEEN_JA_NEE = new Ongeldig('is geen ja/nee-waarde; gebruik ja of nee');

export const jaNeeVanCel: CelParser = (cell, text) => {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  // as written (lower case) first; anything else is lower-cased first
  let i = jaNeeIndex(text);
  if (i < 0) i = jaNeeIndex(text.toLowerCase());
  return i < 0 ? GEEN_JA_NEE : JA_NEE_WAARDE[i]!;
};

export function leesJaNee(cell: RawCell): Parsed<0 | 1> {
  return uitCel(jaNeeVanCel(cell, cellText(cell)) as 0 | 1 | Ongeldig);
}

/**
 * The parser of one code list (made once per column): a cell written as the code is one
 * lookup; any other case is lower-cased first, as before.
 */
export function codeCelParser(values: readonly string[]): CelParser {
  const index = maakOpzoeker(values);
  const ongeldig = new Ongeldig(`is geen geldige code; toegestaan: ${values.join(', ')}`);
  return (_cell, text) => {
    let i = index(text);
    if (i < 0) i = index(text.toLowerCase());
    return i < 0 ? ongeldig : values[i]!;
  };
}

/** The parser of one code list (a set lookup; made once per column). */
export function codeParser(values: readonly string[]): (cell: RawCell) => Parsed<string> {
  const parse = codeCelParser(values);
  return (cell) => uitCel(parse(cell, cellText(cell)) as string | Ongeldig);
}

const GEMEENTE_CODE = /^GM\d{4}$/;
const GEEN_GEMEENTE_CODE = new Ongeldig('is geen CBS-gemeentecode (GM gevolgd door 4 cijfers, zoals GM0268)');

export const gemeenteCodeVanCel: CelParser = (_cell, text) => {
  // GM and four digits, as written: no upper-casing and no regular expression
  if (
    text.length === 6 &&
    text.charCodeAt(0) === 71 &&
    text.charCodeAt(1) === 77 &&
    (cijfer(text, 2) | cijfer(text, 3) | cijfer(text, 4) | cijfer(text, 5)) >= 0
  )
    return text;
  const hoger = text.toUpperCase();
  return GEMEENTE_CODE.test(hoger) ? hoger : GEEN_GEMEENTE_CODE;
};

export function leesGemeenteCode(cell: RawCell): Parsed<string> {
  return uitCel(gemeenteCodeVanCel(cell, cellText(cell)) as string | Ongeldig);
}
