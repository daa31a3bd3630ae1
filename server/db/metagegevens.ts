import type { Knex } from 'knex';
import type { Db } from './connection.js';
import { snelleLezer } from './snellezer.js';

type Q = Db | Knex.Transaction;

/**
 * The key-value table `metagegevens` (data_versie, definitieversie, …): written by every import
 * (registrations and financien) and the refresh, read by pages, reports and the response cache.
 */
export async function leesMeta(db: Q, sleutel: string): Promise<string | null> {
  const row = (await db('metagegevens').select('waarde').where({ sleutel }).first()) as { waarde: string } | undefined;
  return row?.waarde ?? null;
}

export async function schrijfMeta(db: Q, sleutel: string, waarde: string): Promise<void> {
  await db('metagegevens').insert({ sleutel, waarde }).onConflict('sleutel').merge();
}

/** Writes a value only where the key has none yet (what two instances make at once, the first keeps). */
export async function voegMetaToe(db: Q, sleutel: string, waarde: string): Promise<void> {
  await db('metagegevens').insert({ sleutel, waarde }).onConflict('sleutel').ignore();
}

/**
 * A reader of one key for every request (the data version that the caches of pages and downloads
 * compare): a prepared statement on SQLite, shared queries on PostgreSQL (db/snellezer.ts).
 */
export function metaLezer(db: Db, sleutel: 'data_versie'): () => Promise<string | null> {
  const lees = snelleLezer<string | null | undefined>(db, `SELECT waarde FROM metagegevens WHERE sleutel = '${sleutel}'`, () => leesMeta(db, sleutel));
  return async () => (await lees()) ?? null;
}
