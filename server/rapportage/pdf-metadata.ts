import { readFileSync } from 'node:fs';
import { ParseSpeeds, PDFBool, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectParser, PDFRef, PDFString } from 'pdf-lib';
import { projectPath } from '../config/paths.js';

export interface PdfMetadata {
  titel: string;
  auteur: string;
  onderwerp: string;
  trefwoorden: string[];
}

let versie: string | undefined;
/** VT Monitor's version, from package.json. */
export function vtMonitorVersie(): string {
  versie ??= (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
  return versie;
}

/**
 * Sets the document information after Chromium printed (it writes its user agent as Creator and
 * no Author): Title (shown in the viewer's title bar), Author (the organisation of the region
 * file), Subject, Keywords, Creator `VT Monitor <version>`, language nl; keeps it tagged.
 *
 * Written as an incremental update (ISO 32000-1, 7.5.6): the changed document information
 * dictionary and catalog are appended to Chromium's PDF with a cross-reference section of their
 * own, so the document is not read and written whole (pdf-lib took 1,4 s for the 27-page report,
 * this a few milliseconds). Only the trailer, the catalog and the information dictionary are
 * parsed. A PDF that is not laid out as Chromium writes it (a cross-reference stream, an object
 * not in the last section) takes the slow way: pdf-lib reads and writes it whole.
 */
export async function vulMetadata(pdf: Uint8Array, m: PdfMetadata, nu = new Date()): Promise<Uint8Array> {
  return (await incrementeel(pdf, m, nu)) ?? volledig(pdf, m, nu);
}

/** The entries, as pdf-lib's setters write them (text as UTF-16 hex strings). */
function zetInfo(info: PDFDict, m: PdfMetadata, nu: Date): void {
  const tekst = (k: string, v: string) => info.set(PDFName.of(k), PDFHexString.fromText(v));
  tekst('Title', m.titel);
  tekst('Author', m.auteur);
  tekst('Subject', m.onderwerp);
  tekst('Keywords', m.trefwoorden.join(' '));
  tekst('Creator', `VT Monitor ${vtMonitorVersie()}`);
  tekst('Producer', `VT Monitor ${vtMonitorVersie()} (Chromium, pdf-lib)`);
  info.set(PDFName.of('ModDate'), PDFString.fromDate(nu));
}

/** Language nl, the title in the viewer's title bar, marked tagged (Chromium marks it; make sure it stays so); false: not as Chromium writes it. */
function zetCatalogus(catalogus: PDFDict, context: PDFContext): boolean {
  catalogus.set(PDFName.of('Lang'), PDFString.of('nl'));
  const voorkeuren = catalogus.get(PDFName.of('ViewerPreferences'));
  if (voorkeuren instanceof PDFRef) return false; // an indirect dictionary: not what Chromium writes
  if (voorkeuren instanceof PDFDict) voorkeuren.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  else catalogus.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
  const mark = catalogus.get(PDFName.of('MarkInfo'));
  if (mark instanceof PDFRef) return false;
  if (mark instanceof PDFDict) mark.set(PDFName.of('Marked'), PDFBool.True);
  else catalogus.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  return true;
}

const latin1 = (bytes: Uint8Array, van: number, tot: number) => Buffer.from(bytes.buffer, bytes.byteOffset + van, Math.max(0, tot - van)).toString('latin1');

/** The last cross-reference section: its offset, the objects' offsets and generations, and the trailer. */
function leesLaatsteXref(pdf: Uint8Array, context: PDFContext): { start: number; objecten: Map<number, [number, number]>; trailer: PDFDict } | null {
  const staart = latin1(pdf, Math.max(0, pdf.length - 1024), pdf.length);
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(staart);
  if (!sx) return null;
  const start = Number(sx[1]);
  if (latin1(pdf, start, start + 4) !== 'xref') return null; // a cross-reference stream
  const objecten = new Map<number, [number, number]>();
  let pos = start + 4;
  const kop = /^\s*(\d+)\s+(\d+)[ \t]*\r?\n/;
  for (;;) {
    const stuk = latin1(pdf, pos, pos + 64);
    if (/^\s*trailer/.test(stuk)) {
      pos += stuk.indexOf('trailer') + 'trailer'.length;
      break;
    }
    const k = kop.exec(stuk);
    if (!k) return null;
    pos += k[0].length;
    const eerste = Number(k[1]);
    const aantal = Number(k[2]);
    const regels = latin1(pdf, pos, pos + 20 * aantal);
    for (let i = 0; i < aantal; i++) {
      const r = /^(\d{10}) (\d{5}) ([nf])/.exec(regels.slice(20 * i, 20 * i + 20));
      if (!r) return null;
      if (r[3] === 'n') objecten.set(eerste + i, [Number(r[1]), Number(r[2])]);
    }
    pos += 20 * aantal;
  }
  const trailer = PDFObjectParser.forBytes(pdf.subarray(pos), context).parseObject();
  return trailer instanceof PDFDict ? { start, objecten, trailer } : null;
}

/** The object `nummer` at its offset, or null when it is not what the cross-reference says. */
function leesObject(pdf: Uint8Array, context: PDFContext, nummer: number, [offset, generatie]: [number, number]): PDFDict | null {
  const kop = new RegExp(`^${nummer}\\s+${generatie}\\s+obj\\s*`).exec(latin1(pdf, offset, offset + 32));
  if (!kop) return null;
  const object = PDFObjectParser.forBytes(pdf.subarray(offset + kop[0].length), context).parseObject();
  return object instanceof PDFDict ? object : null;
}

async function incrementeel(pdf: Uint8Array, m: PdfMetadata, nu: Date): Promise<Uint8Array | null> {
  const context = PDFContext.create();
  let xref: ReturnType<typeof leesLaatsteXref>;
  try {
    xref = leesLaatsteXref(pdf, context);
  } catch {
    return null;
  }
  if (!xref || xref.trailer.has(PDFName.of('XRefStm'))) return null;
  const { trailer, objecten } = xref;
  const rootRef = trailer.get(PDFName.of('Root'));
  const infoRef = trailer.get(PDFName.of('Info'));
  const grootte = trailer.get(PDFName.of('Size'));
  if (!(rootRef instanceof PDFRef) || !(grootte instanceof PDFNumber)) return null;
  const rootPlek = objecten.get(rootRef.objectNumber);
  const infoPlek = infoRef instanceof PDFRef ? objecten.get(infoRef.objectNumber) : undefined;
  if (!rootPlek || (infoRef !== undefined && !(infoRef instanceof PDFRef && infoPlek))) return null;
  let catalogus: PDFDict | null;
  let info: PDFDict | null;
  try {
    catalogus = leesObject(pdf, context, rootRef.objectNumber, rootPlek);
    info = infoRef instanceof PDFRef && infoPlek ? leesObject(pdf, context, infoRef.objectNumber, infoPlek) : context.obj({});
  } catch {
    return null;
  }
  if (!catalogus || !info) return null;
  zetInfo(info, m, nu);
  if (!zetCatalogus(catalogus, context)) return null;
  let size = grootte.asNumber();
  const infoNummer: [number, number] = infoRef instanceof PDFRef ? [infoRef.objectNumber, infoRef.generationNumber] : [size++, 0];
  const nieuw: [number, number, PDFDict][] = [
    [...infoNummer, info],
    [rootRef.objectNumber, rootRef.generationNumber, catalogus],
  ];
  nieuw.sort((a, b) => a[0] - b[0]);
  let tekst = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const plekken: number[] = [];
  for (const [nummer, generatie, dict] of nieuw) {
    plekken.push(pdf.length + tekst.length);
    tekst += `${nummer} ${generatie} obj\n${dict.toString()}\nendobj\n`;
  }
  const xrefStart = pdf.length + tekst.length;
  tekst += 'xref\n';
  for (const [i, [nummer, generatie]] of nieuw.entries()) {
    tekst += `${nummer} 1\n${String(plekken[i]).padStart(10, '0')} ${String(generatie).padStart(5, '0')} n\r\n`;
  }
  trailer.set(PDFName.of('Size'), PDFNumber.of(size));
  trailer.set(PDFName.of('Info'), PDFRef.of(...infoNummer));
  trailer.set(PDFName.of('Prev'), PDFNumber.of(xref.start));
  tekst += `trailer\n${trailer.toString()}\nstartxref\n${xrefStart}\n%%EOF\n`;
  const uit = new Uint8Array(pdf.length + tekst.length);
  uit.set(pdf);
  uit.set(Buffer.from(tekst, 'latin1'), pdf.length);
  return uit;
}

/** The slow way: pdf-lib reads the whole document and writes it again. */
async function volledig(pdf: Uint8Array, m: PdfMetadata, nu: Date): Promise<Uint8Array> {
  // pdf-lib yields to the event loop (a setTimeout) every 100 objects read and 50 written by default:
  // a 26-page report has ~4,700 objects, so ~150 timer waits. Read and write in one go instead.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(m.titel, { showInWindowTitleBar: true });
  doc.setAuthor(m.auteur);
  doc.setSubject(m.onderwerp);
  doc.setKeywords(m.trefwoorden);
  doc.setCreator(`VT Monitor ${vtMonitorVersie()}`);
  doc.setProducer(`VT Monitor ${vtMonitorVersie()} (Chromium, pdf-lib)`);
  doc.setModificationDate(nu);
  doc.setLanguage('nl');
  const mark = doc.catalog.lookup(PDFName.of('MarkInfo'));
  if (mark instanceof PDFDict) mark.set(PDFName.of('Marked'), PDFBool.True);
  else doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
}
