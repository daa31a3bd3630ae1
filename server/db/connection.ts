import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';

export type Db = Knex;

export interface DatabaseTarget {
  dialect: 'sqlite' | 'postgres';
  /** file path for SQLite, connection string for PostgreSQL */
  location: string;
}

/** `DATABASE_URL`: a file path, `sqlite:PATH`, or `postgres://…`. */
export function leesDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', location: url };
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : url;
  return { dialect: 'sqlite', location: path === ':memory:' ? path : resolve(path) };
}

export function maakDb(url: string): Db {
  const target = leesDatabaseUrl(url);
  if (target.dialect === 'postgres') {
    return knexFactory({ client: 'pg', connection: target.location, pool: { min: 0, max: 10 } });
  }
  const geheugen = target.location === ':memory:';
  if (!geheugen) mkdirSync(dirname(target.location), { recursive: true });
  const db = knexFactory({
    client: 'better-sqlite3',
    // a database that cannot be opened is reported once, in Dutch, by whoever opened it
    // (maakContext); knex would print the driver's stack trace first
    log: { warn: (m: string) => void (String(m).startsWith('Acquire connection error') ? undefined : console.warn(m)) },
    connection: { filename: target.location },
    useNullAsDefault: true,
    pool: {
      min: 1,
      // several connections: with WAL, pages keep reading while another connection (an import)
      // holds the write lock; an in-memory database exists only on its one connection
      max: geheugen ? 1 : SQLITE_VERBINDINGEN,
      afterCreate(conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('page_size = 16384'); // takes effect on a new database only; a 1M-row import ran 10 % faster than with 4 KiB
        conn.pragma('journal_mode = WAL');
        conn.pragma('foreign_keys = ON');
        // never wait inside SQLite: better-sqlite3 is synchronous, so its busy handler would stop
        // the whole process (and the import it waits for); a busy write is retried asynchronously
        conn.pragma('busy_timeout = 0');
        conn.pragma('synchronous = NORMAL');
        conn.pragma('cache_size = -65536'); // 64 MiB page cache: imports touch many index pages
        done(null, conn);
      },
    },
  });
  wachtBijBezet(db);
  return db;
}

/** Connections of a SQLite pool (file databases). */
export const SQLITE_VERBINDINGEN = 4;
/** The longest a statement waits for another connection's write lock (a national import takes minutes). */
export const MAX_WACHT_MS = 30 * 60_000;

/**
 * A statement that meets another connection's write lock (SQLITE_BUSY) waits its turn
 * asynchronously and is retried: the process keeps serving, and no write fails with "database is
 * locked" while an import runs. (SQLITE_BUSY_SNAPSHOT, a read-then-write transaction overtaken by
 * another writer, cannot be retried statement by statement and is passed on.)
 */
function wachtBijBezet(db: Db): void {
  const client = db.client as { _query: (conn: unknown, obj: unknown) => Promise<unknown> };
  const query = client._query.bind(client);
  client._query = async (conn, obj) => {
    const start = Date.now();
    let pauze = 2;
    for (;;) {
      try {
        return await query(conn, obj);
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() - start > MAX_WACHT_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, pauze));
        pauze = Math.min(pauze * 2, 100);
      }
    }
  };
}

export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}

/** PostgreSQL returns counts as strings; every repository reads numbers through this. */
export function alsGetal(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value !== '') return Number(value);
  return 0;
}
