import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api.js';
import { NAAST_TUSSENRUIMTE_MM, type RapportFiguur, type RapportModel } from '../../server/rapportage/model.js';
import { halfjaar, jaar } from '../../server/rapportage/periode.js';
import {
  factsheetModellen,
  kwartaalrapportageModel,
  maakRapportdiensten,
  perioderapportageModel,
  rapportPdf,
  type Rapportdiensten,
} from '../../server/rapportage/service.js';
import { heeftTeken } from '../../server/rapportage/lettertype.js';
import { PAGINABREEDTE_PX } from '../../server/rapportage/svg.js';
import type { TestContext } from '../helpers/context.js';
import { DEMO_RAPPORTEN, demoContext } from '../helpers/demodata.js';
import { openPdf } from '../helpers/pdf.js';

/**
 * The printed layout of every chart in every report: each text item's box read back from the PDF
 * (pdfjs), per figure. Fails when two boxes of one figure overlap (a label on a bar, legend items
 * running into each other), when a box leaves its figure (a clipped axis label) or when any text
 * leaves the page's side margins. Quarterly, half-year and annual report and the factsheet of
 * every gemeente, on the demo data (every gemeente name, every besluit label).
 */
const MM = 72 / 25.4;
const MARGE = 18 * MM;
/** how far boxes may touch before they count as overlapping or outside (pt): rounding of glyph advances */
const SPELING = 0.5;
/**
 * font sizes of a figure's caption (the body's) and its definition line (`reports/rapport.css`);
 * Chromium prints them a few thousandths smaller (whole-pixel sizes)
 */
const BIJSCHRIFT_PT = 10;
const DEFINITIE_PT = 8;

interface Doos {
  tekst: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** the four corners of the (possibly rotated) box */
  hoeken: (readonly [number, number])[];
  /** baseline direction and its normal */
  assen: [number, number][];
  /** baseline origin */
  x: number;
  y: number;
  grootte: number;
}

interface Pagina {
  breedte: number;
  hoogte: number;
  dozen: Doos[];
}

/**
 * Every non-blank text item as a box in page coordinates (y up): the advance along the baseline,
 * the font's ascent and descent across it (rotated text included).
 */
async function leesDozen(pdf: Uint8Array): Promise<Pagina[]> {
  const doc = await openPdf(pdf);
  try {
    const paginas: Pagina[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const pagina = await doc.getPage(p);
      const [, , breedte, hoogte] = pagina.view as [number, number, number, number];
      const inhoud = await pagina.getTextContent();
      const dozen: Doos[] = [];
      for (const item of inhoud.items as TextItem[]) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const stijl = inhoud.styles[item.fontName] as TextStyle | undefined;
        const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number];
        const grootte = Math.hypot(a, b);
        const u = [a / grootte, b / grootte];
        // (text with a stroke comes twice, once with a degenerate matrix: its box is the fill's)
        const v = Math.hypot(c, d) > 0 ? [c / Math.hypot(c, d), d / Math.hypot(c, d)] : [-u[1]!, u[0]!];
        const op = (Number.isFinite(stijl?.ascent) ? stijl!.ascent : 0.8) * grootte;
        const neer = Math.abs(Number.isFinite(stijl?.descent) ? stijl!.descent : -0.2) * grootte;
        // trailing spaces take no room on paper
        const breed = item.str.trimEnd().length === item.str.length ? item.width : item.width * (item.str.trimEnd().length / item.str.length);
        const hoeken = [
          [0, -neer],
          [breed, -neer],
          [0, op],
          [breed, op],
        ].map(([s, t]) => [x + u[0]! * s! + v[0]! * t!, y + u[1]! * s! + v[1]! * t!] as const);
        if (dozen.some((o) => o.tekst === item.str && Math.abs(o.x - x) < SPELING && Math.abs(o.y - y) < SPELING)) continue;
        dozen.push({
          tekst: item.str,
          x,
          y,
          grootte,
          hoeken,
          assen: [
            [u[0]!, u[1]!],
            [v[0]!, v[1]!],
          ],
          x0: Math.min(...hoeken.map((h) => h[0])),
          x1: Math.max(...hoeken.map((h) => h[0])),
          y0: Math.min(...hoeken.map((h) => h[1])),
          y1: Math.max(...hoeken.map((h) => h[1])),
        });
      }
      paginas.push({ breedte, hoogte, dozen });
    }
    return paginas;
  } finally {
    await doc.destroy();
  }
}

