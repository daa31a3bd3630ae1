import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

/**
 * The region map on the pages, on hand-made registrations: Tiel 10 meldingen, Nijmegen 7 in
 * Q4 2019. Management sees every gemeente's rate; a Tiel account sees Tiel and outlines, and no
 * figure of another gemeente reaches its page, its map JSON or its download.
 */
let ctx: TestContext;
let server: Server;
let base: string;
let management: Sessie;
let tiel: Sessie;
const Q = 'kwartaal=2019-Q4&periode=4';

/** The map's JSON block of a page. */
function kaartJson(html: string, id = 'kaart-meldingen-per-1000') {
  const m = html.match(new RegExp(`<script type="application/json" id="${id}-data">(.*?)</script>`, 's'));
  expect(m, `no map ${id} on the page`).not.toBeNull();
  return JSON.parse(m![1]!) as {
    option: { series: { data: { name: string; value?: number; tooltip: { formatter?: string; show?: boolean } }[] }[] };
    kaart: { naam: string; geojson: { features: { id: string }[] } };
    links: Record<string, string> | null;
    beschrijving: string;
  };
}

beforeAll(async () => {
  ctx = await testContext('2019-12-31');
  const rijen = [
    ...Array.from({ length: 10 }, (_, i) => melding({ id: `T${i}`, binnenkomst: '2019-11-04', gemeente: 'GM0281' })),
    ...Array.from({ length: 7 }, (_, i) => melding({ id: `N${i}`, binnenkomst: '2019-11-05', gemeente: 'GM0268' })),
  ];
  await importeerRijen(ctx, rijen);
  ({ server, base } = await startServer(ctx));
  management = await sessieAls(ctx, 'vt_management');
  tiel = await sessieAls(ctx, 'gemeente', ['GM0281']);
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

describe('the region map', () => {
  it('management: every gemeente of the region on the map, with its per-1.000 rate and a link to its page', async () => {
    const html = await (await management.fetch(`${base}/?${Q}`)).text();
    const k = kaartJson(html);
    expect(k.kaart.naam).toBe('vt-gelderland-zuid');
    expect(k.kaart.geojson.features).toHaveLength(15);
    const data = k.option.series[0]!.data;
    expect(data).toHaveLength(15);
    // 10 × 1.000 / 42.159 = 0,237…; 7 × 1.000 / 180.000 = 0,0388…; the others had no meldingen
    // the tooltip names the CBS population year the rate divides by (issue 28): 1 January 2019 for a quarter of 2019
    expect(data.find((d) => d.name === 'Tiel')).toMatchObject({ value: 0.24, tooltip: { formatter: 'Tiel: 0,24 per 1.000 inwoners (CBS, 1 januari 2019)' } });
    expect(data.find((d) => d.name === 'Nijmegen')).toMatchObject({
      value: 0.04,
      tooltip: { formatter: 'Nijmegen: 0,04 per 1.000 inwoners (CBS, 1 januari 2019)' },
    });
    expect(html).toContain('<th scope="col">Meldingen per 1.000 inwoners (CBS, 1 januari 2019)</th>');
    expect(data.find((d) => d.name === 'Druten')).toMatchObject({ value: 0 });
    expect(k.links!.Nijmegen).toBe('/gemeente/GM0268');
    expect(html).toContain('id="kaart-cijfer"');
    expect(k.beschrijving).toContain('Het hoogst is Tiel (0,24)');
  });

  it('the figure choice: ?kaart=adviezen-per-1000 draws adviezen, an unknown figure is refused', async () => {
    const html = await (await management.fetch(`${base}/?${Q}&kaart=adviezen-per-1000`)).text();
    expect(kaartJson(html, 'kaart-adviezen-per-1000').option.series[0]!.data.find((d) => d.name === 'Tiel')!.value).toBe(0);
    expect((await management.fetch(`${base}/?${Q}&kaart=inwoners`)).status).toBe(400);
  });

  it('a Tiel account: Tiel coloured, the other 14 gemeenten outlines, no value of another gemeente anywhere on its page', async () => {
    const res = await tiel.fetch(`${base}/gemeente/GM0281?${Q}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const k = kaartJson(html);
    const data = k.option.series[0]!.data;
    expect(data).toHaveLength(15);
    // published for a gemeente account: 10 rounded to 10, so 0,24
    expect(data.filter((d) => 'value' in d)).toEqual([expect.objectContaining({ name: 'Tiel', value: 0.24 })]);
    for (const d of data.filter((x) => x.name !== 'Tiel')) expect(d.tooltip).toEqual({ show: false });
    expect(k.links).toBeNull();
    // Nijmegen's rate (0,04) is nowhere in the map's JSON, nor its name with a figure in the page's table
    const json = JSON.stringify(k);
    expect(json).not.toContain('0.04');
    expect(json).not.toContain('Nijmegen: ');
    const tabel = html.slice(html.indexOf('id="kaart"'), html.indexOf('</section>', html.indexOf('id="kaart"')));
    expect(tabel).toContain('<th scope="row">Tiel</th>');
    expect(tabel).not.toContain('<th scope="row">Nijmegen</th>');
    // the region page stays closed to a gemeente account
    expect((await tiel.fetch(`${base}/?${Q}`, { redirect: 'manual' })).status).toBe(303);
  });

  it("a Tiel account's map download holds only Tiel", async () => {
    const res = await tiel.fetch(`${base}/export/gemeente/GM0281/kaart-meldingen-per-1000.csv?${Q}&kaart=meldingen-per-1000`);
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('Tiel');
    expect(csv).toContain('0,24');
    expect(csv).not.toContain('Nijmegen');
  });

  it('a protected figure is drawn as "beschermd" for the Tiel account: % VB binnen termijn of 0 VB is never a number', async () => {
    const html = await (await tiel.fetch(`${base}/gemeente/GM0281?${Q}&kaart=vb-binnen-termijn`)).text();
    const k = kaartJson(html, 'kaart-vb-binnen-termijn');
    const t = k.option.series[0]!.data.find((d) => d.name === 'Tiel')!;
    expect('value' in t).toBe(false);
    expect(t.tooltip.formatter).toBe('Tiel: beschermd (bescherming kleine aantallen)');
    expect(k.beschrijving).toContain('1 gemeente is beschermd');
  });
});
