import type { Werkdagkalender } from '../../server/calendar/werkdagen.js';
import type { Regio } from '../../server/config/regio.js';
import type { Db } from '../../server/db/connection.js';
import { leidRegistratieAf } from '../../server/registraties/derive.js';
import { doorloopRegistraties } from '../../server/registraties/repository.js';
import { alleTellingen } from '../../server/registraties/tellingen-repository.js';
import { Tellingdelta } from '../../server/registraties/tellingen.js';

const sleutel = (g: { familie: string; sleutel: string }) => `${g.familie} ${g.sleutel.replaceAll('\u001f', '|')}`;

/**
 * The kept counts against a full pass over the stored registrations (derived again, counted with
 * the catalogue): every group whose count differs, as `familie sleutel: kept X, full pass Y`.
 * Empty when the import kept them exactly.
 */
export async function verschilMetVolledigeTelling(db: Db, regio: Regio, kalender: Werkdagkalender): Promise<string[]> {
  const delta = new Tellingdelta();
  for await (const pagina of doorloopRegistraties(db)) for (const r of pagina) delta.tel(r, leidRegistratieAf(r, regio, kalender), 1);
  const volledig = new Map(delta.groepenMetVerschil().map((g) => [sleutel(g), g]));
  const bewaard = new Map((await alleTellingen(db)).map((g) => [sleutel(g), g]));
  const verschil: string[] = [];
  for (const k of new Set([...volledig.keys(), ...bewaard.keys()])) {
    const a = bewaard.get(k);
    const b = volledig.get(k);
    if (a?.aantal !== b?.aantal || (a && b && (a.kwartaal !== b.kwartaal || (a.tot ?? null) !== (b.tot ?? null)))) {
      verschil.push(`${k}: bewaard ${a?.aantal ?? 0}, volledige doorgang ${b?.aantal ?? 0}`);
    }
  }
  return verschil.sort();
}
