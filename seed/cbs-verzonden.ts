/**
 * Builds config/cbs/veilig-thuis.csv (the CBS figures VT Monitor ships) from the research file
 * seed/cbs-onderzoek/cijfers.csv: only figures the spiegel uses (server/spiegel/maten.ts), only
 * Nederland, VT-regions and gemeenten with a code, only from 2019 on. Values stay as published.
 * Two versions of one cell with different values (a revised population) keep the later page
 * version where the research names it, otherwise the cell is left out (not confirmed).
 *
 *   npx tsx seed/cbs-verzonden.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { projectPath } from '../server/config/paths.js';
import { maatVoor } from '../server/spiegel/maten.js';
import { VERZONDEN_KOLOMMEN } from '../server/spiegel/cbs-bestand.js';
import { csvVeld } from '../server/shared/csv.js';

type Rij = Record<'tabel' | 'tabel_titel' | 'periode' | 'regio_code' | 'regio_naam' | 'maat' | 'waarde' | 'bron_url' | 'bron_titel' | 'opmerking', string>;

const rijen = parse(readFileSync(projectPath('seed', 'cbs-onderzoek', 'cijfers.csv'), 'utf8'), { delimiter: ';', columns: true }) as Rij[];
const gekozen = new Map<string, Rij[]>();
for (const r of rijen) {
  if (!/^(NL01|VT\d\d|GM\d{4})$/.test(r.regio_code)) continue;
  if (Number(r.periode.slice(0, 4)) < 2019) continue;
  const maat = maatVoor(r.tabel, r.maat);
  if (!maat) continue;
  const sleutel = [r.tabel, r.periode, r.regio_code, maat].join(' ');
  gekozen.set(sleutel, [...(gekozen.get(sleutel) ?? []), r]);
}
const uit: string[] = [VERZONDEN_KOLOMMEN.join(';')];
const weg: string[] = [];
for (const [sleutel, versies] of gekozen) {
  const waarden = new Set(versies.map((v) => v.waarde));
  const r = waarden.size === 1 ? versies[0]! : versies.find((v) => v.opmerking.includes('latere paginaversie'));
  if (!r) {
    weg.push(`${sleutel}: ${[...waarden].join(' / ')}`);
    continue;
  }
  const voorlopig = /\*'|\* = voorlopig/.test(r.opmerking) ? '*' : '';
  uit.push([r.tabel, r.periode, r.regio_code, r.regio_naam, maatVoor(r.tabel, r.maat)!, r.maat, r.waarde, voorlopig, r.bron_url].map(csvVeld).join(';'));
}
writeFileSync(projectPath('config', 'cbs', 'veilig-thuis.csv'), `${uit.join('\n')}\n`);
process.stdout.write(`config/cbs/veilig-thuis.csv: ${uit.length - 1} cijfers\n`);
for (const w of weg) process.stdout.write(`weggelaten (twee versies, geen latere aangewezen): ${w}\n`);
