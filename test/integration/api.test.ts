import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSIE_GELDIG_MS } from '../../server/web/antwoordcache.js';
import { maakApp } from '../../server/web/app.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';
import { sessieAls, type Sessie } from '../helpers/server.js';

let ctx: TestContext;
let server: Server;
let base: string;
let sessie: Sessie;

beforeAll(async () => {
  ctx = await testContext('2024-12-31');
  await importeerRijen(ctx, [
    melding({ binnenkomst: '2019-01-10', gemeente: 'GM0268', vb: '2019-01-11' }),
    melding({ binnenkomst: '2019-02-10', gemeente: 'GM0281' }),
    advies({ binnenkomst: '2019-04-10', gemeente: 'GM0281' }),
  ]);
  server = maakApp(ctx).listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sessie = await sessieAls(ctx, 'bestuur');
});
afterAll(async () => {
  server.close();
  await ctx.close();
});

/** A conditional GET without fetch: fetch adds Cache-Control: no-cache to a request with If-None-Match. */
const statusMetEtag = (path: string, etag: string) =>
  new Promise<number>((resolve, reject) => {
    request(base + path, { headers: { 'If-None-Match': etag, cookie: sessie.cookie } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });

const get = async (path: string) => {
  const res = await sessie.fetch(base + path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('API', () => {
  it('GET /api/indicatoren: the catalogue shape for a quarter', async () => {
    const { status, body } = await get('/api/indicatoren?kwartaal=2019-Q1');
    expect(status).toBe(200);
    expect(body.kwartaal).toBe('2019-Q1');
    expect(body.regio).toMatchObject({ meldingen: 2, meldingen_vb: 1, vb_binnen_termijn_pct: 100 });
    const gemeenten = body.gemeenten as Record<string, Record<string, unknown>>;
    expect(Object.keys(gemeenten)).toHaveLength(17);
    expect(gemeenten.GM0268).toMatchObject({ naam: 'Nijmegen', meldingen: 1 });
  });

  it('with gemeente: that gemeente and the region', async () => {
    const { body } = await get('/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0281');
    expect(Object.keys(body.gemeenten as object)).toEqual(['GM0281']);
    expect(body.regio).toMatchObject({ meldingen: 2 });
  });

  it('GET /api/reeks: a series with null outside the stored range', async () => {
    const { status, body } = await get('/api/reeks?indicator=meldingen&van=2018-Q4&tot=2019-Q2&gemeente=GM0281');
    expect(status).toBe(200);
    expect(body).toMatchObject({ indicator: 'meldingen', gebied: 'GM0281', naam: 'Tiel' });
    expect(body.reeks).toEqual([
      { kwartaal: '2018-Q4', waarde: null, voorlopig: false },
      { kwartaal: '2019-Q1', waarde: 1, voorlopig: false },
      { kwartaal: '2019-Q2', waarde: 0, voorlopig: false },
    ]);
  });

  it.each([
    ['/api/indicatoren', 400, 'Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: niets)'],
    ['/api/indicatoren?kwartaal=2019-5', 400, 'Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: 2019-5)'],
    [
      '/api/indicatoren?kwartaal=2019-Q1&gemeente=GM9999',
      400,
      'Onbekende gemeente "GM9999": gebruik een gemeentecode uit de regio (zoals GM1945), buiten_regio of onbekend',
    ],
    ['/api/indicatoren?kwartaal=2010-Q1', 404, 'Geen cijfers voor 2010-Q1: er zijn cijfers van 2019-Q1 tot en met 2019-Q2'],
    ['/api/reeks?van=2019-Q1&tot=2019-Q2', 400, 'Parameter indicator ontbreekt, zoals indicator=meldingen (gekregen: niets)'],
    ['/api/reeks?indicator=wachttijd&van=2019-Q1&tot=2019-Q2', 400, 'Onbekende indicator "wachttijd"; zie docs/indicatoren.md voor de namen'],
    ['/api/reeks?indicator=meldingen&van=2019-Q3&tot=2019-Q2', 400, 'van (2019-Q3) ligt na tot (2019-Q2)'],
  ])('%s → %i with a Dutch message', async (path, status, melding) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body.melding).toBe(melding);
  });

  it('the region page shows the quarter chosen in the URL, its gemeenten and the instroom per quarter', async () => {
    const html = await (await sessie.fetch(`${base}/?kwartaal=2019-Q1`)).text();
    expect(html).toContain('Regio Gelderland-Zuid');
    expect(html).toContain('Mook en Middelaar');
    // an exact zero is CBS's nihil (–) in an unprotected table
    expect(html).toMatch(/<th scope="row">Q1 2019<\/th>\s*<td class="getal">–<\/td><td class="getal">2<\/td>/);
  });
  // last: it imports a registration
  it('cached answers follow a new import (data version), and support ETag revalidation', async () => {
    const voor = await get('/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0268');
    expect((voor.body.gemeenten as Record<string, Record<string, unknown>>).GM0268!.meldingen).toBe(1);
    const eerste = await sessie.fetch(`${base}/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0268`);
    const etag = eerste.headers.get('etag')!;
    expect(await statusMetEtag('/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0268', etag)).toBe(304);
    await importeerRijen(ctx, [melding({ binnenkomst: '2019-03-01', gemeente: 'GM0268' })]);
    await new Promise((resolve) => setTimeout(resolve, VERSIE_GELDIG_MS + 50)); // how long an instance trusts its version
    const na = await get('/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0268');
    expect((na.body.gemeenten as Record<string, Record<string, unknown>>).GM0268!.meldingen).toBe(2);
    expect(await statusMetEtag('/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0268', etag)).toBe(200);
  });
});
