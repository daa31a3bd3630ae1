/**
 * Reading PDFs back in the tests with pdfjs-dist (Mozilla's PDF reader) instead of poppler's
 * command-line tools, so `npm test` needs nothing but Node: the text of every page, laid out in
 * lines and columns like `pdftotext -layout`; the document's tagging and page size; pages as PNG
 * (through pdfjs's own Node canvas, @napi-rs/canvas).
 */
import { writeFileSync } from 'node:fs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | undefined;
// the legacy build is the one meant for Node (no DOM, no worker file to find)
const laad = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>);

export async function openPdf(pdf: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await laad();
  // pdfjs transfers the buffer it is given: give it a copy, the caller may still need its own
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
}

interface Stuk {
  tekst: string;
  x: number;
  y: number;
  breedte: number;
  grootte: number;
}

/**
 * One page's text as lines (top to bottom) of pieces (left to right). Pieces on one baseline
 * (within a third of the font size) form a line. With `layout`, a gap of about a character
 * becomes one space and a wider gap (a table column) two or more, as `pdftotext -layout` does;
 * without it, every gap becomes at most one space.
 */
function regels(stukken: Stuk[], layout: boolean): string[] {
  const gesorteerd = [...stukken].sort((a, b) => b.y - a.y || a.x - b.x);
  const lijnen: Stuk[][] = [];
  for (const s of gesorteerd) {
    const lijn = lijnen.at(-1);
    if (lijn && Math.abs(lijn[0]!.y - s.y) <= Math.max(lijn[0]!.grootte, s.grootte) / 3) lijn.push(s);
    else lijnen.push([s]);
  }
  return lijnen.map((lijn) => {
    lijn.sort((a, b) => a.x - b.x);
    let uit = '';
    let einde: number | null = null;
    for (const s of lijn) {
      if (einde !== null) {
        const gat = s.x - einde;
        if (gat > s.grootte * 0.8) uit += layout ? ' '.repeat(Math.max(2, Math.round(gat / (s.grootte * 0.5)))) : ' ';
        else if (gat > s.grootte * 0.15) uit += ' ';
      }
      uit += s.tekst;
      einde = s.x + s.breedte;
    }
    return uit;
  });
}

/** The text of every page, like `pdftotext [-layout]`: lines separated by `\n`. */
export async function pdfPaginas(pdf: Uint8Array, layout = true): Promise<string[]> {
  const doc = await openPdf(pdf);
  try {
    const paginas: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const inhoud = await (await doc.getPage(p)).getTextContent();
      const stukken: Stuk[] = [];
      for (const item of inhoud.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        stukken.push({ tekst: item.str, x: x!, y: y!, breedte: item.width, grootte: Math.hypot(a!, b!) || item.height || 10 });
      }
      paginas.push(regels(stukken, layout).join('\n'));
    }
    return paginas;
  } finally {
    await doc.destroy();
  }
}

export interface PdfInfo {
  pagina: number;
  tagged: boolean;
  /** width × height of the first page in points */
  formaat: [number, number];
  info: Record<string, unknown>;
}

/** What `pdfinfo` tells: page count, whether the PDF is tagged (MarkInfo/Marked), page size, the Info dictionary. */
export async function pdfInfo(pdf: Uint8Array): Promise<PdfInfo> {
  const doc = await openPdf(pdf);
  try {
    const [mark, meta, eerste] = await Promise.all([doc.getMarkInfo(), doc.getMetadata(), doc.getPage(1)]);
    const [x0, y0, x1, y1] = eerste.view as number[];
    return { pagina: doc.numPages, tagged: mark?.Marked === true, formaat: [x1! - x0!, y1! - y0!], info: (meta.info ?? {}) as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

/** Renders pages `van`…`tot` (1-based, inclusive) to PNG files `${prefix}-N.png` at `dpi`; returns their paths. */
export async function pdfNaarPng(pdf: Uint8Array, prefix: string, opties: { dpi?: number; van?: number; tot?: number } = {}): Promise<string[]> {
  const doc = await openPdf(pdf);
  try {
    const schaal = (opties.dpi ?? 60) / 72;
    const paden: string[] = [];
    const tot = Math.min(opties.tot ?? doc.numPages, doc.numPages);
    for (let p = opties.van ?? 1; p <= tot; p++) {
      const pagina = await doc.getPage(p);
      const viewport = pagina.getViewport({ scale: schaal });
      // pdfjs's Node canvas factory (on @napi-rs/canvas), typed as a plain object
      const fabriek = doc.canvasFactory as {
        create(w: number, h: number): { canvas: { toBuffer(type: 'image/png'): Buffer }; context: CanvasRenderingContext2D };
      };
      const { canvas, context } = fabriek.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, viewport.width, viewport.height);
      await pagina.render({ canvasContext: context, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
      const pad = `${prefix}-${String(p).padStart(2, '0')}.png`;
      writeFileSync(pad, canvas.toBuffer('image/png'));
      paden.push(pad);
    }
    return paden;
  } finally {
    await doc.destroy();
  }
}
