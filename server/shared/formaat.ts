/** Dutch number and date formats (`1.527`, `29,4%`, `1 januari 2019`). */
import { format, parseISO } from 'date-fns';
// the one locale, not `date-fns/locale` (every locale: 1,1 s to load)
import { nl } from 'date-fns/locale/nl';

const geheel = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimaal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** CBS's verklaring van tekens: `.` a figure that is hidden or unknown, `–` nihil, `*` provisional. */
export const TEKEN_GEHEIM = '.';
export const TEKEN_NIHIL = '–';
export const TEKEN_VOORLOPIG = '*';

export function formatteerGetal(value: number | null | undefined, decimalen?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return TEKEN_GEHEIM;
  if (decimalen !== undefined) {
    return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimalen, maximumFractionDigits: decimalen }).format(value);
  }
  return Number.isInteger(value) ? geheel.format(value) : decimaal.format(value);
}

export function formatteerPercentage(value: number | null | undefined): string {
  return value === null || value === undefined ? TEKEN_GEHEIM : `${decimaal.format(value)}%`;
}

/** `+29,4%` / `−3,1%`; null → "niet te berekenen" is for sentences, here a dash. */
export function formatteerGroei(value: number | null | undefined): string {
  if (value === null || value === undefined) return TEKEN_GEHEIM;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${decimaal.format(Math.abs(value))}%`;
}

/**
 * `1 januari 2019`, with date-fns and its Dutch locale (not on a hot path). `parseISO` reads a
 * date without time as local midnight and `format` writes local time, so the day never shifts.
 */
export function formatteerDatum(iso: string | null | undefined): string {
  if (!iso) return '–';
  return format(parseISO(iso.slice(0, 10)), 'd MMMM yyyy', { locale: nl });
}

/** Euros shown in thousands as in the report: `€ 2.084`, `€ −1.234`; null → dash. */
export function formatteerKeuro(euros: number | null | undefined): string {
  if (euros === null || euros === undefined) return '–';
  const k = Math.round(Math.abs(euros) / 1000) * Math.sign(euros);
  return `€ ${k < 0 ? '−' : ''}${geheel.format(Math.abs(k))}`;
}

/**
 * Euros in thousands WITHOUT the euro sign, for a column whose header says `(× € 1.000)`: `2.084`,
 * `−1.646`; null → dash. A cell `€ 2.084` would read as two thousand euro.
 */
export function formatteerDuizendEuro(euros: number | null | undefined): string {
  if (euros === null || euros === undefined) return TEKEN_NIHIL;
  const k = Math.round(Math.abs(euros) / 1000) * Math.sign(euros);
  return `${k < 0 ? '−' : ''}${geheel.format(Math.abs(k))}`;
}

/** Whole euros: `€ 2.083.750`, `€ −86.000`. */
export function formatteerEuro(euros: number): string {
  return `€ ${euros < 0 ? '−' : ''}${geheel.format(Math.abs(Math.round(euros)))}`;
}

const tijdstip = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A stored UTC timestamp as Dutch local time in Europe/Amsterdam: `1 december 2026 om 20:03:28`. */
export function formatteerTijdstip(iso: string | null | undefined): string {
  if (!iso) return '–';
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : tijdstip.format(t);
}