/** Two (rotated) boxes overlap by more than SPELING: no axis of either box separates them (separating axis theorem). */
function overlap(a: Doos, b: Doos): boolean {
  for (const [ax, ay] of [...a.assen, ...b.assen]) {
    const projectie = (d: Doos) => d.hoeken.map(([x, y]) => x * ax + y * ay);
    const pa = projectie(a);
    const pb = projectie(b);
    if (Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)) <= SPELING) return false;
  }
  return true;
}
const toon = (d: Doos) => `"${d.tekst}" [${d.x0.toFixed(1)}–${d.x1.toFixed(1)} × ${d.y0.toFixed(1)}–${d.y1.toFixed(1)}]`;

/**
 * The violations in one printed report. A figure's chart is found from its caption ("Figuur N.")
 * and its definition line under it (set in 8 pt, `.definitie`: a legend item that begins like the
 * definition, "Eerste melding", is chart text, not the definition): the SVG spans the content
 * width and ends 1 mm above the definition's line box (`.definitie { margin-top: 1mm }`,
 * line-height 1.4), and is as high as its own height attribute scaled to that width.
 * All of that holds at scale 1 only: anything wider than the margins makes Chromium shrink the
 * whole document to fit, so a caption not in its 10 pt is a violation of its own.
 */
function controleer(naam: string, model: RapportModel, paginas: Pagina[]): { fouten: string[]; figuren: number; teksten: number } {
  const fouten: string[] = [];
  let teksten = 0;
  for (const [i, p] of paginas.entries()) {
    for (const d of p.dozen) {
      if (d.x0 < MARGE - SPELING || d.x1 > p.breedte - MARGE + SPELING || d.y0 < 0 || d.y1 > p.hoogte) {
        fouten.push(`${naam} p. ${i + 1}: buiten de marges: ${toon(d)}`);
      }
    }
  }
  const figuren = model.hoofdstukken.flatMap((h) => h.blokken).filter((b): b is RapportFiguur => b.soort === 'figuur');
  for (const f of figuren) {
    const paginaNr = paginas.findIndex((p) => p.dozen.some((d) => d.tekst.startsWith(`Figuur ${f.nummer}.`)));
    if (paginaNr < 0) {
      fouten.push(`${naam}: figuur ${f.nummer} niet gevonden`);
      continue;
    }
    const p = paginas[paginaNr]!;
    const kop = p.dozen.find((d) => d.tekst.startsWith(`Figuur ${f.nummer}.`))!;
    if (Math.abs(kop.grootte - BIJSCHRIFT_PT) > 0.05) {
      fouten.push(
        `${naam} figuur ${f.nummer} (p. ${paginaNr + 1}): bijschrift in ${kop.grootte.toFixed(2)} ` +
          `pt, niet ${BIJSCHRIFT_PT}: verkleind afgedrukt, iets is breder dan de marges`,
      );
    }
    // a half-width figure (a factsheet) spans its column, which begins at its caption; the other column's text is not its own
    const breedte = f.half ? (p.breedte - 2 * MARGE - NAAST_TUSSENRUIMTE_MM * MM) / 2 : p.breedte - 2 * MARGE;
    const kolom = { x0: f.half ? kop.x0 : MARGE, x1: (f.half ? kop.x0 : MARGE) + breedte };
    // a text belongs to the column on its side of the gap's middle: one that leaks into the gap is checked, not skipped
    const midden = p.breedte / 2;
    const links = kolom.x0 < midden;
    const inKolom = (d: Doos) => !f.half || (d.x0 + d.x1) / 2 < midden === links;
    const begin = f.definitie.slice(0, 12);
    const definitie = p.dozen
      .filter((d) => d.y < kop.y && inKolom(d) && d.tekst.startsWith(begin) && Math.abs(d.grootte - (DEFINITIE_PT * kop.grootte) / BIJSCHRIFT_PT) < 0.05)
      .sort((a, b) => b.y - a.y)[0];
    if (!definitie) {
      fouten.push(`${naam}: definitie onder figuur ${f.nummer} niet op dezelfde pagina`);
      continue;
    }
    const [, w, h] = /<svg[^>]*?width="(\d+(?:\.\d+)?)"[^>]*?height="(\d+(?:\.\d+)?)"/.exec(f.svg) ?? [];
    const schaal = breedte / Number(w ?? PAGINABREEDTE_PX);
    const onder = definitie.y + (definitie.y1 - definitie.y) + ((1.4 - 1.117) / 2) * definitie.grootte + 1 * MM;
    const svg = { ...kolom, y0: onder, y1: onder + Number(h) * schaal };
    const binnen = p.dozen.filter((d) => d !== kop && d !== definitie && inKolom(d) && d.y > svg.y0 - 2 && d.y < svg.y1 + 2);
    teksten += binnen.length;
    for (const d of binnen) {
      if (d.x0 < svg.x0 - SPELING || d.x1 > svg.x1 + SPELING || d.y0 < svg.y0 - SPELING || d.y1 > svg.y1 + SPELING) {
        fouten.push(`${naam} figuur ${f.nummer} (p. ${paginaNr + 1}): buiten de figuur [${svg.y0.toFixed(1)}–${svg.y1.toFixed(1)}]: ${toon(d)}`);
      }
    }
    for (let a = 0; a < binnen.length; a++) {
      for (let b = a + 1; b < binnen.length; b++) {
        if (overlap(binnen[a]!, binnen[b]!))
          fouten.push(`${naam} figuur ${f.nummer} (p. ${paginaNr + 1}): overlap ${toon(binnen[a]!)} met ${toon(binnen[b]!)}`);
      }
    }
  }
  return { fouten, figuren: figuren.length, teksten };
}

