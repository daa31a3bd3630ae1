/**
 * Sessions are kept in memory per app instance (server/auth/sessies-service.ts), and pages in
 * the response cache per session. Neither may weaken logout or blocking: every case below first
 * warms both caches with a page, then changes the session or account in another way — the other
 * instance, a connection of its own (as the CLI or a second process would), a logout whose
 * delete waits in the write queue — and the very next request must get no page.
 */
import type { Server } from 'node:http';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakDb, type Db } from '../../server/db/connection.js';
import { leegWachtrij } from '../../server/db/schrijfwachtrij.js';
import { importeerRijen, testContext, TEST_POSTGRES, type TestContext } from '../helpers/context.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

let ctx: TestContext;
let eerste: { server: Server; base: string };
let tweede: { server: Server; base: string };
/** a connection of its own: what another process (the CLI, a second instance) writes through */
let ander: Db;

const PAGINA = '/doorstroom?kwartaal=2019-Q3';
const API = '/api/indicatoren?kwartaal=2019-Q3';

beforeAll(async () => {
  ctx = await testContext('2026-12-01');
  await importeerRijen(ctx, [
    { registratie_id: 'SC-1', soort: 'advies', datum_binnenkomst: '2019-08-01', gemeente_code: 'GM0268', melder_categorie: 'politie' },
  ]);
  eerste = await startServer(ctx);
  tweede = await startServer(ctx);
  ander = maakDb(ctx.databaseUrl);
});
afterAll(async () => {
  eerste?.server.close();
  tweede?.server.close();
  await ander?.destroy();
  await ctx?.close();
});

const status = async (s: Sessie, url: string) => (await s.fetch(url, { redirect: 'manual' })).status;

/** Both instances have answered the session twice (the second from both caches). */
async function warm(s: Sessie): Promise<void> {
  for (const { base } of [eerste, tweede]) {
    for (const url of [PAGINA, API, PAGINA, API]) expect(await status(s, base + url), `${base}${url}`).toBe(200);
  }
}

const gebruikerId = async (s: Sessie) => ((await ctx.db('gebruikers').where({ email: s.email }).first('id')) as { id: number }).id;

describe('the in-memory session cache never outlives a logout, a block or a role change', () => {
  it('logout on one instance: the very next request on either instance gets no page', async () => {
    const s = await sessieAls(ctx, 'bestuur');
    await warm(s);
    const uit = await s.fetch(`${eerste.base}/uitloggen`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: s.csrf }) });
    expect(uit.status).toBe(303);
    expect(await status(s, tweede.base + PAGINA)).toBe(303);
    expect(await status(s, eerste.base + PAGINA)).toBe(303);
    expect(await status(s, tweede.base + API)).toBe(401);
  });

  it('blocked through another connection (as by `vt-monitor gebruiker blokkeer`): the next request gets no page', async () => {
    const s = await sessieAls(ctx, 'bestuur');
    await warm(s);
    const id = await gebruikerId(s);
    await ander('gebruikers').where({ id }).update({ geblokkeerd: 1 });
    expect(await status(s, eerste.base + PAGINA)).toBe(303);
    expect(await status(s, tweede.base + API)).toBe(401);
  });

  it('sessions deleted through another connection end at once (the block without the flag)', async () => {
    const s = await sessieAls(ctx, 'bestuur');
    await warm(s);
    await ander('sessies')
      .where({ gebruiker_id: await gebruikerId(s) })
      .delete();
    expect(await status(s, tweede.base + PAGINA)).toBe(303);
    expect(await status(s, eerste.base + API)).toBe(401);
  });

  it('a role changed through another connection: the next request is judged by the new role, not served from a cache', async () => {
    const s = await sessieAls(ctx, 'bestuur');
    await warm(s);
    await ander('gebruikers')
      .where({ id: await gebruikerId(s) })
      .update({ rol: 'gemeente', gemeenten: JSON.stringify(['GM0281']) });
    expect(await status(s, eerste.base + PAGINA)).toBe(403);
    expect(await status(s, tweede.base + PAGINA)).toBe(403);
    // the gemeente role sees its own gemeente: the session itself still works
    expect(await status(s, `${eerste.base}/gemeente/GM0281?kwartaal=2019-Q3`)).toBe(200);
    expect(await status(s, `${eerste.base}/gemeente/GM0268?kwartaal=2019-Q3`)).toBe(403);
  });

  it('a session shortened to the past through another connection ends at once', async () => {
    const s = await sessieAls(ctx, 'bestuur');
    await warm(s);
    await ander('sessies')
      .where({ gebruiker_id: await gebruikerId(s) })
      .update({ verloopt_op: '2000-01-01T00:00:00.000Z' });
    expect(await status(s, eerste.base + PAGINA)).toBe(303);
  });

  it('other sessions keep working after someone else logs out (and are read again, not lost)', async () => {
    const blijft = await sessieAls(ctx, 'vt_management');
    await warm(blijft);
    const gaat = await sessieAls(ctx, 'bestuur');
    await warm(gaat);
    await gaat.fetch(`${eerste.base}/uitloggen`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: gaat.csrf }) });
    expect(await status(gaat, eerste.base + PAGINA)).toBe(303);
    expect(await status(blijft, eerste.base + PAGINA)).toBe(200);
    expect(await status(blijft, tweede.base + API)).toBe(200);
  });

  it.skipIf(TEST_POSTGRES)('SQLite: a logout while another process holds the write lock is refused at once, before its delete is written', async () => {
    const s = await sessieAls(ctx, 'bestuur');
    await warm(s);
    // another process (an import) holds SQLite's write lock: the session's delete waits in the write queue
    const slot = new Database(ctx.databaseUrl);
    slot.exec('BEGIN IMMEDIATE');
    try {
      const uit = await s.fetch(`${eerste.base}/uitloggen`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: s.csrf }) });
      expect(uit.status).toBe(303);
      expect(
        await ctx
          .db('sessies')
          .where({ gebruiker_id: await gebruikerId(s) })
          .count({ n: '*' }),
      ).toEqual([{ n: 1 }]);
      expect(await status(s, eerste.base + PAGINA)).toBe(303);
      expect(await status(s, eerste.base + API)).toBe(401);
    } finally {
      slot.exec('COMMIT');
      slot.close();
    }
    await leegWachtrij(ctx.db);
    expect(
      await ctx
        .db('sessies')
        .where({ gebruiker_id: await gebruikerId(s) })
        .count({ n: '*' }),
    ).toEqual([{ n: 0 }]);
    expect(await status(s, tweede.base + PAGINA)).toBe(303);
    expect(await status(s, eerste.base + PAGINA)).toBe(303);
  });
});
