import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { ongeldigeInvoer } from '../shared/fouten.js';

/**
 * Limits of an XLSX upload, checked from the zip's central directory before anything is
 * inflated, so that a small "zip bomb" cannot take the server's memory:
 * - all parts together at most 1 GiB uncompressed (an export at the XLSX row limit of 1,048,576
 *   rows × 27 columns is about 0.9 GiB of sheet XML);
 * - the shared strings (kept in memory while the sheet is read) at most 100 MiB uncompressed;
 * - no part of more than 1 MiB compressed more than 100 : 1 (sheet XML of real exports: 5–20 : 1).
 */
export const ZIP_GRENZEN = {
  totaalOngecomprimeerd: 1024 * 1024 * 1024,
  sharedStrings: 100 * 1024 * 1024,
  verhouding: 100,
  verhoudingVanaf: 1024 * 1024,
  maxDelen: 10_000,
} as const;

interface ZipDeel {
  naam: string;
  methode: number;
  crc: number;
  gecomprimeerd: number;
  ongecomprimeerd: number;
  /** offset of the local file header */
  offset: number;
}

const fout = (naam: string, melding: string) => ongeldigeInvoer(`${naam}: ${melding}`, { bestand: naam, regel: 0 });
const BESCHADIGD = 'is geen geldig Excel-bestand (xlsx): het zip-archief is beschadigd of afgebroken';

