/**
 * The PDF measurements: the kwartaalrapportage and the 15 factsheets in one batch, against the
 * baseline of Chromium printing a static HTML file of the same page count (same browser, same
 * print options), so the difference is what VT Monitor adds (reading, SVG charts, layout, TOC pass).
 */
import { telKwartalenOp, laatsteDag, type Kwartaal } from '../../server/calendar/kwartaal.js';
import type { AppContext } from '../../server/context.js';
import { leesBereik } from '../../server/indicatoren/service.js';
import { PDFDocument } from 'pdf-lib';
import { factsheetModellen, kwartaalrapportageModel, maakRapportdiensten, perioderapportageModel, rapportPdf } from '../../server/rapportage/service.js';
import type { Periode } from '../../server/rapportage/periode.js';
import { PdfDrukker } from '../../server/rapportage/pdf.js';

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

/** Static HTML with `paginas` A4 pages of text and a table each: the baseline document. */
export function statischeHtml(paginas: number): string {
  const pagina = (i: number) =>
    `<section style="break-after: page"><h2>Pagina ${i}</h2>${'<p>Veilig Thuis ontvangt adviezen en meldingen over huiselijk geweld en kindermishandeling.</p>'.repeat(8)}<table>${'<tr><td>Nijmegen</td><td>1.527</td><td>29,4%</td></tr>'.repeat(20)}</table></section>`;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Baseline</title></head><body>${Array.from({ length: paginas }, (_, i) => pagina(i + 1)).join('')}</body></html>`;
}

export async function meetPdf(ctx: AppContext, opties: { kwartaal?: Kwartaal; runs?: number; halfjaar?: Periode } = {}): Promise<PdfMeting> {
  const bereik = await leesBereik(ctx.db);
  if (!bereik) throw new Error('geen gegevens in de database');
  const kwartaal = opties.kwartaal ?? (laatsteDag(bereik.tot) <= ctx.vandaag() ? bereik.tot : telKwartalenOp(bereik.tot, -1));
  const runs = opties.runs ?? 3;
  const drukker = new PdfDrukker();
  const d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 }, drukker });
  try {
    const [, browserStartMs] = await tijd(() => drukker.druk({ html: () => '<p>warm</p>', kop: 'warm', metInhoud: false }));
    const rapportRuns: number[] = [];
    let rapportPaginas = 0;
    for (let i = 0; i < runs; i++) {
      const [pdf, ms] = await tijd(async () => rapportPdf(d, await kwartaalrapportageModel(d, kwartaal)));
      rapportPaginas = await paginaAantal(pdf);
      rapportRuns.push(ms);
    }
    let halfjaar: PdfMeting['halfjaar'];
    if (opties.halfjaar) {
      const hj = opties.halfjaar;
      const hjRuns: number[] = [];
      let paginas = 0;
      for (let i = 0; i < runs; i++) {
        const [pdf, ms] = await tijd(async () => rapportPdf(d, await perioderapportageModel(d, hj)));
        paginas = await paginaAantal(pdf);
        hjRuns.push(ms);
      }
      halfjaar = { periode: hj.sleutel, paginas, ms: mediaan(hjRuns), runs: hjRuns };
    }
    const [aantal, factsheetsMs] = await tijd(async () => {
      const modellen = await factsheetModellen(d, kwartaal);
      for (const { model } of modellen) await rapportPdf(d, model);
      return modellen.length;
    });
    const baseline = async (paginas: number) => drukker.druk({ html: () => statischeHtml(paginas), kop: 'Baseline', metInhoud: false });
    const baselineRuns: number[] = [];
    for (let i = 0; i < runs; i++) baselineRuns.push((await tijd(() => baseline(rapportPaginas)))[1]);
    const [, baselineFactsheetsMs] = await tijd(async () => {
      for (let i = 0; i < aantal; i++) await baseline(2);
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
      halfjaar,
    };
  } finally {
    await drukker.sluit();
  }
}
