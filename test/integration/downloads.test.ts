import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schrijfMeta } from '../../server/db/metagegevens.js';
import { importeerFinancieel } from '../../server/financien/importer.js';
import { leesTabel } from '../../server/import/readers.js';
import { STANDAARD_BELEID } from '../../server/privacy/onderdrukking.js';
import { schrijfBeleid } from '../../server/privacy/instellingen.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { alsTekst, bladRijen, csvIsTabel, tabellenVanHtml, werkboek } from '../helpers/pagina-tabellen.js';
import { melding } from '../helpers/registraties.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

/**
 * Every kind of download read back with exceljs, on hand-made registrations with exact answers:
 * the achterstand lists (boundaries of 5 werkdagen and 70 days), the finance table, and the
 * workbook "alle tabellen" of each page (a sheet per table of the page, plus Toelichting).
 * Today is Tuesday 31 December 2019; 25 and 26 December are holidays, and 27 December 2019 counts
 * as one by Royal Decree (config/kalender.json).
 */
let ctx: TestContext;
let server: Server;
let base: string;
const sessies: Record<string, Sessie> = {};

const onderzoek = (id: string, binnenkomst: string, vb: string) =>
  melding({
    id,
    binnenkomst,
    vb,
    besluit: 'vervolg_veilig_thuis',
    besluitVervolg: vb,
    vervolg: 'onderzoek',
    startOnderzoek: vb,
    gemeente: 'GM0281',
  });

beforeAll(async () => {
  ctx = await testContext('2019-12-31');
  await importeerRijen(ctx, [
    // VB open: from 2 December 18 werkdagen, from 18 December 6 (over the term), from 19 December 5 (not yet)
    melding({ id: 'VB-18', binnenkomst: '2019-12-02', gemeente: 'GM0268' }),
    melding({ id: 'VB-6', binnenkomst: '2019-12-18', gemeente: 'GM0281' }),
    melding({ id: 'VB-5', binnenkomst: '2019-12-19', gemeente: 'GM0281' }),
    // onderzoek running: VB on 21 October is 71 days ago (over the term), on 22 October 70 (not yet)
    onderzoek('OND-71', '2019-10-18', '2019-10-21'),
    onderzoek('OND-70', '2019-10-21', '2019-10-22'),
    // V&V running since a VB on 1 October: 91 days
    melding({
      id: 'VV-91',
      binnenkomst: '2019-10-01',
      vb: '2019-10-01',
      besluit: 'vervolg_veilig_thuis',
      besluitVervolg: '2019-10-01',
      vervolg: 'voorwaarden_en_vervolg',
      startVv: '2019-10-01',
      gemeente: 'GM0268',
    }),
  ]);
  const pad = join(ctx.dir, 'financien.csv');
  writeFileSync(
    pad,
    `\ufeff${[
      'kwartaal;post;realisatie;begroting;begroting_jaar',
      '2019-Q4;subsidie_gemeenten;2.084.000;2.100.000;8.400.000',
      '2019-Q4;personeelskosten;-1.500.000;-1.450.000;-5.800.000',
      '2019-Q4;lasten_vorig_boekjaar;-25.000;;',
    ].join('\r\n')}\r\n`,
  );
  await importeerFinancieel(ctx.db, 'financien', { bestand: 'financien.csv', sha256: '-', rows: leesTabel(pad) }, { door: 'test' });
  ({ server, base } = await startServer(ctx));
  sessies.vt_management = await sessieAls(ctx, 'vt_management');
  sessies.beheerder = await sessieAls(ctx, 'beheerder');
  sessies.bestuur = await sessieAls(ctx, 'bestuur');
  sessies.gemeente = await sessieAls(ctx, 'gemeente', ['GM0281']);
});
afterAll(async () => {
  server?.close();
  await ctx?.close();
});

function toelichting(wb: ExcelJS.Workbook): Map<string, unknown> {
  const ws = wb.getWorksheet('Toelichting')!;
  const m = new Map<string, unknown>();
  ws.eachRow((r) => m.set(String(r.getCell(1).value), r.getCell(2).value));
  return m;
}

