import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gebruikerToevoegen, inloggen } from '../../server/auth/service.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';
import { loginFormulier, sessieAls, startServer, type Sessie } from '../helpers/server.js';
import { draaiOk } from '../helpers/proces.js';

let ctx: TestContext;
let server: Server;
let base: string;
const sessies: Record<string, Sessie> = {};

beforeAll(async () => {
  ctx = await testContext('2019-12-31');
  await importeerRijen(ctx, [
    ...Array.from({ length: 12 }, (_, i) =>
      melding({ binnenkomst: '2019-01-10', gemeente: 'GM0268', vb: '2019-01-11', melder: i < 10 ? 'politie' : 'niet_professional' }),
    ),
    melding({ binnenkomst: '2019-02-10', gemeente: 'GM0281', vb: '2019-02-11' }),
    advies({ binnenkomst: '2019-02-10', gemeente: 'GM0281' }),
    melding({ binnenkomst: '2019-04-10', gemeente: 'GM0281' }),
  ]);
  ({ server, base } = await startServer(ctx));
  for (const rol of ['beheerder', 'vt_management', 'bestuur'] as const) sessies[rol] = await sessieAls(ctx, rol);
  sessies.gemeente = await sessieAls(ctx, 'gemeente', ['GM0281']);
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

type Rol = 'anoniem' | 'beheerder' | 'vt_management' | 'bestuur' | 'gemeente';
const ROLLEN: Rol[] = ['anoniem', 'beheerder', 'vt_management', 'bestuur', 'gemeente'];

/** path → expected status per role (anoniem: 303 to the login page for pages, 401 for the API) */
const GET: [string, Partial<Record<Rol, number>>][] = [
  ['/', { gemeente: 303 }],
  ['/gemeente/GM0281?kwartaal=2019-Q1', {}],
  ['/gemeente/GM0268?kwartaal=2019-Q1', { gemeente: 403 }],
  ['/doorstroom?kwartaal=2019-Q1', { gemeente: 403 }],
  ['/doorstroom/achterstand', { beheerder: 403, bestuur: 403, gemeente: 403 }],
  ['/financien', { gemeente: 403 }],
  ['/api/indicatoren?kwartaal=2019-Q1', {}],
  ['/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0281', {}],
  ['/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0268', { gemeente: 403 }],
  ['/api/reeks?indicator=meldingen&van=2019-Q1&tot=2019-Q2&gemeente=GM0268', { gemeente: 403 }],
  ['/api/reeks?indicator=meldingen&van=2019-Q1&tot=2019-Q2', {}],
  ['/api/financien?kwartaal=2019-Q1', { gemeente: 403 }],
  ['/export/regio/per-gemeente.csv?kwartaal=2019-Q1', { gemeente: 403 }],
  ['/export/gemeente/GM0268/vb-besluiten.csv?kwartaal=2019-Q1', { gemeente: 403 }],
  ['/export/gemeente/GM0281/vb-besluiten.xlsx?kwartaal=2019-Q1', {}],
  ['/export/doorstroom/open-werk.csv?kwartaal=2019-Q1', { gemeente: 403 }],
  ['/rapportages', {}],
  ['/rapportages/2019-Q1', { gemeente: 403 }],
  ['/rapportages/2019-Q1/voorbeeld', { gemeente: 403 }],
  ['/rapportages/2019-Q1/voorbeeld/document', { gemeente: 403 }],
  ['/rapportages/2019-Q1/gemeente/GM0268/document', { gemeente: 403 }],
  ['/rapportages/2019-Q1/gemeente/GM0281/document', {}],
  ['/rapportages/2019-Q1/rapport.pdf', { beheerder: -1, vt_management: -1, bestuur: -1, gemeente: 403 }],
  ['/rapportages/2019-Q1/gemeente/GM0268', { gemeente: 403 }],
  ['/rapportages/2019-Q1/gemeente/GM0268/factsheet.pdf', { beheerder: -1, vt_management: -1, bestuur: -1, gemeente: 403 }],
  ['/rapportages/2019-Q1/gemeente/GM0281', {}],
  ['/beheer', { vt_management: 403, bestuur: 403, gemeente: 403 }],
  ['/beheer/import', { vt_management: 403, bestuur: 403, gemeente: 403 }],
  ['/beheer/audit', { vt_management: 403, bestuur: 403, gemeente: 403 }],
  ['/beheer/instellingen', { vt_management: 403, bestuur: 403, gemeente: 403 }],
  ['/docs/privacy', {}],
  // a name on Object.prototype is no document either
  ['/docs/constructor', { beheerder: 404, vt_management: 404, bestuur: 404, gemeente: 404 }],
  ['/docs/toString', { beheerder: 404, vt_management: 404, bestuur: 404, gemeente: 404 }],
];

const haal = (rol: Rol, pad: string, init: RequestInit = {}) =>
  rol === 'anoniem' ? fetch(base + pad, { redirect: 'manual', ...init }) : sessies[rol]!.fetch(base + pad, { redirect: 'manual', ...init });

describe('every role × every route, checked on the server', () => {
  it.each(GET)('GET %s', async (pad, verwacht) => {
    for (const rol of ROLLEN) {
      const want = verwacht[rol] ?? (rol === 'anoniem' ? (pad.startsWith('/api/') ? 401 : 303) : 200);
      if (want === -1) continue; // allowed, but printing a PDF per role is left to the report tests
      const res = await haal(rol, pad);
      expect(res.status, `${rol} ${pad}`).toBe(want);
      if (rol === 'anoniem' && want === 303) expect(res.headers.get('location')).toMatch(/^\/inloggen\?terug=/);
    }
  });

  it('/docs/indicatoren carries the catalogue itself, with every key and its protection', async () => {
    const html = await (await haal('gemeente', '/docs/indicatoren')).text();
    expect(html).toContain('id="catalogus"');
    expect(html).toMatch(/<code>open_vb<\/code><\/td><td>Open veiligheidsbeoordelingen<\/td>.*regio afgerond op vijftallen; per gemeente niet getoond/);
    expect(html).toContain('<code>adviezen_per_kanaal</code>');
  });

  it('the menu\'s "Gemeenten" opens the region file\'s largest gemeente; a gemeente user gets its own', async () => {
    const grootste = [...ctx.regio.gemeenten].sort((a, b) => (b.inwoners ?? 0) - (a.inwoners ?? 0))[0]!;
    const bestuur = await (await haal('bestuur', '/docs/privacy')).text();
    expect(bestuur).toContain(`href="/gemeente/${grootste.code}"`);
    const gemeente = await (await haal('gemeente', '/docs/privacy')).text();
    expect(gemeente).toContain('href="/gemeente/GM0281"');
  });

  it('state-changing routes: duiding only for VT management, settings only for the beheerder', async () => {
    for (const rol of ROLLEN.filter((r) => r !== 'anoniem')) {
      const s = sessies[rol]!;
      const duiding = await haal(rol, '/rapportages/2019-Q1/duiding', {
        method: 'POST',
        body: new URLSearchParams({ _csrf: s.csrf, sectie: 'samenvatting', tekst: 'x' }),
      });
      expect(duiding.status, `${rol} duiding`).toBe(rol === 'vt_management' ? 303 : 403);
      const instelling = await haal(rol, '/beheer/instellingen', {
        method: 'POST',
        body: new URLSearchParams({ _csrf: s.csrf, methode: 'afronden', grondtal: '5', minNoemer: '10', kwartaalNoemer: '50' }),
      });
      expect(instelling.status, `${rol} instellingen`).toBe(rol === 'beheerder' ? 200 : 403);
    }
  });

  it('a gemeente user gets its own gemeente and the region, protected, and nothing of other gemeenten', async () => {
    const body = (await (await haal('gemeente', '/api/indicatoren?kwartaal=2019-Q1')).json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(body.gemeenten!)).toEqual(['GM0281']);
    const tiel = body.gemeenten!.GM0281 as Record<string, unknown>;
    // every count rounded to a multiple of 5 (1 → 0), a share on a base below 10 hidden, never "0 %"
    expect(tiel.meldingen).toBe(0);
    expect(tiel.adviezen).toBe(0);
    expect(tiel.vb_binnen_termijn_pct).toEqual({ onderdrukt: true });
    // a gemeente's stock is not shown (doorstroom is VT-management information); the region's is rounded
    expect(tiel.open_vb).toEqual({ onderdrukt: true });
    expect(body.regio!.meldingen_totaal_instroom).toBe(15);
    expect(body.regio!.adviezen).toBe(0);
    expect(body.regio!.meldingen).toBe(15);
    expect(body.regio!.meldingen_per_melder).toEqual({ politie: 10, overige_professional: 0, niet_professional: 0 });
    expect(body.onderdrukking).toMatchObject({ methode: 'afronden', grondtal: 5, minNoemer: 10 });
    expect(body.voorlopig).toBe(false);
    // the unprotected roles see the counts
    const bestuur = (await (await haal('bestuur', '/api/indicatoren?kwartaal=2019-Q1')).json()) as Record<string, Record<string, Record<string, unknown>>>;
    expect(bestuur.gemeenten!.GM0281!.meldingen).toBe(1);
    const pagina = await (await haal('gemeente', '/gemeente/GM0281?kwartaal=2019-Q1')).text();
    expect(pagina).toContain('Bescherming kleine aantallen');
    expect(pagina).not.toContain('Nijmegen</option>');
    const reeks = (await (await haal('gemeente', '/api/reeks?indicator=meldingen&van=2019-Q1&tot=2019-Q2&gemeente=GM0281')).json()) as {
      reeks: { waarde: unknown }[];
    };
    expect(reeks.reeks.map((p) => p.waarde)).toEqual([0, 0]);
  });
});

const loginCsrf = (b = base) => loginFormulier(b);

async function login(email: string, wachtwoord: string, b = base): Promise<Response> {
  const { cookie, token } = await loginCsrf(b);
  return fetch(`${b}/inloggen`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ _csrf: token, email, wachtwoord }) });
}
const sessieCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('vt_sessie='))
    ?.split(';')[0];

