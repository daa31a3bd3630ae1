import { beschermdeGrafiek, type Grafiek } from '../charts/grafiek.js';
import { metTekens } from '../export/tabel-export.js';
import { kleinTeken, type Beleid } from '../privacy/onderdrukking.js';
import { verklaringVanTekens } from '../rapportage/model.js';
import { TEKEN_GEHEIM, TEKEN_NIHIL } from '../shared/formaat.js';
import { isTotaalRij } from '../shared/tabel.js';

/* How a chart leaves the web app: its model for the grafiek partial (the downloads are server/export/downloads.ts). */

/** What the grafiek partial needs: the chart as JSON for the browser, the table, the downloads. */
export function grafiekModel(bron: Grafiek, exportPad: string, query: string, beleid: Beleid | null = null) {
  const klein = beleid ? kleinTeken(beleid) : null;
  const g = klein ? beschermdeGrafiek(bron, klein) : bron;
  return {
    ...g,
    json: JSON.stringify({ option: g.option, formaat: g.formaat, links: g.links ?? null, kaart: g.kaart ?? null, beschrijving: g.beschrijving ?? null }),
    rijen: metTekens(g.tabel, beleid !== null, klein).rijen.map((rij) => ({
      kop: rij[0],
      totaal: isTotaalRij(rij[0]),
      link: g.links && typeof rij[0] === 'string' ? (g.links[rij[0]] ?? null) : null,
      cellen: rij
        .slice(1)
        .map((c) => ({ waarde: c, getal: typeof c === 'number', rechts: typeof c === 'number' || c === TEKEN_GEHEIM || c === TEKEN_NIHIL || c === klein })),
    })),
    tekens: verklaringVanTekens(beleid),
    csv: `${exportPad}.csv?${query}`,
    xlsx: `${exportPad}.xlsx?${query}`,
    hoogte: g.hoogte ?? 340,
  };
}

/**
 * The read model a page was built from, kept for its downloads (and the page itself): a chart's
 * CSV or XLSX is cut from the model of its page instead of building that model again. Kept per
 * key (the caller puts in it everything the model is built from: page, gebied, filters, the
 * protection, today) and per data version (`data_versie`, written by every import, refresh and
 * policy change), read on every call: a model is never served across a change of the data. The
 * model is kept as a promise, so that 50 downloads arriving at once build it once. Only the model
 * is kept, never an answer: the route still authorizes and writes its audit entry per request.
 */
export function modelCache<T>(leesVersie: () => Promise<string>, maxItems = 200) {
  const cache = new Map<string, { versie: string; model: Promise<T> }>();
  return async (sleutel: string, bouw: () => Promise<T>): Promise<T> => {
    const versie = await leesVersie();
    const hit = cache.get(sleutel);
    if (hit && hit.versie === versie) return hit.model;
    const model = bouw();
    cache.delete(sleutel);
    if (cache.size >= maxItems) cache.delete(cache.keys().next().value as string);
    cache.set(sleutel, { versie, model });
    // a failed build is not kept: the next request tries again
    model.catch(() => {
      if (cache.get(sleutel)?.model === model) cache.delete(sleutel);
    });
    return model;
  };
}

/**
 * What is cut from a cached model — a chart's CSV or XLSX bytes — kept beside that model: built
 * once per model and key (chart and format), and gone with the model when the data version
 * changes (the model is a new object then). Everything a download is made of must be part of
 * its model's key (page, gebied, filters, protection, today) or of the data version. A failed
 * build is not kept. Like the model, never an answer: each request is authorized and audited.
 */
export function bijModel<T>() {
  const bewaard = new WeakMap<object, Map<string, Promise<T>>>();
  return (model: object, sleutel: string, bouw: () => Promise<T>): Promise<T> => {
    let perModel = bewaard.get(model);
    if (!perModel) bewaard.set(model, (perModel = new Map()));
    const hit = perModel.get(sleutel);
    if (hit) return hit;
    const p = bouw();
    perModel.set(sleutel, p);
    p.catch(() => {
      if (perModel.get(sleutel) === p) perModel.delete(sleutel);
    });
    return p;
  };
}
