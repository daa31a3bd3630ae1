import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { leidRegistratieAf } from './derive.js';
import { iterateRegistraties, werkAfgeleidBij } from './repository.js';

/** Re-derives the facts of every registration (after a change of calendar or region file). */
export async function herleidAlles(
  db: Db, regio: Regio, kalender: Werkdagkalender, onVoortgang?: (klaar: number) => void,
): Promise<number> {
  let klaar = 0;
  await db.transaction(async (trx) => {
    for await (const pagina of iterateRegistraties(trx)) {
      for (const r of pagina) await werkAfgeleidBij(trx, r.registratie_id, leidRegistratieAf(r, regio, kalender));
      klaar += pagina.length;
      onVoortgang?.(klaar);
    }
  });
  return klaar;
}
