import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import knexFactory from 'knex';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { maakContext, type AppContext } from '../../server/context.js';
import { importDeps } from '../../server/import/service.js';
import { importeer, type ImportSamenvatting } from '../../server/import/importer.js';
import { COLUMN_NAMES } from '../../server/registraties/schema.js';
import type { TableRow } from '../../server/import/readers.js';
import type { Env } from '../../server/config/env.js';

export interface TestContext extends AppContext {
  dir: string;
  /** DATABASE_URL of this context, for CLI child processes */
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The database of the tests: SQLite by default; with VT_TEST_POSTGRES_URL (an admin connection,
 * set by .ci/run and the `postgres` test project) a fresh PostgreSQL database per context.
 */
export const TEST_POSTGRES = process.env.VT_TEST_DB === 'postgres' ? process.env.VT_TEST_POSTGRES_URL : undefined;

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const naam = `vt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: TEST_POSTGRES, pool: { min: 0, max: 1 } });
  // a copy of the database the global setup migrated (test/helpers/sjabloon.ts), else a fresh one
  const sjabloon = inject('vtSjabloon');
  await admin.raw(sjabloon ? `CREATE DATABASE ${naam} TEMPLATE ${sjabloon}` : `CREATE DATABASE ${naam}`);
  const url = new URL(TEST_POSTGRES!);
  url.pathname = `/${naam}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.raw(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/**
 * A fresh app context on a temporary database, with a fixed "today". `vanBestand` (SQLite only): a copy
 * of that database instead of the migrated empty one (test/helpers/demodata.ts).
 */
export async function testContext(vandaag = '2026-11-22', env: Partial<Env> = {}, vanBestand?: string): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'vt-monitor-test-'));
  const pg = TEST_POSTGRES ? await postgresDatabase() : null;
  const databaseUrl = pg?.url ?? join(dir, 'test.sqlite');
  const sjabloon = vanBestand ?? inject('vtSjabloon');
  if (!pg && sjabloon) copyFileSync(sjabloon, databaseUrl);
  const ctx = await maakContext({ ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', vandaag: () => vandaag });
  return {
    ...ctx,
    dir,
    databaseUrl,
    async close() {
      await ctx.db.destroy();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Rij = Record<string, string>;

export function bron(rijen: Rij[], bestand = 'test.csv') {
  async function* rows(): AsyncGenerator<TableRow> {
    yield { regel: 1, values: [...COLUMN_NAMES] };
    let regel = 1;
    for (const r of rijen) yield { regel: ++regel, values: COLUMN_NAMES.map((c) => r[c] ?? '') };
  }
  return { bestand, sha256: 'test', rows: rows() };
}

/** Imports rows through the real importer (validation, derivation, indicator refresh). */
export async function importeerRijen(ctx: AppContext, rijen: Rij[], opties: { accepteerGeldige?: boolean } = {}): Promise<ImportSamenvatting> {
  return importeer(importDeps(ctx), [bron(rijen)], { door: 'test', ...opties });
}
