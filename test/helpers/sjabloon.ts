import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import type { TestProject } from 'vitest/node';
import { maakDb } from '../../server/db/connection.js';
import { migreerNaarLaatste } from '../../server/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a database migrated to the latest schema and nothing else: a SQLite file, or a PostgreSQL database name */
    vtSjabloon: string;
  }
}

/**
 * Global setup of the `sqlite` and `postgres` projects: migrates one empty database once per run,
 * so that each test context copies it (a file copy; `CREATE DATABASE … TEMPLATE`) instead of running
 * every migration again in every test file. The copy is exactly what a fresh migration leaves (the
 * schema and the migration table, no rows); maakContext then runs on it as on any database. The
 * migrations themselves are still tested from an empty database (import.test.ts, regio-alle…).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = project.config.env?.VT_TEST_DB === 'postgres' ? process.env.VT_TEST_POSTGRES_URL : undefined;
  if (postgres) {
    const naam = `vt_sjabloon_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = knexFactory({ client: 'pg', connection: postgres, pool: { min: 0, max: 1 } });
    await admin.raw(`CREATE DATABASE ${naam}`);
    const url = new URL(postgres);
    url.pathname = `/${naam}`;
    const db = maakDb(url.toString());
    await migreerNaarLaatste(db);
    // a template may have no open connection while it is copied
    await db.destroy();
    project.provide('vtSjabloon', naam);
    return async () => {
      await admin.raw(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
      await admin.destroy();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'vt-monitor-sjabloon-'));
  const bestand = join(dir, 'sjabloon.sqlite');
  const db = maakDb(bestand);
  await migreerNaarLaatste(db);
  await db.destroy();
  // a clean close folds the write-ahead log into the file: one file to copy
  if (existsSync(`${bestand}-wal`)) throw new Error(`${bestand}-wal bestaat nog na het sluiten`);
  project.provide('vtSjabloon', bestand);
  return async () => rmSync(dir, { recursive: true, force: true });
}
