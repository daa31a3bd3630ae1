import { BUITEN_REGIO, ONBEKEND, REGIO, type Regio } from '../config/regio.js';
import { PER_1000_SLEUTELS } from './catalogus.js';

/**
 * What the stored indicators are keyed by, shared by the refresh that writes them and every
 * reader (pages, reports, JSON): the gebied of the region total, the gebieden of a region, the
 * definitions version.
 */
export { REGIO };
/** Bumped whenever a definition changes; printed in every report. */
export const DEFINITIEVERSIE = '2027.2';

/** The counts with a per-1,000 figure: from the catalogue. */
export const PER_1000_INDICATOREN = PER_1000_SLEUTELS;

export function gebiedenVan(regio: Regio): string[] {
  return [...regio.gemeenten.map((g) => g.code), BUITEN_REGIO, ONBEKEND];
}
