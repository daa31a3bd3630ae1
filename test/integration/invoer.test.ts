import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leesAuditlog } from '../../server/audit/service.js';
import { leesGebruikers } from '../../server/auth/service.js';
import { leesOntvangers } from '../../server/verzending/ontvangers.js';
import { leesDuidingen } from '../../server/rapportage/duiding-service.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';
import { loginFormulier, sessieAls, startServer, type Sessie } from '../helpers/server.js';

/**
 * Bad input per route family: every route reads its query, form and path through one zod helper
 * (server/web/invoer.ts). A bad field is a 400 (or the 404 the route always gave) with a Dutch
 * message naming the field and the value, on the error page, in the page's own form, or as JSON
 * under /api; nothing is written.
 */
let ctx: TestContext;
let server: Server;
let base: string;
const sessies: Record<string, Sessie> = {};

beforeAll(async () => {
  ctx = await testContext('2024-12-31');
  await importeerRijen(ctx, [
    melding({ binnenkomst: '2019-01-10', gemeente: 'GM0268', vb: '2019-01-11' }),
    melding({ binnenkomst: '2019-05-10', gemeente: 'GM0281' }),
  ]);
  ({ server, base } = await startServer(ctx));
  for (const rol of ['beheerder', 'vt_management', 'bestuur'] as const) sessies[rol] = await sessieAls(ctx, rol);
  sessies.gemeente = await sessieAls(ctx, 'gemeente', ['GM0281']);
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await ctx.close();
});

/** The text of a page as a reader sees it (handlebars escapes quotes and equals signs). */
const ontsnap = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function vraag(rol: string, pad: string, init: RequestInit = {}): Promise<{ status: number; tekst: string; type: string }> {
  const res = await sessies[rol]!.fetch(base + pad, { redirect: 'manual', ...init });
  return { status: res.status, tekst: ontsnap(await res.text()), type: res.headers.get('content-type') ?? '' };
}

/** A form with the session's CSRF token; a field given as a list is sent once per value. */
function formulier(rol: string, velden: Record<string, string | string[]>): URLSearchParams {
  const f = new URLSearchParams({ _csrf: sessies[rol]!.csrf });
  for (const [k, v] of Object.entries(velden)) for (const w of ([] as string[]).concat(v)) f.append(k, w);
  return f;
}
const post = (rol: string, pad: string, velden: Record<string, string | string[]>) => vraag(rol, pad, { method: 'POST', body: formulier(rol, velden) });

const lang = (n: number) => 'a'.repeat(n);
const afgekapt = `${'a'.repeat(60)}…`;

describe('the JSON API answers bad input as JSON with the field and the value', () => {
  it.each([
    ['/api/indicatoren?kwartaal=2019-Q5', 'Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: 2019-Q5)'],
    ['/api/indicatoren?kwartaal=2019-q1', 'Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: 2019-q1)'],
    ['/api/indicatoren?kwartaal=2019-Q1&kwartaal=2019-Q2', 'Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: 2019-Q1, 2019-Q2)'],
    [
      '/api/indicatoren?kwartaal=2019-Q1&gemeente=GM0000',
      'Onbekende gemeente "GM0000": gebruik een gemeentecode uit de regio (zoals GM1945), buiten_regio of onbekend',
    ],
    ['/api/reeks?indicator=meldingen&van=2019-Q1', 'Parameter tot moet een kwartaal zijn zoals 2019-Q1 (gekregen: niets)'],
    [`/api/reeks?indicator=${lang(201)}&van=2019-Q1&tot=2019-Q2`, `Parameter indicator is te lang: hoogstens 200 tekens (gekregen: ${afgekapt})`],
    [
      '/api/reeks?indicator=meldingen&indicator=adviezen&van=2019-Q1&tot=2019-Q2',
      'Parameter indicator mag maar één keer voorkomen (gekregen: meldingen, adviezen)',
    ],
  ])('%s → 400', async (pad, verwacht) => {
    const res = await vraag('bestuur', pad);
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.tekst)).toEqual({ fout: 'ongeldige_invoer', melding: verwacht });
  });

  it('the finance API: a kwartaal is required and must be a quarter', async () => {
    const geen = await vraag('vt_management', '/api/financien');
    expect(geen.status).toBe(400);
    expect(JSON.parse(geen.tekst).melding).toBe('Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: niets)');
    const fout = await vraag('vt_management', '/api/financien?kwartaal=2019');
    expect(JSON.parse(fout.tekst).melding).toBe('Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: 2019)');
  });
});

