/**
 * The PDF measurements: the kwartaalrapportage and the 15 factsheets in one batch, against the
 * baseline of Chromium printing the same documents as static HTML: the very HTML VT Monitor
 * printed last (its embedded fonts, its SVG charts, its table of contents with page numbers),
 * loaded and printed once with the same header, footer and print options. The difference is what
 * VT Monitor adds: reading the model, rendering the charts and the HTML, measuring the chapters,
 * the first print for the page numbers, the document information.
 */
import { telKwartalenOp, laatsteDag, type Kwartaal } from '../../server/calendar/kwartaal.js';
import type { AppContext } from '../../server/context.js';
import { leesBereik } from '../../server/indicatoren/service.js';
import { PDFDocument } from 'pdf-lib';
import { factsheetModellen, kwartaalrapportageModel, maakRapportdiensten, perioderapportageModel, rapportPdf } from '../../server/rapportage/service.js';
import type { Periode } from '../../server/rapportage/periode.js';
import { PdfDrukker, type Drukopdracht, type DrukStap } from '../../server/rapportage/pdf.js';

/** A print as VT Monitor made it: the HTML of its last pass and its page header. */
interface Afdruk {
  html: string;
  kop: string;
}

/** PdfDrukker that keeps the HTML it printed last and adds up the time of each step. */
class MeetDrukker extends PdfDrukker {
  /** renders the HTML printed last (after the timing: rendering it again is not part of a print) */
  laatste: (() => Afdruk) | null = null;
  stappen = new Map<DrukStap, number>();
  override druk(o: Drukopdracht): Promise<Uint8Array> {
    return super.druk({
      ...o,
      // the HTML as printed: rendered with the page numbers and continuing chapters filled into the loaded page
      onOpmaak: (paginas, vervolg) => {
        this.laatste = () => ({ html: o.html(paginas, vervolg), kop: o.kop });
      },
      onStap: (stap, ms) => this.stappen.set(stap, (this.stappen.get(stap) ?? 0) + ms),
    });
  }
  /** the baseline: the same HTML printed once as a static page (loaded in a new page), same header, footer and options */
  statisch(a: Afdruk): Promise<Uint8Array> {
    return super.druk({ html: () => a.html, kop: a.kop, metInhoud: false, vers: true });
  }
}

/** Where the time of one kind of document goes (ms, summed over its runs or its batch). */
export interface PdfProfiel {
  model: number;
  stappen: Partial<Record<DrukStap, number>>;
  /** the printed HTML, bytes (of which the embedded fonts) */
  htmlBytes: number;
  fontBytes: number;
  svgBytes: number;
}

export interface PdfMeting {
  kwartaal: Kwartaal;
  rapportPaginas: number;
  /** model + PDF, warm browser: median of runs (ms) */
  rapportMs: number;
  rapportRuns: number[];
  factsheetsMs: number;
  factsheets: number;
  /** Chromium printing static HTML of the same page count */
  baselineRapportMs: number;
  baselineFactsheetsMs: number;
  browserStartMs: number;
  profielRapport: PdfProfiel;
  profielFactsheets: PdfProfiel;
  /** with --halfjaar: the half-year report, median of runs */
  halfjaar?: { periode: string; paginas: number; ms: number; runs: number[] };
}

const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function tijd<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const s = performance.now();
  const r = await fn();
  return [r, performance.now() - s];
}

/** Pages of a PDF, read with pdf-lib (the reports are written with compressed object streams). */
export async function paginaAantal(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

const bytesVan = (html: string, patroon: RegExp) => [...html.matchAll(patroon)].reduce((n, m) => n + m[0].length, 0);
function profiel(model: number, d: MeetDrukker, htmls: string[]): PdfProfiel {
  const som = (p: RegExp) => htmls.reduce((n, h) => n + bytesVan(h, p), 0);
  return {
    model,
    stappen: Object.fromEntries(d.stappen),
    htmlBytes: htmls.reduce((n, h) => n + Buffer.byteLength(h), 0),
    fontBytes: som(/@font-face\{[^}]*\}/g),
    svgBytes: som(/<svg[\s\S]*?<\/svg>/g),
  };
}

