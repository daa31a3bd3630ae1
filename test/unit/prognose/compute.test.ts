import { describe, expect, it } from 'vitest';
import { percentiel, scenarioPad, voorspel, type Dagreeks } from '../../../server/prognose/compute.js';

/** A series with `perMaand[i]` registrations on the 15th of month i+1 of each year. */
function reeks(jaren: Record<number, number[]>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [jaar, perMaand] of Object.entries(jaren)) perMaand.forEach((n, i) => m.set(`${jaar}-${String(i + 1).padStart(2, '0')}-15`, n));
  return m;
}
const zes = (a: number, b: number) => [a, a, a, a, a, a, b, b, b, b, b, b];

// 2020: 60 by 30 June of 180 (share 1/3); 2021: 120 of 240 (1/2); 2022: 90 of 270 (1/3); 2023: 84 by 30 June
const DATA = reeks({ 2020: zes(10, 20), 2021: zes(20, 20), 2022: zes(15, 30), 2023: [14, 14, 14, 14, 14, 14] });

describe('forecast from the seasonal pattern', () => {
  it('is exact on known monthly counts: 84 / mean share 7/18 = 216, backtest errors +50% and −20%, interval ± 50%', () => {
    const v = voorspel(DATA, 2023, '2023-06-30', '2020-01-01');
    expect(v.waargenomen).toBe(84);
    expect(v.referentiejaren).toEqual([2020, 2021, 2022]);
    expect(v.aandeel).toBeCloseTo(7 / 18, 12);
    expect(v.verwacht).toBeCloseTo(216, 9);
    // 2021 from 2020 alone: 120 / (1/3) = 360 against 240; 2022 from 2020–2021: 90 / (5/12) = 216 against 270
    expect(v.backtest.map((b) => [b.jaar, b.peildatum, b.gerealiseerd])).toEqual([
      [2021, '2021-06-30', 240],
      [2022, '2022-06-30', 270],
    ]);
    expect(v.backtest[0]!.verwacht).toBeCloseTo(360, 9);
    expect(v.backtest[0]!.relatieve_fout).toBeCloseTo(0.5, 12);
    expect(v.backtest[1]!.verwacht).toBeCloseTo(216, 9);
    expect(v.backtest[1]!.relatieve_fout).toBeCloseTo(-0.2, 12);
    // two years: ± the largest error (50%); realised = forecast / (1 + error)
    expect(v.ondergrens).toBeCloseTo(216 / 1.5, 9);
    expect(v.bovengrens).toBeCloseTo(216 / 0.5, 9);
    expect(v.interval).toContain('grootste relatieve fout van 2 eerdere jaren');
  });

  it('a first year of data without 1 January is no reference year; a complete year is its own forecast', () => {
    expect(voorspel(DATA, 2023, '2023-06-30', '2020-03-01').referentiejaren).toEqual([2021, 2022]);
    const af = voorspel(DATA, 2022, '2022-12-31', '2020-01-01');
    expect([af.waargenomen, af.verwacht, af.ondergrens, af.bovengrens]).toEqual([270, 270, 270, 270]);
    expect(voorspel(reeks({ 2023: [5] }), 2023, '2023-01-31', '2023-01-01')).toMatchObject({ waargenomen: 5, verwacht: null, ondergrens: null });
  });

  it('with 5 or more backtest years the interval is the 10th and 90th percentile of the errors (type 7)', () => {
    expect(percentiel([0.5, 0.1, 0.3, 0.2, 0.4], 0.1)).toBeCloseTo(0.14, 12);
    expect(percentiel([0.5, 0.1, 0.3, 0.2, 0.4], 0.9)).toBeCloseTo(0.46, 12);
    const jaren: Record<number, number[]> = {};
    [10, 12, 9, 14, 11, 13, 10].forEach((a, i) => (jaren[2015 + i] = zes(a, 10 + i)));
    jaren[2022] = [12, 12, 12, 12, 12, 12];
    const v = voorspel(reeks(jaren), 2022, '2022-06-30', '2015-01-01');
    expect(v.backtest).toHaveLength(6);
    expect(v.interval).toContain('10e en 90e percentiel van de relatieve fouten van 6 eerdere jaren');
    const f = v.backtest.map((b) => b.relatieve_fout);
    expect(v.ondergrens).toBeCloseTo(Math.max(72, v.verwacht! / (1 + percentiel(f, 0.9))), 9);
    expect(v.bovengrens).toBeCloseTo(v.verwacht! / (1 + percentiel(f, 0.1)), 9);
  });

  it('the interval always contains what is observed (400 seeded random series)', () => {
    let s = 17;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    let getoetst = 0;
    for (let i = 0; i < 400; i++) {
      const jaren: Record<number, number[]> = {};
      const aantalJaren = 2 + Math.floor(rnd() * 7);
      for (let j = 0; j < aantalJaren; j++) jaren[2018 + j] = Array.from({ length: 12 }, () => Math.floor(rnd() * 40));
      const jaar = 2018 + aantalJaren;
      const maand = 1 + Math.floor(rnd() * 11);
      jaren[jaar] = Array.from({ length: maand }, () => Math.floor(rnd() * 60));
      const v = voorspel(reeks(jaren), jaar, `${jaar}-${String(maand).padStart(2, '0')}-28`, '2018-01-01');
      if (v.verwacht === null || v.ondergrens === null) continue;
      getoetst++;
      expect(v.ondergrens).toBeGreaterThanOrEqual(v.waargenomen);
      expect(v.verwacht).toBeGreaterThanOrEqual(v.waargenomen);
      if (v.bovengrens !== null) expect(v.bovengrens).toBeGreaterThanOrEqual(v.ondergrens);
    }
    expect(getoetst).toBeGreaterThan(300);
  });

  it('no leak of the future: changing every day after the cut-off changes neither the forecast nor any backtest forecast', () => {
    const voor = voorspel(DATA, 2023, '2023-06-30', '2020-01-01');
    const gewijzigd = new Map(DATA);
    for (const d of ['2023-07-01', '2023-07-15', '2023-12-31', '2024-01-15']) gewijzigd.set(d, 999);
    expect(voorspel(gewijzigd, 2023, '2023-06-30', '2020-01-01')).toEqual(voor);
    // the backtest of 2022 stops at 30 June 2022: what came after changes the realised figure only
    const laat2022 = new Map(DATA);
    laat2022.set('2022-09-15', 1000);
    const na = voorspel(laat2022 as Dagreeks, 2023, '2023-06-30', '2020-01-01');
    expect(na.backtest[1]!.verwacht).toBeCloseTo(voor.backtest[1]!.verwacht, 9);
    expect(na.backtest[1]!.gerealiseerd).toBe(270 - 30 + 1000);
  });
});

describe('scenario paths', () => {
  it('compound the configured percentages from the base year, one figure or per year', () => {
    expect(scenarioPad(1000, 2019, 5, 2019)).toBe(1000);
    expect(scenarioPad(1000, 2019, 5, 2021)).toBeCloseTo(1102.5, 9);
    expect(scenarioPad(1000, 2019, 5, 2018)).toBeNull();
    // 2020: +10%, 2021 takes 2020's +10%, 2022: −5%
    expect(scenarioPad(1000, 2019, { 2020: 10, 2022: -5 }, 2022)).toBeCloseTo(1000 * 1.1 * 1.1 * 0.95, 9);
    // a year before the first listed takes the first
    expect(scenarioPad(1000, 2019, { 2021: 2 }, 2020)).toBeCloseTo(1020, 9);
  });
});
