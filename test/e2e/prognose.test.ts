import type { Server } from 'node:http';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../../server/browser/chromium.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

/** `n` registrations on the 15th of every month of the years. */
const jaren = (maak: typeof melding, van: number, tot: number, n: number, totMaand = 12) =>
  Array.from({ length: tot - van + 1 }, (_, j) => van + j).flatMap((jaar) =>
    Array.from({ length: jaar === tot ? totMaand : 12 }, (_, m) => m).flatMap((m) =>
      Array.from({ length: n }, () => maak({ binnenkomst: `${jaar}-${String(m + 1).padStart(2, '0')}-15` })),
    ),
  );

let ctx: TestContext;
let server: Server;
let base: string;
let browser: Browser;
let sessie: Sessie;

beforeAll(async () => {
  ctx = await testContext('2024-07-01');
  // 2019–2023 and the first half of 2024: 20 meldingen and 30 adviezen a month
  await importeerRijen(ctx, [...jaren(melding, 2019, 2024, 20, 6), ...jaren(advies, 2019, 2024, 30, 6)]);
  ({ server, base } = await startServer(ctx));
  sessie = await sessieAls(ctx, 'vt_management');
  browser = await startChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await ctx?.close();
});

describe('the region page in a real browser', () => {
  it('shows the forecast and the scenario charts, rendered, with their example source and tables', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setCookie({ name: 'vt_sessie', value: sessie.token, url: base });
    await page.goto(`${base}/`, { waitUntil: 'networkidle0' });
    const sectie = await page.$eval('#prognose', (el) => el.textContent ?? '');
    expect(sectie).toContain('geen norm of doel');
    expect(sectie).toContain("Meldingen per jaar tegen de scenario's laag, midden en hoog (voorbeeldpercentages)");
    // every chart of the section drew (ECharts puts a canvas or svg in it)
    expect(await page.$$eval('#prognose .grafiek canvas, #prognose .grafiek svg', (x) => x.length)).toBeGreaterThanOrEqual(3);
    // the scenario table: 2019 = 240 meldingen (12 × 20) on every path in the base year, midden +5% a year from the region file's example
    const rijen = await page.$$eval('#prognose table', (ts) =>
      ts.map((t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.textContent?.trim()))),
    );
    const meldingen = rijen.find((t) => t[0]?.includes('Scenario midden'))!;
    expect(meldingen[1]).toEqual(['2019', '240', '240', '240', '240', '240']);
    // 2020 midden: 240 × 1,05 = 252 → 250 (rounded to 5); laag 240 × 1,02 = 244,8 → 245; hoog 264 → 265
    expect(meldingen[2]).toEqual(['2020', '240', '240', '245', '250', '265']);
    // 2024 so far: 120 observed, the forecast 240 (every earlier year had half by 30 June)
    expect(meldingen.at(-1)).toEqual(['2024 (tot nu)', '120', '240', expect.any(String), expect.any(String), expect.any(String)]);
    await page.close();
  });
});
