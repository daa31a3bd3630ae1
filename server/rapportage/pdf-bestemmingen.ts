/**
 * Page numbers of named destinations in a printed PDF, read with pdf-lib (a real PDF parser:
 * compressed object streams, cross-reference streams and a `/Names /Dests` name tree all work,
 * whatever Chromium's Skia writes). Each link target (an element id) maps to `[pageRef /XYZ …]`;
 * the page tree gives the order of the pages. Used to put page numbers in the table of contents
 * after a first print; Chromium cannot compute them itself (no CSS target-counter).
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

function naamVan(sleutel: PDFObject): string | null {
  if (sleutel instanceof PDFName) return sleutel.decodeText();
  if (sleutel instanceof PDFString || sleutel instanceof PDFHexString) return sleutel.decodeText();
  return null;
}

function paginaRef(doc: PDFDocument, waarde: PDFObject | undefined): PDFRef | null {
  let w = waarde instanceof PDFRef ? doc.context.lookup(waarde) : waarde;
  if (w instanceof PDFDict) w = w.lookup(PDFName.of('D'));
  if (w instanceof PDFArray && w.size() > 0) {
    const eerste = w.get(0);
    return eerste instanceof PDFRef ? eerste : null;
  }
  return null;
}

/** Walks a name tree (`/Names [k v …]`, `/Kids`). */
function naamboom(doc: PDFDocument, knoop: PDFDict, uit: (naam: string, waarde: PDFObject) => void, diepte = 0): void {
  if (diepte > 32) return;
  const namen = knoop.lookup(PDFName.of('Names'));
  if (namen instanceof PDFArray) {
    for (let i = 0; i + 1 < namen.size(); i += 2) {
      const naam = naamVan(namen.lookup(i)!);
      if (naam !== null) uit(naam, namen.get(i + 1));
    }
  }
  const kinderen = knoop.lookup(PDFName.of('Kids'));
  if (kinderen instanceof PDFArray) {
    for (let i = 0; i < kinderen.size(); i++) {
      const kind = kinderen.lookup(i);
      if (kind instanceof PDFDict) naamboom(doc, kind, uit, diepte + 1);
    }
  }
}

export async function paginasVanBestemmingen(pdfBytes: Uint8Array): Promise<Map<string, number>> {
  // in one go: by default pdf-lib waits for a timer every 100 objects (see pdf-metadata.ts)
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const index = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const uit = new Map<string, number>();
  const zet = (naam: string, waarde: PDFObject | undefined) => {
    const ref = paginaRef(doc, waarde);
    const pagina = ref ? index.get(ref.toString()) : undefined;
    if (pagina !== undefined) uit.set(naam, pagina);
  };
  // PDF 1.1 style: /Dests dictionary in the catalog (what Skia writes)
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) for (const [k, v] of dests.entries()) zet(k.decodeText(), v);
  // PDF 1.2+: /Names /Dests name tree
  const namen = doc.catalog.lookup(PDFName.of('Names'));
  const boom = namen instanceof PDFDict ? namen.lookup(PDFName.of('Dests')) : undefined;
  if (boom instanceof PDFDict) naamboom(doc, boom, zet);
  return uit;
}
