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
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', location: url };
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : url;
  return { dialect: 'sqlite', location: path === ':memory:' ? path : resolve(path) };
}

export function createDb(url: string): Db {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'postgres') {
    return knexFactory({ client: 'pg', connection: target.location, pool: { min: 0, max: 10 } });
  }
  if (target.location !== ':memory:') mkdirSync(dirname(target.location), { recursive: true });
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: target.location },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('page_size = 16384'); // takes effect on a new database only; a 1M-row import ran 10 % faster than with 4 KiB
        conn.pragma('journal_mode = WAL');
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('synchronous = NORMAL');
        conn.pragma('cache_size = -65536'); // 64 MiB page cache: imports touch many index pages
        done(null, conn);
      },
    },
  });
}

export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}

/** PostgreSQL returns counts as strings; every repository reads numbers through this. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value !== '') return Number(value);
  return 0;
}