export async function meetPdf(ctx: AppContext, opties: { kwartaal?: Kwartaal; runs?: number; halfjaar?: Periode } = {}): Promise<PdfMeting> {
  const bereik = await leesBereik(ctx.db);
  if (!bereik) throw new Error('geen gegevens in de database');
  const kwartaal = opties.kwartaal ?? (laatsteDag(bereik.tot) <= ctx.vandaag() ? bereik.tot : telKwartalenOp(bereik.tot, -1));
  const runs = opties.runs ?? 3;
  const drukker = new MeetDrukker();
  const d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 }, drukker });
  try {
    const [, browserStartMs] = await tijd(() => drukker.druk({ html: () => '<p>warm</p>', kop: 'warm', metInhoud: false }));
    const rapportRuns: number[] = [];
    let rapportPaginas = 0;
    let modelMs = 0;
    drukker.stappen.clear();
    for (let i = 0; i < runs; i++) {
      const [pdf, ms] = await tijd(async () => {
        const [model, m] = await tijd(() => kwartaalrapportageModel(d, kwartaal, { voorDruk: true }));
        modelMs += m;
        return rapportPdf(d, model);
      });
      rapportPaginas = await paginaAantal(pdf);
      rapportRuns.push(ms);
    }
    const rapport = drukker.laatste!();
    const profielRapport = profiel(modelMs / runs, drukker, [rapport.html]);
    for (const [k, v] of Object.entries(profielRapport.stappen)) profielRapport.stappen[k as DrukStap] = v / runs;
    let halfjaar: PdfMeting['halfjaar'];
    if (opties.halfjaar) {
      const hj = opties.halfjaar;
      const hjRuns: number[] = [];
      let paginas = 0;
      for (let i = 0; i < runs; i++) {
        const [pdf, ms] = await tijd(async () => rapportPdf(d, await perioderapportageModel(d, hj, { voorDruk: true })));
        paginas = await paginaAantal(pdf);
        hjRuns.push(ms);
      }
      halfjaar = { periode: hj.sleutel, paginas, ms: mediaan(hjRuns), runs: hjRuns };
    }
    drukker.stappen.clear();
    const factsheetAfdrukken: (() => Afdruk)[] = [];
    let factsheetModelMs = 0;
    const [aantal, factsheetsMs] = await tijd(async () => {
      const [modellen, m] = await tijd(() => factsheetModellen(d, kwartaal));
      factsheetModelMs = m;
      for (const { model } of modellen) {
        await rapportPdf(d, model);
        factsheetAfdrukken.push(drukker.laatste!);
      }
      return modellen.length;
    });
    const profielFactsheets = profiel(
      factsheetModelMs,
      drukker,
      factsheetAfdrukken.map((a) => a().html),
    );
    const baselineRuns: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [pdf, ms] = await tijd(() => drukker.statisch(rapport));
      if ((await paginaAantal(pdf)) !== rapportPaginas) throw new Error("de baseline heeft een ander aantal pagina's dan de rapportage");
      baselineRuns.push(ms);
    }
    const statischeFactsheets = factsheetAfdrukken.map((a) => a());
    const [, baselineFactsheetsMs] = await tijd(async () => {
      for (const a of statischeFactsheets) await drukker.statisch(a);
    });
    return {
      kwartaal,
      rapportPaginas,
      rapportMs: mediaan(rapportRuns),
      rapportRuns,
      factsheetsMs,
      factsheets: aantal,
      baselineRapportMs: mediaan(baselineRuns),
      baselineFactsheetsMs,
      browserStartMs,
      profielRapport,
      profielFactsheets,
      halfjaar,
    };
  } finally {
    await drukker.sluit();
  }
}

const STAPNAMEN: Record<DrukStap | 'model', string> = {
  model: 'model (lezen, hoofdstukken, SVG-grafieken)',
  html: 'HTML uit het sjabloon',
  laden: 'Chromium laadt de HTML (setContent)',
  meten: 'hoofdstukken meten',
  proefdruk: 'eerste afdruk, alleen de koppen (voor de paginanummers)',
  bestemmingen: 'paginanummers uit de eerste afdruk (pdf-lib)',
  figuren: 'wachten op de figuren (getekend naast laden, meten en eerste afdruk)',
  afdrukken: 'Chromium drukt af (page.pdf)',
  metadata: 'documentinformatie (pdf-lib)',
};

/** The profile as Markdown list lines: each step's time and share of the total, and the HTML's size. */
export function profielTekst(p: PdfProfiel, totaalMs: number): string {
  const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
  const regel = (naam: string, ms: number) => `- ${naam}: ${nl.format(ms / 1000)} s (${nl.format((100 * ms) / totaalMs)}%)`;
  const mb = (b: number) => `${nl.format(b / 2 ** 20)} MB`;
  return [
    regel(STAPNAMEN.model, p.model),
    ...(Object.entries(p.stappen) as [DrukStap, number][]).map(([k, ms]) => regel(STAPNAMEN[k], ms)),
    `- de afgedrukte HTML: ${mb(p.htmlBytes)}, waarvan lettertypen ${mb(p.fontBytes)} en SVG ${mb(p.svgBytes)}`,
  ].join('\n');
}
