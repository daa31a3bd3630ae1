import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import iconv from 'iconv-lite';
import { AppFout, ongeldigeInvoer } from '../shared/fouten.js';
import { CsvParser } from './csv.js';
import { decodeer, herkenScheidingsteken, herkenCodering, eersteOngeldigeUtf8 } from './detect.js';
import type { RawCell } from './values.js';
import { leesXlsxBlokken as leesXlsxRijen } from './xlsx.js';

/** A line of a tabular file; the first one a reader yields is the header (regel 1). */
export interface TableRow {
  regel: number;
  values: RawCell[];
}

export type ByteProgress = (bytesRead: number) => void;

const SNIFF_BYTES = 1 << 20;

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A file that cannot be read at all: one Dutch error naming the file (and the line where it applies). */
export const bestandsFout = (naam: string, melding: string, regel?: number) =>
  ongeldigeInvoer(`${naam}: ${regel ? `regel ${regel}: ` : ''}${melding}`, { bestand: naam, regel: regel ?? 0 });

export type BestandSoort = 'csv' | 'xlsx';

/**
 * What a file is, from its first bytes rather than its name: a zip is read as XLSX, text as
 * CSV; gzip, UTF-16, an old .xls, binary data and an empty file are refused in Dutch.
 */
export async function bestandSoort(path: string, naam = basename(path)): Promise<BestandSoort> {
  const head = await readHead(path, 4096);
  const zonderBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  if (zonderBom.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) throw bestandsFout(naam, 'het bestand is leeg');
  if (head[0] === 0x1f && head[1] === 0x8b)
    throw bestandsFout(naam, 'dit is een gzip-bestand (.gz); pak het eerst uit en importeer de CSV of XLSX die erin zit');
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw bestandsFout(naam, 'dit is een oud Excel-bestand (.xls); sla het in Excel op als .xlsx of als CSV (UTF-8)');
  }
  // UTF-32 before UTF-16: its BOM starts with UTF-16's (FF FE), and its ASCII has a NUL in every other byte too
  if (
    (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) ||
    (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) ||
    isUtf32ZonderBom(head)
  ) {
    throw bestandsFout(naam, 'het bestand is als UTF-32 (Unicode) opgeslagen; sla het op als CSV UTF-8 of als Windows-1252-CSV');
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || isUtf16ZonderBom(head)) {
    throw bestandsFout(naam, 'het bestand is als UTF-16 (Unicode) opgeslagen; sla het op als CSV UTF-8 of als Windows-1252-CSV');
  }
  if (isXlsx(path)) throw bestandsFout(naam, 'is geen geldig Excel-bestand (xlsx): het is geen zip-archief');
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  if (nul > head.length / 100) throw bestandsFout(naam, 'is geen CSV-bestand: het bevat binaire gegevens');
  return 'csv';
}

/** ASCII text in UTF-32: three NUL bytes in every four of the first characters (little- or big-endian). */
function isUtf32ZonderBom(head: Buffer): boolean {
  const n = Math.min(head.length, 64) & ~3;
  if (n < 8) return false;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 4) {
    if (head[i + 1] === 0 && head[i + 2] === 0 && head[i + 3] === 0 && head[i] !== 0) le++;
    if (head[i] === 0 && head[i + 1] === 0 && head[i + 2] === 0 && head[i + 3] !== 0) be++;
  }
  return le === n / 4 || be === n / 4;
}

/** ASCII text in UTF-16: every other byte of the first characters is NUL. */
function isUtf16ZonderBom(head: Buffer): boolean {
  const n = Math.min(head.length, 64) & ~1;
  if (n < 8) return false;
  let even = 0;
  let oneven = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) oneven++;
  }
  return even === n / 2 || oneven === n / 2;
}

/** The line of byte `offset` (1-based), counted by reading the file again up to there. */
async function regelVanByte(path: string, offset: number): Promise<number> {
  let regel = 1;
  let gelezen = 0;
  for await (const chunk of createReadStream(path, { end: Math.max(offset - 1, 0) })) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) if (gelezen + i < offset) regel++;
    gelezen += buf.length;
  }
  return regel;
}

/**
 * Decodes UTF-8 strictly, chunk by chunk: an invalid byte anywhere in the file (not only in the
 * sample that chose the encoding) is an error naming its line, never a silent replacement.
 */
async function* strikteUtf8(path: string, bytes: AsyncIterable<Buffer>, naam: string, nogOnbeslist = false): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let positie = 0;
  // a sample of pure ASCII decides nothing: the first byte above 127 does. Valid UTF-8 there
  // means UTF-8 (strict from then on); a byte that cannot start UTF-8 means Windows-1252.
  let onbeslist = nogOnbeslist;
  let win1252 = false;
  // A chunk of pure ASCII is the same text in every one of these encodings: once the decoder has
  // seen the start of the file (and dropped its BOM) and holds no half character, such a chunk is
  // turned into text directly, at a fifth of the decoder's cost (measured: 75 MB in 15 ms, not 70)
  let gevoed = false;
  let heel = true;
  for await (const chunk of bytes) {
    if (win1252) {
      yield iconv.decode(chunk, 'win1252');
      continue;
    }
    if (onbeslist) {
      const hoog = eersteHogeByte(chunk);
      if (hoog === -1) {
        positie += chunk.length;
        yield chunk.toString('latin1');
        continue;
      }
      onbeslist = false;
      if (eersteOngeldigeUtf8(chunk.subarray(hoog)) === 0) {
        win1252 = true;
        yield iconv.decode(chunk, 'win1252');
        continue;
      }
    }
    if (gevoed && heel && isAscii(chunk)) {
      positie += chunk.length;
      yield chunk.toString('latin1');
      continue;
    }
    let tekst: string;
    try {
      tekst = decoder.decode(chunk, { stream: true });
      gevoed = true;
      heel = chunk.length === 0 || chunk[chunk.length - 1]! < 0x80;
    } catch {
      const plek = positie + Math.max(eersteOngeldigeUtf8(chunk), 0);
      throw bestandsFout(naam, 'bevat ongeldige UTF-8 (een teken dat niet te lezen is); sla het bestand op als CSV UTF-8', await regelVanByte(path, plek));
    }
    positie += chunk.length;
    yield tekst;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw bestandsFout(naam, 'eindigt midden in een UTF-8-teken: het bestand is afgebroken', await regelVanByte(path, positie));
  }
}

