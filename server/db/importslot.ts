import type { Knex } from 'knex';
import type BetterSqlite3 from 'better-sqlite3';
import { isPostgres, type Db } from './connection.js';
import { AppFout } from '../shared/fouten.js';

/** PostgreSQL advisory lock key of "an import runs" (any constant shared by all instances). */
const PG_SLOT = 7_613_013;
const WACHT_MS = 250;

export const BEZET_MELDING = 'Er loopt al een import; deze import wacht tot die klaar is…';
export const BEZET_WEIGERING = 'Er loopt al een import. Wacht tot die klaar is en probeer het daarna opnieuw.';

export const importBezet = () => new AppFout('ongeldige_invoer', BEZET_WEIGERING, 409, { bezet: true });

const isBezet = (error: unknown) => (error as { code?: string }).code === 'SQLITE_BUSY';

/**
 * Takes the import slot at the start of the import's transaction: one import at a time, the
 * next waits its turn (told once, in Dutch) or is refused. PostgreSQL: a transaction-scoped
 * advisory lock (all instances). SQLite: the database's write lock itself, taken at once with
 * a first write while the connection does not wait synchronously (busy_timeout 0), retried
 * asynchronously so that the process keeps serving while it waits.
 */
export async function neemImportslot(trx: Knex.Transaction, bijBezet: 'wacht' | 'weiger', onWacht?: (melding: string) => void): Promise<void> {
  if (isPostgres(trx as unknown as Db)) {
    const vrij = await trx.raw('SELECT pg_try_advisory_xact_lock(?) AS vrij', [PG_SLOT]);
    if ((vrij.rows as { vrij: boolean }[])[0]?.vrij) return;
    if (bijBezet === 'weiger') throw importBezet();
    onWacht?.(BEZET_MELDING);
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [PG_SLOT]);
    return;
  }
  const conn = (await trx.client.acquireConnection()) as BetterSqlite3.Database;
  const oud = conn.pragma('busy_timeout', { simple: true }) as number;
  conn.pragma('busy_timeout = 0');
  let gemeld = false;
  try {
    for (;;) {
      try {
        // a write that changes nothing visible (rolled back with the import when it fails)
        conn
          .prepare("INSERT INTO metagegevens (sleutel, waarde) VALUES ('import_gestart', ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde")
          .run(new Date().toISOString());
        return;
      } catch (error) {
        if (!isBezet(error)) throw error;
        if (bijBezet === 'weiger') throw importBezet();
        if (!gemeld) onWacht?.(BEZET_MELDING);
        gemeld = true;
        await new Promise((resolve) => setTimeout(resolve, WACHT_MS));
      }
    }
  } finally {
    conn.pragma(`busy_timeout = ${oud}`);
  }
}
