import type { Kwartaal } from '../calendar/kwartaal.js';
import type { Db } from '../db/connection.js';

export interface Duiding {
  kwartaal: Kwartaal;
  sectie: string;
  tekst: string;
  door: string;
  bijgewerkt_op: string;
}

export async function leesDuidingen(db: Db, kwartaal: Kwartaal): Promise<Map<string, Duiding>> {
  const rijen = (await db('duidingen').select('*').where({ kwartaal })) as Duiding[];
  return new Map(rijen.map((r) => [r.sectie, r]));
}

/** Saves (or, with empty text, removes) the duiding of one section. */
export async function schrijfDuiding(db: Db, duiding: Duiding): Promise<void> {
  if (duiding.tekst.trim() === '') {
    await db('duidingen').where({ kwartaal: duiding.kwartaal, sectie: duiding.sectie }).delete();
    return;
  }
  await db('duidingen').insert(duiding).onConflict(['kwartaal', 'sectie']).merge(['tekst', 'door', 'bijgewerkt_op']);
}
