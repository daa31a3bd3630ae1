import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maakDb } from '../../server/db/connection.js';
import { neemImportslot } from '../../server/db/importslot.js';
import { bouwAllesOpnieuw } from '../../server/indicatoren/herbereken.js';
import { alleTellingen } from '../../server/registraties/tellingen-repository.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { sessieAls, startServer } from '../helpers/server.js';

/** One import at a time: the next waits its turn in Dutch (CLI) or is refused in Dutch (web), never a driver error. */
const CLI = join(process.cwd(), 'bin', 'vt-monitor.js');
let ctx: TestContext;
beforeEach(async () => {
  ctx = await testContext('2024-12-31');
});
afterEach(async () => {
  await ctx.close();
});

/** Another import, held open: its transaction holds the import slot (after `werk`, its writes so far) until `los()`. */
async function lopendeImport(werk?: (trx: Knex.Transaction) => Promise<unknown>): Promise<{ los: () => Promise<void> }> {
  const db = maakDb(ctx.databaseUrl);
  let los!: () => void;
  const vrij = new Promise<void>((resolve) => (los = resolve));
  let genomen!: () => void;
  const slot = new Promise<void>((resolve) => (genomen = resolve));
  const klaar = db.transaction(async (trx) => {
    await neemImportslot(trx, 'weiger');
    await werk?.(trx);
    genomen();
    await vrij;
  });
  await slot;
  let los_ = false;
  return {
    los: async () => {
      if (los_) return;
      los_ = true;
      los();
      await klaar;
      await db.destroy();
    },
  };
}

describe('a second import while one runs', () => {
  it('the CLI waits its turn and says so in Dutch; the web upload is refused in Dutch (409)', { timeout: 120_000 }, async () => {
    const pad = join(ctx.dir, 'export.csv');
    writeFileSync(pad, 'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie\nA1;advies;2024-01-02;GM0268;politie\n');
    // the session first: its insert would wait for the import held below
    const s = await sessieAls(ctx, 'beheerder');
    const eerste = await lopendeImport();
    const { server, base } = await startServer(ctx);
    try {
      const p = spawn('node', [CLI, 'importeer', pad], { env: { ...process.env, DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent' } });
      let stderr = '';
      let stdout = '';
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const einde = new Promise<number | null>((resolve) => p.on('exit', resolve));
      const t0 = Date.now();
      while (!stderr.includes('Er loopt al een import') && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 100));
      expect(stderr).toContain('Er loopt al een import; deze import wacht tot die klaar is…');

      const form = new FormData();
      form.set('soort', 'registraties');
      form.set(
        'bestand',
        new Blob(['registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie\nW1;advies;2024-01-02;GM0268;politie\n']),
        'web.csv',
      );
      const web = await s.fetch(`${base}/beheer/import`, { method: 'POST', body: form, headers: { 'x-csrf-token': s.csrf } });
      expect(web.status).toBe(409);
      expect(await web.text()).toContain('Er loopt al een import. Wacht tot die klaar is en probeer het daarna opnieuw.');

      await eerste.los();
      expect(await einde, stderr).toBe(0);
      expect(stdout).toContain('Import geslaagd.');
      expect(stderr).not.toMatch(/SQLITE|locked|deadlock|INSERT|SELECT/);
      expect(await ctx.db('registraties').pluck('registratie_id')).toEqual(['A1']);
    } finally {
      await eerste.los();
      server.close();
    }
  });
});

describe('re-deriving every registration beside an import', () => {
  it('waits for the import to commit and keeps what the import wrote (no stale page written back)', { timeout: 60_000 }, async () => {
    await importeerRijen(ctx, [
      { registratie_id: 'A1', soort: 'advies', datum_binnenkomst: '2024-01-02', gemeente_code: 'GM0268', melder_categorie: 'politie' },
    ]);
    // an import held open that has already changed A1: a later closing date, so a later last quarter
    const lopend = await lopendeImport((trx) =>
      trx('registraties').update({ datum_afgesloten: '2024-08-01', rij_hash: 'van-de-import' }).where({ registratie_id: 'A1' }),
    );
    let afgeleid = false;
    const herleiden = bouwAllesOpnieuw(ctx.db, ctx.regio, ctx.kalender).then((r) => {
      afgeleid = true;
      return r.registraties;
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(afgeleid).toBe(false);
    } finally {
      await lopend.los();
    }
    expect(await herleiden).toBe(1);
    // the import's values stand, and the rebuilt counts come from them (read after the import committed)
    expect(await ctx.db('registraties').first('datum_afgesloten', 'rij_hash')).toEqual({ datum_afgesloten: '2024-08-01', rij_hash: 'van-de-import' });
    expect((await alleTellingen(ctx.db)).filter((g) => g.familie === 'laatste').map((g) => [g.kwartaal, g.aantal])).toEqual([['2024-Q3', 1]]);
  });
});
