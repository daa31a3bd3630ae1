import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ongeldigeInvoer } from '../shared/fouten.js';
import { leesDatabaseUrl } from './connection.js';

/**
 * An online backup of the SQLite database (SQLite's backup API: consistent while the app keeps
 * running and writing). PostgreSQL is backed up with pg_dump.
 */
export async function maakBackup(databaseUrl: string, doel: string, onVoortgang?: (klaar: number, totaal: number) => void): Promise<{ paginas: number }> {
  const target = leesDatabaseUrl(databaseUrl);
  if (target.dialect === 'postgres') {
    throw ongeldigeInvoer('Deze database is PostgreSQL: maak de backup met pg_dump (zie docs/deploy.md).');
  }
  const pad = resolve(doel);
  if (pad === target.location) throw ongeldigeInvoer('De backup kan niet over de database zelf heen.');
  mkdirSync(dirname(pad), { recursive: true });
  const db = new Database(target.location, { readonly: true, fileMustExist: true });
  try {
    let paginas = 0;
    await db.backup(pad, {
      progress: ({ totalPages, remainingPages }) => {
        paginas = totalPages;
        onVoortgang?.(totalPages - remainingPages, totalPages);
        return 200; // pages per step: the app keeps its turn between steps
      },
    });
    return { paginas };
  } finally {
    db.close();
  }
}
