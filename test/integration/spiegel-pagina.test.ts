import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../../server/browser/chromium.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

const AXE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let ctx: TestContext;
let server: Server;
let base: string;
let browser: Browser;
let bestuur: Sessie;

beforeAll(async () => {
  ctx = await testContext('2024-12-31');
  await importeerRijen(
    ctx,
    Array.from({ length: 12 }, () => melding({ binnenkomst: '2023-03-01', vb: '2023-03-02', besluit: 'overdracht_melder' })),
  );
  ({ server, base } = await startServer(ctx));
  bestuur = await sessieAls(ctx, 'bestuur');
  browser = await startChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await ctx?.close();
});

async function open(path: string, breedte = 1280): Promise<{ page: Page; fouten: string[] }> {
  const page = await browser.newPage();
  const fouten: string[] = [];
  page.on('pageerror', (e) => fouten.push(String(e)));
  await page.setViewport({ width: breedte, height: 1400 });
  await page.setCookie({ name: 'vt_sessie', value: bestuur.token, url: base });
  await page.goto(base + path, { waitUntil: 'networkidle0' });
  return { page, fouten };
}

/** The spiegel table as text cells, by row label. */
async function tabel(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('table[data-tabel="spiegel"] tbody tr', (rijen) =>
    Object.fromEntries(rijen.map((r) => [r.querySelector('th')!.textContent!.trim(), [...r.querySelectorAll('td')].map((td) => td.textContent!.trim())])),
  );
}

