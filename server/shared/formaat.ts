/** Dutch number and date formats (`1.527`, `29,4%`, `1 januari 2019`). */
const geheel = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimaal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** CBS's verklaring van tekens: `.` a figure that is hidden or unknown, `–` nihil, `*` provisional. */
export const TEKEN_GEHEIM = '.';
export const TEKEN_NIHIL = '–';
export const TEKEN_VOORLOPIG = '*';

export function formatGetal(value: number | null | undefined, decimalen?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return TEKEN_GEHEIM;
  if (decimalen !== undefined) {
    return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimalen, maximumFractionDigits: decimalen }).format(value);
  }
  return Number.isInteger(value) ? geheel.format(value) : decimaal.format(value);
}

export function formatPercentage(value: number | null | undefined): string {
  return value === null || value === undefined ? TEKEN_GEHEIM : `${decimaal.format(value)}%`;
}

/** `+29,4%` / `−3,1%`; null → "niet te berekenen" is for sentences, here a dash. */
export function formatGroei(value: number | null | undefined): string {
  if (value === null || value === undefined) return TEKEN_GEHEIM;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${decimaal.format(Math.abs(value))}%`;
}

export function formatDatum(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${maanden[(m ?? 1) - 1]} ${y}`;
}

/** Euros shown in thousands as in the report: `€ 2.084`, `€ −1.234`; null → dash. */
export function formatKeuro(euros: number | null | undefined): string {
  if (euros === null || euros === undefined) return '–';
  const k = Math.round(Math.abs(euros) / 1000) * Math.sign(euros);
  return `€ ${k < 0 ? '−' : ''}${geheel.format(Math.abs(k))}`;
}
