import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppFout, ongeldigeInvoer } from '../shared/fouten.js';

/**
 * Limits of an XLSX upload, checked from the zip's central directory before anything is
 * inflated, so that a small "zip bomb" cannot take the server's memory or disk:
 * - at most 10.000 parts (a workbook has a dozen);
 * - all parts together at most 1 GiB uncompressed (an export at the XLSX row limit of 1,048,576
 *   rows × 27 columns is about 0.9 GiB of sheet XML);
 * - the shared strings (kept in memory while the sheet is read) at most 100 MiB uncompressed;
 * - the other parts that are read whole (workbook, relations, styles) at most 16 MiB each;
 * - no part of more than 1 MiB compressed more than 100 : 1 (sheet XML of real exports: 5–20 : 1).
 */
export const ZIP_GRENZEN = {
  totaalOngecomprimeerd: 1024 * 1024 * 1024,
  sharedStrings: 100 * 1024 * 1024,
  heelGelezen: 16 * 1024 * 1024,
  verhouding: 100,
  verhoudingVanaf: 1024 * 1024,
  maxDelen: 10_000,
} as const;

const fout = (naam: string, melding: string) => ongeldigeInvoer(`${naam}: ${melding}`, { bestand: naam, regel: 0 });
export const BESCHADIGD = 'is geen geldig Excel-bestand (xlsx): het zip-archief is beschadigd of afgebroken';

const getal = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
const mb = (bytes: number) => `${getal(Math.round(bytes / 1024 / 1024))} MB`;

/**
 * An XLSX archive as its central directory describes it, and nothing else: a part that is not in
 * the directory (a local header smuggled in before the others) is never seen, let alone
 * inflated. Nothing is written to disk; `sluit` closes the file (call it in every outcome).
 */
export interface Werkmapzip {
  delen: ReadonlyMap<string, Entry>;
  /**
   * The inflated bytes of a part, streamed: stopped with a Dutch error as soon as it inflates to
   * more than the directory declares (yauzl), and checked against its CRC-32 at the end.
   * `gelezen` is called with the inflated bytes so far.
   */
  lees(deel: string, gelezen?: (bytes: number) => void): AsyncGenerator<Buffer>;
  /** A part read whole (small parts only: their size is limited by `ZIP_GRENZEN.heelGelezen`). */
  leesHeel(deel: string): Promise<Buffer>;
  sluit(): void;
}

