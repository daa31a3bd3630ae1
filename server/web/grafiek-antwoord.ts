import type { Response } from 'express';
import type { Grafiek } from '../charts/grafiek.js';
import { alsCsv, alsXlsx, metTekens } from '../export/tabel-export.js';
import { VERKLARING_VAN_TEKENS } from '../rapportage/model.js';
import { TEKEN_GEHEIM, TEKEN_NIHIL } from '../shared/formaat.js';
import { nietGevonden } from '../shared/fouten.js';

/* How a chart leaves the web app: its model for the grafiek partial, and its table as a download. */

/** A chart's table as a CSV or XLSX download. */
export async function stuurTabel(res: Response, grafiek: Grafiek, naam: string, formaat: unknown, beschermd = false): Promise<void> {
  const tabel = metTekens(grafiek.tabel, beschermd);
  if (formaat === 'xlsx') {
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${naam}.xlsx`).send(await alsXlsx(tabel, grafiek.id, VERKLARING_VAN_TEKENS));
  } else if (formaat === 'csv') {
    res.type('text/csv; charset=utf-8').attachment(`${naam}.csv`).send(alsCsv(tabel, VERKLARING_VAN_TEKENS));
  } else throw nietGevonden('Download als .csv of .xlsx');
}

/** What the grafiek partial needs: the chart as JSON for the browser, the table, the downloads. */
export function grafiekModel(g: Grafiek, exportPad: string, query: string, beschermd = false) {
  return {
    ...g,
    json: JSON.stringify({ option: g.option, formaat: g.formaat, links: g.links ?? null }),
    rijen: metTekens(g.tabel, beschermd).rijen.map((rij) => ({
      kop: rij[0],
      link: g.links && typeof rij[0] === 'string' ? (g.links[rij[0]] ?? null) : null,
      cellen: rij.slice(1).map((c) => ({ waarde: c, getal: typeof c === 'number', rechts: typeof c === 'number' || c === TEKEN_GEHEIM || c === TEKEN_NIHIL })),
    })),
    tekens: VERKLARING_VAN_TEKENS,
    csv: `${exportPad}.csv?${query}`,
    xlsx: `${exportPad}.xlsx?${query}`,
    hoogte: g.hoogte ?? 340,
  };
}
