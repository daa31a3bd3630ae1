import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakDemoAccounts } from '../../server/auth/service.js';
import { startChromium } from '../../server/browser/chromium.js';
import type { TestContext } from '../helpers/context.js';
import { DEMO_SCHERMEN, demoContext } from '../helpers/demodata.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');
const AXE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const nl = new Intl.NumberFormat('nl-NL');

let ctx: TestContext;
let server: Server;
let base: string;
let browser: Browser;
let sessie: Sessie;
let beheerder: Sessie;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ctx = await demoContext('2024-12-31', DEMO_SCHERMEN);
  ({ server, base } = await startServer(ctx));
  sessie = await sessieAls(ctx, 'vt_management');
  beheerder = await sessieAls(ctx, 'beheerder');
  browser = await startChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await ctx?.close();
});

async function open(path: string, hoogte = 1200): Promise<{ page: Page; fouten: string[] }> {
  const page = await browser.newPage();
  const fouten: string[] = [];
  page.on('pageerror', (e) => fouten.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') fouten.push(m.text());
  });
  // a tall viewport: a full-page screenshot would resize the charts while capturing
  await page.setViewport({ width: 1360, height: hoogte });
  await page.setCookie({ name: 'vt_sessie', value: sessie.token, url: base });
  // the load event waits for frames too; then every chart drawn (what the tests read), no idle network to wait out
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-grafiek]')].every((e) => e.getAttribute('data-gerenderd') === 'ja'), {
    timeout: 30_000,
  });
  return { page, fouten };
}

/**
 * One loaded page per path for the tests that only read it (no navigation, no filter): a dashboard
 * page costs 4–6 s to load and render, and three describes look at the same three pages. The first
 * test to ask loads it (with its viewport height); browser.close() in afterAll closes them.
 */
const gedeeld = new Map<string, Promise<{ page: Page; fouten: string[] }>>();
const GEDEELD = new Set(['/?kwartaal=2024-Q3', '/gemeente/GM0281?kwartaal=2024-Q3', '/doorstroom?kwartaal=2024-Q3']);
async function gedeeldePagina(path: string, hoogte: number): Promise<{ page: Page; fouten: string[] }> {
  if (!gedeeld.has(path)) gedeeld.set(path, open(path, hoogte));
  const geladen = await gedeeld.get(path)!;
  // a background tab is not painted: a screenshot or a canvas export of it waits forever
  await geladen.page.bringToFront();
  return geladen;
}

async function api(path: string) {
  return (await (await sessie.fetch(base + path)).json()) as { regio: Record<string, unknown>; gemeenten: Record<string, Record<string, unknown>> };
}

async function axeSerious(page: Page) {
  await page.evaluate(AXE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

// regio: 12 charts + the section Prognose en scenario's (forecast, meldingen and adviezen against the scenarios) + the map;
// gemeente: 10 + the map; doorstroom: 10 + the forecast
describe.each([
  ['regio', '/?kwartaal=2024-Q3', 16, 8400],
  ['gemeente', '/gemeente/GM0281?kwartaal=2024-Q3', 12, 6400],
  ['doorstroom', '/doorstroom?kwartaal=2024-Q3', 11, 5000],
  ['rapportages', '/rapportages', 0, 1200],
  ['rapportage', '/rapportages/2024-Q3', 0, 2600],
  ['financien', '/financien?kwartaal=2024-Q3', 2, 2400],
  ['voorbeeld', '/rapportages/2024-Q3/voorbeeld', 0, 3000],
])('page %s', (naam, path, grafieken, hoogte) => {
  it('loads, renders every chart, has no serious accessibility violations; screenshot saved', async () => {
    const { page, fouten } = await (GEDEELD.has(path) ? gedeeldePagina(path, hoogte) : open(path, hoogte));
    expect(fouten).toEqual([]);
    const gerenderd = await page.$$eval('[data-grafiek]', (els) =>
      els.map((el) => ({ klaar: el.getAttribute('data-gerenderd'), paden: el.querySelectorAll('.grafiek__canvas svg path').length })),
    );
    expect(gerenderd).toHaveLength(grafieken);
    for (const g of gerenderd) {
      expect(g.klaar).toBe('ja');
      expect(g.paden).toBeGreaterThan(3);
    }
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `${naam}.png`) });
    if (!GEDEELD.has(path)) await page.close();
  });
});

