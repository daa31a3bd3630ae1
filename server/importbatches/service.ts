import type { Db } from '../db/connection.js';
import { leesMeta, metaLezer } from '../db/metagegevens.js';
import { laatsteImportdatum, leesImportbatches, type Importbatch } from './repository.js';

export type { Importbatch } from './repository.js';

/** The import log: the most recent attempts first. */
export async function leesImportlog(db: Db, limiet = 50): Promise<Importbatch[]> {
  return leesImportbatches(db, limiet);
}

/** The day of the most recent successful import (the data date pages and reports print), or null. */
export async function leesDatadatum(db: Db): Promise<string | null> {
  return (await laatsteImportdatum(db))?.slice(0, 10) ?? null;
}

/** The data version every import and refresh writes (`metagegevens.data_versie`): the response cache's key. */
export async function leesDataversie(db: Db): Promise<string> {
  return (await leesMeta(db, 'data_versie')) ?? '';
}

/**
 * The same, for a cache that compares it on every request: read without the query builder (a
 * prepared statement on SQLite, shared queries on PostgreSQL), so that the check costs
 * microseconds instead of a pooled query, and is still made every time.
 */
export function dataversieLezer(db: Db): () => Promise<string> {
  const lees = metaLezer(db, 'data_versie');
  return async () => (await lees()) ?? '';
}
