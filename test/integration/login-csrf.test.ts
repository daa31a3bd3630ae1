/**
 * Login as OWASP ASVS 4 asks, and no token in a URL (issue 26 §5, §6). The attacker is a
 * neighbouring application on the same host: it can plant cookies for this one (cookies are not
 * separated by port) and post a form from its own origin. It must not be able to log a victim
 * into an account of its choosing; a weak or own-address password is refused with a Dutch reason;
 * an upload carries its token in the form, never in the URL.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gebruikerToevoegen } from '../../server/auth/service.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { loginFormulier, sessieAls, startServer, type Sessie } from '../helpers/server.js';

let ctx: TestContext;
let server: Server;
let base: string;
let veilig: { ctx: TestContext; server: Server; base: string };

const AANVALLER = { email: 'aanvaller@vt.nl', wachtwoord: 'het wachtwoord van de aanvaller' };

beforeAll(async () => {
  ctx = await testContext('2026-12-01');
  await gebruikerToevoegen(ctx.db, ctx.regio, { email: AANVALLER.email, rol: 'bestuur' }, { wachtwoord: AANVALLER.wachtwoord, demo: true });
  ({ server, base } = await startServer(ctx));
  // the same app as in production over HTTPS: secure cookies
  const vctx = await testContext('2026-12-01', { COOKIE_SECURE: 'aan' });
  await gebruikerToevoegen(vctx.db, vctx.regio, { email: AANVALLER.email, rol: 'bestuur' }, { wachtwoord: AANVALLER.wachtwoord, demo: true });
  veilig = { ctx: vctx, ...(await startServer(vctx)) };
});
afterAll(async () => {
  server?.close();
  veilig?.server.close();
  await ctx?.close();
  await veilig?.ctx.close();
});

/** A login post as the victim's browser sends it, with the cookie and headers given. */
const post = (b: string, cookie: string, token: string, koppen: Record<string, string> = {}) =>
  fetch(`${b}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, ...koppen },
    body: new URLSearchParams({ _csrf: token, email: AANVALLER.email, wachtwoord: AANVALLER.wachtwoord }),
  });
const sessieGezet = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith('vt_sessie='));

describe('login CSRF: a planted cookie logs no one in', () => {
  it('the old attack: a planted vt_login_csrf cookie with the same value as token is refused', async () => {
    const res = await post(base, 'vt_login_csrf=gekozen-door-de-aanvaller', 'gekozen-door-de-aanvaller');
    expect([res.status, sessieGezet(res)]).toEqual([403, false]);
  });

  it('a token of another nonce does not match', async () => {
    const a = await loginFormulier(base);
    const b = await loginFormulier(base);
    expect(a.cookie.split('=')[1]).not.toBe(a.token);
    const res = await post(base, a.cookie, b.token);
    expect([res.status, sessieGezet(res)]).toEqual([403, false]);
  });

  it('a real pair the attacker fetched, posted from another origin of the host, is refused; from this origin it logs in', async () => {
    const paar = await loginFormulier(base);
    const poort = new URL(base).port;
    const aanvallen: Record<string, string>[] = [
      { origin: `http://127.0.0.1:${Number(poort) + 1}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site', origin: base },
    ];
    for (const koppen of aanvallen) {
      const res = await post(base, paar.cookie, paar.token, koppen);
      expect([res.status, sessieGezet(res)], JSON.stringify(koppen)).toEqual([403, false]);
    }
    const eigen = await post(base, paar.cookie, paar.token, { origin: base, 'sec-fetch-site': 'same-origin' });
    expect([eigen.status, sessieGezet(eigen)]).toEqual([303, true]);
    // what Chromium sends for its own form under Referrer-Policy: no-referrer: Origin null, same-origin
    const chromium = await loginFormulier(base);
    const alsChromium = await post(base, chromium.cookie, chromium.token, { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect([alsChromium.status, sessieGezet(alsChromium)]).toEqual([303, true]);
  });

  it('over HTTPS the cookie is __Host- prefixed (Secure, Path=/, no Domain); a cookie without the prefix counts for nothing', async () => {
    const pagina = await fetch(`${veilig.base}/inloggen`);
    const gezet = pagina.headers.getSetCookie().find((c) => c.includes('vt_login_csrf='))!;
    expect(gezet).toMatch(/^__Host-vt_login_csrf=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const paar = await loginFormulier(veilig.base);
    const nonce = paar.cookie.split('=')[1]!;
    const zonderPrefix = await post(veilig.base, `vt_login_csrf=${nonce}`, paar.token);
    expect([zonderPrefix.status, sessieGezet(zonderPrefix)]).toEqual([403, false]);
    const met = await post(veilig.base, paar.cookie, paar.token);
    expect([met.status, sessieGezet(met)]).toEqual([303, true]);
  });
});

