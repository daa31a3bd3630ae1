import type { Regio } from '../config/regio.js';
import type { Db } from './connection.js';

/** Mirrors the region file into the reference tables (gemeenten, voormalige_gemeenten). */
export async function syncRegio(db: Db, regio: Regio): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('voormalige_gemeenten').delete();
    for (const g of regio.gemeenten) {
      await trx('gemeenten')
        .insert({
          code: g.code, naam: g.naam, inwoners: g.inwoners, inwoners_bron: g.inwonersBron,
          inwoners_peildatum: g.inwonersPeildatum, indicatief: g.indicatief ? 1 : 0,
        })
        .onConflict('code')
        .merge();
    }
    for (const v of regio.voormaligeGemeenten) {
      await trx('voormalige_gemeenten').insert({ code: v.code, naam: v.naam, opgegaan_in: v.opgegaanIn, per: v.per });
    }
  });
}
