import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { neemImportslot } from '../db/importslot.js';
import { leidRegistratieAf } from './derive.js';
import { doorloopRegistraties, opgeslagenRij, schrijfRegistraties, zetImportbatch } from './repository.js';

/**
 * Re-derives the facts of every registration (after a change of calendar, region file or
 * definitions), a page at a time through the import's bulk write (COPY on PostgreSQL): the export
 * columns, hash and import batch stay as they are. It holds the import slot for its whole
 * transaction: an import running beside it (another process, a web upload) waits, so a page read
 * here is never written back over rows that import changed.
 */
export async function herleidAlles(
  db: Db, regio: Regio, kalender: Werkdagkalender, onVoortgang?: (klaar: number) => void,
): Promise<number> {
  let klaar = 0;
  await db.transaction(async (trx) => {
    await neemImportslot(trx, 'wacht');
    for await (const pagina of doorloopRegistraties(trx)) {
      const rijen = pagina.map((r) => {
        const rij = opgeslagenRij(r, leidRegistratieAf(r, regio, kalender), r.rij_hash);
        zetImportbatch(rij, r.importbatch_id);
        return rij;
      });
      await schrijfRegistraties(trx, { nieuw: [], gewijzigd: rijen });
      klaar += pagina.length;
      onVoortgang?.(klaar);
    }
  });
  return klaar;
}