describe('/spiegel in a real browser', () => {
  it('2023: the region beside Nederland, eigen with the difference, charts drawn, no serious accessibility issue', async () => {
    const { page, fouten } = await open('/spiegel?periode=2023');
    const t = await tabel(page);
    // Regio, regio per 1.000, Nederland, NL per 1.000, eigen, verschil
    // the region per 1.000: CBS's count over the CBS population of VT06 on 1 January 2023 (585.042)
    expect(t['Ontvangen meldingen*']).toEqual(['2.695', '4,6', '127.340', '7,2', '10', '-2.685']);
    expect(t['VB: overdracht*']).toEqual(['1.495', '2,6', '.', '.', '10', '-1.485']);
    expect(t['Gestarte adviezen*']).toEqual(['.', '.', '143.210', '8,0', '–', '.']);
    // every per-1.000 column names the CBS population year it divided by, and the page names the populations
    const koppen = await page.$$eval('table[data-tabel="spiegel"] thead th', (th) => th.map((x) => x.textContent!.trim()));
    expect(koppen).toContain('Regio per 1.000 inw. (CBS, 1 januari 2023)');
    expect(koppen).toContain('Nederland per 1.000 inw. (CBS, 1 januari 2023)');
    const tekst = (sel: string) => page.$eval(sel, (p) => p.textContent!.replace(/\s+/g, ' ').trim());
    expect(await tekst('[data-bevolking]')).toBe(
      'Per 1.000 inwoners gedeeld door de bevolking volgens CBS — Gelderland-Zuid (VT): 585.042 inwoners op 1 januari 2023, ' +
        'CBS 37259eng (som van de 15 gemeenten); Nederland: 17.815.508 inwoners op 1 januari 2023, CBS 70072ned.',
    );
    // the rank among the four VT-regions whose 2023 meldingen CBS publishes in the shipped tables
    expect(await tekst('[data-rang]')).toBe(
      'Plaats onder de VT-regio’s (ontvangen meldingen per 1.000 inwoners): 1 van 4 (VT-regio’s waarvan CBS de meldingen van 2023 publiceert, ' +
        'per 1.000 inwoners op 1 januari 2023).',
    );
    expect(await page.$$eval('.grafiek canvas, .grafiek svg', (e) => e.length)).toBeGreaterThanOrEqual(2);
    expect(await page.$eval('main, body', (b) => b.textContent)).toContain('84852NED');
    await page.evaluate(AXE);
    const r = (await page.evaluate(() =>
      (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa'] }),
    )) as { violations: { id: string; impact: string }[] };
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(fouten).toEqual([]);
    await page.close();
  }, 60_000);

  it('every period with shipped figures is in the picker; 2022-H1 shows . for the region, never 0', async () => {
    const { page } = await open('/spiegel?periode=2022-H1', 390);
    const opties = await page.$$eval('#periode option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(opties).toEqual(['2023', '2022-H1', '2021-H2', '2021-H1', '2020', '2020-H2', '2020-H1', '2019-H2', '2019-H1']);
    const t = await tabel(page);
    expect(t['Ontvangen meldingen*']).toEqual(['.', '.', '59.985', '.', '–', '.']);
    // no rank and said why; never "0 VT-regio's"
    const rang = await page.$eval('[data-rang]', (p) => p.textContent!.replace(/\s+/g, ' ').trim());
    expect(rang).toBe(
      'Plaats onder de VT-regio’s (ontvangen meldingen per 1.000 inwoners): ' +
        'geen plaats: CBS publiceert voor 1e halfjaar 2022 geen ontvangen meldingen van Gelderland-Zuid (VT).',
    );
    expect(await page.$eval('[data-bevolking]', (p) => p.textContent)).toContain('Nederland: geen CBS-bevolking, dus geen cijfers per 1.000 (.)');
    await page.close();
  }, 60_000);

  it('half years and years are separate charts and series, each in time order; never one axis of both', async () => {
    const html = await (await bestuur.fetch(`${base}/spiegel?periode=2023`)).text();
    const data = (id: string) => {
      const m = new RegExp(`<script type="application/json" id="${id}-data">([\\s\\S]*?)</script>`).exec(html);
      return m ? (JSON.parse(m[1]!) as { option: { xAxis: { data: string[] }; series: { name: string; data: unknown[] }[] } }).option : null;
    };
    expect(data('spiegel-per-1000')).toBeNull();
    const half = data('spiegel-per-1000-halfjaar')!;
    expect(half.xAxis.data).toEqual([
      '1e halfjaar 2019',
      '2e halfjaar 2019',
      '1e halfjaar 2020',
      '2e halfjaar 2020',
      '1e halfjaar 2021',
      '2e halfjaar 2021',
      '1e halfjaar 2022',
    ]);
    expect(half.series.map((r) => r.name)).toEqual(['Gelderland-Zuid (VT) per halfjaar', 'Nederland per halfjaar']);
    const jaar = data('spiegel-per-1000-jaar')!;
    expect(jaar.xAxis.data).toEqual(['2020', '2023']);
    expect(jaar.series.map((r) => r.name)).toEqual(['Gelderland-Zuid (VT) per jaar', 'Nederland per jaar']);
    expect(jaar.series[1]!.data.length).toBe(2);
    // the table of the year chart downloads on its own
    const csv = await (await bestuur.fetch(`${base}/export/spiegel/spiegel-per-1000-jaar.csv?periode=2023`)).text();
    expect(csv.split('\r\n').filter((r) => /^(1e|2e) halfjaar/.test(r))).toEqual([]);
    expect(csv).toContain('\r\n2023');
    // each row names the CBS population year its rates divided by
    expect(csv).toContain(';Bevolking (CBS) op 1 januari\r\n');
    expect(csv.split('\r\n').filter((r) => /^20\d\d/.test(r))).toEqual([expect.stringMatching(/;2020$/), expect.stringMatching(/;2023$/)]);
  });

  it('downloads the table; a gemeente user does not see the page', async () => {
    const csv = await (await bestuur.fetch(`${base}/export/spiegel/spiegel.csv?periode=2023`)).text();
    expect(csv).toContain('Ontvangen meldingen*;2695;4,61;127340');
    const gemeente = await sessieAls(ctx, 'gemeente', ['GM0281']);
    expect((await gemeente.fetch(`${base}/spiegel`, { redirect: 'manual' })).status).not.toBe(200);
    expect((await bestuur.fetch(`${base}/spiegel?periode=2023-Q1`)).status).toBe(400);
  });
});