describe('the sections of definitions 2027.1 (monitoring, overdracht per moment, wachtlijst, aard van het geweld, spoed)', () => {
  it.each([
    ['regio', '/?kwartaal=2024-Q3', ['overdracht-per-moment', 'aard-geweld', 'spoed'], 6400],
    ['gemeente', '/gemeente/GM0281?kwartaal=2024-Q3', ['overdracht-per-moment', 'aard-geweld', 'spoed'], 5600],
    ['doorstroom', '/doorstroom?kwartaal=2024-Q3', ['wachtlijst', 'wachttijden', 'overdracht-per-moment'], 4600],
  ])('%s: a Monitoring section and the new charts are drawn; screenshots saved', async (naam, path, ids, hoogte) => {
    const { page, fouten } = await gedeeldePagina(path, hoogte);
    expect(fouten).toEqual([]);
    expect(await page.$eval('#kop-monitoring', (h) => h.textContent)).toBe('Monitoring');
    const inSectie = await page.$$eval('#monitoring [data-grafiek]', (els) =>
      els.map((e) => [e.getAttribute('data-grafiek'), e.getAttribute('data-gerenderd')]),
    );
    expect(inSectie).toEqual([
      ['monitoring-afspraken', 'ja'],
      ['monitoring-afwijkingen', 'ja'],
    ]);
    await (await page.$('#monitoring'))!.screenshot({ path: join(ARTIFACTS, `${naam}-monitoring.png`) });
    for (const id of ids) {
      const el = (await page.$(`[data-grafiek="${id}"]`))!;
      expect(await el.evaluate((e) => e.getAttribute('data-gerenderd'))).toBe('ja');
      await el.screenshot({ path: join(ARTIFACTS, `${naam}-${id}.png`) });
    }
  });

  it('the wachtlijst and monitoring tables equal the indicator JSON', async () => {
    const { page } = await gedeeldePagina('/doorstroom?kwartaal=2024-Q3', 4600);
    const q3 = await api('/api/indicatoren?kwartaal=2024-Q3');
    const rij = await page.$$eval('[data-grafiek="wachttijden"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent!.trim())),
    );
    const dagen = q3.regio.wacht_dagen as Record<string, { mediaan: number | null; max: number | null }>;
    const fmt = (n: number | null) => (n === null ? '–' : nl.format(n));
    expect(rij[0]).toEqual([
      'Wacht op keuze vervolgstappen',
      fmt(q3.regio.wacht_op_vervolgkeuze as number),
      fmt(dagen.wacht_op_vervolgkeuze!.mediaan),
      fmt(dagen.wacht_op_vervolgkeuze!.max),
    ]);
    const laatste = await page.$$eval('[data-grafiek="monitoring-afspraken"] tbody tr:last-child td', (tds) => tds.map((c) => c.textContent!.trim()));
    expect(laatste[0]).toBe(nl.format(q3.regio.onderzoeken_monitoring_verwacht as number));
    expect(laatste[1]).toBe(nl.format(q3.regio.onderzoeken_monitoring_conform as number));
    const res = await sessie.fetch(`${base}/export/doorstroom/wachtlijst.csv?kwartaal=2024-Q3`);
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(3)
        .toString('utf8')
        .split('\r\n')[0],
    ).toContain('Wacht op start onderzoek');
  });
});

