import { isoDelen, isValidYmd, ymd } from '../calendar/dates.js';

/** A raw cell as the readers deliver it: text from CSV, text/number/Date from XLSX. */
export type RawCell = string | number | boolean | Date | null | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; melding: string };

export function cellText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
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
