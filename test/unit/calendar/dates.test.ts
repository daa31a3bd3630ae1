import { describe, expect, it } from 'vitest';
import { addDays as dfAddDays, differenceInCalendarDays, formatISO, getDay, parseISO } from 'date-fns';
import { telDagenOp, daysBetween, datumVanDagnummer, isValidYmd, dagnummerVan, weekday } from '../../../server/calendar/dates.js';
import { formatteerDatum } from '../../../server/shared/formaat.js';

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

describe('day numbers', () => {
  it('agree with the JavaScript Date for every day from 1900 to 2100', () => {
    const afwijkend: number[] = [];
    for (let dag = dagnummerVan('1900-01-01'); dag <= dagnummerVan('2100-12-31'); dag++) {
      const iso = new Date(dag * 86_400_000).toISOString().slice(0, 10);
      if (datumVanDagnummer(dag) !== iso || dagnummerVan(iso) !== dag) afwijkend.push(dag);
    }
    expect(afwijkend).toEqual([]);
    expect(dagnummerVan('1970-01-01')).toBe(0);
  });

  it('cross months, leap days and years', () => {
    expect(telDagenOp('2024-02-28', 1)).toBe('2024-02-29');
    expect(telDagenOp('2023-02-28', 1)).toBe('2023-03-01');
    expect(telDagenOp('2024-12-31', 1)).toBe('2025-01-01');
    expect(telDagenOp('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2019-01-01', '2020-01-01')).toBe(365);
    expect(weekday('2026-11-22')).toBe(0); // a Sunday
  });

  it('a date exists only with a real day of its month', () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(1900, 2, 29)).toBe(false); // divisible by 100, not by 400
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isValidYmd(2024, 4, 31)).toBe(false);
    expect(isValidYmd(2024, 13, 1)).toBe(false);
    expect(isValidYmd(2024, 0, 1)).toBe(false);
    expect(isValidYmd(2024, 1, 0)).toBe(false);
    expect(isValidYmd(Number.NaN, 1, 1)).toBe(false);
  });
});

describe('the integer day arithmetic agrees with date-fns for every day 2015–2030', () => {
  it('telDagenOp, daysBetween and weekday', () => {
    const afwijkend: string[] = [];
    const start = dagnummerVan('2015-01-01');
    for (let dag = start; dag <= dagnummerVan('2030-12-31'); dag++) {
      const iso = datumVanDagnummer(dag);
      const d = parseISO(iso);
      if (iso !== formatISO(d, { representation: 'date' })) afwijkend.push(`${iso}: ${formatISO(d)}`);
      if (telDagenOp(iso, 1) !== formatISO(dfAddDays(d, 1), { representation: 'date' })) afwijkend.push(`${iso} + 1`);
      if (telDagenOp(iso, -70) !== formatISO(dfAddDays(d, -70), { representation: 'date' })) afwijkend.push(`${iso} − 70`);
      if (daysBetween('2015-01-01', iso) !== differenceInCalendarDays(d, parseISO('2015-01-01'))) afwijkend.push(`${iso} days`);
      if (weekday(iso) !== getDay(d)) afwijkend.push(`${iso} weekday`);
    }
    expect(afwijkend).toEqual([]);
  });

  it('formatteerDatum writes the Dutch date of date-fns’ nl locale, on every day', () => {
    const afwijkend: string[] = [];
    for (let dag = dagnummerVan('2015-01-01'); dag <= dagnummerVan('2030-12-31'); dag += 1) {
      const iso = datumVanDagnummer(dag);
      const [y, m, d] = iso.split('-').map(Number);
      const verwacht = `${d} ${MAANDEN[m! - 1]} ${y}`;
      if (formatteerDatum(iso) !== verwacht) afwijkend.push(`${iso}: ${formatteerDatum(iso)}`);
    }
    expect(afwijkend).toEqual([]);
    expect(formatteerDatum('2019-01-01')).toBe('1 januari 2019');
    expect(formatteerDatum('2026-12-01T23:30:00.000Z')).toBe('1 december 2026');
  });
});
