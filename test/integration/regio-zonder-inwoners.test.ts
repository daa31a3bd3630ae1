import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

/**
 * A generated region without CBS populations (Hollands-Midden with its inwonersPerJaar removed, as
 * for a year CBS has not published yet; issue 28): every page still works, and no per-1.000 figure
 * appears — there is no denominator, and none is estimated.
 */
function zonderInwoners(): string {
  const hm = JSON.parse(readFileSync(projectPath('config', 'regio', 'hollands-midden.json'), 'utf8')) as { gemeenten: Record<string, unknown>[] };
  hm.gemeenten = hm.gemeenten.map((g) => ({ ...g, inwonersPerJaar: {} }));
  const pad = join(mkdtempSync(join(tmpdir(), 'vt-regio-')), 'hollands-midden.json');
  writeFileSync(pad, JSON.stringify(hm));
  return pad;
}
let ctx: TestContext;
let server: Server;
let base: string;
let beheerder: Sessie;
let leiden: Sessie;

beforeAll(async () => {
  ctx = await testContext('2019-12-31', { REGIO_BESTAND: zonderInwoners() });
  await importeerRijen(ctx, [
    ...Array.from({ length: 12 }, () => melding({ binnenkomst: '2019-01-10', gemeente: 'GM0546', vb: '2019-01-11' })),
    ...Array.from({ length: 11 }, () => melding({ binnenkomst: '2019-02-10', gemeente: 'GM0513', vb: '2019-02-12' })),
    melding({ binnenkomst: '2019-02-11', gemeente: 'GM0576' }), // Noordwijkerhout: counts under Noordwijk
    advies({ binnenkomst: '2019-03-10', gemeente: 'GM0546' }),
  ]);
  ({ server, base } = await startServer(ctx));
  beheerder = await sessieAls(ctx, 'beheerder');
  leiden = await sessieAls(ctx, 'gemeente', ['GM0546']);
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

describe('Hollands-Midden without CBS populations', () => {
  it.each([
    '/',
    '/gemeente/GM0546?kwartaal=2019-Q1',
    '/doorstroom?kwartaal=2019-Q1',
    '/spiegel?periode=2019',
    '/rapportages/2019-Q1/voorbeeld',
    '/rapportages/2019-Q1/gemeente/GM0546',
    '/export/regio/per-gemeente.csv?kwartaal=2019-Q1',
  ])('%s answers 200 for the beheerder', async (pad) => {
    const r = await beheerder.fetch(`${base}${pad}`, { redirect: 'manual' });
    expect(
      r.status,
      await r
        .clone()
        .text()
        .then((t) => t.slice(0, 300)),
    ).toBe(200);
  });

  it("the figures count under the region's own gemeenten; no per-1.000 figure for a gemeente or the region", async () => {
    const data = (await (await beheerder.fetch(`${base}/api/indicatoren?kwartaal=2019-Q1`)).json()) as {
      regio: Record<string, unknown>;
      gemeenten: Record<string, Record<string, unknown>>;
    };
    expect(data.gemeenten.GM0546).toMatchObject({ meldingen: 12, adviezen: 1 });
    expect(data.gemeenten.GM0513).toMatchObject({ meldingen: 11 });
    expect(data.gemeenten.GM0575).toMatchObject({ meldingen: 1 });
    const per1000 = [data.regio.per_1000_inwoners, data.gemeenten.GM0546!.per_1000_inwoners, data.gemeenten.GM0513!.per_1000_inwoners];
    for (const p of per1000) {
      expect(Object.keys(p as object)).toContain('meldingen');
      expect(
        Object.values(p as Record<string, unknown>).every((v) => v === null),
        JSON.stringify(p),
      ).toBe(true);
    }
  });

  it('a gemeente account of Leiden sees its own gemeente, without a rate', async () => {
    const r = await leiden.fetch(`${base}/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0546`);
    expect(r.status).toBe(200);
    const data = (await r.json()) as { gemeenten: Record<string, Record<string, unknown>> };
    const p = data.gemeenten.GM0546!.per_1000_inwoners as Record<string, unknown>;
    expect(Object.keys(p)).toContain('meldingen');
    expect(
      Object.values(p).every((v) => typeof v !== 'number'),
      JSON.stringify(p),
    ).toBe(true);
    expect((await leiden.fetch(`${base}/gemeente/GM0513?kwartaal=2019-Q1`, { redirect: 'manual' })).status).toBe(403);
  });
});
