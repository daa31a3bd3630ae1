import { readdirSync } from 'node:fs';
import type { Knex } from 'knex';
import { projectPath } from '../config/paths.js';
import type { Db } from './connection.js';

const MIGRATIONS_DIR = projectPath('migrations');
const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+\.ts$/;

/** Loads the TypeScript migrations from `migrations/` by name, in order. */
const migrationSource: Knex.MigrationSource<string> = {
  async getMigrations() {
    return readdirSync(MIGRATIONS_DIR)
      .filter((f) => MIGRATION_NAME.test(f))
      .sort();
  },
  getMigrationName(name) {
    return name;
  },
  async getMigration(name) {
    // a path relative to this file with the name as its only variable part: a bundle of the CLI
    // (bin/laad-typescript.mjs) then carries every migration, and tsx or vitest load the file itself
    return (await import(`../../migrations/${name.slice(0, -'.ts'.length)}.ts`)) as Knex.Migration;
  },
};

const config: Knex.MigratorConfig = { migrationSource, tableName: 'knex_migraties' };

/**
 * Brings the schema up to date. With nothing to do it only reads: knex would otherwise take its
 * migration lock (a write), which on SQLite waits for a running import to finish.
 */
export async function migreerNaarLaatste(db: Db): Promise<void> {
  const [, nogTeDoen] = (await db.migrate.list(config)) as [unknown[], unknown[]];
  if (nogTeDoen.length === 0) return;
  await db.migrate.latest(config);
}

/** Undoes the last migration only (a test of one migration's down and up on a filled database). */
export async function migreerEenTerug(db: Db): Promise<void> {
  await db.migrate.down(config);
}

export async function migreerAllesTerug(db: Db): Promise<void> {
  await db.migrate.rollback(config, true);
}

export async function telOpenMigraties(db: Db): Promise<number> {
  const [, pending] = (await db.migrate.list(config)) as [unknown[], unknown[]];
  return pending.length;
}