describe('interaction', () => {
  it('clicking a gemeente bar leads to its page', async () => {
    // below the map: a page that tall keeps the bar in view
    const { page } = await open('/?kwartaal=2024-Q3', 2400);
    const punt = await page.evaluate(() => {
      const el = document.querySelector('[data-grafiek="per-gemeente"] .grafiek__canvas') as HTMLElement;
      const chart = (
        window as unknown as {
          echarts: { getInstanceByDom(e: HTMLElement): { convertToPixel(f: unknown, v: unknown): number[]; getOption(): { yAxis: { data: string[] }[] } } };
        }
      ).echarts.getInstanceByDom(el);
      const [x, y] = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [5, 0]);
      const rect = el.getBoundingClientRect();
      return { x: rect.left + x!, y: rect.top + y! - 4, naam: chart.getOption().yAxis[0]!.data[0] };
    });
    expect(punt.naam).toBe('Nijmegen');
    await Promise.all([page.waitForNavigation(), page.mouse.click(punt.x, punt.y)]);
    expect(page.url()).toBe(`${base}/gemeente/GM0268?kwartaal=2024-Q3`);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Gemeente Nijmegen');
    await page.close();
  });

  it('charts speak Dutch: ECharts runs with its NL locale and describes each chart from its table', async () => {
    const { page, fouten } = await gedeeldePagina('/?kwartaal=2024-Q3', 1600);
    expect(fouten).toEqual([]);
    const { locale, label } = await page.evaluate(() => {
      const el = document.querySelector('[data-grafiek="per-gemeente"] .grafiek__canvas') as HTMLElement;
      const w = window as unknown as {
        echarts: { getInstanceByDom(e: HTMLElement): { getOption(): unknown; getModel(): { getLocaleModel(): { get(k: string): unknown } } } };
      };
      const chart = w.echarts.getInstanceByDom(el);
      return {
        locale: chart
          .getModel()
          .getLocaleModel()
          .get(['aria', 'general', 'withTitle'] as unknown as string),
        label: el.getAttribute('aria-label') ?? '',
      };
    });
    expect(String(locale)).toMatch(/grafiek|diagram/i);
    const data = await api('/api/indicatoren?kwartaal=2024-Q3');
    expect(label).toMatch(/^Grafiek: /);
    expect(label).toContain(`Nijmegen: `);
    expect(label).toContain(nl.format(data.gemeenten.GM0268!.meldingen as number));
    expect(label).not.toMatch(/NaN|the data|This is a chart|undefined/);
  });

  it('a chart can be saved as SVG and as PNG', async () => {
    const { page } = await gedeeldePagina('/?kwartaal=2024-Q3', 1600);
    const map = join(ARTIFACTS, 'downloads');
    rmSync(map, { recursive: true, force: true });
    mkdirSync(map, { recursive: true });
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: map });
    const figuur = '[data-grafiek="per-gemeente"]';
    await page.click(`${figuur} .grafiek__opslaan:nth-of-type(1)`);
    await page.click(`${figuur} .grafiek__opslaan:nth-of-type(2)`);
    const bestand = async (naam: string) => {
      for (let i = 0; i < 100 && !existsSync(join(map, naam)); i++) await new Promise((r) => setTimeout(r, 100));
      return readFileSync(join(map, naam));
    };
    const svg = (await bestand('per-gemeente.svg')).toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*Nijmegen/);
    // the image carries its title and its source with the date, as a figure in a report does
    const titel = await page.$eval(`${figuur} .grafiek__titel`, (h) => h.textContent!.trim());
    expect(svg).toContain(`<title>${titel}</title>`);
    expect(svg).toMatch(/>Bron: VT Monitor, registraties van Veilig Thuis Gelderland-Zuid · \d{1,2} [a-z]+ \d{4}<\/text><\/svg>$/);
    expect((await bestand('per-gemeente.png')).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await cdp.detach();
  });

  it('the kwartaal filter changes the numbers, and they equal the indicator JSON', async () => {
    const { page } = await open('/?kwartaal=2024-Q3');
    const tegel = (p: Page, id: string) => p.$eval(`[data-tegel="${id}"] .tegel__waarde`, (e) => e.textContent);
    const q3 = await api('/api/indicatoren?kwartaal=2024-Q3');
    expect(await tegel(page, 'meldingen')).toBe(nl.format(q3.regio.meldingen as number));
    await page.select('#filter-kwartaal', '2023-Q1');
    await Promise.all([page.waitForNavigation(), page.click('.filters button[type="submit"]')]);
    expect(page.url()).toContain('kwartaal=2023-Q1');
    const q1 = await api('/api/indicatoren?kwartaal=2023-Q1');
    expect(q1.regio.meldingen).not.toBe(q3.regio.meldingen);
    expect(await tegel(page, 'meldingen')).toBe(nl.format(q1.regio.meldingen as number));
    expect(await tegel(page, 'adviezen')).toBe(nl.format(q1.regio.adviezen as number));
    expect(await tegel(page, 'vb')).toBe(
      `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(q1.regio.vb_binnen_termijn_pct as number)}%`,
    );
    await page.close();
  });

  it('the gemeente switch works without JavaScript (redirect)', async () => {
    const res = await sessie.fetch(`${base}/gemeente/GM0268?gemeente=GM0281&kwartaal=2024-Q3&periode=8`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/gemeente/GM0281?kwartaal=2024-Q3&periode=8');
  });
});

