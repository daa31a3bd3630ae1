import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rol } from '../../server/auth/rollen.js';
import { startChromium } from '../../server/browser/chromium.js';
import type { TestContext } from '../helpers/context.js';
import { DEMO_SCHERMEN, demoContext } from '../helpers/demodata.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

/**
 * axe-core at WCAG 2.1 AA on every page for every role: 0 violations of ANY impact (minor included).
 * One server, one browser, one tab per role; the pages are the ones the menu and the footer of that
 * role lead to, plus the error pages. A page whose markup is the same as one already checked for
 * another role — apart from the signed-in e-mail, the role, the CSRF token and the main menu (each
 * role's menu is checked in full on its own pages) — is not run through axe again: the test asserts
 * that sameness instead, which keeps the file fast. ECharts' server-side SVG names its clip paths and
 * classes after a counter of the process (`zr35-cls-143`, `zr4-c0`): a printed document rendered twice
 * differs only there, so the key renames those ids in order of first appearance (a one-to-one renaming,
 * which changes nothing axe looks at).
 */
const AXE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const DOCS = ['indicatoren', 'import', 'rapportages', 'privacy', 'downloads', 'spiegel'].map((d) => `/docs/${d}`);
const ALGEMEEN = [...DOCS, '/toegankelijkheid', '/wachtwoord', '/bestaat-niet'];
const REGIO = [
  '/?kwartaal=2024-Q3',
  '/gemeente/GM0281?kwartaal=2024-Q3',
  '/doorstroom?kwartaal=2024-Q3',
  '/spiegel',
  '/spiegel?periode=2023',
  '/financien?kwartaal=2024-Q3',
  '/rapportages',
  '/rapportages/2024-Q3',
  '/rapportages/2024-Q3/voorbeeld',
  '/rapportages/2024-Q3/voorbeeld/document',
  '/rapportages/2024-H1/voorbeeld',
  '/rapportages/2024-H1/voorbeeld/document',
  '/rapportages/2024-Q3/gemeente/GM0281',
  '/rapportages/2024-Q3/gemeente/GM0281/document',
];
const PAGINAS: Record<Rol, string[]> = {
  beheerder: ['/beheer', '/beheer/import', '/beheer/audit', '/beheer/instellingen', '/beheer/verzending', ...REGIO, '/doorstroom/achterstand', ...ALGEMEEN],
  vt_management: [...REGIO, '/doorstroom/achterstand', ...ALGEMEEN],
  bestuur: [...REGIO, ...ALGEMEEN],
  gemeente: [
    '/gemeente/GM0281?kwartaal=2024-Q3',
    '/rapportages',
    '/rapportages/2024-Q3/gemeente/GM0281',
    '/rapportages/2024-Q3/gemeente/GM0281/document',
    '/gemeente/GM0268',
    '/beheer',
    ...ALGEMEEN,
  ],
};
/** the printed documents inside the preview pages: no site layout of their own */
const DOCUMENTEN = /\/document$/;
const UITGELOGD = ['/inloggen', '/toegankelijkheid'];

let ctx: TestContext;
let server: Server;
let base: string;
let browser: Browser;
const tabs = new Map<string, Page>();
const sessieVan = new Map<string, Sessie | null>();
/** normalised server markup of the pages run through axe, with the role that ran it */
const gecontroleerd = new Map<string, string>();
let hergebruikt = 0;
let doorAxe = 0;

/** ECharts' per-render SVG ids renamed in order of first appearance: `zr35-cls-143` → `zr#0`. */
function zonderRenderteller(html: string): string {
  const namen = new Map<string, string>();
  return html.replace(/\bzr\d+-[a-z]+-?\d+\b/g, (id) => {
    if (!namen.has(id)) namen.set(id, `zr#${namen.size}`);
    return namen.get(id)!;
  });
}

/** The server's markup of a page without what differs per account but not per page. */
async function opmaak(rol: string, pad: string): Promise<string> {
  const sessie = sessieVan.get(rol);
  const res = sessie ? await sessie.fetch(base + pad) : await fetch(base + pad);
  let html = await res.text();
  if (sessie) html = html.split(sessie.email).join('E-MAIL').split(sessie.csrf).join('CSRF');
  const rolTekst = /\((Beheerder|VT-management|Bestuur|Gemeente|beheerder|vt_management|bestuur|gemeente)\)/g;
  return `${res.status} ${zonderRenderteller(html.replace(/<nav aria-label="Hoofdmenu">[\s\S]*?<\/nav>/, 'MENU').replace(rolTekst, '(ROL)'))}`;
}

beforeAll(async () => {
  mkdirSync(join(process.cwd(), 'test', 'artifacts'), { recursive: true });
  ctx = await demoContext('2024-12-31', DEMO_SCHERMEN);
  ({ server, base } = await startServer(ctx));
  browser = await startChromium();
  const sessies: [string, Sessie | null][] = [
    ...(await Promise.all(
      (Object.keys(PAGINAS) as Rol[]).map(async (rol) => [rol, await sessieAls(ctx, rol, rol === 'gemeente' ? ['GM0281'] : [])] as [string, Sessie]),
    )),
    ['uitgelogd', null],
  ];
  for (const [naam, sessie] of sessies) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    if (sessie) await page.setCookie({ name: 'vt_sessie', value: sessie.token, url: base });
    tabs.set(naam, page);
    sessieVan.set(naam, sessie);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await ctx?.close();
});

