import { mediaanEnP90, type Histogram } from '../shared/getallen.js';
import type { Telling } from './compute.js';

/**
 * The distributions behind the quarter's doorlooptijden, stored beside the catalogue (indicator
 * `histogrammen`, not part of any JSON answer): a half year's or a year's median is the median of
 * all its registrations, which only the summed distributions give — never an average of quarter
 * medians. Stored as sorted `[value, count]` pairs.
 */
export const HISTOGRAMMEN = ['vb_werkdagen', 'onderzoek_dagen', 'vv_dagen'] as const;
export type HistogramSleutel = (typeof HISTOGRAMMEN)[number];
export type OpgeslagenHistogrammen = Record<HistogramSleutel, [number, number][]>;

/** The stored indicator of one kwartaal × gebied. */
export function histogramWaarden(t: Pick<Telling, HistogramSleutel>): { histogrammen: OpgeslagenHistogrammen } {
  const paren = (h: Histogram) => [...h.entries()].sort((a, b) => a[0] - b[0]);
  return { histogrammen: { vb_werkdagen: paren(t.vb_werkdagen), onderzoek_dagen: paren(t.onderzoek_dagen), vv_dagen: paren(t.vv_dagen) } };
}

/** The sum of stored distributions (of several quarters); null when one of them is missing. */
export function somHistogram(opgeslagen: (OpgeslagenHistogrammen | undefined)[], sleutel: HistogramSleutel): Histogram | null {
  const som: Histogram = new Map();
  for (const o of opgeslagen) {
    if (!o || !Array.isArray(o[sleutel])) return null;
    for (const [v, c] of o[sleutel]) som.set(v, (som.get(v) ?? 0) + c);
  }
  return som;
}

/** Median and p90 over the union of the quarters' registrations (null values without a distribution). */
export function periodeMediaan(opgeslagen: (OpgeslagenHistogrammen | undefined)[], sleutel: HistogramSleutel): { mediaan: number | null; p90: number | null } {
  const h = somHistogram(opgeslagen, sleutel);
  return h ? mediaanEnP90(h) : { mediaan: null, p90: null };
}
