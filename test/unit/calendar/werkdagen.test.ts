import { describe, expect, it } from 'vitest';
import { maakWerkdagkalender } from '../../../server/calendar/werkdagen.js';

const kalender = maakWerkdagkalender();

describe('werkdagen', () => {
  it('the day of receipt is day 0; weekends do not count', () => {
    expect(kalender.werkdagenTussen('2023-03-06', '2023-03-06')).toBe(0);
    expect(kalender.werkdagenTussen('2023-03-06', '2023-03-13')).toBe(5); // Monday → next Monday
    expect(kalender.werkdagenTussen('2023-03-11', '2023-03-13')).toBe(1); // Saturday → Monday
  });

  it.each([
    // [binnenkomst, 5th werkdag, 6th werkdag, what lies in between]
    ['2019-04-16', '2019-04-25', '2019-04-26', 'Goede Vrijdag 19-4 and Tweede Paasdag 22-4'],
    ['2024-03-27', '2024-04-05', '2024-04-08', 'Goede Vrijdag 29-3 and Tweede Paasdag 1-4'],
    ['2023-04-24', '2023-05-02', '2023-05-03', 'Koningsdag (Thursday 27-4)'],
    ['2025-04-22', '2025-04-29', '2025-04-30', 'Koningsdag on Saturday 26-4 changes nothing'],
    ['2023-05-01', '2023-05-09', '2023-05-10', '5 mei 2023, no lustrum year'],
    ['2024-05-14', '2024-05-22', '2024-05-23', 'Tweede Pinksterdag 20-5'],
    ['2024-05-06', '2024-05-14', '2024-05-15', 'Hemelvaartsdag 9-5'],
    ['2023-12-21', '2024-01-02', '2024-01-03', 'Christmas and New Year'],
  ])('binnenkomst %s: 5th werkdag %s, 6th %s (%s)', (binnenkomst, vijfde, zesde) => {
    expect(kalender.nteWerkdagNa(binnenkomst, 5)).toBe(vijfde);
    expect(kalender.nteWerkdagNa(binnenkomst, 6)).toBe(zesde);
    expect(kalender.werkdagenTussen(binnenkomst, vijfde)).toBe(5);
    expect(kalender.werkdagenTussen(binnenkomst, zesde)).toBe(6);
  });

  it('extra days by Royal Decree are configurable', () => {
    const metBrugdag = maakWerkdagkalender(['2024-05-10']);
    expect(kalender.werkdagenTussen('2024-05-08', '2024-05-13')).toBe(2);
    expect(metBrugdag.werkdagenTussen('2024-05-08', '2024-05-13')).toBe(1);
  });
});