describe('login, CSRF, throttling, sessions', () => {
  it('CSRF: a state-changing request without or with a wrong token is rejected', async () => {
    const s = sessies.vt_management!;
    const zonder = await s.fetch(`${base}/rapportages/2019-Q1/duiding`, { method: 'POST', body: new URLSearchParams({ sectie: 'samenvatting', tekst: 'x' }) });
    expect(zonder.status).toBe(403);
    expect(await zonder.text()).toContain('CSRF');
    const fout = await s.fetch(`${base}/rapportages/2019-Q1/duiding`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: 'verkeerd', sectie: 'samenvatting', tekst: 'x' }),
    });
    expect(fout.status).toBe(403);
    const login = await fetch(`${base}/inloggen`, { method: 'POST', body: new URLSearchParams({ email: 'a@b.nl', wachtwoord: 'x' }) });
    expect(login.status).toBe(403);
  });

  it('a new account logs in with its one-time password and must choose its own first', async () => {
    const { wachtwoord } = await gebruikerToevoegen(ctx.db, ctx.regio, { email: 'nieuw@tiel.nl', rol: 'gemeente', gemeenten: ['GM0281'] });
    const res = await login('nieuw@tiel.nl', wachtwoord);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/wachtwoord');
    const cookie = sessieCookie(res)!;
    expect(res.headers.getSetCookie().find((c) => c.startsWith('vt_sessie='))).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i);
    const elders = await fetch(`${base}/gemeente/GM0281`, { headers: { cookie }, redirect: 'manual' });
    expect(elders.headers.get('location')).toBe('/wachtwoord');
    const formulier = await (await fetch(`${base}/wachtwoord`, { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(formulier)![1]!;
    const kort = await fetch(`${base}/wachtwoord`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ _csrf: csrf, huidig: wachtwoord, nieuw: 'kort', herhaal: 'kort' }),
    });
    expect(kort.status).toBe(400);
    const goed = await fetch(`${base}/wachtwoord`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
      body: new URLSearchParams({ _csrf: csrf, huidig: wachtwoord, nieuw: 'een lang eigen wachtwoord', herhaal: 'een lang eigen wachtwoord' }),
    });
    expect(goed.headers.get('location')).toBe('/gemeente/GM0281');
    expect((await fetch(`${base}/gemeente/GM0281`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
  });

  it(
    'brute force: after 5 failures the account is locked for this address (even the right password ' + 'fails, with the same answer); the address is throttled',
    async () => {
      await gebruikerToevoegen(ctx.db, ctx.regio, { email: 'doelwit@vt.nl', rol: 'bestuur' }, { wachtwoord: 'het juiste wachtwoord', demo: true });
      for (let i = 0; i < 5; i++) expect((await login('doelwit@vt.nl', `fout-${i}`)).status).toBe(401);
      const juist = await login('doelwit@vt.nl', 'het juiste wachtwoord');
      expect(juist.status).toBe(401);
      expect(await juist.text()).not.toContain('vergrendeld');
      // the owner elsewhere is not locked out
      expect(await inloggen(ctx.db, 'doelwit@vt.nl', 'het juiste wachtwoord', { maxPogingen: 5, blokkadeMinuten: 15 }, '192.0.2.77')).toMatchObject({
        ok: true,
      });
      let status = 0;
      for (let i = 0; i < 20 && status !== 429; i++) status = (await login('iemand@vt.nl', 'fout')).status;
      expect(status).toBe(429);
      const audit = await ctx.db('audit_log').where({ actie: 'inloggen_mislukt', wie: 'doelwit@vt.nl' }).count({ n: '*' });
      expect(Number(audit[0]!.n)).toBeGreaterThanOrEqual(6);
    },
  );

  it('one session across two app instances on one database; logout ends it on both', async () => {
    const tweede = await startServer(ctx);
    try {
      const s = sessies.bestuur!;
      expect((await s.fetch(`${tweede.base}/doorstroom?kwartaal=2019-Q1`, { redirect: 'manual' })).status).toBe(200);
      // an import through the first instance is visible on the second (its cache follows the data version)
      const adviezen = async () =>
        ((await (await s.fetch(`${tweede.base}/api/indicatoren?kwartaal=2019-Q3`)).json()) as { regio?: { adviezen: number } }).regio?.adviezen ?? 0;
      const voor = await adviezen();
      const b = sessies.beheerder!;
      const form = new FormData();
      form.set('soort', 'registraties');
      form.set(
        'bestand',
        new Blob(['registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie\nTWEE-1;advies;2019-08-01;GM0268;politie\n']),
        'twee.csv',
      );
      expect((await b.fetch(`${base}/beheer/import`, { method: 'POST', body: form, headers: { 'x-csrf-token': b.csrf } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(await adviezen()).toBe(voor + 1);
      const ander = await sessieAls(ctx, 'bestuur');
      const uit = await ander.fetch(`${base}/uitloggen`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: ander.csrf }) });
      expect(uit.status).toBe(303);
      expect((await ander.fetch(`${tweede.base}/doorstroom`, { redirect: 'manual' })).status).toBe(303);
    } finally {
      tweede.server.close();
    }
  });

  it('the audit log records downloads and is readable by the beheerder; no stack traces reach the browser', async () => {
    await sessies.gemeente!.fetch(`${base}/export/gemeente/GM0281/instroom.csv?kwartaal=2019-Q1`);
    const log = await (await sessies.beheerder!.fetch(`${base}/beheer/audit?actie=download`)).text();
    expect(log).toContain(sessies.gemeente!.email);
    const fout = await sessies.bestuur!.fetch(`${base}/api/indicatoren?kwartaal=2019-Q9`);
    expect(JSON.stringify(await fout.json())).not.toMatch(/at .+\.ts:\d+/);
    const kop = (await fetch(`${base}/inloggen`)).headers;
    expect(kop.get('content-security-policy')).toContain("script-src 'self'");
    expect(kop.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // only the printed document inside a preview page may be framed, and only by this site
    const document = (await sessies.bestuur!.fetch(`${base}/rapportages/2019-Q1/gemeente/GM0281/document`)).headers;
    expect(document.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(document.get('x-frame-options')).toBe('SAMEORIGIN');
    const voorbeeld = (await sessies.bestuur!.fetch(`${base}/rapportages/2019-Q1/gemeente/GM0281`)).headers;
    expect(voorbeeld.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('the beheerder: upload through the web, users from the CLI', () => {
  it('an upload with a bad line loads nothing and lists the error per line; a good one loads', async () => {
    const s = sessies.beheerder!;
    const kop = 'registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie';
    const stuur = (inhoud: string) => {
      const form = new FormData();
      form.set('soort', 'registraties');
      form.set('bestand', new Blob([inhoud], { type: 'text/csv' }), '../../etc/passwd.csv');
      return s.fetch(`${base}/beheer/import`, { method: 'POST', body: form, headers: { 'x-csrf-token': s.csrf } });
    };
    const fout = await stuur(`${kop}\nW-1;melding;2019-13-01;GM0281;politie\n`);
    expect(fout.status).toBe(400);
    const html = await fout.text();
    expect(html).toContain('Import afgewezen');
    expect(html).toMatch(/<td>2<\/td><td>datum_binnenkomst<\/td><td><code>2019-13-01<\/code><\/td>/);
    const goed = await stuur(`${kop}\nW-1;advies;2019-03-01;GM0281;politie\n`);
    expect(goed.status).toBe(200);
    const pagina = await goed.text();
    expect(pagina).toContain('Import geslaagd');
    // the user's file name is only shown (sanitised), never used as a path
    expect(pagina).toMatch(/passwd\.csv/);
    expect(pagina).not.toContain('../');
    const zonderCsrf = await s.fetch(`${base}/beheer/import`, { method: 'POST', body: new FormData() });
    expect(zonderCsrf.status).toBe(403);
  });

  it('gebruiker toevoegen prints a one-time password; lijst; blokkeer ends the sessions', async () => {
    const env = { ...process.env, DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent' };
    const cli = (...args: string[]) => draaiOk('node', ['bin/vt-monitor.js', 'gebruiker', ...args], { env });
    const wachtwoord = (await cli('toevoegen', '--rol', 'gemeente', '--gemeente', 'GM0281', 'raad@tiel.nl')).trim();
    expect(wachtwoord).toMatch(/^[A-Za-z2-9]{16}$/);
    // (the address is throttled by the brute-force test above: check the password on the service)
    expect(await inloggen(ctx.db, 'raad@tiel.nl', wachtwoord, { maxPogingen: 5, blokkadeMinuten: 15 })).toMatchObject({ ok: true });
    expect(JSON.parse(await cli('lijst', '--json')).find((g: { email: string }) => g.email === 'raad@tiel.nl')).toMatchObject({
      rol: 'gemeente',
      gemeenten: ['GM0281'],
      status: 'nieuw',
    });
    const s = sessies.gemeente!;
    const email = s.email;
    await cli('blokkeer', email);
    expect((await s.fetch(`${base}/gemeente/GM0281`, { redirect: 'manual' })).status).toBe(303);
  }, 90_000); // three CLI processes: a loaded 2-core machine took over 30 s for them
});
