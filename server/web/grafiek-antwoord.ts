import { beschermdeGrafiek, type Grafiek } from '../charts/grafiek.js';
import { metTekens } from '../export/tabel-export.js';
import { kleinTeken, type Beleid } from '../privacy/onderdrukking.js';
import { verklaringVanTekens } from '../rapportage/model.js';
import { TEKEN_GEHEIM, TEKEN_NIHIL } from '../shared/formaat.js';

/* How a chart leaves the web app: its model for the grafiek partial (the downloads are server/export/downloads.ts). */

/** What the grafiek partial needs: the chart as JSON for the browser, the table, the downloads. */
export function grafiekModel(bron: Grafiek, exportPad: string, query: string, beleid: Beleid | null = null) {
  const klein = beleid ? kleinTeken(beleid) : null;
  const g = klein ? beschermdeGrafiek(bron, klein) : bron;
  return {
    ...g,
    json: JSON.stringify({ option: g.option, formaat: g.formaat, links: g.links ?? null }),
    rijen: metTekens(g.tabel, beleid !== null, klein).rijen.map((rij) => ({
      kop: rij[0],
      link: g.links && typeof rij[0] === 'string' ? (g.links[rij[0]] ?? null) : null,
      cellen: rij.slice(1).map((c) => ({ waarde: c, getal: typeof c === 'number', rechts: typeof c === 'number' || c === TEKEN_GEHEIM || c === TEKEN_NIHIL || c === klein })),
    })),
    tekens: verklaringVanTekens(beleid),
    csv: `${exportPad}.csv?${query}`,
    xlsx: `${exportPad}.xlsx?${query}`,
    hoogte: g.hoogte ?? 340,
  };
}
