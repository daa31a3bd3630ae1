import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../../server/browser/chromium.js';
import { indicatorenVoorKwartaal } from '../../server/indicatoren/service.js';
import { STANDAARD_BELEID } from '../../server/privacy/onderdrukking.js';
import { beschermJson } from '../../server/privacy/service.js';
import type { RapportFiguur, RapportModel } from '../../server/rapportage/model.js';
import {
  factsheetModellen,
  kwartaalrapportageModel,
  maakRapportdiensten,
  rapportHtml,
  rapportPdf,
  type Rapportdiensten,
} from '../../server/rapportage/service.js';
import type { TestContext } from '../helpers/context.js';
import { DEMO_RAPPORTEN, demoContext } from '../helpers/demodata.js';
import { pdfInfo, pdfNaarPng, pdfPaginas as paginas } from '../helpers/pdf.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';

const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');
const KWARTAAL = '2024-Q3';
const nl = new Intl.NumberFormat('nl-NL');
const pct = (v: number) => `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)}%`;

let ctx: TestContext;
let diensten: Rapportdiensten;
let server: Server;
let base: string;
let sessie: Sessie;

const normaal = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ctx = await demoContext('2024-12-31', DEMO_RAPPORTEN);
  diensten = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
  ({ server, base } = await startServer(ctx));
  sessie = await sessieAls(ctx, 'vt_management');
}, 120_000);

afterAll(async () => {
  await diensten?.drukker.sluit();
  server?.close();
  await ctx?.close();
});

