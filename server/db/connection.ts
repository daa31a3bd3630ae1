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
    return knexFactory({ client: 'pg', connection: target.location, pool: { min: 0, max: 10 }, compileSqlOnError: false });
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
    // an error's message carries the SQL with `?`, never the values (a password hash, an id)
    compileSqlOnError: false,
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

/**
 * A database error as one Dutch sentence, without its SQL or values (knex puts the statement in
 * front of the driver's message): null when `error` is no database error. `naam`: the database
 * as the user gave it (a file, or a URL without its password).
 */
export function databaseMelding(error: unknown, naam?: string): string | null {
  const code = databaseCode(error);
  if (!code) return null;
  const db = naam ? `De database ${naam}` : 'De database';
  // a full disk shows as SQLITE_FULL (the WAL cannot grow) or, with no byte left, as
  // SQLITE_IOERR_SHMSIZE (its shared-memory file cannot); both seen on a full tmpfs
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === '53100') {
    return (
      `De schijf van de database${naam ? ` ${naam}` : ''} is vol: de opdracht is afgebroken en er ` +
      `is niets van opgeslagen; maak ruimte vrij en probeer het opnieuw.`
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03' || code === '40P01') {
    return (
      `${db} is vergrendeld door een ander programma (een open transactie, een backup of een SQLite-hulpmiddel); ` +
      `sluit dat programma of wacht tot het klaar is, en probeer het opnieuw.`
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return `${db} is beschadigd of is geen SQLite-database; zet een backup terug.`;
  if (code.startsWith('SQLITE_IOERR'))
    return (
      `De schijf van de database${naam ? ` ${naam}` : ''} gaf een lees- of schrijffout (${code}): ` +
      `de opdracht is afgebroken; controleer of de schijf vol of defect is en probeer het opnieuw.`
    );
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH' ||
    /^(28|3D|42501|08)/.test(code) ||
    code.startsWith('E')
  ) {
    return `${db} kan niet worden geopend of beschreven (${code}); controleer DATABASE_URL, het pad en de rechten.`;
  }
  return `${db} gaf een onverwachte fout (${code}); de opdracht is afgebroken.`;
}

/** The driver's code of a database error: SQLITE_…, a PostgreSQL SQLSTATE, or a network error (ECONNREFUSED…). */
function databaseCode(error: unknown): string | null {
  const e = error as { code?: unknown; severity?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const code = typeof e.code === 'string' ? e.code : (/\b(SQLITE_[A-Z_]+)\b/.exec(String(e.message ?? ''))?.[1] ?? null);
  if (!code) return null;
  if (code.startsWith('SQLITE_')) return code;
  // pg's DatabaseError carries a severity beside its SQLSTATE; a refused connection a system code
  if (typeof e.severity === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH)$/.test(code)) return code;
  return null;
}
