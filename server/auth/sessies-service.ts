import type { Db } from '../db/connection.js';
import { generatieLezer, leesSessieMetGebruiker, sessieBeeindigd, type SessieMetGebruiker } from './sessies-repository.js';

/**
 * Signed-in sessions in memory, so a page answered from the response cache needs no session
 * query. Safe for immediate logout and blocking, also across processes (CLI, a second app
 * instance): before a cached session is trusted, the session generation is read from the
 * database (see `generatieLezer`); the database raises it on every session delete and every
 * change of an account's role, gemeenten, block or password, and a new generation empties the
 * cache. A logout of this process whose delete still waits in the write queue is refused at
 * once. An expired session is never served from memory.
 */
export interface GelezenSessie {
  sessie: SessieMetGebruiker | null;
  /** the session generation the answer was read under: part of the response cache's key, so a changed role or block never gets a page cached before */
  generatie: number;
}

export function sessieCache(db: Db, maxItems = 10_000): (token: string) => Promise<GelezenSessie> {
  const leesGeneratie = generatieLezer(db);
  const cache = new Map<string, { sessie: SessieMetGebruiker; verlooptOp: number }>();
  let generatie: number | undefined;
  return async (token) => {
    // read before the session: a change committed after this read raises the generation again
    const g = await leesGeneratie();
    if (sessieBeeindigd(token)) return { sessie: null, generatie: g };
    // a read that started earlier may finish after a newer one: the generation only moves forward
    if (generatie === undefined || g > generatie) {
      cache.clear();
      generatie = g;
    }
    const hit = cache.get(token);
    if (hit && hit.verlooptOp > Date.now()) return { sessie: hit.sessie, generatie: g };
    if (hit) cache.delete(token);
    const sessie = await leesSessieMetGebruiker(db, token);
    // store only what was read under the generation that is still current
    if (sessie && generatie === g && !sessieBeeindigd(token)) {
      if (cache.size >= maxItems) cache.delete(cache.keys().next().value as string);
      cache.set(token, { sessie, verlooptOp: Date.parse(sessie.verlooptOp) });
    }
    return { sessie, generatie: g };
  };
}
