import { createWriteStream, type WriteStream } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { AfgewezenSchrijver } from '../import/importer.js';
import { cellText } from '../import/values.js';
import { csvVeld, neutraliseer } from '../shared/csv.js';

export function afgewezenPad(invoer: string): string {
  return join(dirname(invoer), `${basename(invoer, extname(invoer))}-afgewezen.csv`);
}

/**
 * A line of the file: every field neutralised as in the downloads (the beheerder is told to open
 * this file in Excel and fix it; a rejected `=HYPERLINK(…)` must not run there), then quoted.
 */
const regel = (velden: string[]) => `${velden.map((v) => csvVeld(neutraliseer(v))).join(';')}\n`;

/** Writes rejected lines with their reasons to `<naam>-afgewezen.csv` (`;`, UTF-8 with BOM), only when there are any. */
export function afgewezenBestand(invoer: string): AfgewezenSchrijver & { aantal: () => number; pad: string } {
  const pad = afgewezenPad(invoer);
  let kop: string[] = [];
  let out: WriteStream | null = null;
  let done: Promise<void> = Promise.resolve();
  let aantal = 0;
  return {
    pad,
    aantal: () => aantal,
    header(values) {
      kop = [...values.map(cellText), 'reden'];
    },
    rij(values, redenen) {
      if (!out) {
        out = createWriteStream(pad);
        const stroom = out;
        done = new Promise((resolve, reject) => stroom.on('finish', () => resolve()).on('error', reject));
        out.write(`\uFEFF${regel(kop)}`);
      }
      aantal++;
      out.write(regel([...values.map(cellText), redenen.join(' | ')]));
    },
    async sluit() {
      out?.end();
      await done;
    },
  };
}