/** The entries of a zip file, from its central directory (no data is read or inflated). */
export async function zipInhoud(pad: string, naam: string): Promise<ZipDeel[]> {
  const handle = await open(pad, 'r');
  try {
    const { size } = await handle.stat();
    const staart = Math.min(size, 22 + 0xffff);
    const eind = Buffer.alloc(staart);
    await handle.read(eind, 0, staart, size - staart);
    let eocd = -1;
    for (let i = staart - 22; i >= 0; i--) {
      if (eind.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw fout(naam, BESCHADIGD);
    const aantal = eind.readUInt16LE(eocd + 10);
    const cdGrootte = eind.readUInt32LE(eocd + 12);
    const cdStart = eind.readUInt32LE(eocd + 16);
    if (aantal === 0xffff || cdStart === 0xffffffff || cdGrootte === 0xffffffff) {
      throw fout(naam, 'is een Excel-bestand van meer dan 4 GB (zip64); dat is te groot om te importeren');
    }
    if (aantal > ZIP_GRENZEN.maxDelen || cdStart + cdGrootte > size || cdGrootte > 64 * 1024 * 1024) throw fout(naam, BESCHADIGD);
    const cd = Buffer.alloc(cdGrootte);
    await handle.read(cd, 0, cdGrootte, cdStart);
    const delen: ZipDeel[] = [];
    let p = 0;
    for (let i = 0; i < aantal; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw fout(naam, BESCHADIGD);
      const methode = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      const gecomprimeerd = cd.readUInt32LE(p + 20);
      const ongecomprimeerd = cd.readUInt32LE(p + 24);
      const offset = cd.readUInt32LE(p + 42);
      const naamLengte = cd.readUInt16LE(p + 28);
      const extra = cd.readUInt16LE(p + 30);
      const commentaar = cd.readUInt16LE(p + 32);
      if (gecomprimeerd === 0xffffffff || ongecomprimeerd === 0xffffffff) {
        throw fout(naam, 'is een Excel-bestand met een onderdeel van meer dan 4 GB (zip64); dat is te groot om te importeren');
      }
      delen.push({ naam: cd.toString('utf8', p + 46, p + 46 + naamLengte), methode, crc, gecomprimeerd, ongecomprimeerd, offset });
      p += 46 + naamLengte + extra + commentaar;
    }
    return delen;
  } finally {
    await handle.close();
  }
}

const mb = (bytes: number) => `${new Intl.NumberFormat('nl-NL').format(Math.round(bytes / 1024 / 1024))} MB`;

/**
 * Inflates one part as a stream (nothing kept) and checks it against the central directory: a
 * part that inflates to more than it declares (a bomb that lies) is stopped at the declared
 * size, and a damaged part (CRC, size, deflate error) is found here — exceljs's reader can wait
 * forever on some damaged archives instead of failing.
 */
async function controleerDeel(pad: string, naam: string, handle: Awaited<ReturnType<typeof open>>, d: ZipDeel): Promise<void> {
  const kop = Buffer.alloc(30);
  await handle.read(kop, 0, 30, d.offset);
  if (kop.readUInt32LE(0) !== 0x04034b50) throw fout(naam, BESCHADIGD);
  const start = d.offset + 30 + kop.readUInt16LE(26) + kop.readUInt16LE(28);
  if (d.methode !== 0 && d.methode !== 8) throw fout(naam, `is geen gewoon Excel-bestand: onderdeel ${d.naam} is op een onbekende manier gecomprimeerd`);
  if (d.gecomprimeerd === 0) {
    if (d.ongecomprimeerd !== 0) throw fout(naam, BESCHADIGD);
    return;
  }
  const bron = createReadStream(pad, { start, end: start + d.gecomprimeerd - 1 });
  let crc = 0;
  let grootte = 0;
  const telling = (stuk: Buffer) => {
    grootte += stuk.length;
    if (grootte > d.ongecomprimeerd) throw fout(naam, `is geen normaal Excel-bestand: onderdeel ${d.naam} pakt verder uit dan het archief opgeeft (een zip-bom?)`);
    crc = crc32(stuk, crc);
  };
  try {
    if (d.methode === 0) {
      for await (const stuk of bron) telling(stuk as Buffer);
    } else {
      const inflate = createInflateRaw();
      bron.on('error', (e) => inflate.destroy(e));
      bron.pipe(inflate);
      for await (const stuk of inflate) telling(stuk as Buffer);
    }
  } catch (error) {
    if (error instanceof Error && 'melding' in error) throw error;
    throw fout(naam, BESCHADIGD);
  } finally {
    bron.destroy();
  }
  if (grootte !== d.ongecomprimeerd || crc !== d.crc) throw fout(naam, BESCHADIGD);
}

/**
 * Refuses an XLSX that is no workbook, whose inflated size would exceed `ZIP_GRENZEN` (from the
 * central directory, before anything is inflated), or whose parts do not inflate to exactly
 * what the directory says (checked streaming, part by part, nothing kept in memory).
 */
export async function controleerZip(pad: string, naam: string): Promise<void> {
  const delen = await zipInhoud(pad, naam);
  if (!delen.some((d) => d.naam === 'xl/workbook.xml')) throw fout(naam, 'is een zip-archief maar geen Excel-werkmap (xlsx)');
  let totaal = 0;
  for (const d of delen) {
    totaal += d.ongecomprimeerd;
    if (d.naam === 'xl/sharedStrings.xml' && d.ongecomprimeerd > ZIP_GRENZEN.sharedStrings) {
      throw fout(naam, `de tekstwaarden van dit Excel-bestand zijn uitgepakt ${mb(d.ongecomprimeerd)}, meer dan de grens van ${mb(ZIP_GRENZEN.sharedStrings)}; exporteer als CSV`);
    }
    if (d.ongecomprimeerd > ZIP_GRENZEN.verhoudingVanaf && d.ongecomprimeerd > ZIP_GRENZEN.verhouding * Math.max(d.gecomprimeerd, 1)) {
      throw fout(naam, `is geen normaal Excel-bestand: onderdeel ${d.naam} pakt uit tot ${mb(d.ongecomprimeerd)}, meer dan ${ZIP_GRENZEN.verhouding} keer zijn gecomprimeerde grootte (een zip-bom?)`);
    }
  }
  if (totaal > ZIP_GRENZEN.totaalOngecomprimeerd) {
    throw fout(naam, `is uitgepakt ${mb(totaal)}, meer dan de grens van ${mb(ZIP_GRENZEN.totaalOngecomprimeerd)}; splits de export of lever hem als CSV`);
  }
  const handle = await open(pad, 'r');
  try {
    for (const d of delen) await controleerDeel(pad, naam, handle, d);
  } finally {
    await handle.close();
  }
}