function eersteHogeByte(buf: Buffer): number {
  if (isAscii(buf)) return -1;
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0x80) return i;
  return -1;
}

/**
 * The lines of a CSV file, a block per chunk read (64 KiB, a few hundred lines): one `await` per
 * block instead of one per line. `naam`: the file name errors mention (an upload is stored under a
 * random name).
 */
export async function* leesCsvBlokken(path: string, onProgress?: ByteProgress, naam = basename(path)): AsyncGenerator<TableRow[]> {
  const head = await readHead(path, SNIFF_BYTES);
  const { encoding } = herkenCodering(head);
  const headTekst = decodeer(head, encoding);
  const firstLine = (headTekst.split(/\r?\n|\r/)[0] ?? '').replace(/^\uFEFF/, '');
  // old Mac exports end lines with a lone CR; anywhere else a CR is part of its field
  const alleenCr = headTekst.indexOf('\n') === -1 && headTekst.indexOf('\r') !== -1;
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  if (onProgress) file.on('data', () => onProgress(file.bytesRead));
  const puurAscii = eersteHogeByte(head) === -1;
  const text = encoding === 'utf8' ? strikteUtf8(path, file as AsyncIterable<Buffer>, naam, puurAscii) : file.pipe(iconv.decodeStream('win1252'));
  const parser = new CsvParser(herkenScheidingsteken(firstLine), naam, alleenCr);
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const blok = parser.push(chunk);
      if (blok.length > 0) yield blok;
    }
    const laatste = parser.end();
    if (laatste.length > 0) yield laatste;
  } finally {
    file.destroy();
  }
}

/** `naam`: the file name errors mention (an upload is stored under a random name). */
export async function* leesCsvBestand(path: string, onProgress?: ByteProgress, naam = basename(path)): AsyncGenerator<TableRow> {
  for await (const blok of leesCsvBlokken(path, onProgress, naam)) for (const record of blok) yield record;
}

/**
 * The rows of an XLSX export (xlsx.ts: the first visible worksheet, read from the zip's central
 * directory, nothing written to disk), per chunk of sheet XML read.
 */
export async function* leesXlsxBlokken(path: string, onProgress?: ByteProgress, naam = basename(path)): AsyncGenerator<TableRow[]> {
  try {
    yield* leesXlsxRijen(path, naam, (await stat(path)).size, onProgress);
  } catch (error) {
    if (error instanceof AppFout) throw error;
    // whatever a library raises in English: the user gets Dutch
    throw bestandsFout(naam, 'is geen leesbaar Excel-bestand (xlsx): het bestand is beschadigd of afgebroken');
  }
}

export async function* leesXlsxBestand(path: string, onProgress?: ByteProgress, naam = basename(path)): AsyncGenerator<TableRow> {
  for await (const blok of leesXlsxBlokken(path, onProgress, naam)) for (const row of blok) yield row;
}

export function isXlsx(path: string): boolean {
  return extname(path).toLowerCase() === '.xlsx';
}

/** Reads a CSV or XLSX export, decided by its content (`bestandSoort`). */
export async function* leesTabel(path: string, onProgress?: ByteProgress, naam = basename(path), soort?: BestandSoort): AsyncGenerator<TableRow> {
  soort ??= await bestandSoort(path, naam);
  yield* soort === 'xlsx' ? leesXlsxBestand(path, onProgress, naam) : leesCsvBestand(path, onProgress, naam);
}

/** Rows of an XLSX file per block (a chunk of sheet XML completes a few dozen). */
const XLSX_BLOK = 1000;

/**
 * `leesTabel` in blocks of lines (a CSV: the lines completed by each chunk read), for a caller
 * that handles every line the same way: the `await` per line of an async generator is a visible
 * part of reading an export of half a million lines.
 */
export async function* leesTabelBlokken(path: string, onProgress?: ByteProgress, naam = basename(path), soort?: BestandSoort): AsyncGenerator<TableRow[]> {
  soort ??= await bestandSoort(path, naam);
  if (soort === 'csv') {
    yield* leesCsvBlokken(path, onProgress, naam);
    return;
  }
  let blok: TableRow[] = [];
  for await (const rows of leesXlsxBlokken(path, onProgress, naam)) {
    for (const row of rows) blok.push(row);
    if (blok.length >= XLSX_BLOK) {
      yield blok;
      blok = [];
    }
  }
  if (blok.length > 0) yield blok;
}

export async function sha256VanBestand(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
