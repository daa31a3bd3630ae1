import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import iconv from 'iconv-lite';
import { CsvParser } from './csv.js';
import { decode, detectDelimiter, detectEncoding } from './detect.js';
import type { RawCell } from './values.js';

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

/** `naam`: the file name errors mention (an upload is stored under a random name). */
export async function* readCsv(path: string, onProgress?: ByteProgress, naam = basename(path)): AsyncGenerator<TableRow> {
  const head = await readHead(path, SNIFF_BYTES);
  const { encoding } = detectEncoding(head);
  const firstLine = (decode(head, encoding).split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  if (onProgress) file.on('data', () => onProgress(file.bytesRead));
  const text = encoding === 'utf8' ? file.setEncoding('utf8') : file.pipe(iconv.decodeStream('win1252'));
  const parser = new CsvParser(detectDelimiter(firstLine), naam);
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      for (const record of parser.push(chunk)) yield record;
    }
    for (const record of parser.end()) yield record;
  } finally {
    file.destroy();
  }
}

/** exceljs cell values: rich text, formulas and hyperlinks become their plain value. */
function plainCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as RawCell;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((p) => p.text).join('');
  if ('result' in v) return plainCell(v.result);
  if (v.text !== undefined) return plainCell(v.text);
  return null;
}

export async function* readXlsx(path: string, onProgress?: ByteProgress): AsyncGenerator<TableRow> {
  // loaded on first use: ExcelJS takes longer to load than a CSV of 100.000 rows takes to read
  const { default: ExcelJS } = await import('exceljs');
  const file = createReadStream(path);
  if (onProgress) file.on('data', () => onProgress(file.bytesRead));
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => plainCell(values[i + 1]));
        if (cells.every((c) => c === null || String(c).trim() === '')) continue;
        yield { regel: row.number, values: cells };
      }
      break; // the export is the first worksheet
    }
  } finally {
    file.destroy();
  }
}

export function isXlsx(path: string): boolean {
  return extname(path).toLowerCase() === '.xlsx';
}

export function readTable(path: string, onProgress?: ByteProgress, naam?: string): AsyncGenerator<TableRow> {
  return isXlsx(path) ? readXlsx(path, onProgress) : readCsv(path, onProgress, naam);
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