/** All text of the document, as pdfjs reads it. */
async function tekstVan(pdf: Uint8Array): Promise<string> {
  const doc = await openPdf(pdf);
  try {
    let tekst = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const inhoud = await (await doc.getPage(p)).getTextContent();
      for (const item of inhoud.items as TextItem[]) if ('str' in item) tekst += item.str;
    }
    return tekst;
  } finally {
    await doc.destroy();
  }
}

/** The BaseFont of every font on every page (a subset prefix "ABCDEF+" removed). */
async function lettertypen(pdf: Uint8Array): Promise<Set<string>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const namen = new Set<string>();
  for (const pagina of doc.getPages()) {
    const fonts = pagina.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) {
      namen.add(String(doc.context.lookup(ref, PDFDict).get(PDFName.of('BaseFont'))).replace(/^\/([A-Z]{6}\+)?/, ''));
    }
  }
  return namen;
}

let ctx: TestContext;
let diensten: Rapportdiensten;

beforeAll(async () => {
  // imported on 31 December 2024 (the shared demo database), printed on 20 January 2025
  ctx = await demoContext('2025-01-20', DEMO_RAPPORTEN);
  diensten = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
}, 180_000);

afterAll(async () => {
  await diensten?.drukker.sluit();
  await ctx?.close();
});

/** Prints a report; its violations, including every font that is not the shipped Arimo. */
async function drukEnControleer(naam: string, model: RapportModel) {
  const pdf = await rapportPdf(diensten, model);
  const r = controleer(naam, model, await leesDozen(pdf));
  for (const font of await lettertypen(pdf)) if (!/^Arimo/.test(font)) r.fouten.push(`${naam}: lettertype ${font} is niet het meegeleverde Arimo`);
  // the printer has no other font to fall back on: a character Arimo lacks would print as an empty box
  const ontbrekend = new Set([...(await tekstVan(pdf))].filter((t) => t.trim() !== '' && !heeftTeken(t)));
  if (ontbrekend.size > 0)
    r.fouten.push(`${naam}: tekens zonder glyph in Arimo: ${[...ontbrekend].map((t) => `U+${t.codePointAt(0)!.toString(16)}`).join(', ')}`);
  return r;
}

