import { describe, expect, it } from 'vitest';
import { atwFeestdagen, eerstePaasdag } from '../../../server/calendar/atw.js';
import { maakWerkdagkalender } from '../../../server/calendar/werkdagen.js';

/** Easter Sundays 2019–2030 as published (not computed by the code under test). */
const PASEN: Record<number, string> = {
  2019: '2019-04-21',
  2020: '2020-04-12',
  2021: '2021-04-04',
  2022: '2022-04-17',
  2023: '2023-04-09',
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
};

/** Independent date arithmetic with the JS Date object. */
function plus(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function verwacht(year: number): Record<string, string> {
  const pasen = PASEN[year]!;
  const is27Zondag = new Date(`${year}-04-27T12:00:00Z`).getUTCDay() === 0;
  return {
    Nieuwjaarsdag: `${year}-01-01`,
    'Goede Vrijdag': plus(pasen, -2),
    'Tweede Paasdag': plus(pasen, 1),
    Koningsdag: is27Zondag ? `${year}-04-26` : `${year}-04-27`,
    Bevrijdingsdag: `${year}-05-05`,
    Hemelvaartsdag: plus(pasen, 39),
    'Tweede Pinksterdag': plus(pasen, 50),
    'Eerste Kerstdag': `${year}-12-25`,
    'Tweede Kerstdag': `${year}-12-26`,
  };
}

describe('Atw-feestdagen', () => {
  for (let year = 2019; year <= 2030; year++) {
    it(`${year}: every holiday of art. 3 Atw`, () => {
      expect(eerstePaasdag(year)).toBe(PASEN[year]);
      expect(Object.fromEntries(atwFeestdagen(year).map((f) => [f.naam, f.datum]))).toEqual(verwacht(year));
    });
  }

  it('spot check 2024 and 2025 against the calendar', () => {
    const d2024 = atwFeestdagen(2024).map((f) => f.datum);
    expect(d2024).toEqual(['2024-01-01', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-20', '2024-12-25', '2024-12-26']);
    // 27 April 2025 is a Sunday: Koningsdag on Saturday the 26th
    expect(atwFeestdagen(2025).find((f) => f.naam === 'Koningsdag')?.datum).toBe('2025-04-26');
  });

  it('every holiday that falls on a weekday is not a werkdag; 5 mei also outside lustrum years', () => {
    const kalender = maakWerkdagkalender();
    for (let year = 2019; year <= 2030; year++) {
      for (const datum of Object.values(verwacht(year))) expect(kalender.isWerkdag(datum), datum).toBe(false);
    }
    expect(kalender.isWerkdag('2023-05-05')).toBe(false); // Friday, not a lustrum year
    expect(kalender.isWerkdag('2023-05-04')).toBe(true);
  });
});
