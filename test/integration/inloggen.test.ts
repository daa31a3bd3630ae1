/**
 * Login without leaks (issue 14): unknown, blocked, locked and wrong-password attempts get the same
 * answer, status and (argon2-dominated) time; a lock-out holds for account × address with a
 * doubling back-off, so an outsider elsewhere cannot lock the owner out; successful logins do not
 * count against the address limit; blocking stays immediate.
 */
import type { Server } from 'node:http';
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blokkadeTot, blokkeer, gebruikerToevoegen } from '../../server/auth/service.js';
import { voegGebruikerToe } from '../../server/auth/gebruikers-repository.js';
import { maakSessie } from '../../server/auth/sessies-repository.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { loginFormulier, startServer } from '../helpers/server.js';

let ctx: TestContext;
let server: Server;
let base: string;

beforeAll(async () => {
  // one trusted proxy: X-Forwarded-For names the client address
  ctx = await testContext('2026-12-01', { TRUST_PROXY: 1 });
  for (const email of ['eigenaar@vt.nl', 'geblokkeerd@vt.nl', 'vergrendeld@vt.nl']) {
    await gebruikerToevoegen(ctx.db, ctx.regio, { email, rol: 'bestuur' }, { wachtwoord: 'het juiste wachtwoord', demo: true });
  }
  // the office account of the address-limit test logs in 25 times: an argon2id hash of the lowest cost (the cost is
  // read from the hash) keeps that test about the limit, not 25 full argon2 runs; the timing test uses the product's cost
  const goedkoop = await argon2.hash('het juiste wachtwoord', { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  await voegGebruikerToe(ctx.db, {
    email: 'kantoor@vt.nl',
    rol: 'bestuur',
    gemeenten: [],
    wachtwoord_hash: goedkoop,
    moet_wachtwoord_wijzigen: false,
    demo: true,
  });
  await blokkeer(ctx.db, 'geblokkeerd@vt.nl');
  ({ server, base } = await startServer(ctx));
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

async function login(email: string, wachtwoord: string, adres: string): Promise<{ status: number; melding: string | null; ms: number }> {
  const { cookie, token } = await loginFormulier(base, { 'x-forwarded-for': adres });
  const start = performance.now();
  const res = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'x-forwarded-for': adres },
    body: new URLSearchParams({ _csrf: token, email, wachtwoord }),
  });
  const ms = performance.now() - start;
  const html = await res.text();
  return { status: res.status, melding: /role="alert">([^<]*)</.exec(html)?.[1] ?? null, ms };
}

const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('login without leaks', () => {
  it('unknown, wrong password, blocked and locked: the same status and message', async () => {
    for (let i = 0; i < 5; i++) await login('vergrendeld@vt.nl', `fout-${i}`, '198.51.100.1');
    const antwoorden = [
      await login('niemand@vt.nl', 'het juiste wachtwoord', '198.51.100.1'),
      await login('eigenaar@vt.nl', 'fout wachtwoord', '198.51.100.1'),
      await login('geblokkeerd@vt.nl', 'het juiste wachtwoord', '198.51.100.1'),
      await login('vergrendeld@vt.nl', 'het juiste wachtwoord', '198.51.100.1'),
    ];
    for (const a of antwoorden) expect({ status: a.status, melding: a.melding }).toEqual({ status: 401, melding: antwoorden[0]!.melding });
    expect(antwoorden[0]!.melding).toContain('klopt niet');
  });

  it('a lock-out holds for account × address: an outsider elsewhere cannot lock the owner out; the back-off doubles', async () => {
    for (let i = 0; i < 7; i++) await login('eigenaar@vt.nl', `fout-${i}`, '203.0.113.9');
    expect((await login('eigenaar@vt.nl', 'het juiste wachtwoord', '203.0.113.9')).status).toBe(401);
    expect((await login('eigenaar@vt.nl', 'het juiste wachtwoord', '192.0.2.10')).status).toBe(303);
    const nu = new Date('2026-12-01T10:00:00Z');
    const beleid = { maxPogingen: 5, blokkadeMinuten: 15 };
    const minuten = (n: number) => (Date.parse(blokkadeTot(n, beleid, nu) ?? nu.toISOString()) - nu.getTime()) / 60_000;
    expect([4, 5, 6, 7, 20].map(minuten)).toEqual([0, 15, 30, 60, 24 * 60]);
  });

  it('successful logins do not count against the address limit (25 from one office address)', async () => {
    for (let i = 0; i < 25; i++) expect((await login('kantoor@vt.nl', 'het juiste wachtwoord', '192.0.2.50')).status, `login ${i + 1}`).toBe(303);
  }, 60_000);

  it('blocking is immediate: an open session ends at once', async () => {
    await gebruikerToevoegen(ctx.db, ctx.regio, { email: 'later@vt.nl', rol: 'bestuur' }, { wachtwoord: 'het juiste wachtwoord', demo: true });
    const g = (await ctx.db('gebruikers').where({ email: 'later@vt.nl' }).first()) as { id: number };
    const { token } = await maakSessie(ctx.db, g.id, 1);
    const cookie = `vt_sessie=${token}`;
    expect((await fetch(`${base}/docs/privacy`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    await blokkeer(ctx.db, 'later@vt.nl');
    expect((await fetch(`${base}/docs/privacy`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
  });

  it('an unknown address takes as long as a wrong password (median of 10 back-to-back pairs within 20 %)', async () => {
    const ratios: number[] = [];
    const tijden: [number, number][] = [];
    for (let i = 0; i < 10; i++) {
      // every attempt from its own address: neither the lock-out nor the address limit interferes;
      // the order alternates so that neither side always runs on a warmer machine
      const onbekend = () => login(`niemand-${i}@vt.nl`, 'fout wachtwoord', `10.9.0.${i}`);
      const fout = () => login('eigenaar@vt.nl', 'fout wachtwoord', `10.9.1.${i}`);
      const [a, b] = i % 2 === 0 ? [await onbekend(), await fout()] : [undefined, await fout()];
      const o = a ?? (await onbekend());
      ratios.push(o.ms / b.ms);
      tijden.push([o.ms, b.ms]);
    }
    const ratio = mediaan(ratios);
    expect(ratio, tijden.map(([o, f]) => `${o.toFixed(0)}/${f.toFixed(0)} ms`).join(', ')).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.2);
  }, 60_000);
});
