import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importeerFinancieel } from '../../server/financien/importer.js';
import { leesTabel } from '../../server/import/readers.js';
import { formatteerDuizendEuro } from '../../server/shared/formaat.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { alsTekst, bladRijen, csvIsTabel, leesCsv, tabellenVanHtml, werkboek } from '../helpers/pagina-tabellen.js';
import { melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

/**
 * The downloads of /financien and /spiegel are cut from the read model of their page, as the
 * dashboards' are: after a page view a download reads none of the tables the model is built from;
 * the bytes are the page's table; every download has its audit entry; a change of the data (a new
 * data_versie) reaches the next download. A model build is counted by the queries it makes of its
 * own tables (financien and formatie; cbs_cijfers), through knex's query event.
 */
let ctx: TestContext;
let server: Server;
let base: string;
let bestuur: Sessie;
const gelezen = { financien: 0, spiegel: 0 };

function importeerBestand(naam: string, regels: string[], soort: 'financien' | 'formatie') {
  const pad = join(ctx.dir, naam);
  writeFileSync(pad, `\ufeff${regels.join('\r\n')}\r\n`);
  return importeerFinancieel(ctx.db, soort, { bestand: naam, sha256: '-', rows: leesTabel(pad) }, { door: 'test' });
}
const financien = (subsidie: string) => [
  'kwartaal;post;realisatie;begroting;begroting_jaar',
  `2023-Q4;subsidie_gemeenten;${subsidie};2.100.000;8.400.000`,
  '2023-Q4;personeelskosten;-1.500.000;-1.450.000;-5.800.000',
  '2023-Q4;lasten_vorig_boekjaar;-25.000;;',
];

beforeAll(async () => {
  ctx = await testContext('2024-01-15');
  await importeerRijen(
    ctx,
    Array.from({ length: 12 }, (_, i) => melding({ id: `M-${i}`, binnenkomst: '2023-11-01', vb: '2023-11-02', besluit: 'overdracht_melder' })),
  );
  await importeerBestand('financien.csv', financien('2.084.000'), 'financien');
  await importeerBestand('formatie.csv', ['maand;fte_personeel;fte_inhuur;status', '2023-10;80,5;9,5;realisatie', '2023-11;81;10;realisatie'], 'formatie');
  ctx.db.on('query', (q: { sql: string }) => {
    if (/["`](financien|formatie)["`]/.test(q.sql)) gelezen.financien++;
    if (/["`]cbs_cijfers["`]/.test(q.sql)) gelezen.spiegel++;
  });
  ({ server, base } = await startServer(ctx));
  bestuur = await sessieAls(ctx, 'bestuur');
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

/** The download entries of the audit log, oldest first: who, and what the details name. */
interface DownloadRij {
  wie: string;
  pagina?: string;
  grafiek?: string;
  kwartaal?: string;
  periode?: string;
  formaat?: string;
}
const downloadRijen = async (): Promise<DownloadRij[]> =>
  ((await ctx.db('audit_log').where({ actie: 'download' }).orderBy('id').select('wie', 'details')) as { wie: string; details: string }[]).map((r) => ({
    wie: r.wie,
    ...(JSON.parse(r.details) as Omit<DownloadRij, 'wie'>),
  }));

async function haal(pad: string): Promise<Response> {
  const res = await bestuur.fetch(base + pad);
  expect(res.status, pad).toBe(200);
  return res;
}

async function tabellenGelijk(html: string): Promise<{ cellen: number; ids: string[] }> {
  const tabellen = tabellenVanHtml(html);
  let cellen = 0;
  for (const t of tabellen) {
    cellen += csvIsTabel(t, await alsTekst(await haal(t.csv)), true);
  }
  return { cellen, ids: tabellen.map((t) => t.id) };
}

describe('/financien: the downloads come from the page model', () => {
  it('after a page view no download reads financien or formatie; bytes are the page tables; an audit entry each', async () => {
    gelezen.financien = 0;
    const html = await (await haal('/financien?kwartaal=2023-Q4')).text();
    const perBouw = gelezen.financien;
    expect(perBouw).toBeGreaterThan(0);
    const voor = (await downloadRijen()).length;
    gelezen.financien = 0;
    // the charts' tables, cell for cell
    const { cellen, ids } = await tabellenGelijk(html);
    expect(ids).toEqual(['formatie', 'per-fte']);
    expect(cellen).toBeGreaterThan(20);
    // the finance table: the page in thousands, the download in whole euros
    const pagina = /<table class="[^"]*financien-tabel[\s\S]*?<\/table>/.exec(html)![0];
    const paginaRijen = [...pagina.matchAll(/<tr[^>]*><th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((m) => [
      m[1]!,
      ...[...m[2]!.matchAll(/<td [^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(' (tekort)', '')),
    ]);
    const csv = leesCsv(await alsTekst(await haal('/export/financien/begroting.csv?kwartaal=2023-Q4'))).rijen.slice(1);
    expect(csv.map(([naam, ...r]) => [naam, ...r.map((c) => (c === '–' ? c : formatteerDuizendEuro(Number(c))))])).toEqual(paginaRijen);
    expect(csv.find((r) => r[0] === 'Subsidie gemeenten')).toEqual(['Subsidie gemeenten', '2084000', '2100000', '-16000', '8400000', '2084000']);
    // the XLSX and the workbook of all tables, twice each
    for (let i = 0; i < 2; i++) {
      const xlsx = bladRijen((await werkboek(await haal('/export/financien/begroting.xlsx?kwartaal=2023-Q4'))).worksheets[0]!);
      expect(xlsx.find((r) => r[0] === 'Subsidie gemeenten')).toEqual(['Subsidie gemeenten', 2084000, 2100000, -16000, 8400000, 2084000]);
      const alle = await werkboek(await haal('/export/financien/alle-tabellen.xlsx?kwartaal=2023-Q4'));
      expect(alle.worksheets).toHaveLength(4);
    }
    // not one query of the model's tables for 7 downloads, and 7 audit entries naming what was downloaded
    expect(gelezen.financien).toBe(0);
    const nieuw = (await downloadRijen()).slice(voor);
    expect(nieuw.map((r) => [r.wie, r.pagina, r.grafiek, r.kwartaal, r.formaat])).toEqual([
      [bestuur.email, 'financien', 'formatie', '2023-Q4', 'csv'],
      [bestuur.email, 'financien', 'per-fte', '2023-Q4', 'csv'],
      [bestuur.email, 'financien', 'begroting', '2023-Q4', 'csv'],
      [bestuur.email, 'financien', 'begroting', '2023-Q4', 'xlsx'],
      [bestuur.email, 'financien', 'alle-tabellen', '2023-Q4', 'xlsx'],
      [bestuur.email, 'financien', 'begroting', '2023-Q4', 'xlsx'],
      [bestuur.email, 'financien', 'alle-tabellen', '2023-Q4', 'xlsx'],
    ]);
    // the page without a quarter (the newest) is another key, built once, then kept for its download too
    await haal('/financien');
    expect(gelezen.financien).toBe(perBouw);
    await haal('/export/financien/begroting.csv');
    expect(gelezen.financien).toBe(perBouw);
  });

  it('a new import reaches the next CSV, XLSX and workbook download; 20 downloads at once build the model once', async () => {
    const subsidie = async () =>
      leesCsv(await alsTekst(await haal('/export/financien/begroting.csv?kwartaal=2023-Q4'))).rijen.find((r) => r[0] === 'Subsidie gemeenten');
    expect(await subsidie()).toEqual(['Subsidie gemeenten', '2084000', '2100000', '-16000', '8400000', '2084000']);
    gelezen.financien = 0;
    await importeerBestand('financien-2.csv', financien('2.090.000'), 'financien');
    const perImport = gelezen.financien;
    const voor = (await downloadRijen()).length;
    const antwoorden = await Promise.all(
      Array.from({ length: 20 }, async () => (await alsTekst(await haal('/export/financien/begroting.csv?kwartaal=2023-Q4'))).split('\r\n')[1]),
    );
    // one build: what the first page view of the first test read, once (financienKwartalen, the year, formatie)
    expect(gelezen.financien - perImport).toBe(3);
    expect(new Set(antwoorden)).toEqual(new Set(['Subsidie gemeenten;2090000;2100000;-10000;8400000;2090000']));
    expect((await downloadRijen()).length).toBe(voor + 20);
    const xlsx = bladRijen((await werkboek(await haal('/export/financien/begroting.xlsx?kwartaal=2023-Q4'))).worksheets[0]!);
    expect(xlsx.find((r) => r[0] === 'Subsidie gemeenten')).toEqual(['Subsidie gemeenten', 2090000, 2100000, -10000, 8400000, 2090000]);
    const alle = await werkboek(await haal('/export/financien/alle-tabellen.xlsx?kwartaal=2023-Q4'));
    expect(bladRijen(alle.worksheets[0]!).find((r) => r[0] === 'Subsidie gemeenten')).toEqual([
      'Subsidie gemeenten',
      2090000,
      2100000,
      -10000,
      8400000,
      2090000,
    ]);
    // the page shows what the downloads show
    expect(await (await haal('/financien?kwartaal=2023-Q4')).text()).toContain('<td class="getal">2.090</td>');
  });
});

describe('/spiegel: the downloads come from the page model', () => {
  it('after a page view no download reads cbs_cijfers; bytes are the page tables; an audit entry each; an import reaches the next download', async () => {
    gelezen.spiegel = 0;
    const html = await (await haal('/spiegel?periode=2023')).text();
    expect(gelezen.spiegel).toBeGreaterThan(0);
    const voor = (await downloadRijen()).length;
    gelezen.spiegel = 0;
    const { cellen, ids } = await tabellenGelijk(html);
    expect(ids).toEqual(['spiegel', 'spiegel-per-1000-halfjaar', 'spiegel-per-1000-jaar']);
    expect(cellen).toBeGreaterThan(30);
    const xlsx = await werkboek(await haal('/export/spiegel/spiegel.xlsx?periode=2023'));
    const meldingenXlsx = () => bladRijen(xlsx.worksheets[0]!).find((r) => r[0] === 'Ontvangen meldingen*');
    expect(gelezen.spiegel).toBe(0);
    expect((await downloadRijen()).slice(voor).map((r) => [r.wie, r.pagina, r.grafiek, r.periode, r.formaat])).toEqual([
      [bestuur.email, 'spiegel', 'spiegel', '2023', 'csv'],
      [bestuur.email, 'spiegel', 'spiegel-per-1000-halfjaar', '2023', 'csv'],
      [bestuur.email, 'spiegel', 'spiegel-per-1000-jaar', '2023', 'csv'],
      [bestuur.email, 'spiegel', 'spiegel', '2023', 'xlsx'],
    ]);
    const meldingen = async () =>
      leesCsv(await alsTekst(await haal('/export/spiegel/spiegel.csv?periode=2023'))).rijen.find((r) => r[0] === 'Ontvangen meldingen*');
    // our own 12 meldingen of 2023 read 10 (rounded to 5) beside the region's 2.695 (CBS)
    expect(await meldingen()).toEqual(['Ontvangen meldingen*', '2695', '4,61', '127340', '7,15', '10', '-2685']);
    expect(meldingenXlsx()).toEqual(['Ontvangen meldingen*', 2695, 4.61, 127340, 7.15, 10, -2685]);
    expect(gelezen.spiegel).toBe(0);
    // three more meldingen in 2023 (an import writes a new data version): 15, in the next CSV and XLSX and on the page
    await importeerRijen(
      ctx,
      Array.from({ length: 3 }, (_, i) => melding({ id: `N-${i}`, binnenkomst: '2023-11-03', vb: '2023-11-04', besluit: 'overdracht_melder' })),
      { accepteerGeldige: true },
    );
    expect(await meldingen()).toEqual(['Ontvangen meldingen*', '2695', '4,61', '127340', '7,15', '15', '-2680']);
    expect(gelezen.spiegel).toBeGreaterThan(0);
    const na = await werkboek(await haal('/export/spiegel/spiegel.xlsx?periode=2023'));
    expect(bladRijen(na.worksheets[0]!).find((r) => r[0] === 'Ontvangen meldingen*')).toEqual(['Ontvangen meldingen*', 2695, 4.61, 127340, 7.15, 15, -2680]);
    const tabel = tabellenVanHtml(await (await haal('/spiegel?periode=2023')).text()).find((t) => t.id === 'spiegel')!;
    expect(tabel.rijen.find((r) => r[0] === 'Ontvangen meldingen*')).toEqual(['Ontvangen meldingen*', '2.695', '4,6', '127.340', '7,2', '15', '-2.680']);
    expect((await downloadRijen()).length).toBe(voor + 7);
  });
});
