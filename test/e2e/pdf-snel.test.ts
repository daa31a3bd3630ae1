/**
 * The fast print (server/rapportage/pdf.ts) prints what the slow one did. A report is loaded
 * once; its continuing chapters and its table of contents' page numbers are filled into the
 * loaded page after a headings-only first print, and factsheets of a batch reuse the page that
 * holds the fonts. Each PDF is compared page by page (the decoded content streams: every glyph,
 * position and chart path) with a new page that loads the HTML as printed, from nothing. The
 * document information is appended as an incremental update: Chromium's bytes stay as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';
import { PdfDrukker, type Drukopdracht, type DrukStap } from '../../server/rapportage/pdf.js';
import { metFiguren, type RapportModel } from '../../server/rapportage/model.js';
import { vulMetadata, type PdfMetadata } from '../../server/rapportage/pdf-metadata.js';
import { paginasVanBestemmingen } from '../../server/rapportage/pdf-bestemmingen.js';
import { leesHalfjaar } from '../../server/rapportage/periode.js';
import {
  factsheetModellen,
  kwartaalrapportageModel,
  maakRapportdiensten,
  perioderapportageModel,
  rapportHtml,
  rapportPdf,
  type Rapportdiensten,
} from '../../server/rapportage/service.js';
import type { TestContext } from '../helpers/context.js';
import { DEMO_RAPPORTEN, demoContext } from '../helpers/demodata.js';
import { openPdf, pdfInfo } from '../helpers/pdf.js';

/** Keeps, for each print, the HTML as printed (rendered with what was filled into the page) and its header, and its steps. */
class Vastlegger extends PdfDrukker {
  afdrukken: { html: string; kop: string; paginas?: Map<string, number>; vervolg?: Set<string> }[] = [];
  stappen: DrukStap[] = [];
  /** told each step as it ends */
  naStap: ((stap: DrukStap) => void) | null = null;
  override druk(o: Drukopdracht): Promise<Uint8Array> {
    this.stappen = [];
    return super.druk({
      ...o,
      onStap: (stap) => {
        this.stappen.push(stap);
        this.naStap?.(stap);
      },
      onOpmaak: (paginas, vervolg) => void this.afdrukken.push({ html: o.html(paginas, vervolg), kop: o.kop, paginas, vervolg }),
    });
  }
}

/** The report's figures as drawn by the model for printing, put in its HTML apart from the print: every SVG of the print model. */
const figuurSvgs = (html: string) => [...html.matchAll(/<div class="figuur__svg"[^>]*>(<svg[\s\S]*?<\/svg>)<\/div>/g)].map((m) => m[1]!);

let ctx: TestContext;
let drukker: Vastlegger;
let d: Rapportdiensten;

beforeAll(async () => {
  ctx = await demoContext('2024-12-31', DEMO_RAPPORTEN);
  drukker = new Vastlegger();
  d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 }, drukker });
}, 120_000);

afterAll(async () => {
  await drukker?.sluit();
  await ctx?.close();
});