describe('kwartaalrapportage (PDF)', () => {
  let model: RapportModel;
  let tekst: string[];
  let pdf: Uint8Array;

  beforeAll(async () => {
    model = await kwartaalrapportageModel(diensten, KWARTAAL);
    pdf = await rapportPdf(diensten, model);
    tekst = await paginas(pdf);
  }, 120_000);

  it('is a tagged A4 PDF with a document outline', async () => {
    const info = await pdfInfo(pdf);
    expect(info.tagged).toBe(true);
    expect(info.formaat.map(Math.floor)).toEqual([595, 841]);
    expect(tekst.length).toBeGreaterThanOrEqual(10);
    // the chapters of the beleidsmonitoring and the reporting cycle (issues 15, 16) made it longer than the first 16 pages
    expect(tekst.length).toBeLessThanOrEqual(32);
    expect(tekst[0]).toContain(`Pagina 1 van ${tekst.length}`);
  });

  it('the table of contents gives the page on which each chapter starts', () => {
    const inhoud = tekst.findIndex((p) => /^\s*Inhoud\s*$/m.test(p));
    expect(inhoud).toBeGreaterThanOrEqual(0);
    const titels = [...model.hoofdstukken.map((h) => h.titel), 'Verantwoording'];
    for (const titel of titels) {
      const regel = new RegExp(`^\\s*${titel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)\\s*$`, 'm').exec(tekst[inhoud]!);
      expect(regel, titel).not.toBeNull();
      const pagina = Number(regel![1]);
      // the heading is on that page: its first line after the running header, unless the chapter
      // continues on the page of the one before (which was under half full), and on no page before
      const regels = tekst[pagina - 1]!.split('\n')
        .map((r) => r.trim())
        .filter(Boolean);
      const vervolg = regels[1] !== titel;
      expect(regels.slice(vervolg ? 2 : 1), `${titel} op pagina ${pagina}`).toContain(titel);
      for (const eerder of tekst.slice(2, pagina - 1)) expect(eerder.split('\n').map((r) => r.trim())).not.toContain(titel);
    }
  });

  it('every number in the samenvatting equals the indicator JSON', async () => {
    const { regio: r } = await indicatorenVoorKwartaal(ctx.db, ctx.regio, KWARTAAL);
    const samenvatting = normaal(tekst.find((p) => /^\s*Samenvatting\s*$/m.test(p))!);
    const m = /kwamen ([\d.]+) meldingen en ([\d.]+) adviezen binnen/.exec(samenvatting)!;
    expect([m[1], m[2]]).toEqual([nl.format(r.meldingen as number), nl.format(r.adviezen as number)]);
    const groei = r.groei as Record<string, number>;
    const richting = (v: number) => (v > 0 ? 'steeg' : 'daalde');
    expect(samenvatting).toContain(`${richting(groei.meldingen_yoy!)} het aantal meldingen met ${pct(Math.abs(groei.meldingen_yoy!))}`);
    expect(samenvatting).toContain(`${richting(groei.adviezen_qoq!)} het aantal adviezen met ${pct(Math.abs(groei.adviezen_qoq!))}`);
    expect(samenvatting).toContain(
      `Van de ${nl.format(r.meldingen_vb as number)} afgeronde veiligheidsbeoordelingen waren er ` +
        `${nl.format(r.vb_binnen_termijn as number)} binnen 5 werkdagen klaar: ${pct(r.vb_binnen_termijn_pct as number)}.`,
    );
    expect(samenvatting).toContain(
      `Van de ${nl.format(r.onderzoeken_afgerond as number)} afgeronde onderzoeken ` +
        `waren er ${nl.format(r.onderzoeken_binnen_termijn as number)} binnen 10 weken klaar`,
    );
    expect(samenvatting).toContain(
      `${nl.format(r.overdracht_na_vb as number)} meldingen overgedragen, ` +
        `${nl.format((r.vb_besluit as Record<string, number>).overdracht_lokaal_team!)} aan het lokaal team`,
    );
    expect(samenvatting).toContain(`wachtten ${nl.format(r.open_vb as number)} meldingen op een veiligheidsbeoordeling`);
  });

  it('the bijlage per gemeente (parts a–e) equals the indicator JSON, row by row', async () => {
    const data = await indicatorenVoorKwartaal(ctx.db, ctx.regio, KWARTAAL);
    const alles = tekst.join('\n');
    const rij = (naam: string) =>
      alles
        .split('\n')
        .filter((r) => new RegExp(`^\\s*${naam}\\s{2,}[\\d.]`).test(r))
        .map((r) => r.trim().slice(naam.length).trim().split(/\s+/));
    const gebieden = [...ctx.regio.gemeenten.map((g) => ({ naam: g.naam, w: data.gemeenten[g.code]! })), { naam: 'Regio totaal', w: data.regio }];
    for (const { naam, w } of gebieden) {
      const [abc, de] = rij(naam);
      const n = (k: string) => nl.format(w[k] as number);
      expect(abc, naam).toEqual([
        n('adviezen'),
        n('meldingen'),
        n('meldingen_vb'),
        n('vb_binnen_termijn'),
        n('overdracht_na_vb'),
        n('overdracht_na_vervolgkeuze'),
      ]);
      expect(de, naam).toEqual([
        n('onderzoeken_afgerond'),
        n('onderzoeken_binnen_termijn'),
        n('onderzoeken_met_monitoring'),
        n('vv_afgerond'),
        n('vv_binnen_termijn'),
        n('vv_met_monitoring'),
      ]);
    }
  });

  it('no figure is cut at a page edge: caption, chart and definition share a page; pages saved as PNG', async () => {
    const figuren = model.hoofdstukken.flatMap((h) => h.blokken).filter((b): b is RapportFiguur => b.soort === 'figuur');
    expect(figuren.length).toBeGreaterThanOrEqual(10);
    const plat = (await paginas(pdf, false)).map(normaal);
    for (const f of figuren) {
      const pagina = plat.findIndex((p) => p.includes(`Figuur ${f.nummer}. `));
      expect(pagina, `Figuur ${f.nummer}`).toBeGreaterThanOrEqual(0);
      expect(plat[pagina], `definitie van figuur ${f.nummer} op dezelfde pagina`).toContain(normaal(f.definitie).slice(0, 50));
    }
    const pngs = await pdfNaarPng(pdf, join(ARTIFACTS, 'rapport'), { tot: 5 });
    expect(pngs).toHaveLength(5);
  });

  it('the region map: its caption, its Dutch description and its table (gemeente, value) in the PDF', () => {
    const plat = tekst.map(normaal);
    const titel = 'Meldingen per 1.000 inwoners per gemeente — Q3 2024';
    const pagina = plat.findIndex((p) => /Figuur \d+\. Meldingen per 1\.000 inwoners per gemeente — Q3 2024/.test(p));
    expect(pagina, 'the map figure').toBeGreaterThanOrEqual(0);
    // the description and the note name the CBS population year the rates divide by (issue 28)
    expect(plat[pagina]).toContain('Kaart van de regio Gelderland-Zuid met 15 gemeenten; de kleur geeft meldingen per 1.000 inwoners (CBS, 1 januari 2024).');
    expect(plat[pagina]).toContain('Inwoners: CBS, 1 januari 2024 (StatLine 85755NED).');
    const figuur = model.hoofdstukken.flatMap((h) => h.blokken).find((b): b is RapportFiguur => b.soort === 'figuur' && b.titel === titel)!;
    // drawn on the region's boundaries: one path per gemeente at least
    expect(figuur.svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(15);
    const tabel = plat.findIndex((p) => new RegExp(`Tabel \\d+\\. ${titel.replace(/[.]/g, '\\.')}`).test(p));
    expect(tabel, 'the map table').toBeGreaterThanOrEqual(0);
    for (const g of ctx.regio.gemeenten) expect(plat.slice(tabel, tabel + 2).join(' ')).toContain(g.naam);
  });

  it('every id in the printed HTML is unique (a chapter may show a table a chart also has)', () => {
    const ids = [...rapportHtml(diensten, model).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('states the data date and the version of the definitions', () => {
    expect(tekst[0]).toMatch(/registraties tot en met de import van \d{1,2} \w+ \d{4}/);
    expect(tekst[0]).toMatch(/Indicatoren versie \d{4}\.\d/);
  });
});

describe('a quarter without data', () => {
  it('renders a correct one-page report saying so', async () => {
    const pdf = await rapportPdf(diensten, await kwartaalrapportageModel(diensten, '2015-Q2'));
    const tekst = await paginas(pdf);
    expect(tekst).toHaveLength(1);
    expect(normaal(tekst[0]!)).toContain('Over het tweede kwartaal van 2015 zijn geen registraties beschikbaar.');
    expect(tekst[0]).not.toContain('Inhoud');
  });
});

describe('factsheets', () => {
  it('one batch of 15 factsheets, two pages each, numbers as in the JSON', async () => {
    // factsheets are public: their figures are the protected JSON a gemeente user gets
    const data = await beschermJson(ctx.db, ctx.regio, await indicatorenVoorKwartaal(ctx.db, ctx.regio, KWARTAAL), STANDAARD_BELEID);
    const modellen = await factsheetModellen(diensten, KWARTAAL);
    const telling = (v: unknown, mv: string) => (typeof v === 'number' ? `${nl.format(v)} ${mv}` : `een niet getoond aantal ${mv}`);
    expect(modellen).toHaveLength(ctx.regio.gemeenten.length);
    for (const { code, model } of modellen) {
      const pdf = await rapportPdf(diensten, model);
      const tekst = await paginas(pdf);
      const g = data.gemeenten[code]!;
      // the map did not push it to a third page (issue 28): exactly two, for the longest name too
      expect(tekst.length, code).toBe(2);
      const alles = normaal(tekst.join(' '));
      expect(alles).toContain(`kwamen uit ${g.naam} ${telling(g.meldingen, 'meldingen')} en ${telling(g.adviezen, 'adviezen')}`);
      const per1000 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const p = (g.per_1000_inwoners as Record<string, unknown>).meldingen;
      // the sentence names the CBS year it divides by (2024 for a quarter of 2024: the shipped file has it)
      expect(alles).toContain(
        typeof p === 'number' ? `Per 1.000 inwoners (CBS, 1 januari 2024) waren dat ${per1000.format(p)} meldingen` : 'per 1.000 inwoners wordt niet getoond',
      );
      expect(alles).toContain('Kleine aantallen Alle aantallen zijn afgerond op veelvouden van 5');
      // the region map on page 1: every gemeente from the protected JSON, this one with the thick border and named in its legend
      const kaart = model.hoofdstukken.flatMap((h) => h.blokken).find((b): b is RapportFiguur => b.id === 'figuur-kaart-meldingen-per-1000');
      expect(kaart?.half, code).toBe(true);
      const index = ctx.regio.gemeenten.findIndex((x) => x.code === code);
      const dik = [...kaart!.svg.matchAll(/stroke-width="3"(?: ecmeta_series_index="0" ecmeta_data_index="(\d+)")?/g)].map((m) => m[1] ?? 'legenda');
      expect(new Set(dik), code).toEqual(new Set([String(index), 'legenda']));
      expect(kaart!.svg).toMatch(new RegExp(`stroke-width="3"[^>]*></path>\\s*<text[^>]*>${g.naam}</text>`));
      // printed on page 1: its description names the highlighted gemeente, its table every gemeente's published figure
      const blad1 = normaal(tekst[0]!);
      expect(blad1).toContain(`Figuur ${kaart!.nummer}. Meldingen per 1.000 inwoners per`);
      expect(blad1).toContain(`${g.naam} heeft een dikke rand.`);
      const kaartTabel = model.hoofdstukken.flatMap((h) => h.blokken).find((b) => b.id === 'tabel-kaart-meldingen-per-1000')!;
      const tabel = blad1.slice(blad1.indexOf(`Tabel ${kaartTabel.nummer}. De cijfers van figuur ${kaart!.nummer}`));
      expect(tabel.length, code).toBeLessThan(blad1.length);
      for (const x of ctx.regio.gemeenten) {
        const v = (data.gemeenten[x.code]!.per_1000_inwoners as Record<string, unknown>).meldingen;
        expect(tabel, `${code}: ${x.naam}`).toMatch(new RegExp(`${x.naam} ${typeof v === 'number' ? per1000.format(v) : '\\. beschermd'}( |$)`));
      }
      if (code === 'GM0281') {
        await pdfNaarPng(pdf, join(ARTIFACTS, 'factsheet-tiel'));
      }
    }
  }, 120_000);
});

describe('web: duiding, preview and downloads', () => {
  it('a duiding saved on /rapportages/:kwartaal shows in the preview and in the PDF, with who and when', async () => {
    const form = new URLSearchParams({
      _csrf: sessie.csrf,
      sectie: 'veiligheidsbeoordeling',
      tekst: 'De daling komt door een tijdelijk personeelstekort.\n\nIn oktober is dat opgelost.',
    });
    const post = await sessie.fetch(`${base}/rapportages/${KWARTAAL}/duiding`, { method: 'POST', body: form, redirect: 'manual' });
    expect(post.status).toBe(303);
    const pagina = await (await sessie.fetch(`${base}/rapportages/${KWARTAAL}`)).text();
    expect(pagina).toContain('tijdelijk personeelstekort');
    expect(pagina).toMatch(/Laatst bewerkt door .+ op \d{1,2} \w+ \d{4}/);
    // the preview is a site page that frames the printed document
    expect(await (await sessie.fetch(`${base}/rapportages/${KWARTAAL}/voorbeeld`)).text()).toContain(`/rapportages/${KWARTAAL}/voorbeeld/document`);
    const voorbeeld = await (await sessie.fetch(`${base}/rapportages/${KWARTAAL}/voorbeeld/document`)).text();
    expect(voorbeeld).toContain('<p>In oktober is dat opgelost.</p>');
    const res = await sessie.fetch(`${base}/rapportages/${KWARTAAL}/rapport.pdf`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`kwartaalrapportage-${KWARTAAL}.pdf`);
    const tekst = normaal((await paginas(new Uint8Array(await res.arrayBuffer()))).join(' '));
    expect(tekst).toContain('Duiding De daling komt door een tijdelijk personeelstekort.');
    // removing: an empty text deletes the duiding
    await sessie.fetch(`${base}/rapportages/${KWARTAAL}/duiding`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: sessie.csrf, sectie: 'veiligheidsbeoordeling', tekst: '' }),
      redirect: 'manual',
    });
    const zonder = await (await sessie.fetch(`${base}/rapportages/${KWARTAAL}/voorbeeld/document`)).text();
    expect(zonder).toContain('Kwartaalrapportage');
    expect(zonder).not.toContain('personeelstekort');
  }, 60_000);

  it('rejects an unknown section, a bad quarter and a gemeente outside the region', async () => {
    const fout = await sessie.fetch(`${base}/rapportages/${KWARTAAL}/duiding`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: sessie.csrf, sectie: 'x', tekst: 'a' }),
    });
    expect(fout.status).toBe(400);
    expect(await fout.text()).toContain('Onbekende sectie');
    expect((await sessie.fetch(`${base}/rapportages/2024-Q5/voorbeeld`)).status).toBe(400);
    expect((await sessie.fetch(`${base}/rapportages/${KWARTAAL}/gemeente/GM0363/factsheet.pdf`)).status).toBe(400);
    const lijst = await (await sessie.fetch(`${base}/rapportages`)).text();
    expect(lijst).toContain(`/rapportages/${KWARTAAL}/rapport.pdf`);
  });
});

describe('browser resolution', () => {
  it('falls back to the Chromium of @sparticuz/chromium when no system browser exists', async (t) => {
    try {
      await import('@sparticuz/chromium' as string);
    } catch {
      t.skip();
    }
    const browser = await startChromium({}, []);
    try {
      const page = await browser.newPage();
      await page.setContent('<p>Veilig Thuis</p>');
      const pdf = await page.pdf({ format: 'A4' });
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
