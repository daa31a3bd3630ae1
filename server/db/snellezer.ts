import Database from 'better-sqlite3';
import { isPostgres, type Db } from './connection.js';

/**
 * Reads of one small value that every request makes (a data version, a generation), so cheap
 * that they can be made on every call instead of being trusted for a while:
 * - SQLite (a file): a synchronous prepared statement on one read-only connection of its own.
 *   A WAL read sees every write committed by any process; no pool, no query builder, no promise
 *   to wait for (a knex query cost about 0,2 ms here, the statement a few microseconds).
 * - PostgreSQL: one query shared by the callers that wait at the same time. A caller never
 *   joins a query that had already started when it arrived (that query might miss a commit made
 *   just before the call): it waits for the next one, which starts after it.
 * - SQLite in memory (tests): through knex, as the database exists on its one pooled connection.
 */
export function snelleLezer<T>(db: Db, sql: string, viaKnex: () => Promise<T>): () => T | Promise<T> {
  if (isPostgres(db)) return samengevoegd(viaKnex);
  const bestand = (db.client.config.connection as { filename?: string } | undefined)?.filename;
  if (!bestand || bestand === ':memory:') return viaKnex;
  let stmt: Database.Statement | null = null;
  return () => {
    stmt ??= leesverbinding(db, bestand).prepare(sql).pluck();
    return stmt.get() as T;
  };
}

/** One read-only connection per database, closed with its pool (knex's destroy ends in its client's destroy). */
const verbindingen = new WeakMap<Db, Database.Database>();
function leesverbinding(db: Db, bestand: string): Database.Database {
  let conn = verbindingen.get(db);
  if (conn) return conn;
  conn = new Database(bestand, { readonly: true, fileMustExist: true });
  verbindingen.set(db, conn);
  const client = db.client as { destroy: (...args: unknown[]) => unknown };
  const destroy = client.destroy.bind(client);
  client.destroy = (...args: unknown[]) => {
    verbindingen.get(db)?.close();
    verbindingen.delete(db);
    return destroy(...args);
  };
  return conn;
}

/** Shares one read among concurrent callers, each of them served by a read that started after its call. */
export function samengevoegd<T>(lees: () => Promise<T>): () => Promise<T> {
  let lopend: Promise<T> | null = null;
  let volgende: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p: Promise<T> = lees().finally(() => {
      if (lopend === p) lopend = null;
    });
    lopend = p;
    return p;
  };
  return () => {
    if (!lopend) return start();
    volgende ??= lopend
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        volgende = null;
        return start();
      });
    return volgende;
  };
}
