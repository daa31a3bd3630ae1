/**
 * npm run bench:csv — the hand-written CSV parser (server/import/csv.ts) against maintained ones
 * on the same file: a demo export (every column, Dutch `;`), read as one string and fed in 64 KiB
 * chunks as the import does. Reports rows/s per parser and the ratio to ours; the median of 3.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as csvParseSync } from 'csv-parse/sync';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { laadRegio } from '../server/config/regio.js';
import { projectPath } from '../server/config/paths.js';
import { maakWerkdagkalender } from '../server/calendar/werkdagen.js';
import { laadKalender, dekkingVan } from '../server/calendar/besluiten.js';
import { genereerDemo } from '../server/demo/generator.js';
import { schrijfDemoCsv } from '../server/demo/export.js';
import { CsvParser } from '../server/import/csv.js';

const schaal = Number(process.argv[process.argv.indexOf('--schaal') + 1] || 2);
const dir = mkdtempSync(join(tmpdir(), 'bench-csv-'));
const regio = laadRegio(projectPath('config', 'regio', 'gelderland-zuid.json'));
const k = laadKalender(projectPath('config', 'kalender.json'));
const kalender = maakWerkdagkalender(k.extraFeestdagen, dekkingVan(k.besluiten));
const pad = join(dir, 'demo.csv');
const rijen = await schrijfDemoCsv(genereerDemo(regio, kalender, { tot: '2026-11-30', seed: 7, schaal }), pad);
const tekst = readFileSync(pad, 'utf8');
rmSync(dir, { recursive: true, force: true });
const STUK = 64 * 1024;

function eigen(): number {
  const p = new CsvParser(';', 'demo.csv', false);
  let n = 0;
  for (let i = 0; i < tekst.length; i += STUK) n += p.push(tekst.slice(i, i + STUK)).length;
  return n + p.end().length;
}
/** uDSV with its streaming interface (chunks), every value as a string */
function udsv(): number {
  let parser: ReturnType<typeof initParser> | null = null;
  let n = 0;
  for (let i = 0; i < tekst.length; i += STUK) {
    const stuk = tekst.slice(i, i + STUK);
    parser ??= initParser(inferSchema(stuk, { col: ';' }));
    // the callback gets one row at a time
    parser.chunk<string[]>(stuk, parser.stringArrs, () => void n++);
  }
  parser!.end();
  return n;
}
const papa = () => Papa.parse<string[]>(tekst, { delimiter: ';', skipEmptyLines: true }).data.length - 1;
const csvParse = () => (csvParseSync(tekst, { delimiter: ';', relax_column_count: true, skip_empty_lines: true }) as unknown[]).length;

function meet(naam: string, f: () => number): { naam: string; perSeconde: number } {
  const tijden: number[] = [];
  let n = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    n = f();
    tijden.push(performance.now() - t);
  }
  const mediaan = tijden.sort((a, b) => a - b)[1]!;
  return { naam, perSeconde: Math.round(n / (mediaan / 1000)) };
}

const uitslagen = [meet('VT Monitor CsvParser', eigen), meet('uDSV (chunks)', udsv), meet('Papa Parse', papa), meet('csv-parse (sync)', csvParse)];
console.log(`${rijen.toLocaleString('nl-NL')} regels, ${(tekst.length / 1e6).toFixed(1)} M tekens`);
for (const u of uitslagen)
  console.log(`${u.naam.padEnd(24)} ${u.perSeconde.toLocaleString('nl-NL').padStart(12)} rijen/s  ${(u.perSeconde / uitslagen[0]!.perSeconde).toFixed(2)}×`);
