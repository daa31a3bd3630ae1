import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, importDeps, type AppContext } from '../../server/context.js';
import { importeer, type ImportSamenvatting } from '../../server/import/importer.js';
import { COLUMN_NAMES } from '../../server/import/columns.js';
import type { TableRow } from '../../server/import/readers.js';

export interface TestContext extends AppContext {
  dir: string;
  close(): Promise<void>;
}

/** A fresh app context on a temporary SQLite file, with a fixed "today". */
export async function testContext(vandaag = '2026-11-22'): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'vt-monitor-test-'));
  const ctx = await createContext({ DATABASE_URL: join(dir, 'test.sqlite'), LOG_LEVEL: 'silent', vandaag: () => vandaag });
  return {
    ...ctx,
    dir,
    async close() {
      await ctx.db.destroy();
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
