import { createWriteStream } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { stringify } from 'csv-stringify';
import type { AfgewezenSchrijver } from '../import/importer.js';
import { cellText } from '../import/values.js';

export function afgewezenPad(invoer: string): string {
  return join(dirname(invoer), `${basename(invoer, extname(invoer))}-afgewezen.csv`);
}

/** Writes rejected lines with their reasons to `<naam>-afgewezen.csv` (`;`, UTF-8 with BOM), only when there are any. */
export function afgewezenBestand(invoer: string): AfgewezenSchrijver & { aantal: () => number; pad: string } {
  const pad = afgewezenPad(invoer);
  let kop: string[] = [];
  let csv: ReturnType<typeof stringify> | null = null;
  let done: Promise<void> = Promise.resolve();
  let aantal = 0;
  return {
    pad,
    aantal: () => aantal,
    header(values) {
      kop = [...values.map(cellText), 'reden'];
    },
    rij(values, redenen) {
      if (!csv) {
        csv = stringify({ delimiter: ';', bom: true });
        const out = createWriteStream(pad);
        done = new Promise((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
        csv.pipe(out);
        csv.write(kop);
      }
      aantal++;
      csv.write([...values.map(cellText), redenen.join(' | ')]);
    },
    async sluit() {
      csv?.end();
      await done;
    },
  };
}
