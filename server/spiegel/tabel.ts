/** The spiegel as one table (CLI, page, downloads, report): a row per figure, CBS's and our own values. */
import type { Tabel } from '../shared/tabel.js';
import type { Spiegel, SpiegelGebied } from './compute.js';
import { MAAT_LABEL, SPIEGEL_MATEN } from './maten.js';

/**
 * The heading of a per-1.000 column: it names the CBS population year the figures divide by
 * (the gebied's inwoners_jaar, chosen once per period by the service), or no year where the
 * gebied has no population (its figures are then '.').
 */
export function per1000Kop(wie: string, jaar: number | null): string {
  const kop = wie === '' ? 'Per 1.000 inw.' : `${wie} per 1.000 inw.`;
  return jaar === null ? kop : `${kop} (CBS, 1 januari ${jaar})`;
}

export function spiegelKolommen(s: { regio: Pick<SpiegelGebied, 'inwoners_jaar'>; nederland: Pick<SpiegelGebied, 'inwoners_jaar'> }): string[] {
  return [
    'Cijfer',
    'Regio (CBS)',
    per1000Kop('Regio', s.regio.inwoners_jaar),
    'Nederland (CBS)',
    per1000Kop('Nederland', s.nederland.inwoners_jaar),
    'Eigen registratie',
    'Verschil eigen − CBS',
  ];
}

export function spiegelTabel(s: Spiegel): Tabel {
  const ster = (lijst: string[], m: string) => (lijst.includes(m) ? '*' : '');
  return {
    kolommen: spiegelKolommen(s),
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
