/**
 * The one rounding rule of VT Monitor: half away from zero (−6,25 → −6,3; 2,5 → 3), as the region
 * figures, protection, spiegel and prognose use it. `afronden(v, 1)`: one decimal;
 * `afrondenOp(v, 5)`: the nearest multiple of 5.
 */
export function afronden(value: number, decimalen: number): number {
  const factor = 10 ** decimalen;
  // the small epsilon undoes binary representation error (1.005 * 100 = 100.49999…)
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled + scaled * Number.EPSILON * 4) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The nearest multiple of `eenheid`, halves away from zero (with 5: 0–2 → 0, 3–7 → 5, −3 → −5). */
export function afrondenOp(value: number, eenheid: number): number {
  const r = Math.floor(Math.abs(value) / eenheid + 0.5) * eenheid;
  return value < 0 && r !== 0 ? -r : r;
}

export function percentage(teller: number, noemer: number): number | null {
  return noemer === 0 ? null : afronden((teller * 100) / noemer, 1);
}

/** `(nieuw − oud) / oud × 100`, one decimal; `null` when `oud` is 0 or unknown. */
export function groei(nieuw: number | null, oud: number | null): number | null {
  if (nieuw === null || oud === null || oud === 0) return null;
  return afronden(((nieuw - oud) * 100) / oud, 1);
}

export function per1000(aantal: number, inwoners: number | null): number | null {
  return inwoners !== null && inwoners > 0 ? afronden((aantal * 1000) / inwoners, 2) : null;
}

/** A distribution as value → count (e.g. werkdagen → number of meldingen). */
export type Histogram = Map<number, number>;

/**
 * Median (mean of the two middle values for an even count) and 90th percentile (nearest rank:
 * the smallest value with at least 90 % of the observations at or below it).
 */
export function mediaanEnP90(histogram: Histogram): { mediaan: number | null; p90: number | null } {
  let n = 0;
  for (const c of histogram.values()) n += c;
  if (n === 0) return { mediaan: null, p90: null };
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const nth = (rank: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen >= rank) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  const mediaan = n % 2 === 1 ? nth((n + 1) / 2) : (nth(n / 2) + nth(n / 2 + 1)) / 2;
  return { mediaan: afronden(mediaan, 1), p90: nth(Math.ceil(0.9 * n)) };
}
