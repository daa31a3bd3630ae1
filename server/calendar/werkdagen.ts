import { atwFeestdagen } from './atw.js';
import type { Dekking } from './besluiten.js';
import { datumVanDagnummer, dagnummerVan, weekday } from './dates.js';

/**
 * Werkdagen under the Algemene termijnenwet: Monday to Friday except the Atw holidays and
 * the extra days a Royal Decree declares equal to them (configurable).
 *
 * Counting uses a cumulative table per day so that `werkdagenTussen` is O(1): it runs for
 * every imported melding.
 */
export interface Werkdagkalender {
  /** the configured days besides the Atw holidays */
  extraFeestdagen: readonly string[];
  /** the years the configured decrees cover (for the warnings past them) */
  dekking: Dekking;
  isWerkdag(iso: string): boolean;
  /** Number of werkdagen d with from < d <= to (the day of receipt is day 0). */
  werkdagenTussen(from: string, to: string): number;
  /** The n-th werkdag after `from` (n >= 1). */
  nteWerkdagNa(from: string, n: number): string;
}

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

export function maakWerkdagkalender(extraFeestdagen: readonly string[] = [], dekking: Dekking = { totJaar: null, onbevestigdeJaren: [] }): Werkdagkalender {
  const firstDay = dagnummerVan(`${FIRST_YEAR}-01-01`);
  const lastDay = dagnummerVan(`${LAST_YEAR}-12-31`);
  const vrij = new Set<number>(extraFeestdagen.map(dagnummerVan));
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (const f of atwFeestdagen(y)) vrij.add(dagnummerVan(f.datum));
  }
  const cumulative = new Int32Array(lastDay - firstDay + 1);
  let count = 0;
  for (let d = firstDay; d <= lastDay; d++) {
    const wd = (d + 4) % 7;
    if (wd !== 0 && wd !== 6 && !vrij.has(d)) count++;
    cumulative[d - firstDay] = count;
  }

  function indexOf(iso: string): number {
    const i = dagnummerVan(iso) - firstDay;
    if (i < 0 || i >= cumulative.length) {
      throw new RangeError(`Datum ${iso} valt buiten de werkdagkalender (${FIRST_YEAR}–${LAST_YEAR})`);
    }
    return i;
  }

  function isWerkdag(iso: string): boolean {
    const wd = weekday(iso);
    return wd !== 0 && wd !== 6 && !vrij.has(dagnummerVan(iso));
  }

  return {
    extraFeestdagen: [...extraFeestdagen],
    dekking,
    isWerkdag,
    werkdagenTussen(from, to) {
      return (cumulative[indexOf(to)] as number) - (cumulative[indexOf(from)] as number);
    },
    nteWerkdagNa(from, n) {
      // the first day whose cumulative count is n past that of `from`
      const start = indexOf(from);
      const target = (cumulative[start] as number) + n;
      let i = start + 1;
      while (i < cumulative.length && (cumulative[i] as number) < target) i++;
      if (i >= cumulative.length) throw new RangeError(`Werkdag ${n} na ${from} valt buiten de werkdagkalender`);
      return datumVanDagnummer(firstDay + i);
    },
  };
}
