import { describe, expect, it } from 'vitest';
import { afronden, groei, mediaanEnP90, percentage } from '../../../server/shared/getallen.js';
import { formatteerDatum, formatteerGetal, formatteerPercentage } from '../../../server/shared/formaat.js';

describe('getallen', () => {
  it('percentage: one decimal, null on a zero denominator', () => {
    expect(percentage(1, 3)).toBe(33.3);
    expect(percentage(2, 3)).toBe(66.7);
    expect(percentage(1, 8)).toBe(12.5);
    expect(percentage(1, 16)).toBe(6.3); // 6,25 rounds half away from zero
    expect(percentage(0, 0)).toBeNull();
  });
  it('groei: null when the base is 0, negative half away from zero', () => {
    expect(groei(1527, 1180)).toBe(29.4);
    expect(groei(5, 0)).toBeNull();
    expect(groei(0, 0)).toBeNull();
    expect(groei(15, 16)).toBe(-6.3);
    expect(afronden(-0.05, 1)).toBe(-0.1);
  });
  it('median and p90 (nearest rank) from a histogram', () => {
    expect(mediaanEnP90(new Map())).toEqual({ mediaan: null, p90: null });
    expect(mediaanEnP90(new Map([[3, 1]]))).toEqual({ mediaan: 3, p90: 3 });
    // 1,2,3,4 → median 2,5; p90 rank ceil(3,6) = 4 → 4
    expect(
      mediaanEnP90(
        new Map([
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 1],
        ]),
      ),
    ).toEqual({ mediaan: 2.5, p90: 4 });
    // ten values 1..10 → p90 rank 9 → 9
    expect(mediaanEnP90(new Map(Array.from({ length: 10 }, (_, i) => [i + 1, 1])))).toEqual({ mediaan: 5.5, p90: 9 });
  });
  it('Dutch formats', () => {
    expect(formatteerGetal(1527)).toBe('1.527');
    expect(formatteerPercentage(29.4)).toBe('29,4%');
    expect(formatteerDatum('2019-01-01')).toBe('1 januari 2019');
  });
});