/** Every axe violation at WCAG 2.0/2.1 A and AA, whatever its impact, as "rule (impact): targets". */
async function axeOvertredingen(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 4)
        .join(', ')}`,
  );
}

const gevallen = [
  ...Object.entries(PAGINAS).flatMap(([rol, paden]) => paden.map((pad) => [rol, pad] as const)),
  ...UITGELOGD.map((pad) => ['uitgelogd', pad] as const),
];

describe(`axe WCAG 2.1 AA, every impact: ${gevallen.length} pages × roles`, () => {
  it.each(gevallen)('%s %s: 0 violations', async (rol, pad) => {
    const sleutel = await opmaak(rol, pad);
    if (gecontroleerd.has(sleutel) && pad !== '/wachtwoord') {
      // same markup as a page already checked: the normalised markup is equal, so is axe's answer
      hergebruikt++;
      return;
    }
    const page = tabs.get(rol)!;
    const fouten: string[] = [];
    const luister = (e: unknown) => fouten.push(String(e));
    page.on('pageerror', luister);
    const res = await page.goto(base + pad, { waitUntil: 'load' });
    expect(res?.status()).toBeLessThan(500);
    // every chart drawn before axe looks (the SVG of ECharts is part of the page)
    await page.waitForFunction(() => [...document.querySelectorAll('[data-grafiek]')].every((e) => e.getAttribute('data-gerenderd') === 'ja'), {
      timeout: 10_000,
    });
    page.off('pageerror', luister);
    expect(fouten).toEqual([]);
    expect(await axeOvertredingen(page)).toEqual([]);
    // the toegankelijkheidsverklaring is linked from the footer of every page of the site layout
    if (!DOCUMENTEN.test(pad)) expect(await page.$$eval('footer a[href="/toegankelijkheid"]', (a) => a.length)).toBe(1);
    gecontroleerd.set(sleutel, rol);
    doorAxe++;
  });

  it('the sameness key renames render ids one-to-one and tells other markup apart', () => {
    const svg = (clip: string, id: string, a: string, b: string) =>
      `<g clip-path="url(#${clip})"><path class="${a}"/><path class="${b}"/></g><clipPath id="${id}">`;
    const sleutel = zonderRenderteller(svg('zr4-c0', 'zr4-c0', 'zr4-cls-0', 'zr4-cls-1'));
    expect(zonderRenderteller(svg('zr39-c0', 'zr39-c0', 'zr39-cls-143', 'zr39-cls-144'))).toBe(sleutel);
    // one class where the other has two, a clip path that points elsewhere, another element: not the same
    expect(zonderRenderteller(svg('zr39-c0', 'zr39-c0', 'zr39-cls-1', 'zr39-cls-1'))).not.toBe(sleutel);
    expect(zonderRenderteller(svg('zr39-c0', 'zr39-c1', 'zr39-cls-1', 'zr39-cls-2'))).not.toBe(sleutel);
    expect(zonderRenderteller(svg('zr39-c0', 'zr39-c0', 'zr39-cls-1', 'zr39-cls-2').replace('<path', '<rect'))).not.toBe(sleutel);
  });

  it('the pages run through axe and the ones with the same markup add up to every case', () => {
    expect(doorAxe + hergebruikt).toBe(gevallen.length);
    console.log(`axe ran on ${doorAxe} pages; ${hergebruikt} had the same markup as a page checked for another role`);
  });
});

describe('report previews inside the site layout, charts at a sane size (screenshots saved)', () => {
  it.each([
    [1280, '/rapportages/2024-Q3/voorbeeld'],
    [390, '/rapportages/2024-Q3/voorbeeld'],
    [1280, '/rapportages/2024-Q3/gemeente/GM0281'],
    [390, '/rapportages/2024-Q3/gemeente/GM0281'],
  ] as const)('%i px %s: menu and footer around a frame that takes the document height; charts 120–180 mm wide', async (breedte, pad) => {
    const page = tabs.get('vt_management')!;
    await page.setViewport({ width: breedte, height: 900 });
    try {
      await page.goto(base + pad, { waitUntil: 'load' });
      await page.waitForSelector('[data-voorbeeld][data-hoogte="ja"]', { timeout: 20_000 });
      expect(await page.$$eval('nav[aria-label="Hoofdmenu"], footer a[href="/toegankelijkheid"]', (e) => e.length)).toBe(2);
      const frame = (await (await page.$('[data-voorbeeld]'))!.contentFrame())!;
      const maat = await frame.evaluate(() => ({
        mm: 96 / 25.4,
        hoogte: document.documentElement.scrollHeight,
        grafieken: [...document.querySelectorAll('.figuur__svg svg')].map((s) => s.getBoundingClientRect().width),
      }));
      const buiten = await page.evaluate(() => ({
        frame: document.querySelector('[data-voorbeeld]')!.getBoundingClientRect().height,
        pagina: document.documentElement.scrollWidth,
      }));
      // the frame is as tall as the document (no second scroll bar), the page never scrolls sideways
      expect(Math.abs(buiten.frame - maat.hoogte)).toBeLessThanOrEqual(2);
      expect(buiten.pagina).toBeLessThanOrEqual(breedte);
      expect(maat.grafieken.length).toBeGreaterThan(0);
      for (const w of maat.grafieken) {
        expect(w / maat.mm).toBeGreaterThanOrEqual(120);
        expect(w / maat.mm).toBeLessThanOrEqual(180);
      }
      await page.screenshot({ path: join(process.cwd(), 'test', 'artifacts', `voorbeeld-${breedte}${pad.replace(/\//g, '-')}.png`) });
    } finally {
      await page.setViewport({ width: 1280, height: 900 });
    }
  });
});