function openYauzl(pad: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(pad, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

function leesDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const delen: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      delen.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(delen));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** The Dutch refusal for whatever a part of the archive says about itself, before any data is read. */
function controleerDelen(naam: string, delen: Entry[]): Map<string, Entry> {
  const perNaam = new Map<string, Entry>();
  let totaal = 0;
  for (const d of delen) {
    // one name, one part: two parts of the same name could be read differently by Excel and by us
    if (perNaam.has(d.fileName)) throw fout(naam, `is geen normaal Excel-bestand: onderdeel ${d.fileName} staat twee keer in het archief`);
    perNaam.set(d.fileName, d);
    if (d.isEncrypted()) throw fout(naam, 'is met een wachtwoord versleuteld; sla het in Excel op zonder wachtwoord');
    if (d.compressionMethod !== 0 && d.compressionMethod !== 8)
      throw fout(naam, `is geen gewoon Excel-bestand: onderdeel ${d.fileName} is op een onbekende manier gecomprimeerd`);
    totaal += d.uncompressedSize;
    if (d.fileName === 'xl/sharedStrings.xml' && d.uncompressedSize > ZIP_GRENZEN.sharedStrings) {
      throw fout(
        naam,
        `de tekstwaarden van dit Excel-bestand zijn uitgepakt ${mb(d.uncompressedSize)}, meer dan ` +
          `de grens van ${mb(ZIP_GRENZEN.sharedStrings)}; exporteer als CSV`,
      );
    }
    if (d.uncompressedSize > ZIP_GRENZEN.verhoudingVanaf && d.uncompressedSize > ZIP_GRENZEN.verhouding * Math.max(d.compressedSize, 1)) {
      throw fout(
        naam,
        `is geen normaal Excel-bestand: onderdeel ${d.fileName} pakt uit tot ${mb(d.uncompressedSize)}, ` +
          `meer dan ${ZIP_GRENZEN.verhouding} keer zijn gecomprimeerde grootte (een zip-bom?)`,
      );
    }
  }
  if (!perNaam.has('xl/workbook.xml')) throw fout(naam, 'is een zip-archief maar geen Excel-werkmap (xlsx)');
  if (totaal > ZIP_GRENZEN.totaalOngecomprimeerd) {
    throw fout(naam, `is uitgepakt ${mb(totaal)}, meer dan de grens van ${mb(ZIP_GRENZEN.totaalOngecomprimeerd)}; splits de export of lever hem als CSV`);
  }
  return perNaam;
}

/** Room after a part's data for its data descriptor (12–24 bytes, with or without signature/zip64). */
const DESCRIPTOR_MAX = 24;

/**
 * The parts of the directory must lie one after the other from the first byte of the file to the
 * directory, each local header with its data exactly where the directory says: bytes the
 * directory does not describe (a part smuggled in before or between the others, which a reader
 * in file order would unpack) or parts that overlap (one compressed stream counted many times)
 * refuse the file. Only the 30-byte local headers are read here, no data.
 */
async function controleerIndeling(pad: string, naam: string, delen: Entry[], directoryStart: number | undefined): Promise<void> {
  const smokkel = fout(naam, 'is geen normaal Excel-bestand: het archief bevat gegevens buiten de inhoudsopgave van het zip-archief (een verstopt onderdeel?)');
  const gesorteerd = [...delen].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  const handle = await open(pad, 'r');
  try {
    let eind = 0;
    const kop = Buffer.alloc(30);
    for (const d of gesorteerd) {
      const start = d.relativeOffsetOfLocalHeader;
      if (start < eind) throw fout(naam, 'is geen normaal Excel-bestand: onderdelen van het zip-archief overlappen elkaar (een zip-bom?)');
      if (start - eind > (eind === 0 ? 0 : DESCRIPTOR_MAX)) throw smokkel;
      const { bytesRead } = await handle.read(kop, 0, 30, start);
      if (bytesRead < 30 || kop.readUInt32LE(0) !== 0x04034b50) throw fout(naam, BESCHADIGD);
      eind = start + 30 + kop.readUInt16LE(26) + kop.readUInt16LE(28) + d.compressedSize;
    }
    if (directoryStart !== undefined && (directoryStart < eind || directoryStart - eind > DESCRIPTOR_MAX))
      throw directoryStart < eind ? fout(naam, BESCHADIGD) : smokkel;
  } finally {
    await handle.close();
  }
}

/**
 * Opens an XLSX archive from its central directory (yauzl) and refuses it in Dutch when it is no
 * workbook or when its declared sizes exceed `ZIP_GRENZEN` — all before a single part is inflated.
 */
export async function openWerkmapzip(pad: string, naam: string): Promise<Werkmapzip> {
  let zip: ZipFile;
  try {
    zip = await openYauzl(pad);
  } catch {
    throw fout(naam, BESCHADIGD);
  }
  try {
    if (zip.entryCount > ZIP_GRENZEN.maxDelen)
      throw fout(naam, `is geen normaal Excel-bestand: het archief heeft ${getal(zip.entryCount)} onderdelen, meer dan ${getal(ZIP_GRENZEN.maxDelen)}`);
    // where the directory starts (yauzl's cursor before the first entry is read)
    const directoryStart = (zip as unknown as { readEntryCursor?: number }).readEntryCursor;
    let entries: Entry[];
    try {
      entries = await leesDirectory(zip);
    } catch {
      throw fout(naam, BESCHADIGD);
    }
    const delen = controleerDelen(naam, entries);
    await controleerIndeling(pad, naam, entries, typeof directoryStart === 'number' ? directoryStart : undefined);
    const openStream = (e: Entry) => new Promise<Readable>((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s))));
    async function* lees(deel: string, gelezen?: (bytes: number) => void): AsyncGenerator<Buffer> {
      const entry = delen.get(deel);
      if (!entry) throw fout(naam, `is geen geldig Excel-bestand (xlsx): onderdeel ${deel} ontbreekt`);
      let stroom: Readable | null = null;
      let crc = 0;
      let grootte = 0;
      try {
        stroom = await openStream(entry);
        for await (const stuk of stroom) {
          const b = stuk as Buffer;
          crc = crc32(b, crc);
          grootte += b.length;
          gelezen?.(grootte);
          yield b;
        }
      } catch (error) {
        if (error instanceof AppFout) throw error;
        // yauzl: "too many bytes in the stream", "invalid local file header signature", zlib errors
        throw fout(
          naam,
          /too many bytes/.test((error as Error).message ?? '')
            ? `is geen normaal Excel-bestand: onderdeel ${deel} pakt verder uit dan het archief opgeeft (een zip-bom?)`
            : BESCHADIGD,
        );
      } finally {
        stroom?.destroy();
      }
      if (crc >>> 0 !== entry.crc32 >>> 0 || grootte !== entry.uncompressedSize) throw fout(naam, BESCHADIGD);
    }
    return {
      delen,
      lees,
      async leesHeel(deel) {
        const entry = delen.get(deel);
        if (entry && entry.uncompressedSize > ZIP_GRENZEN.heelGelezen) {
          throw fout(
            naam,
            `is geen normaal Excel-bestand: onderdeel ${deel} is uitgepakt ${mb(entry.uncompressedSize)}, meer dan ${mb(ZIP_GRENZEN.heelGelezen)}`,
          );
        }
        const stukken: Buffer[] = [];
        for await (const b of lees(deel)) stukken.push(b);
        return Buffer.concat(stukken);
      },
      sluit: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}
