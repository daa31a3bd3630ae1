import type { AppContext } from '../context.js';
import { importDeps } from '../context.js';
import { createDb, isPostgres } from '../db/connection.js';
import { importeer, type ImportBron, type ImportOpties, type ImportSamenvatting } from './importer.js';

/**
 * An import started by the web app. On SQLite it runs on a connection of its own: the app's
 * connection keeps reading (WAL) while the import holds the write lock, instead of queueing every
 * page behind the import's transaction. PostgreSQL takes a connection from the app's pool.
 */
export async function importeerOpEigenVerbinding(ctx: AppContext, bronnen: ImportBron[], opties: ImportOpties): Promise<ImportSamenvatting> {
  if (isPostgres(ctx.db)) return importeer(importDeps(ctx), bronnen, opties);
  const db = createDb(ctx.env.DATABASE_URL);
  try {
    return await importeer({ ...importDeps(ctx), db }, bronnen, opties);
  } finally {
    await db.destroy();
  }
}
