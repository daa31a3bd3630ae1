import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
    return (await import(pathToFileURL(join(MIGRATIONS_DIR, name)).href)) as Knex.Migration;
  },
};

const config: Knex.MigratorConfig = { migrationSource, tableName: 'knex_migraties' };

export async function migrateLatest(db: Db): Promise<void> {
  await db.migrate.latest(config);
}

export async function migrateRollbackAll(db: Db): Promise<void> {
  await db.migrate.rollback(config, true);
}

export async function pendingMigrations(db: Db): Promise<number> {
  const [, pending] = (await db.migrate.list(config)) as [unknown[], unknown[]];
  return pending.length;
}
