import type { Regio } from '../config/regio.js';
import type { Db } from './connection.js';

/**
 * Mirrors the region file into the reference tables (gemeenten, voormalige_gemeenten). Writes
 * only when they differ: a start-up beside a running import (SQLite) then does not wait for it.
 */
export async function synchroniseerRegio(db: Db, regio: Regio): Promise<void> {
  const gemeenten = (await db('gemeenten').select('code', 'naam', 'inwoners', 'inwoners_bron', 'inwoners_peildatum', 'indicatief').orderBy('code')) as Record<
    string,
    unknown
  >[];
  const voormalig = (await db('voormalige_gemeenten').select('code', 'naam', 'opgegaan_in', 'per').orderBy('code')) as Record<string, unknown>[];
  const gewenst = regio.gemeenten
    .map((g) => ({
      code: g.code,
      naam: g.naam,
      inwoners: g.inwoners,
      inwoners_bron: g.inwonersBron,
      inwoners_peildatum: g.inwonersPeildatum,
      indicatief: g.indicatief ? 1 : 0,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const gewenstVoormalig = regio.voormaligeGemeenten
    .map((v) => ({ code: v.code, naam: v.naam, opgegaan_in: v.opgegaanIn, per: v.per }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const alsTekst = (rijen: Record<string, unknown>[]) =>
    JSON.stringify(rijen.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]))));
  if (alsTekst(gemeenten) === alsTekst(gewenst) && alsTekst(voormalig) === alsTekst(gewenstVoormalig)) return;
  await db.transaction(async (trx) => {
    await trx('voormalige_gemeenten').delete();
    // the gemeenten of another region (a database that changed region before it held data) go
    await trx('gemeenten')
      .whereNotIn(
        'code',
        gewenst.map((g) => g.code),
      )
      .delete();
    for (const g of gewenst) {
      await trx('gemeenten').insert(g).onConflict('code').merge();
    }
    for (const v of gewenstVoormalig) await trx('voormalige_gemeenten').insert(v);
  });
}