describe('a new password is checked against common and breached passwords and the own address', () => {
  let s: Sessie;
  beforeAll(async () => {
    s = await sessieAls(ctx, 'bestuur');
  });
  const wijzig = (nieuw: string) =>
    s.fetch(`${base}/wachtwoord`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ _csrf: s.csrf, huidig: 'test-wachtwoord-123', nieuw, herhaal: nieuw }),
    });
  const melding = async (res: Response) => /role="alert">([^<]*)</.exec(await res.text())?.[1]?.replace(/&#x27;|&#39;/g, "'");

  it.each([
    [
      'wachtwoord12345',
      'Dit wachtwoord is te makkelijk te raden: het lijkt op een veelgebruikt of gelekt wachtwoord, ' +
        'een gewoon woord met cijfers, een toetsenbordrij of een datum. Kies bijvoorbeeld een zin van vier of meer woorden.',
    ],
    ['123456789012', 'Dit wachtwoord staat op een lijst van veelgebruikte en gelekte wachtwoorden. Kies een ander wachtwoord.'],
  ])('%s is refused', async (nieuw, reden) => {
    const res = await wijzig(nieuw);
    expect([res.status, await melding(res)]).toEqual([400, reden]);
  });

  it('the own e-mail address is refused', async () => {
    const res = await wijzig(s.email);
    expect([res.status, await melding(res)]).toEqual([400, 'Het wachtwoord mag uw e-mailadres of het deel vóór de @ niet bevatten.']);
  });

  it('a long phrase is accepted', async () => {
    const res = await wijzig('paard batterij nietje correct');
    expect([res.status, res.headers.get('location')]).toEqual([303, '/']);
  });
});

describe('no token in a URL: the import form carries it as its first field', () => {
  let b: Sessie;
  beforeAll(async () => {
    b = await sessieAls(ctx, 'beheerder');
  });
  const CSV = 'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie\nURL-1;advies;2019-08-01;GM0268;politie\n';
  const formulier = (volgorde: ('_csrf' | 'soort' | 'bestand')[], token = b.csrf) => {
    const form = new FormData();
    for (const veld of volgorde) {
      if (veld === '_csrf') form.append('_csrf', token);
      if (veld === 'soort') form.append('soort', 'registraties');
      if (veld === 'bestand') form.append('bestand', new Blob([CSV], { type: 'text/csv' }), 'url.csv');
    }
    return form;
  };
  const adviezen = async () => Number(((await ctx.db('registraties').count({ n: '*' }).first()) as { n: number | string }).n);

  it('the page posts to a URL without a token; the hidden field comes before the file', async () => {
    const html = await (await b.fetch(`${base}/beheer/import`)).text();
    expect(html).not.toMatch(/action="[^"]*_csrf/);
    const form = /<form class="formulier" method="post" action="\/beheer\/import" enctype="multipart\/form-data">([\s\S]*?)<\/form>/.exec(html)![1]!;
    expect(form.indexOf(`name="_csrf" value="${b.csrf}"`)).toBeGreaterThan(-1);
    expect(form.indexOf('name="_csrf"')).toBeLessThan(form.indexOf('type="file"'));
  });

  it('refused: a token only in the query, a file before the token, a wrong token; accepted: the token first', async () => {
    const voor = await adviezen();
    const inUrl = await b.fetch(`${base}/beheer/import?_csrf=${encodeURIComponent(b.csrf)}`, { method: 'POST', body: formulier(['soort', 'bestand']) });
    expect(inUrl.status).toBe(403);
    expect((await b.fetch(`${base}/beheer/import`, { method: 'POST', body: formulier(['soort', 'bestand', '_csrf']) })).status).toBe(403);
    expect((await b.fetch(`${base}/beheer/import`, { method: 'POST', body: formulier(['_csrf', 'soort', 'bestand'], 'fout') })).status).toBe(403);
    expect((await b.fetch(`${base}/beheer/import`, { method: 'POST', body: formulier(['_csrf', 'soort']) })).status).toBe(400);
    expect(await adviezen()).toBe(voor);
    const goed = await b.fetch(`${base}/beheer/import`, { method: 'POST', body: formulier(['_csrf', 'soort', 'bestand']) });
    expect([goed.status, goed.url]).toEqual([200, `${base}/beheer/import`]);
    expect(await adviezen()).toBe(voor + 1);
  });

  it('a multipart post to a route that is no upload is checked at the door: its _csrf field is not read', async () => {
    const doel = await sessieAls(ctx, 'bestuur');
    const id = ((await ctx.db('gebruikers').where({ email: doel.email }).first('id')) as { id: number }).id;
    const res = await b.fetch(`${base}/beheer/gebruikers/${id}/blokkeer`, { method: 'POST', redirect: 'manual', body: formulier(['_csrf']) });
    expect(res.status).toBe(403);
    expect(Number(((await ctx.db('gebruikers').where({ id }).first('geblokkeerd')) as { geblokkeerd: number }).geblokkeerd)).toBe(0);
  });
});
