import { readFileSync } from 'node:fs';
import { ParseSpeeds, PDFBool, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
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
 */
export async function vulMetadata(pdf: Uint8Array, m: PdfMetadata): Promise<Uint8Array> {
  // pdf-lib yields to the event loop (a setTimeout) every 100 objects read and 50 written by default:
  // a 26-page report has ~4,700 objects, so ~150 timer waits. Read and write in one go instead.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(m.titel, { showInWindowTitleBar: true });
  doc.setAuthor(m.auteur);
  doc.setSubject(m.onderwerp);
  doc.setKeywords(m.trefwoorden);
  doc.setCreator(`VT Monitor ${vtMonitorVersie()}`);
  doc.setProducer(`VT Monitor ${vtMonitorVersie()} (Chromium, pdf-lib)`);
  doc.setLanguage('nl');
  const nu = new Date();
  doc.setModificationDate(nu);
  // Chromium marks the document tagged (MarkInfo /Marked true); make sure it stays so
  const mark = doc.catalog.lookup(PDFName.of('MarkInfo'));
  if (mark instanceof PDFDict) mark.set(PDFName.of('Marked'), PDFBool.True);
  else doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
}