describe('pages and downloads answer bad input on the error page', () => {
  it.each([
    ['bestuur', '/?kwartaal=2019-Q0', 400, 'Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: 2019-Q0)'],
    ['bestuur', '/?kwartaal=2019-Q1&periode=7', 400, 'Parameter periode moet 4, 8, 12 of 20 zijn (gekregen: 7)'],
    ['bestuur', '/doorstroom?periode=twaalf', 400, 'Parameter periode moet 4, 8, 12 of 20 zijn (gekregen: twaalf)'],
    ['bestuur', '/gemeente/GM0000', 400, 'Onbekende gemeente "GM0000": gebruik een gemeentecode uit de regio (zoals GM1945), buiten_regio of onbekend'],
    // a quarter of the right form outside the data stays the 404 it was
    ['bestuur', '/?kwartaal=2010-Q1', 404, 'Geen cijfers voor 2010-Q1: er zijn cijfers van 2019-Q1 tot en met 2019-Q2'],
    ['bestuur', '/spiegel?periode=2023-Q1', 400, 'Parameter periode moet een jaar (2023) of een halfjaar (2023-H1) zijn (gekregen: 2023-Q1)'],
    ['vt_management', '/financien?kwartaal=Q1-2019', 400, 'Parameter kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: Q1-2019)'],
    ['bestuur', '/export/regio/instroom.pdf?kwartaal=2019-Q1', 404, 'Download als .csv of .xlsx'],
    ['bestuur', `/export/regio/${lang(101)}.csv?kwartaal=2019-Q1`, 400, `Adresdeel grafiek is te lang: hoogstens 100 tekens (gekregen: ${afgekapt})`],
    ['bestuur', '/export/regio/alle-tabellen.xlsx?kwartaal=2019-Q1&periode=3', 400, 'Parameter periode moet 4, 8, 12 of 20 zijn (gekregen: 3)'],
    ['vt_management', '/doorstroom/achterstand.ods', 404, 'Download als .csv of .xlsx'],
    [
      'bestuur',
      '/rapportages/2026-Q7',
      400,
      'Onbekende rapportage: 2026-Q7 (verwacht een kwartaal zoals 2026-Q3, een halfjaar zoals 2026-H1 of een jaar zoals 2025)',
    ],
    ['gemeente', '/rapportages/2019-5/gemeente/GM0281', 400, 'Adresdeel kwartaal moet een kwartaal zijn zoals 2019-Q1 (gekregen: 2019-5)'],
    ['bestuur', '/rapportages/archief/abc/x.pdf', 404, 'Dit gearchiveerde rapport bestaat niet'],
    ['bestuur', '/docs/geheim', 404, 'Dit document bestaat niet.'],
    ['beheerder', `/beheer/audit?actie=${lang(61)}`, 400, `Parameter actie is te lang: hoogstens 60 tekens (gekregen: ${afgekapt})`],
  ])('%s %s → %i', async (rol, pad, status, verwacht) => {
    const res = await vraag(rol, pad);
    expect(res.status).toBe(status);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.tekst).toContain(`<p>${verwacht}</p>`);
  });

  it('an empty filter is no filter, and the gemeente switch keeps only the parsed filters', async () => {
    expect((await vraag('bestuur', '/?kwartaal=&periode=')).status).toBe(200);
    const wissel = await sessies.bestuur!.fetch(`${base}/gemeente/GM0268?gemeente=gm0281&kwartaal=2019-Q2&periode=4&onzin=1`, { redirect: 'manual' });
    expect(wissel.status).toBe(303);
    expect(wissel.headers.get('location')).toBe('/gemeente/GM0281?kwartaal=2019-Q2&periode=4');
  });
});