describe('printed chart text: no overlap, nothing outside its figure or the margins', () => {
  it.each([
    ['kwartaalrapportage 2024-Q4', () => kwartaalrapportageModel(diensten, '2024-Q4')],
    ['halfjaarrapportage 2024-H2', () => perioderapportageModel(diensten, halfjaar(2024, 2))],
    ['jaarrapportage 2024', () => perioderapportageModel(diensten, jaar(2024))],
  ])(
    '%s',
    async (naam, maak) => {
      const { fouten, figuren, teksten } = await drukEnControleer(naam, await maak());
      expect(fouten.length, fouten.join('\n')).toBe(0);
      expect(figuren).toBeGreaterThanOrEqual(8);
      expect(teksten).toBeGreaterThan(figuren * 8);
    },
    120_000,
  );

  it('the factsheet of every gemeente', async () => {
    const modellen = await factsheetModellen(diensten, '2024-Q4');
    expect(modellen.length).toBe(ctx.regio.gemeenten.length);
    const fouten: string[] = [];
    let figuren = 0;
    for (const { code, model } of modellen) {
      const r = await drukEnControleer(`factsheet ${code}`, model);
      fouten.push(...r.fouten);
      figuren += r.figuren;
    }
    expect(fouten.length, fouten.join('\n')).toBe(0);
    // four each: the comparison, the region map (both half-width, beside their tables), the trend and the overdrachten
    expect(figuren).toBe(4 * modellen.length);
  }, 240_000);
});

/**
 * Per chapter: the page of its heading (15 pt, `h2`) and the page of its first figure or table
 * caption. A duiding stands between them, so one page for both means neither the heading nor the
 * duiding is left alone at the foot of a page.
 */
async function losseKoppen(model: RapportModel, pdf: Uint8Array): Promise<{ fouten: string[]; gezien: number }> {
  const paginas = await leesDozen(pdf);
  const paginaVan = (past: (d: Doos) => boolean) => paginas.findIndex((p) => p.dozen.some(past));
  const fouten: string[] = [];
  let gezien = 0;
  for (const h of model.hoofdstukken) {
    const eerste = h.blokken[0];
    if (!eerste) continue;
    const kop = paginaVan((d) => d.tekst.trim() === h.titel && Math.abs(d.grootte - 15) < 0.1);
    const blok = paginaVan((d) => d.tekst.startsWith(`${eerste.soort === 'figuur' ? 'Figuur' : 'Tabel'} ${eerste.nummer}.`));
    if (kop < 0 || blok < 0) fouten.push(`${h.titel}: kop (p. ${kop + 1}) of ${eerste.soort} ${eerste.nummer} (p. ${blok + 1}) niet gevonden`);
    else if (kop !== blok)
      fouten.push(`${h.titel}: kop${h.duiding ? ' en duiding' : ''} op p. ${kop + 1}, ${eerste.soort} ${eerste.nummer} pas op p. ${blok + 1}`);
    else gezien += 1;
  }
  return { fouten, gezien };
}

/** A duiding of `alineas` paragraphs of about 60 words: long enough to push a chapter's first block to the next page. */
const langeDuiding = (alineas: number) => ({
  alineas: Array.from(
    { length: alineas },
    (_, i) =>
      `Alinea ${i + 1}: de instroom bleef dit kwartaal op het niveau van het jaar ervoor, met meer ` +
      `meldingen van de politie en minder adviezen van particulieren. Het team veiligheidsbeoordeling ` +
      `werkte met twee vacatures; de termijn van vijf werkdagen werd daardoor minder vaak gehaald ` +
      `dan de norm vraagt. In het volgende kwartaal start een nieuwe medewerker en verwachten wij ` +
      `dat het aandeel binnen de termijn weer stijgt.`,
  ),
  door: 'VT-management',
  datum: '15 januari 2025',
});

describe('a heading or duiding never stands alone at the foot of a page', () => {
  it('quarterly report with a duiding of 1 to 5 paragraphs in every chapter: each heading on the page of its first figure or table', async () => {
    const model = await kwartaalrapportageModel(diensten, '2024-Q4');
    const metDuiding = { ...model, hoofdstukken: model.hoofdstukken.map((h, i) => ({ ...h, duiding: langeDuiding(1 + (i % 5)) })) };
    const { fouten, gezien } = await losseKoppen(metDuiding, await rapportPdf(diensten, metDuiding));
    expect(fouten, fouten.join('\n')).toEqual([]);
    expect(gezien).toBe(metDuiding.hoofdstukken.filter((h) => h.blokken.length > 0).length);
    expect(gezien).toBeGreaterThanOrEqual(10);
  }, 180_000);
});
