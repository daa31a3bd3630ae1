import { telDagenOp, ymd, weekday } from './dates.js';

/**
 * Holidays of the Algemene termijnenwet (art. 3), which differ from "public holiday"
 * libraries: Goede Vrijdag and 5 mei count every year.
 */
export interface Feestdag {
  datum: string;
  naam: string;
}

/** Easter Sunday (Gregorian), the anonymous algorithm (Meeus/Jones/Butcher). */
export function eerstePaasdag(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

export function koningsdag(year: number): string {
  const the27th = ymd(year, 4, 27);
  return weekday(the27th) === 0 ? ymd(year, 4, 26) : the27th;
}

export function atwFeestdagen(year: number): Feestdag[] {
  const pasen = eerstePaasdag(year);
  return [
    { datum: ymd(year, 1, 1), naam: 'Nieuwjaarsdag' },
    { datum: telDagenOp(pasen, -2), naam: 'Goede Vrijdag' },
    { datum: telDagenOp(pasen, 1), naam: 'Tweede Paasdag' },
    { datum: koningsdag(year), naam: 'Koningsdag' },
    { datum: ymd(year, 5, 5), naam: 'Bevrijdingsdag' },
    { datum: telDagenOp(pasen, 39), naam: 'Hemelvaartsdag' },
    { datum: telDagenOp(pasen, 50), naam: 'Tweede Pinksterdag' },
    { datum: ymd(year, 12, 25), naam: 'Eerste Kerstdag' },
    { datum: ymd(year, 12, 26), naam: 'Tweede Kerstdag' },
  ];
}
