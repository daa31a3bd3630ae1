import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Regio } from '../config/regio.js';
import { maakDb, isPostgres, type Db } from '../db/connection.js';
import { herberekenIndicatoren } from '../indicatoren/herbereken.js';
import { importeer, type ImportBron, type ImportDeps, type ImportOpties, type ImportSamenvatting } from './importer.js';

/**
 * The import service: what an import needs, with the refresh of the stored indicators as its last
 * step. The importer runs that step inside its transaction (so a file and the indicators it
 * changes land together or not at all) but knows nothing of indicatoren/: the service hands it in.
 */
/** What an import takes of the app's context (context.ts wires it; importing that would tie import/ to every folder). */
export interface ImportContext {
  env: { DATABASE_URL: string };
  db: Db;
  regio: Regio;
  kalender: Werkdagkalender;
  vandaag: () => string;
}

export function importDeps(ctx: ImportContext): ImportDeps {
  return {
    db: ctx.db,
    regio: ctx.regio,
    kalender: ctx.kalender,
    vandaag: ctx.vandaag,
    herbereken: async (trx, geraakt) => {
      await herberekenIndicatoren(trx, ctx.regio, ctx.kalender, geraakt);
    },
  };
}

/**
 * An import started by the web app. On SQLite it runs on a connection of its own: the app's
 * connection keeps reading (WAL) while the import holds the write lock, instead of queueing every
 * page behind the import's transaction. PostgreSQL takes a connection from the app's pool.
 */
export async function importeerOpEigenVerbinding(ctx: ImportContext, bronnen: ImportBron[], opties: ImportOpties): Promise<ImportSamenvatting> {
  if (isPostgres(ctx.db)) return importeer(importDeps(ctx), bronnen, opties);
  const db = maakDb(ctx.env.DATABASE_URL);
  try {
    return await importeer({ ...importDeps(ctx), db }, bronnen, opties);
  } finally {
    await db.destroy();
  }
}
