/** The spiegel as one table (CLI, page, downloads, report): a row per figure, CBS's and our own values. */
import type { Tabel } from '../shared/tabel.js';
import type { Spiegel } from './compute.js';
import { MAAT_LABEL, SPIEGEL_MATEN } from './maten.js';

export const SPIEGEL_KOLOMMEN = [
  'Cijfer',
  'Regio (CBS)',
  'Regio per 1.000 inw.',
  'Nederland (CBS)',
  'Nederland per 1.000 inw.',
  'Eigen registratie',
  'Verschil eigen − CBS',
];

export function spiegelTabel(s: Spiegel): Tabel {
  const ster = (lijst: string[], m: string) => (lijst.includes(m) ? '*' : '');
  return {
    kolommen: SPIEGEL_KOLOMMEN,
    rijen: SPIEGEL_MATEN.map((m) => [
      `${MAAT_LABEL[m]}${ster(s.regio.voorlopig, m) || ster(s.nederland.voorlopig, m)}`,
      s.regio[m],
      s.regio.per_1000_inwoners[m],
      s.nederland[m],
      s.nederland.per_1000_inwoners[m],
      s.eigen[m],
      s.eigen.verschil[m],
    ]),
  };
}
