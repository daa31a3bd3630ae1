import type BetterSqlite3 from 'better-sqlite3';
import type { Knex } from 'knex';
import { isPostgres, type Db } from './connection.js';

/**
 * The SQLite fast path for bulk work: prepared statements, prepared once per connection and
 * run on the connection of the current transaction (knex prepares every query anew, which
 * dominated the import profile). PostgreSQL keeps the portable knex path.
 */
const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function isSqliteTransaction(db: Db | Knex.Transaction): db is Knex.Transaction {
  return !isPostgres(db as Db) && 'commit' in db && typeof db.commit === 'function';
}

export async function preparedStatement(trx: Knex.Transaction, sql: string): Promise<BetterSqlite3.Statement> {
  const conn = (await trx.client.acquireConnection()) as BetterSqlite3.Database;
  let statements = cache.get(conn);
  if (!statements) cache.set(conn, (statements = new Map()));
  let stmt = statements.get(sql);
  if (!stmt) statements.set(sql, (stmt = conn.prepare(sql)));
  return stmt;
}
