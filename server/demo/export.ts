import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { COLUMN_NAMES } from '../registraties/schema.js';
import { csvVeld } from '../shared/csv.js';
import type { RijenBron } from '../import/importer.js';
import type { TableRow } from '../import/readers.js';
import { alsRegel } from './generator.js';

type Rij = Record<string, string>;

/** Writes generated rows as a Dutch-Excel style export: `;`, UTF-8 with BOM, header line. */
export async function schrijfDemoCsv(rijen: Iterable<Rij>, pad: string, onRij?: (n: number) => void): Promise<number> {
  const out = createWriteStream(pad, { encoding: 'utf8' });
  let buffer = `\uFEFF${COLUMN_NAMES.join(';')}\r\n`;
  let n = 0;
  for (const rij of rijen) {
    buffer += `${alsRegel(rij).map(csvVeld).join(';')}\r\n`;
    n++;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
      onRij?.(n);
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return n;
}

/** The generated rows as an import source, without a file in between. */
export function demoBron(rijen: Iterable<Rij>, beschrijving: string): RijenBron {
  async function* rows(): AsyncGenerator<TableRow> {
    yield { regel: 1, values: [...COLUMN_NAMES] };
    let regel = 1;
    for (const rij of rijen) yield { regel: ++regel, values: alsRegel(rij) };
  }
  return { bestand: beschrijving, sha256: createHash('sha256').update(beschrijving).digest('hex'), rows: rows() };
}