describe('forms: wrong types and too-long fields are refused and nothing is written', () => {
  it('duiding: an unknown section, a text over 10.000 characters, a field sent twice', async () => {
    const sectie = await post('vt_management', '/rapportages/2019-Q1/duiding', { sectie: 'onzin', tekst: 'x' });
    expect([sectie.status, sectie.tekst]).toEqual([400, expect.stringContaining('<p>Onbekende sectie van de rapportage (gekregen: onzin)</p>')]);
    const teLang = await post('vt_management', '/rapportages/2019-Q1/duiding', { sectie: 'samenvatting', tekst: lang(10_001) });
    expect([teLang.status, teLang.tekst]).toEqual([
      400,
      expect.stringContaining(`<p>Formulierveld tekst is langer dan 10.000 tekens (gekregen: ${afgekapt})</p>`),
    ]);
    // exactly 10.000 is allowed
    expect((await post('vt_management', '/rapportages/2019-Q1/duiding', { sectie: 'samenvatting', tekst: lang(10_000) })).status).toBe(303);
    const dubbel = await post('vt_management', '/rapportages/2019-Q2/duidingen', { tekst_samenvatting: ['een', 'twee'], tekst_instroom: 'drie' });
    expect([dubbel.status, dubbel.tekst]).toEqual([
      400,
      expect.stringContaining('<p>Formulierveld tekst_samenvatting mag maar één keer voorkomen (gekregen: een, twee)</p>'),
    ]);
    const teLangEditor = await post('vt_management', '/rapportages/2019-Q2/duidingen', { tekst_instroom: lang(10_001) });
    expect(teLangEditor.status).toBe(400);
    expect(teLangEditor.tekst).toContain('Formulierveld tekst_instroom is langer dan 10.000 tekens');
    expect([...(await leesDuidingen(ctx.db, '2019-Q1')).keys()]).toEqual(['samenvatting']);
    expect((await leesDuidingen(ctx.db, '2019-Q2')).size).toBe(0);
  });

  it('beheer: accounts, blocking, the policy and recipients', async () => {
    const voor = (await leesGebruikers(ctx.db)).length;
    const email = await post('beheerder', '/beheer/gebruikers', { email: `${lang(250)}@x.nl`, rol: 'bestuur' });
    expect(email.status).toBe(400);
    // said in the beheer page's own form
    expect(email.tekst).toContain(`role="alert">Formulierveld email is te lang: hoogstens 254 tekens (gekregen: ${afgekapt})</p>`);
    const gemeenten = await post('beheerder', '/beheer/gebruikers', {
      email: 'raad@tiel.nl',
      rol: 'gemeente',
      gemeente: Array.from({ length: 101 }, () => 'GM0281'),
    });
    expect(gemeenten.status).toBe(400);
    expect(gemeenten.tekst).toContain('Formulierveld gemeente komt te vaak voor: hoogstens 100 keer');
    expect((await leesGebruikers(ctx.db)).length).toBe(voor);

    const blokkeer = await post('beheerder', '/beheer/gebruikers/12abc/blokkeer', {});
    expect([blokkeer.status, blokkeer.tekst]).toEqual([400, expect.stringContaining('<p>Adresdeel id moet een nummer zijn (gekregen: 12abc)</p>')]);

    const geenGetal = await post('beheerder', '/beheer/instellingen', { methode: 'afronden', grondtal: 'vijf', minNoemer: '10' });
    expect([geenGetal.status, geenGetal.tekst]).toEqual([400, expect.stringContaining('Formulierveld grondtal moet een getal zijn (gekregen: vijf)')]);
    const teKlein = await post('beheerder', '/beheer/instellingen', { methode: 'afronden', grondtal: '1', minNoemer: '10' });
    expect([teKlein.status, teKlein.tekst]).toEqual([400, expect.stringContaining('Het grondtal is minstens 2 (gekregen: 1)')]);
    expect(await leesAuditlog(ctx.db, { actie: 'instelling_gewijzigd', limiet: 10 })).toEqual([]);

    const ontvanger = await post('beheerder', '/beheer/ontvangers', { email: 'x@y.nl', rapport: 'factsheet', gemeente: lang(21) });
    expect([ontvanger.status, ontvanger.tekst]).toEqual([
      400,
      expect.stringContaining(`Formulierveld gemeente is te lang: hoogstens 20 tekens (gekregen: ${lang(21)})`),
    ]);
    expect(await leesOntvangers(ctx.db)).toEqual([]);
  });

  it('beheer: an upload with an unknown soort is refused on the import page', async () => {
    const b = sessies.beheerder!;
    const form = new FormData();
    form.set('soort', 'begroting');
    form.set('bestand', new Blob(['registratie_id;soort;datum_binnenkomst;gemeente_code;melder_categorie\nX-1;advies;2019-08-01;GM0268;politie\n']), 'x.csv');
    const res = await b.fetch(`${base}/beheer/import`, { method: 'POST', body: form, headers: { 'x-csrf-token': b.csrf } });
    expect(res.status).toBe(400);
    expect(ontsnap(await res.text())).toContain('Formulierveld soort moet registraties, financien of formatie zijn (gekregen: begroting)');
    expect(await leesAuditlog(ctx.db, { actie: 'import', limiet: 10 })).toEqual([]);
  });
});

