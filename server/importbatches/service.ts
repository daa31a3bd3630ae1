import type { Db } from '../db/connection.js';
import { leesMeta } from '../db/metagegevens.js';
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
