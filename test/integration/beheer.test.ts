import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voegImportbatchToe } from '../../server/importbatches/repository.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

let ctx: TestContext;
let server: Server;
let base: string;
let beheerder: Sessie;

beforeAll(async () => {
  ctx = await testContext();
  ({ server, base } = await startServer(ctx));
  beheerder = await sessieAls(ctx, 'beheerder');
});

afterAll(async () => {
  server?.close();
  await ctx?.close();
});

const pagina = async (pad: string) => (await beheerder.fetch(base + pad)).text();

describe('/beheer as the beheerder reads it', () => {
  it('the import log shows times in Europe/Amsterdam, summer and winter', async () => {
    const batch = {
      soort: 'registraties',
      sha256: 'x',
      door: 'test',
      status: 'geladen' as const,
      rijen: 1,
      nieuw: 1,
      gewijzigd: 0,
      ongewijzigd: 0,
      afgewezen: 0,
      fouten_voorbeeld: null,
    };
    await voegImportbatchToe(ctx.db, { ...batch, bestand: 'zomer.csv', gestart_op: '2026-06-30T22:30:05.000Z', beeindigd_op: '2026-06-30T22:31:00.000Z' });
    await voegImportbatchToe(ctx.db, { ...batch, bestand: 'winter.csv', gestart_op: '2026-12-31T23:15:00.000Z', beeindigd_op: '2026-12-31T23:16:00.000Z' });
    const html = await pagina('/beheer/import');
    expect(html).toContain('1 juli 2026 om 00:30:05'); // UTC+2
    expect(html).toContain('1 januari 2027 om 00:15:00'); // UTC+1
    expect(html).not.toContain('2026-06-30 22:30');
  });

  it('the audit log shows times in Europe/Amsterdam', async () => {
    await ctx.db('audit_log').insert({ tijdstip: '2026-03-29T01:30:00.000Z', wie: 'test', actie: 'download', details: null, ip: null });
    expect(await pagina('/beheer/audit')).toContain('29 maart 2026 om 03:30:00'); // the night summer time starts
  });

  it('a new user has no role until the beheerder chooses one', async () => {
    const html = await pagina('/beheer');
    expect(html).toMatch(/<select[^>]*id="nieuw-rol"[^>]*required[^>]*><option value="" selected disabled>Kies een rol<\/option>/);
    const form = new URLSearchParams({ _csrf: beheerder.csrf, email: 'zonder-rol@vt.nl' });
    const res = await beheerder.fetch(`${base}/beheer/gebruikers`, { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/rol/i);
    expect(await ctx.db('gebruikers').where({ email: 'zonder-rol@vt.nl' }).first()).toBeUndefined();
  });

  it('"Blokkeer" asks first: the button leads to a question; only "Ja, blokkeer" blocks, and ends the sessions', async () => {
    const doel = await sessieAls(ctx, 'bestuur');
    const id = ((await ctx.db('gebruikers').where({ email: doel.email }).first('id')) as { id: number }).id;
    const geblokkeerd = async () => Number(((await ctx.db('gebruikers').where({ id }).first('geblokkeerd')) as { geblokkeerd: number }).geblokkeerd);
    const post = (velden: Record<string, string>) =>
      beheerder.fetch(`${base}/beheer/gebruikers/${id}/blokkeer`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: beheerder.csrf, ...velden }).toString(),
      });
    for (const velden of [{}, { bevestig: 'nee' }, { bevestig: 'JA' }] as Record<string, string>[]) {
      const vraag = await post(velden);
      expect(vraag.status).toBe(200);
      const html = await vraag.text();
      expect(html).toContain(
        `<p class="utrecht-paragraph" data-vraag>Weet u zeker dat u ${doel.email} wilt blokkeren? ` +
          `Deze gebruiker kan dan niet meer inloggen en wordt direct uitgelogd.</p>`,
      );
      expect(html).toContain('<input type="hidden" name="bevestig" value="ja">');
      expect(await geblokkeerd()).toBe(0);
    }
    expect((await doel.fetch(`${base}/`, { redirect: 'manual' })).status).toBe(200);
    const ja = await post({ bevestig: 'ja' });
    expect([ja.status, ja.headers.get('location')]).toEqual([303, '/beheer']);
    expect(await geblokkeerd()).toBe(1);
    expect((await doel.fetch(`${base}/`, { redirect: 'manual' })).status).not.toBe(200);
  });

  it('a refused file reads as a sentence ("…export? Er is niets geladen.", never "?."), and the import log never says "regel 0"', async () => {
    const form = new FormData();
    form.set('soort', 'registraties');
    form.set('bestand', new Blob(['naam;adres;telefoon\nJan;Straat 1;0612345678\n'], { type: 'text/csv' }), 'adressen.csv');
    const res = await beheerder.fetch(`${base}/beheer/import`, { method: 'POST', body: form, headers: { 'x-csrf-token': beheerder.csrf } });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('is dit wel een registratie-export? Er is niets geladen.</p>');
    expect(html).not.toMatch(/[?!.]\. Er is/);
    const log = await pagina('/beheer/import');
    expect(log).toContain('is dit wel een registratie-export?');
    expect(log).not.toMatch(/regel 0\b/);
  });
});