describe('the achterstand download', () => {
  it('is for VT management only, as the page: others get 403, a visitor the login', async () => {
    for (const pad of ['/doorstroom/achterstand.xlsx', '/doorstroom/achterstand.csv']) {
      for (const rol of ['beheerder', 'bestuur', 'gemeente']) expect((await sessies[rol]!.fetch(base + pad)).status, `${rol} ${pad}`).toBe(403);
      expect((await fetch(base + pad, { redirect: 'manual' })).status).toBe(303);
      expect((await sessies.vt_management!.fetch(base + pad)).status).toBe(200);
    }
  });

  it('XLSX: one sheet per list with the registrations over their term, dates as dates, durations as numbers, never cached', async () => {
    const res = await sessies.vt_management!.fetch(`${base}/doorstroom/achterstand.xlsx`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const wb = await werkboek(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Veiligheidsbeoordeling open', 'Onderzoek open', 'Voorwaarden en vervolg open', 'Toelichting']);
    const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
    expect(bladRijen(wb.getWorksheet('Veiligheidsbeoordeling open')!)).toEqual([
      ['Registratie', 'Gemeente', 'Binnengekomen', 'Werkdagen'],
      ['VB-18', 'Nijmegen', d('2019-12-02'), 18],
      ['VB-6', 'Tiel', d('2019-12-18'), 6],
    ]);
    expect(bladRijen(wb.getWorksheet('Onderzoek open')!)).toEqual([
      ['Registratie', 'Gemeente', 'Veiligheidsbeoordeling', 'Dagen'],
      ['OND-71', 'Tiel', d('2019-10-21'), 71],
    ]);
    expect(bladRijen(wb.getWorksheet('Voorwaarden en vervolg open')!)).toEqual([
      ['Registratie', 'Gemeente', 'Veiligheidsbeoordeling', 'Dagen'],
      ['VV-91', 'Nijmegen', d('2019-10-01'), 91],
    ]);
    const vb = wb.getWorksheet('Veiligheidsbeoordeling open')!;
    expect(vb.getRow(2).getCell(3).numFmt).toBe('d-m-yyyy');
    expect(vb.getRow(2).getCell(4).numFmt).toBe('#,##0');
    const t = toelichting(wb);
    expect(t.get('Peildatum')).toBe('31 december 2019');
    expect(t.get('Geëxporteerd op')).toBe('31 december 2019');
    expect(t.get('Organisatie')).toBe(ctx.regio.organisatie);
    expect(t.get('Definitieversie')).toBe('VT Monitor, Indicatoren 2027.2');
  });

  it('CSV: the three lists in one table, the list named in the first column', async () => {
    const res = await sessies.vt_management!.fetch(`${base}/doorstroom/achterstand.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const [tabel] = (await res.text()).replace(/^\uFEFF/, '').split('\r\n\r\n');
    expect(tabel!.split('\r\n')).toEqual([
      'Lijst;Registratie;Gemeente;Termijn loopt sinds;Duur;Eenheid',
      'Veiligheidsbeoordeling na meer dan 5 werkdagen nog open;VB-18;Nijmegen;2019-12-02;18;werkdagen',
      'Veiligheidsbeoordeling na meer dan 5 werkdagen nog open;VB-6;Tiel;2019-12-18;6;werkdagen',
      'Onderzoek na meer dan 10 weken nog open;OND-71;Tiel;2019-10-21;71;dagen',
      'Voorwaarden en vervolg na meer dan 10 weken nog open;VV-91;Nijmegen;2019-10-01;91;dagen',
    ]);
  });

  it('is linked from the achterstand page', async () => {
    const html = await (await sessies.vt_management!.fetch(`${base}/doorstroom/achterstand`)).text();
    expect(html).toContain('href="/doorstroom/achterstand.xlsx"');
    expect(html).toContain('href="/doorstroom/achterstand.csv"');
  });
});

describe('the finance table download', () => {
  it('XLSX: euros as numbers with € #,##0, no budget as –, a sheet Toelichting with the finance source', async () => {
    const wb = await werkboek(await sessies.bestuur!.fetch(`${base}/export/financien/begroting.xlsx?kwartaal=2019-Q4`));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Realisatie en begroting', 'Toelichting']);
    const ws = wb.getWorksheet('Realisatie en begroting')!;
    const alle = bladRijen(ws);
    expect(alle[0]).toEqual(['Post', 'Realisatie (€)', 'Begroting (€)', 'Verschil (€)', 'Begroting jaar (€)', 'Realisatie jaar t/m kwartaal (€)']);
    expect(alle.find((r) => r[0] === 'Subsidie gemeenten')).toEqual(['Subsidie gemeenten', 2084000, 2100000, -16000, 8400000, 2084000]);
    expect(alle.find((r) => r[0] === 'Lasten vorig boekjaar')).toEqual(['Lasten vorig boekjaar', -25000, '–', '–', '–', -25000]);
    expect(ws.getRow(2).getCell(2).numFmt).toBe('"€" #,##0');
    const t = toelichting(wb);
    expect(t.get('Kwartaal')).toBe('vierde kwartaal van 2019 (Q4 2019)');
    expect(t.get('Bron')).toBe(`VT Monitor, financiële administratie en formatiebestand van ${ctx.regio.organisatie}`);
  });

  it('CSV: the same rows in whole euros', async () => {
    const res = await sessies.bestuur!.fetch(`${base}/export/financien/begroting.csv?kwartaal=2019-Q4`);
    const regels = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(regels[0]).toBe('Post;Realisatie (€);Begroting (€);Verschil (€);Begroting jaar (€);Realisatie jaar t/m kwartaal (€)');
    expect(regels).toContain('Subsidie gemeenten;2084000;2100000;-16000;8400000;2084000');
  });

  it('is refused to a gemeente, as the page', async () => {
    expect((await sessies.gemeente!.fetch(`${base}/export/financien/begroting.xlsx?kwartaal=2019-Q4`)).status).toBe(403);
    expect((await sessies.gemeente!.fetch(`${base}/export/financien/alle-tabellen.xlsx?kwartaal=2019-Q4`)).status).toBe(403);
  });
});

/** The titles of the tables a page shows, read from its HTML. */
async function titelsOpPagina(s: Sessie, pad: string): Promise<{ titels: string[]; alle: string }> {
  const html = await (await s.fetch(base + pad)).text();
  const titels = [...html.matchAll(/<h3 id="titel-[^"]+" class="utrecht-heading-3 grafiek__titel">([^<]*)<\/h3>/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&').replace(/&#x27;/g, "'"),
  );
  const alle = /href="([^"]*alle-tabellen\.xlsx[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
  return { titels, alle };
}

describe('the documentation of the downloads', () => {
  it('is served at /docs/downloads and names the formats', async () => {
    const res = await sessies.gemeente!.fetch(`${base}/docs/downloads`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Toelichting');
    expect(html).toContain('#,##0');
  });
});

describe('one workbook "alle tabellen" per page', () => {
  const paginas: [string, string, string][] = [
    ['vt_management', '/?kwartaal=2019-Q4', 'Regio'],
    ['vt_management', '/doorstroom?kwartaal=2019-Q4', 'Doorstroom'],
    ['gemeente', '/gemeente/GM0281?kwartaal=2019-Q4', 'Gemeente Tiel'],
    ['bestuur', '/financien?kwartaal=2019-Q4', 'Financiën en formatie'],
  ];
  it.each(paginas)('%s %s: a sheet per table of the page, in its order, plus Toelichting', async (rol, pad, onderwerp) => {
    const s = sessies[rol]!;
    const { titels, alle } = await titelsOpPagina(s, pad);
    expect(alle).not.toBe('');
    const wb = await werkboek(await s.fetch(base + alle));
    const extra = pad.startsWith('/financien') ? 1 : 0; // the finance table is no chart
    expect(titels.length).toBeGreaterThan(1);
    expect(wb.worksheets).toHaveLength(titels.length + extra + 1);
    expect(wb.worksheets.at(-1)!.name).toBe('Toelichting');
    const t = toelichting(wb);
    expect(String(wb.getWorksheet('Toelichting')!.getRow(1).getCell(1).value)).toMatch(new RegExp(`^${onderwerp}.*: alle tabellen$`));
    // the Toelichting lists every table of the page by its title, against its sheet
    const beschreven = wb.worksheets.slice(0, -1).map((w) => String(t.get(w.name)));
    titels.forEach((titel, i) => expect(beschreven[i + extra]!.startsWith(titel), `${titel}`).toBe(true));
    for (const ws of wb.worksheets.slice(0, -1)) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
      expect(ws.name).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/); // no ids like per-gemeente-per-1000
      // a name cut to 31 characters still reads as a name: no opened bracket, no word leading on to what was cut
      expect(ws.name).not.toMatch(/\([^)]*$/);
      expect(ws.name).not.toMatch(/\s(de|het|een|van|en|per|tegen)$/i);
      const koppen = (ws.getRow(1).values as unknown[]).slice(1);
      expect(new Set(koppen).size, ws.name).toBe(koppen.length);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
    }
  });

  it('the regio workbook holds the exact figures: 6 meldingen and no adviezen (–) in Q4 2019', async () => {
    const wb = await werkboek(await sessies.vt_management!.fetch(`${base}/export/regio/alle-tabellen.xlsx?kwartaal=2019-Q4&periode=4`));
    const ws = wb.getWorksheet('Adviezen en meldingen')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Kwartaal', 'Adviezen', 'Meldingen', 'Totaal']);
    const q4 = bladRijen(ws).find((r) => r[0] === 'Q4 2019');
    expect(q4).toEqual(['Q4 2019', '–', 6, 6]);
    expect(ws.getRow(bladRijen(ws).findIndex((r) => r[0] === 'Q4 2019') + 1).getCell(3).numFmt).toBe('#,##0');
    const t = toelichting(wb);
    expect(t.get('Kwartaal')).toBe('vierde kwartaal van 2019 (Q4 2019)');
    expect(t.get('Periode')).toBe('de trendgrafieken beslaan 4 kwartalen tot en met Q4 2019');
    expect(String(t.get('Bescherming kleine aantallen'))).toMatch(/^Geen afronding/);
  });

  it('the doorstroom workbook names the three "waarvan over termijn" by their group', async () => {
    const wb = await werkboek(await sessies.vt_management!.fetch(`${base}/export/doorstroom/alle-tabellen.xlsx?kwartaal=2019-Q4`));
    expect(wb.getWorksheet('Openstaand werk')!.getRow(1).values).toEqual([
      undefined,
      'Kwartaal',
      'Open VB',
      'Open VB: waarvan over termijn',
      'Lopende onderzoeken',
      'Lopende onderzoeken: waarvan over termijn',
      'Lopende V&V',
      'Lopende V&V: waarvan over termijn',
    ]);
  });

  it('a gemeente user gets her own gemeente only, protected, with the rule in the Toelichting', async () => {
    expect((await sessies.gemeente!.fetch(`${base}/export/gemeente/GM0268/alle-tabellen.xlsx?kwartaal=2019-Q4`)).status).toBe(403);
    const wb = await werkboek(await sessies.gemeente!.fetch(`${base}/export/gemeente/GM0281/alle-tabellen.xlsx?kwartaal=2019-Q4`));
    expect(String(toelichting(wb).get('Bescherming kleine aantallen'))).toMatch(/^Alle aantallen zijn afgerond op veelvouden van 5/);
    // Tiel's 4 meldingen of Q4 2019 (VB-6, VB-5, OND-71, OND-70) are rounded to 5; its 0 adviezen
    // read '< 3' like any count rounded to 0 (0, 1 and 2 look alike); a count cell is never empty
    const ws = wb.getWorksheet('Adviezen en meldingen')!;
    expect(bladRijen(ws).find((r) => r[0] === 'Q4 2019')).toEqual(['Q4 2019', '< 3', 5, 5]);
  });
});

describe('a chart download is cut from the read model of its page (kept per page, filters, protection and data version)', () => {
  const downloads = async () => Number(((await ctx.db('audit_log').where({ actie: 'download' }).count({ n: '*' }).first()) as { n: unknown }).n);
  const q4 = (csv: string) => csv.split(/\r?\n/).find((r) => r.startsWith('Q4 2019'));

  it(
    'page and downloads agree, each download writes its audit entry, a gemeente user never gets ' + 'the unprotected model, an import is seen at once',
    async () => {
      const regio = `${base}/export/regio/instroom.csv?kwartaal=2019-Q4&periode=4`;
      const tiel = `${base}/export/gemeente/GM0281/instroom.csv?kwartaal=2019-Q4&periode=4`;
      expect((await sessies.vt_management!.fetch(`${base}/?kwartaal=2019-Q4&periode=4`)).status).toBe(200);
      const voor = await downloads();
      const eerste = await (await sessies.vt_management!.fetch(regio)).text();
      const tweede = await (await sessies.vt_management!.fetch(regio)).text();
      expect(tweede).toBe(eerste);
      expect(q4(eerste)).toBe('Q4 2019;–;6;6');
      expect(await downloads()).toBe(voor + 2);
      // the same page of Tiel: unprotected for VT management (4), rounded for the gemeente user (5), in either order
      expect(q4(await (await sessies.vt_management!.fetch(tiel)).text())).toBe('Q4 2019;–;4;4');
      expect(q4(await (await sessies.gemeente!.fetch(tiel)).text())).toBe('Q4 2019;< 3;5;5');
      expect(q4(await (await sessies.vt_management!.fetch(tiel)).text())).toBe('Q4 2019;–;4;4');
      expect(await downloads()).toBe(voor + 5);
      // a new registration: the next download counts it (no model of the old data version is served)
      await importeerRijen(ctx, [melding({ id: 'NIEUW-1', binnenkomst: '2019-12-20', gemeente: 'GM0281' })], { accepteerGeldige: true });
      expect(q4(await (await sessies.vt_management!.fetch(regio)).text())).toBe('Q4 2019;–;7;7');
      expect(q4(await (await sessies.vt_management!.fetch(tiel)).text())).toBe('Q4 2019;–;5;5');
    },
  );
});

describe('a download shows what its page shows, from one cached model per data version, with an audit entry per request', () => {
  const downloadRijen = async () =>
    (await ctx.db('audit_log').where({ actie: 'download' }).orderBy('id').select('wie', 'details')) as { wie: string; details: string }[];

  it('every table of the gemeente page of a gemeente account equals its CSV download, cell for cell, signs included', async () => {
    const html = await (await sessies.gemeente!.fetch(`${base}/gemeente/GM0281?kwartaal=2019-Q4&periode=4`)).text();
    const tabellen = tabellenVanHtml(html);
    expect(tabellen.length).toBeGreaterThanOrEqual(10);
    let cellen = 0;
    for (const t of tabellen) {
      const res = await sessies.gemeente!.fetch(base + t.csv);
      expect(res.status, t.id).toBe(200);
      cellen += csvIsTabel(t, await alsTekst(res));
    }
    // the protection is really there: the gemeente's small counts read as the sign, never as their value
    expect(html).toContain('< 3');
    expect(cellen).toBeGreaterThan(100);
  });

  it('36 downloads at once by three accounts in two formats, on a fresh data version: 36 answers, 36 audit rows, each account its own bytes', async () => {
    // a new data version: the 36 requests meet an empty cache and build the models themselves
    await schrijfMeta(ctx.db, 'data_versie', new Date().toISOString());
    const voor = (await downloadRijen()).length;
    const q = 'kwartaal=2019-Q4&periode=4';
    const soorten = [
      { sessie: sessies.vt_management!, pad: `/export/gemeente/GM0281/instroom.csv?${q}` },
      { sessie: sessies.gemeente!, pad: `/export/gemeente/GM0281/instroom.csv?${q}` },
      { sessie: sessies.gemeente!, pad: `/export/gemeente/GM0281/instroom.xlsx?${q}` },
      { sessie: sessies.bestuur!, pad: `/export/regio/instroom.xlsx?${q}` },
    ];
    const antwoorden = await Promise.all(
      Array.from({ length: 36 }, async (_, i) => {
        const { sessie, pad } = soorten[i % soorten.length]!;
        const res = await sessie.fetch(base + pad);
        return { i: i % soorten.length, status: res.status, inhoud: Buffer.from(await res.arrayBuffer()).toString('base64') };
      }),
    );
    expect(antwoorden.map((a) => a.status)).toEqual(Array.from({ length: 36 }, () => 200));
    // every answer has its audit row, whether its bytes were built or kept
    const nieuw = (await downloadRijen()).slice(voor);
    const tel = (wie: string, formaat: string) =>
      nieuw.filter((r) => r.wie === wie && (JSON.parse(r.details) as { formaat: string }).formaat === formaat).length;
    expect(nieuw.length).toBe(36);
    expect([
      tel(sessies.vt_management!.email, 'csv'),
      tel(sessies.gemeente!.email, 'csv'),
      tel(sessies.gemeente!.email, 'xlsx'),
      tel(sessies.bestuur!.email, 'xlsx'),
    ]).toEqual([9, 9, 9, 9]);
    const perSoort = soorten.map((_, s) => new Set(antwoorden.filter((a) => a.i === s).map((a) => a.inhoud)));
    expect(perSoort.map((s) => s.size)).toEqual([1, 1, 1, 1]);
    const [onbeschermd, beschermd] = [...perSoort[0]!, ...perSoort[1]!].map((b) => Buffer.from(b, 'base64').toString());
    expect(onbeschermd!.split('\r\n')[1]).toBe('Q4 2019;–;5;5');
    expect(beschermd!.split('\r\n')[1]).toBe('Q4 2019;< 3;5;5');
  });

  it('a correction and a policy change reach the next CSV and XLSX download (the kept bytes go with their data version)', async () => {
    const regioCsv = `${base}/export/regio/instroom.csv?kwartaal=2019-Q4&periode=4`;
    const regioXlsx = `${base}/export/regio/instroom.xlsx?kwartaal=2019-Q4&periode=4`;
    const tielCsv = `${base}/export/gemeente/GM0281/instroom.csv?kwartaal=2019-Q4&periode=4`;
    const tielXlsx = `${base}/export/gemeente/GM0281/instroom.xlsx?kwartaal=2019-Q4&periode=4`;
    const q4Csv = async (s: Sessie, url: string) => (await (await s.fetch(url)).text()).split('\r\n').find((r) => r.startsWith('Q4 2019'));
    const q4Xlsx = async (s: Sessie, url: string) => bladRijen((await werkboek(await s.fetch(url))).worksheets[0]!).find((r) => r[0] === 'Q4 2019');
    expect(await q4Csv(sessies.vt_management!, regioCsv)).toBe('Q4 2019;–;7;7');
    expect(await q4Xlsx(sessies.vt_management!, regioXlsx)).toEqual(['Q4 2019', '–', 7, 7]);
    // a correction: NIEUW-1 came in on 30 September, not 20 December (same registration, changed row)
    const s = await importeerRijen(ctx, [melding({ id: 'NIEUW-1', binnenkomst: '2019-09-30', gemeente: 'GM0281' })], { accepteerGeldige: true });
    expect(s.gewijzigd).toBe(1);
    expect(await q4Csv(sessies.vt_management!, regioCsv)).toBe('Q4 2019;–;6;6');
    expect(await q4Xlsx(sessies.vt_management!, regioXlsx)).toEqual(['Q4 2019', '–', 6, 6]);
    // Tiel's 4 meldingen: rounded to 5 under the standard policy, to 0 ('< 5') once the grondtal is 10
    expect(await q4Csv(sessies.gemeente!, tielCsv)).toBe('Q4 2019;< 3;5;5');
    expect(await q4Xlsx(sessies.gemeente!, tielXlsx)).toEqual(['Q4 2019', '< 3', 5, 5]);
    await schrijfBeleid(ctx.db, { ...STANDAARD_BELEID, grondtal: 10 }, 'test');
    try {
      expect(await q4Csv(sessies.gemeente!, tielCsv)).toBe('Q4 2019;< 5;< 5;< 5');
      expect(await q4Xlsx(sessies.gemeente!, tielXlsx)).toEqual(['Q4 2019', '< 5', '< 5', '< 5']);
      // the region's accounts are not protected: their figures do not change with the policy
      expect(await q4Csv(sessies.vt_management!, tielCsv)).toBe('Q4 2019;–;4;4');
    } finally {
      await schrijfBeleid(ctx.db, STANDAARD_BELEID, 'test');
    }
    expect(await q4Csv(sessies.gemeente!, tielCsv)).toBe('Q4 2019;< 3;5;5');
  });
});
