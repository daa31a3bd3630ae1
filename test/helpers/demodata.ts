import { closeSync, copyFileSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as wacht } from 'node:timers/promises';
import { inject } from 'vitest';
import { demoBron } from '../../server/demo/export.js';
import { financienBron, genereerFinancien, telInstroom } from '../../server/demo/financien.js';
import { genereerDemo } from '../../server/demo/generator.js';
import { importeerFinancieel } from '../../server/financien/importer.js';
import { importeer } from '../../server/import/importer.js';
import { importDeps } from '../../server/import/service.js';
import { TEST_POSTGRES, testContext, type TestContext } from './context.js';

export interface DemoOpties {
  /** the "today" of the import (it only refuses dates after it) */
  geimporteerdOp: string;
  seed: number;
  schaal: number;
  /** also the demo financien and formatie of the same seed, from the imported instroom */
  financien?: boolean;
}

/** Imports the demo export (and its financien) into `ctx` as the e2e files always did. */
async function vul(ctx: TestContext, o: DemoOpties): Promise<void> {
  const instroom = new Map<string, number>();
  const demo = genereerDemo(ctx.regio, ctx.kalender, { tot: '2024-12-31', seed: o.seed, schaal: o.schaal });
  await importeer(importDeps(ctx), [demoBron(o.financien ? telInstroom(demo, instroom) : demo, 'demo')], { door: 'e2e' });
  if (!o.financien) return;
  const financien = genereerFinancien(instroom, '2024-12-31', o.seed);
  for (const soort of ['financien', 'formatie'] as const) await importeerFinancieel(ctx.db, soort, financienBron(financien, soort), { door: 'e2e' });
}

/**
 * A test context on the demo data, with its own "today". Several e2e files print or show the same
 * demo data; importing it is most of their set-up (the import derives, counts and computes every
 * indicator). The first file of a run that asks for these options imports once into a database
 * beside the migrated template of the run (test/helpers/sjabloon.ts: one directory per run, removed
 * at its end, so never stale); every file then gets its own copy of that file, as it gets a copy of
 * the template. Files run in separate workers: an exclusive lock file says who builds, the others
 * wait for the finished database, which appears by a rename (never half written).
 */
export async function demoContext(vandaag: string, o: DemoOpties): Promise<TestContext> {
  const sjabloon = inject('vtSjabloon');
  if (TEST_POSTGRES || !sjabloon) {
    const ctx = await testContext(vandaag);
    await vul(ctx, o);
    return ctx;
  }
  const bestand = join(dirname(sjabloon), `demo-${o.geimporteerdOp}-${o.seed}-${o.schaal}${o.financien ? '-financien' : ''}.sqlite`);
  const slot = `${bestand}.bouwt`;
  const tot = Date.now() + 600_000;
  while (!existsSync(bestand)) {
    let fd: number | undefined;
    try {
      fd = openSync(slot, 'wx');
    } catch {
      // another worker builds it: wait for the rename (or for its lock to go, when it failed)
      if (Date.now() > tot) throw new Error(`${bestand} is na 10 minuten nog niet gebouwd`);
      await wacht(100);
      continue;
    }
    const bouw = await testContext(o.geimporteerdOp);
    try {
      try {
        await vul(bouw, o);
      } finally {
        // a clean close folds the write-ahead log into the file: one file to copy
        await bouw.db.destroy();
      }
      if (existsSync(`${bouw.databaseUrl}-wal`)) throw new Error(`${bouw.databaseUrl}-wal bestaat nog na het sluiten`);
      copyFileSync(bouw.databaseUrl, `${bestand}.tmp`);
      renameSync(`${bestand}.tmp`, bestand);
    } finally {
      rmSync(bouw.dir, { recursive: true, force: true });
      closeSync(fd);
      rmSync(slot, { force: true });
    }
  }
  return testContext(vandaag, {}, bestand);
}

/** The demo data of the page tests (toegankelijkheid, dashboards): 0,3 of a region's volume, with financien. */
export const DEMO_SCHERMEN: DemoOpties = { geimporteerdOp: '2024-12-31', seed: 5, schaal: 0.3, financien: true };
/** The demo data of the report tests (rapportage, pdf-snel, pdf-opmaak): a region's full volume. */
export const DEMO_RAPPORTEN: DemoOpties = { geimporteerdOp: '2024-12-31', seed: 5, schaal: 1 };