describe('login and password forms', () => {
  const loginCsrf = () => loginFormulier(base);

  it('a login form with a field too long or twice is said on the login page; a password is never repeated', async () => {
    const { cookie, token } = await loginCsrf();
    const teLang = await fetch(`${base}/inloggen`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ _csrf: token, email: `${lang(250)}@x.nl`, wachtwoord: 'x' }),
    });
    expect(teLang.status).toBe(400);
    expect(ontsnap(await teLang.text())).toContain(`role="alert">Formulierveld email is te lang: hoogstens 254 tekens (gekregen: ${afgekapt})</p>`);
    const tweede = await loginCsrf();
    const body = new URLSearchParams({ _csrf: tweede.token, email: 'tiel@demo.vt' });
    body.append('wachtwoord', 'geheim-een');
    body.append('wachtwoord', 'geheim-twee');
    const dubbel = await fetch(`${base}/inloggen`, { method: 'POST', headers: { cookie: tweede.cookie }, body });
    const html = ontsnap(await dubbel.text());
    expect(dubbel.status).toBe(400);
    expect(html).toContain('Formulierveld wachtwoord mag maar één keer voorkomen (gekregen: verborgen)');
    expect(html).not.toContain('geheim-een');
  });

  it('an over-long or foreign return address is dropped, not refused', async () => {
    const res = await fetch(`${base}/inloggen?terug=/${lang(3000)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(lang(100));
  });

  it('the password change: a field sent twice is refused on its own page without echoing it', async () => {
    const s = await sessieAls(ctx, 'bestuur');
    const body = new URLSearchParams({ _csrf: s.csrf, huidig: 'test-wachtwoord-123', herhaal: 'nieuw-wachtwoord-1' });
    body.append('nieuw', 'nieuw-wachtwoord-1');
    body.append('nieuw', 'nieuw-wachtwoord-2');
    const res = await s.fetch(`${base}/wachtwoord`, { method: 'POST', body, redirect: 'manual' });
    const html = ontsnap(await res.text());
    expect(res.status).toBe(400);
    expect(html).toContain('role="alert">Formulierveld nieuw mag maar één keer voorkomen (gekregen: verborgen)</p>');
    expect(html).not.toContain('nieuw-wachtwoord-2');
  });
});
