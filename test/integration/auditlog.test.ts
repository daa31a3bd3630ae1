/**
 * The audit log has no gaps (issue 26 §4). The response cache answers repeated pages without
 * running their route; case-level data (the achterstand list by registration id) must never be
 * among them: every view and every download is an audit row, with `no-store` and, for a
 * download, its attachment header — also the third time, also when the browser revalidates.
 * Every refusal (403) is an audit row with who, what and from where.
 */
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../server/db/connection.js';
import { leegWachtrij } from '../../server/db/schrijfwachtrij.js';
import { vereis } from '../../server/web/auth.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

let ctx: TestContext;
let server: Server;
let base: string;
let vt: Sessie;
let tiel: Sessie;
let bestuur: Sessie;
let beheerder: Sessie;

beforeAll(async () => {
  ctx = await testContext('2019-12-31');
  await importeerRijen(ctx, [
    melding({ id: 'VB-18', binnenkomst: '2019-12-02', gemeente: 'GM0268' }),
    melding({ id: 'VB-6', binnenkomst: '2019-12-18', gemeente: 'GM0281' }),
  ]);
  ({ server, base } = await startServer(ctx));
  vt = await sessieAls(ctx, 'vt_management');
  tiel = await sessieAls(ctx, 'gemeente', ['GM0281']);
  bestuur = await sessieAls(ctx, 'bestuur');
  beheerder = await sessieAls(ctx, 'beheerder');
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

interface Rij {
  wie: string;
  actie: string;
  details: string | null;
  ip: string | null;
  tijdstip: string;
}
async function rijen(wie: string, actie: string): Promise<Rij[]> {
  await leegWachtrij(ctx.db);
  return (await ctx.db('audit_log').where({ wie, actie }).orderBy('id')) as Rij[];
}

describe('every view and download of the achterstand list is logged, cached or not', () => {
  it('three views of the page: three audit rows, no-store each time (also when the browser revalidates)', async () => {
    let etag: string | null = null;
    for (let i = 1; i <= 3; i++) {
      const res = await vt.fetch(`${base}/doorstroom/achterstand`, { headers: etag ? { 'if-none-match': etag } : {} });
      // the third sends the ETag it got, as a browser revalidating would: whatever the answer, the route wrote its row
      expect([res.status, res.headers.get('cache-control')], `view ${i}`).toEqual([res.status === 304 && i === 3 ? 304 : 200, 'no-store']);
      if (res.status === 200) expect(await res.text()).toContain('VB-18');
      etag = res.headers.get('etag');
      expect((await rijen(vt.email, 'caselijst')).length, `rows after view ${i}`).toBe(i);
    }
  });

  it.each(['csv', 'xlsx'])('three downloads (.%s): three more audit rows, no-store and the attachment header each time', async (formaat) => {
    const voor = (await rijen(vt.email, 'caselijst')).length;
    for (let i = 1; i <= 3; i++) {
      const res = await vt.fetch(`${base}/doorstroom/achterstand.${formaat}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control'), `download ${i}`).toBe('no-store');
      expect(res.headers.get('content-disposition'), `download ${i}`).toBe(`attachment; filename=achterstand-2019-12-31.${formaat}`);
      await res.arrayBuffer();
      const na = await rijen(vt.email, 'caselijst');
      expect(na.length, `rows after download ${i}`).toBe(voor + i);
      expect(JSON.parse(na.at(-1)!.details!)).toEqual({ download: formaat });
    }
  });

  it('a case-level route that forgets its audit row sends nothing (the guard is the right it requires)', async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.locals.gebruiker = {
        id: 1,
        email: 'vergeetachtig@test.vt',
        rol: 'vt_management',
        gemeenten: [],
        moet_wachtwoord_wijzigen: false,
        geblokkeerd: false,
        demo: false,
      };
      next();
    });
    app.get('/nieuwe-lijst', vereis('caselijst'), (_req, res) => {
      res.send('VB-18 VB-6');
    });
    app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).send('fout');
    });
    const s = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => s.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(s.address() as { port: number }).port}/nieuwe-lijst`);
      expect([res.status, res.headers.get('cache-control'), await res.text()]).toEqual([500, 'no-store', 'fout']);
    } finally {
      s.close();
    }
  });
});

describe('every refusal is logged: who, what, from where', () => {
  const gevallen: [string, () => Sessie, string, number][] = [
    ['Tiel opens the page of Nijmegen', () => tiel, '/gemeente/GM0268?kwartaal=2019-Q4', 403],
    ['Tiel asks the API for Nijmegen', () => tiel, '/api/indicatoren?kwartaal=2019-Q4&gemeente=GM0268', 403],
    ['Tiel asks the series API for Nijmegen', () => tiel, '/api/reeks?indicator=meldingen&van=2019-Q1&tot=2019-Q4&gemeente=GM0268', 403],
    ['the bestuur opens the achterstand list', () => bestuur, '/doorstroom/achterstand', 403],
    ['the bestuur downloads the achterstand list', () => bestuur, '/doorstroom/achterstand.csv', 403],
    ['Tiel opens the beheer pages', () => tiel, '/beheer/audit', 403],
  ];
  it.each(gevallen)('%s: 403 and an audit row', async (_naam, wie, pad, status) => {
    const s = wie();
    const voor = (await rijen(s.email, 'toegang_geweigerd')).length;
    const res = await s.fetch(base + pad, { redirect: 'manual' });
    expect(res.status).toBe(status);
    const na = await rijen(s.email, 'toegang_geweigerd');
    expect(na.length).toBe(voor + 1);
    const rij = na.at(-1)!;
    expect(rij.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    const details = JSON.parse(rij.details!) as Record<string, unknown>;
    expect([details.methode, details.pad, details.rol]).toEqual(['GET', pad, s === tiel ? 'gemeente' : 'bestuur']);
  });

  it('a form without a valid CSRF token: 403 and an audit row, also for a visitor without a session', async () => {
    const res = await fetch(`${base}/inloggen`, { method: 'POST', body: new URLSearchParams({ email: 'x@test.vt', wachtwoord: 'y', _csrf: 'geraden' }) });
    expect(res.status).toBe(403);
    const rij = (await rijen('anoniem', 'toegang_geweigerd')).at(-1)!;
    expect(JSON.parse(rij.details!)).toMatchObject({ methode: 'POST', pad: '/inloggen' });
  });

  it('the audit page labels its times as what they are: Dutch time, with the UTC instant beside it', async () => {
    const html = await (await beheerder.fetch(`${base}/beheer/audit?actie=toegang_geweigerd`)).text();
    expect(html).not.toContain('Tijdstip (UTC)');
    expect(html).toContain('<th scope="col">Tijdstip (Nederlandse tijd)</th>');
    const rij = (await rijen(tiel.email, 'toegang_geweigerd'))[0]!;
    expect(rij.tijdstip).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(html).toContain(`<time datetime="${rij.tijdstip}" title="${rij.tijdstip} (UTC)">`);
  });
});

describe('entries that arrive together are written together, none lost (one INSERT per group)', () => {
  it('40 chart downloads at once: 40 answers, 40 download rows; 600 entries written at once: all 600 (on SQLite in call order)', async () => {
    const pad = `${base}/export/regio/instroom.csv?kwartaal=2019-Q4`;
    const voor = (await rijen(bestuur.email, 'download')).length;
    const statussen = await Promise.all(Array.from({ length: 40 }, () => bestuur.fetch(pad).then((r) => r.status)));
    expect(statussen).toEqual(Array.from({ length: 40 }, () => 200));
    const download = (await rijen(bestuur.email, 'download')).slice(voor);
    expect(download.map((r) => JSON.parse(r.details!) as unknown)).toEqual(
      Array.from({ length: 40 }, () => ({ pagina: 'regio', grafiek: 'instroom', kwartaal: '2019-Q4', formaat: 'csv' })),
    );
    const { schrijfAuditregel } = await import('../../server/audit/service.js');
    // 600: more than SQLite takes in one compound SELECT (500), which is how knex writes several rows
    await Promise.all(Array.from({ length: 600 }, (_, i) => schrijfAuditregel(ctx.db, { wie: 'groep@test', actie: 'download', details: { i }, ip: null })));
    const volgorde = (await rijen('groep@test', 'download')).map((r) => (JSON.parse(r.details!) as { i: number }).i);
    // SQLite writes through the one write queue, in call order; PostgreSQL writes each at once, in any order
    expect(isPostgres(ctx.db) ? volgorde.sort((a, b) => a - b) : volgorde).toEqual(Array.from({ length: 600 }, (_, i) => i));
  });
});