describe('downloads', () => {
  it('the CSV of adviezen and meldingen per gemeente equals the API, with BOM and ;', async () => {
    const res = await sessie.fetch(`${base}/export/regio/per-gemeente.csv?kwartaal=2024-Q3`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    // the table, a blank line, then CBS's verklaring van tekens
    const [tabel, legenda] = bytes.subarray(3).toString('utf8').trim().split('\r\n\r\n');
    expect(legenda).toContain('Verklaring van tekens');
    const [kop, ...regels] = tabel!.split('\r\n');
    expect(kop).toBe('Gemeente;CBS-code;Adviezen;Meldingen');
    const data = await api('/api/indicatoren?kwartaal=2024-Q3');
    expect(regels).toHaveLength(15);
    // an exact zero is CBS's nihil (–), as in the XLSX
    const cel = (n: unknown) => (n === 0 ? '–' : String(n));
    for (const regel of regels) {
      const [, code, adviezen, meldingen] = regel!.split(';');
      expect(adviezen, code).toBe(cel(data.gemeenten[code!]!.adviezen));
      expect(meldingen, code).toBe(cel(data.gemeenten[code!]!.meldingen));
    }
  });

  it('the XLSX download is a workbook with the same table', async () => {
    const res = await sessie.fetch(`${base}/export/gemeente/GM0281/vb-besluiten.xlsx?kwartaal=2024-Q3`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Besluit', 'Aantal']);
    const data = await api('/api/indicatoren?kwartaal=2024-Q3&gemeente=GM0281');
    const besluit = data.gemeenten.GM0281!.vb_besluit as Record<string, number>;
    // an exact zero is CBS's nihil (–); the legend is in the sheet Toelichting
    const totaal = ws.getRows(2, ws.rowCount - 1)!.reduce((s, r) => s + (r.getCell(2).value === '–' ? 0 : Number(r.getCell(2).value)), 0);
    expect(ws.name).toBe('Besluiten na de VB');
    expect(wb.worksheets[1]!.name).toBe('Toelichting');
    expect(totaal).toBe(Object.values(besluit).reduce((a, b) => a + b, 0));
  });
});

describe('login and navigation in Chromium, per role', () => {
  const ROLLEN = [
    {
      email: 'beheerder@demo.vt',
      wachtwoord: 'demo-beheerder-2026',
      start: '/beheer',
      menu: ['Regio', 'Gemeenten', 'Doorstroom', 'Spiegel', 'Financiën', 'Rapportages', 'Beheer'],
      verboden: '/doorstroom/achterstand',
    },
    {
      email: 'management@demo.vt',
      wachtwoord: 'demo-management-2026',
      start: '/',
      menu: ['Regio', 'Gemeenten', 'Doorstroom', 'Spiegel', 'Financiën', 'Rapportages'],
      verboden: '/beheer',
    },
    {
      email: 'bestuur@demo.vt',
      wachtwoord: 'demo-bestuur-2026',
      start: '/',
      menu: ['Regio', 'Gemeenten', 'Doorstroom', 'Spiegel', 'Financiën', 'Rapportages'],
      verboden: '/doorstroom/achterstand',
    },
    { email: 'tiel@demo.vt', wachtwoord: 'demo-tiel-2026', start: '/gemeente/GM0281', menu: ['Mijn gemeente', 'Rapportages'], verboden: '/gemeente/GM0268' },
  ];

  beforeAll(async () => {
    await maakDemoAccounts(ctx.db, ctx.regio);
  });

  it.each(ROLLEN)('$email logs in, sees the menu of the role, is refused elsewhere, logs out', async (rol) => {
    // a fresh browser context: no cookies of the other tests
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    try {
      await page.setViewport({ width: 1360, height: 1000 });
      // these checks read the document only: no need to wait for the charts to draw
      await page.goto(`${base}/doorstroom`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe('/inloggen');
      if (rol.email.startsWith('beheerder')) {
        expect(await page.$eval('main', (m) => m.textContent)).toContain('Demo-accounts');
        expect(await axeSerious(page)).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, 'inloggen.png') });
      }
      await page.type('#email', rol.email);
      await page.type('#wachtwoord', rol.wachtwoord);
      await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('button[type=submit]')]);
      // back where the login started when allowed, else the role's start page
      const pad = new URL(page.url()).pathname;
      expect(['/doorstroom', rol.start]).toContain(pad);
      const menu = await page.$$eval('.kop__menu a', (as) => as.map((a) => a.textContent?.trim()));
      expect(menu).toEqual(rol.menu);
      await page.goto(base + rol.start, { waitUntil: 'domcontentloaded' });
      expect(await page.$eval('h1', (h) => h.textContent)).toBeTruthy();
      const verboden = await page.goto(base + rol.verboden, { waitUntil: 'domcontentloaded' });
      expect(verboden?.status()).toBe(403);
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Geen toegang');
      await Promise.all([page.waitForNavigation(), page.click('.kop__gebruiker button')]);
      expect(new URL(page.url()).pathname).toBe('/inloggen');
    } finally {
      await context.close();
    }
  });
});

describe('readable on a phone (390 px wide): the page itself never scrolls sideways', () => {
  it.each([
    ['/docs/indicatoren', 'vt_management'],
    ['/docs/import', 'vt_management'],
    ['/docs/privacy', 'vt_management'],
    ['/beheer/import', 'beheerder'],
    ['/beheer/audit', 'beheerder'],
  ] as const)('%s', async (pad, rol) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844 });
    await page.setCookie({ name: 'vt_sessie', value: (rol === 'beheerder' ? beheerder : sessie).token, url: base });
    const res = await page.goto(base + pad, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    const breed = await page.evaluate(() => ({
      pagina: document.documentElement.scrollWidth,
      // elements wider than the screen that are not inside a scrolling table container
      te_breed: [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.tabel-container, pre'))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5),
    }));
    await page.screenshot({ path: join(ARTIFACTS, `smal${pad.replace(/\//g, '-')}.png`), fullPage: true });
    expect(breed.te_breed).toEqual([]);
    expect(breed.pagina).toBeLessThanOrEqual(390);
    await page.close();
  });
});