/** Every page's content, decoded: what is drawn where, in which font resource. */
async function inhoud(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const decodeer = (o: PDFObject | undefined): string => {
    const s = o && doc.context.lookup(o);
    if (s instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
    if (s instanceof PDFArray) return s.asArray().map(decodeer).join('\n');
    return '';
  };
  return doc.getPages().map((p) => decodeer(p.node.get(PDFName.of('Contents'))));
}

/** The document outline (bookmarks): each entry's title and the page its destination points at, nested. */
async function bladwijzers(pdf: Uint8Array): Promise<unknown> {
  const doc = await openPdf(pdf);
  type Item = { title: string; dest: unknown; items: Item[] };
  const pagina = async (dest: unknown) => {
    const d = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
    return d ? (await doc.getPageIndex(d[0] as never)) + 1 : null;
  };
  const lees = async (items: Item[] | null): Promise<unknown[]> =>
    Promise.all((items ?? []).map(async (i) => [i.title, await pagina(i.dest), await lees(i.items)]));
  const uit = await lees((await doc.getOutline()) as Item[] | null);
  await doc.destroy();
  return uit;
}

/** The same HTML loaded in a new page from nothing and printed once, as before this change. */
const vers = (a: { html: string; kop: string }) => drukker.druk({ html: () => a.html, kop: a.kop, metInhoud: false, vers: true });

describe('one load per report: the same pages as a fresh load of the HTML as printed', () => {
  for (const [naam, model] of [
    ['kwartaalrapportage 2024-Q3', () => kwartaalrapportageModel(d, '2024-Q3', { voorDruk: true })],
    ['halfjaarrapportage 2024-H2', () => perioderapportageModel(d, leesHalfjaar('2024-H2'), { voorDruk: true })],
  ] as const) {
    it(`${naam}, its figures drawn beside the print`, async () => {
      const m = await model();
      const pdf = await rapportPdf(d, m);
      const afdruk = drukker.afdrukken.at(-1)!;
      // the HTML as printed holds every figure's SVG, the one the model draws, and no placeholder
      const figuren = m.hoofdstukken.flatMap((h) => h.blokken).filter((b) => b.soort === 'figuur');
      expect(figuren.length).toBeGreaterThan(10);
      expect(figuurSvgs(afdruk.html)).toEqual([...(await m.figuren!.teken()).values()]);
      expect(afdruk.html).not.toContain('data-vt-figuur');
      // the run filled in something: every chapter's page, and (this report) chapters that continue on a page
      expect([...afdruk.paginas!.keys()].sort()).toEqual([...m.hoofdstukken.map((h) => h.id), 'h-verantwoording'].sort());
      expect(afdruk.vervolg!.size).toBeGreaterThan(0);
      const referentie = await vers(afdruk);
      const [snel, oud] = [await inhoud(pdf), await inhoud(referentie)];
      expect(snel.length).toBe(oud.length);
      for (const [i, pagina] of snel.entries()) expect(pagina, `pagina ${i + 1}`).toBe(oud[i]);
      // the same bookmarks, pointing at the same pages
      const boek = await bladwijzers(pdf);
      expect(JSON.stringify(boek)).toContain(m.hoofdstukken[0]!.titel);
      expect(boek).toEqual(await bladwijzers(referentie));
      // and the page numbers filled in are where the headings are in the final PDF
      expect(await paginasVanBestemmingen(pdf)).toEqual(afdruk.paginas);
      // the placeholders held the figures' boxes: the model with its figures drawn at once prints the same pages
      const direct = await rapportPdf(
        d,
        await (naam.startsWith('kwartaal') ? kwartaalrapportageModel(d, '2024-Q3') : perioderapportageModel(d, leesHalfjaar('2024-H2'))),
      );
      const { paginas, vervolg } = drukker.afdrukken.at(-1)!;
      expect([paginas, vervolg]).toEqual([afdruk.paginas, afdruk.vervolg]);
      expect(await inhoud(direct)).toEqual(snel);
    }, 120_000);
  }
});

describe('the figures drawn beside the print are in the PDF', () => {
  let m: RapportModel;
  beforeAll(async () => {
    m = await perioderapportageModel(d, leesHalfjaar('2024-H2'), { voorDruk: true });
  }, 60_000);

  it('figures that come only after the first print: awaited, put in the page, printed as a fresh load of the full HTML', async () => {
    const werk = m.figuren!;
    const svgs = await werk.teken();
    // drawn as late as they can be: after the first print and its page numbers
    werk.teken = () => new Promise((klaar) => (drukker.naStap = (stap) => stap === 'bestemmingen' && klaar(svgs)));
    const pdf = await rapportPdf(d, m);
    drukker.naStap = null;
    expect(drukker.stappen).toEqual(['html', 'laden', 'meten', 'proefdruk', 'bestemmingen', 'figuren', 'afdrukken', 'metadata']);
    const afdruk = drukker.afdrukken.at(-1)!;
    // the reference is rendered apart from the print: the model with its SVGs, the page numbers and continuing chapters as printed
    const volledig = rapportHtml(d, metFiguren(m, svgs), afdruk.paginas, afdruk.vervolg);
    expect(figuurSvgs(volledig)).toHaveLength(svgs.size);
    const [snel, oud] = [await inhoud(pdf), await inhoud(await vers({ html: volledig, kop: afdruk.kop }))];
    expect(snel.length).toBe(oud.length);
    for (const [i, pagina] of snel.entries()) expect(pagina, `pagina ${i + 1}`).toBe(oud[i]);
  }, 120_000);

  it('a figure that fails to draw fails the print, and its page is not kept', async () => {
    const werk = m.figuren!;
    werk.teken = () => Promise.reject(new Error('ECharts kapot'));
    const voor = drukker.afdrukken.length;
    await expect(rapportPdf(d, m)).rejects.toThrow('ECharts kapot');
    expect(drukker.afdrukken.length).toBe(voor);
    expect(drukker.stappen).not.toContain('afdrukken');
    // the next document with the same head loads a page of its own: the failed one was closed, not kept
    const nieuw = drukker.nieuwePaginas;
    await drukker.druk({ html: () => drukker.afdrukken.at(-1)!.html, kop: 'x', metInhoud: false });
    expect(drukker.nieuwePaginas - nieuw).toBe(1);
  }, 60_000);

  it('a model for printing is refused by everything but the print (no placeholder reaches a page)', () => {
    expect(() => rapportHtml(d, m)).toThrow('Een rapport voor de afdruk heeft zijn figuren nog niet');
  });
});

describe('a batch of factsheets loads the fonts once', () => {
  it('every factsheet of the batch takes the kept page, and prints as a fresh load of its HTML does', async () => {
    const modellen = (await factsheetModellen(d, '2024-Q3')).slice(0, 4);
    // a report first: its page (same head, another body with other attributes) is the one the first factsheet takes
    await rapportPdf(d, await perioderapportageModel(d, leesHalfjaar('2024-H2')));
    const voor = drukker.nieuwePaginas;
    const pdfs: Uint8Array[] = [];
    for (const { model } of modellen) pdfs.push(await rapportPdf(d, model));
    expect(drukker.nieuwePaginas - voor).toBe(0);
    const afdrukken = drukker.afdrukken.slice(-modellen.length);
    for (const [i, pdf] of pdfs.entries()) {
      const [snel, oud] = [await inhoud(pdf), await inhoud(await vers(afdrukken[i]!))];
      expect(snel.length, modellen[i]!.code).toBe(2);
      for (const [p, pagina] of snel.entries()) expect(pagina, `${modellen[i]!.code} pagina ${p + 1}`).toBe(oud[p]);
      // nothing of the previous factsheet is left in the page: its name is not on this one
      if (i > 0) expect(snel.join('')).not.toBe((await inhoud(pdfs[i - 1]!)).join(''));
    }
  }, 180_000);
});

describe('document information as an incremental update', () => {
  const m: PdfMetadata = {
    titel: 'Kwartaalrapportage — Q3 2024 (concept)',
    auteur: 'Veilig Thuis Gelderland-Zuid',
    onderwerp: 'Één onderwerp',
    trefwoorden: ['a', 'b c'],
  };
  const nu = new Date('2024-12-31T12:00:00Z');
  const info = async (pdf: Uint8Array) => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const dict = doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict;
    const catalogus = ['Lang', 'ViewerPreferences', 'MarkInfo'].map((k) => String(doc.catalog.lookup(PDFName.of(k))));
    return { info: Object.fromEntries([...dict.entries()].map(([k, v]) => [k.asString(), String(v)])), catalogus, paginas: doc.getPageCount() };
  };

  it("leaves Chromium's bytes as they are and says what pdf-lib's full rewrite says", async () => {
    const chromium = await drukker.druk({ html: () => drukker.afdrukken[0]!.html, kop: 'x', metInhoud: false, vers: true });
    const snel = await vulMetadata(chromium, m, nu);
    expect(Buffer.from(snel.subarray(0, chromium.length)).equals(Buffer.from(chromium))).toBe(true);
    // the slow way on the same input: a PDF re-written by pdf-lib with object streams takes it (no classic cross-reference table)
    const gecomprimeerd = await (await PDFDocument.load(chromium, { updateMetadata: false })).save({ useObjectStreams: true });
    const langzaam = await vulMetadata(gecomprimeerd, m, nu);
    expect(Buffer.from(langzaam).toString('latin1')).not.toContain('/Prev');
    const [a, b] = [await info(snel), await info(langzaam)];
    expect(a).toEqual(b);
    expect(a.info).toMatchObject({ '/Title': expect.stringMatching(/^<FEFF/), '/ModDate': '(D:20241231120000Z)' });
    const pdfjs = await pdfInfo(snel);
    expect(pdfjs.tagged).toBe(true);
    expect(pdfjs.info).toMatchObject({ Title: m.titel, Author: m.auteur, Subject: m.onderwerp, Keywords: 'a b c', Language: 'nl' });
  }, 60_000);
});
