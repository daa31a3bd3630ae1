/**
 * Dates are ISO `YYYY-MM-DD` strings everywhere in VT Monitor. For arithmetic they are
 * turned into day numbers (days since 1970-01-01, UTC), which avoids time zones and DST.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Two digits at `i` as a number. */
const twee = (text: string, i: number) => (text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48;

/** Year, month and day of text in the strict form `YYYY-MM-DD` (not checked for existence), or null. */
export function isoDelen(value: string): [number, number, number] | null {
  if (!ISO_DATE.test(value)) return null;
  return [twee(value, 0) * 100 + twee(value, 2), twee(value, 5), twee(value, 8)];
}

export function isIsoDate(value: string): boolean {
  const delen = isoDelen(value);
  return delen !== null && isValidYmd(...delen);
}

const DAGEN_PER_MAAND = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 1900 && year <= 2999)) return false;
  const schrikkel = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && schrikkel ? 29 : (DAGEN_PER_MAAND[month - 1] as number));
}

/**
 * Day number ↔ civil date with integer arithmetic (H. Hinnant's days_from_civil and
 * civil_from_days): these run several times for every imported registration, and a Date
 * object per call was a visible part of the import profile.
 */
export function dagnummerVan(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const d = Number(iso.slice(8, 10));
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function datumVanDagnummer(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return ymd(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function ymd(year: number, month: number, day: number): string {
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function telDagenOp(iso: string, days: number): string {
  return datumVanDagnummer(dagnummerVan(iso) + days);
}

export function daysBetween(from: string, to: string): number {
  return dagnummerVan(to) - dagnummerVan(from);
}

/** The same day `months` calendar months later, clamped to the month's last day (31 May + 1 month = 30 June). */
export function telMaandenOp(iso: string, months: number): string {
  const [y, m, d] = isoDelen(iso)!;
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = dagnummerVan(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)) - 1;
  return datumVanDagnummer(Math.min(dagnummerVan(ymd(year, month, 1)) + d - 1, last));
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekday(iso: string): number {
  return (dagnummerVan(iso) + 4) % 7;
}

export function maxDate(...dates: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || d > best)) best = d;
  return best;
}

/** Today in Europe/Amsterdam as ISO date; the clock is injectable for tests. */
/** made once: a new Intl.DateTimeFormat costs milliseconds, and every request asks for today */
const AMSTERDAMSE_DATUM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

export function vandaagInAmsterdam(now: Date = new Date()): string {
  return AMSTERDAMSE_DATUM.format(now);
}
