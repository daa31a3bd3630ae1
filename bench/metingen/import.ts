/**
 * Import speed against `sqlite3 .import` of the same file (issue 18, part 1), both measured as
 * whole commands (start-up included) in the same run, on two files:
 * - full width: the demo export at `--schaal 8` (every export column);
 * - lean: 1,000,000 lines with 11 columns (the first 1,000,000 lines of the large export, cut to
 *   registratie_id … eerdere_betrokkenheid), which the import merges as a narrow file.
 * Beside them the write floor: SQLite alone copying the imported rows into the same table
 * without and with its indexes (`INSERT … SELECT` in the sqlite3 tool), which shows what the
 * stored row itself costs. And the Node floor (`node-vloer.mjs`): the least any importer in Node
 * with better-sqlite3 does with the file (split the lines, one INSERT per row into a bare table, no
 * validation, no key, no index), as a whole command: the highest ratio a Node importer can reach.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CLI } from './web.js';

const NODE_VLOER = fileURLToPath(new URL('./node-vloer.mjs', import.meta.url));

export const SMALLE_KOLOMMEN = [
  'registratie_id', 'soort', 'datum_binnenkomst', 'gemeente_code', 'gemeente', 'melder_categorie', 'beroepsgroep', 'kanaal',
  'aard_geweld', 'spoed', 'eerdere_betrokkenheid',
] as const;

export interface ImportVerhouding {
  naam: string;
  bestand: string;
  rijen: number;
  kolommen: number;
  oursMs: number;
  sqlite3Ms: number;
  /** SQLite copying the imported rows into a bare copy of the table: without / with its indexes */
  vloerZonderIndexenMs: number;
  vloerMetIndexenMs: number;
  /** `node-vloer.mjs`: Node and better-sqlite3 writing the file's fields into a bare table, nothing else */
  nodeVloerMs: number;
  /** of that, the insert loop alone (binding and writing, no reading or splitting) */
  nodeBindenMs: number;
}

const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** The first `n` data lines of `bron`, cut to the lean columns. */
export async function smalBestand(bron: string, doel: string, n: number): Promise<number> {
  const uit = createWriteStream(doel);
  let plaatsen: number[] = [];
  let i = -1;
  for await (const regel of createInterface({ input: createReadStream(bron), crlfDelay: Infinity })) {
    const velden = regel.split(';');
    if (i === -1) {
      const kop = velden.map((v) => v.replace(/^\ufeff/, ''));
      plaatsen = SMALLE_KOLOMMEN.map((k) => kop.indexOf(k));
      if (plaatsen.some((p) => p < 0)) throw new Error(`${bron}: kolom ontbreekt voor het smalle bestand`);
    } else if (i >= n) break;
    uit.write(`${plaatsen.map((p) => velden[p]).join(';')}\n`);
    i++;
  }
  await new Promise((r) => uit.end(r));
  return i;
}

function duur(cmd: string, args: string[], env?: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} mislukt: ${(r.stderr ?? '').slice(-500)}`);
  return ms;
}

function schrijfvloer(dir: string, db: string, metIndexen: boolean): number {
  const schema = execFileSync('sqlite3', [db, '.schema registraties'], { encoding: 'utf8' })
    .replace(/, foreign key\(`importbatch_id`\) references `importbatches`\(`id`\)/, '')
    .split('\n').filter((r) => metIndexen || !r.startsWith('CREATE INDEX')).join('\n');
  const doel = join(dir, 'vloer.sqlite');
  rmSync(doel, { force: true });
  execFileSync('sqlite3', [doel, 'PRAGMA page_size = 16384;', schema]);
  const ms = duur('sqlite3', [doel, `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; ATTACH '${db}' AS bron;
    BEGIN; INSERT INTO registraties SELECT * FROM bron.registraties WHERE soort IS NOT NULL; COMMIT;`]);
  for (const f of [doel, `${doel}-wal`, `${doel}-shm`]) rmSync(f, { force: true });
  return ms;
}

/** Imports `bestand` into a fresh SQLite database with the CLI and with `sqlite3 .import`. */
export function meetImportVerhouding(dir: string, naam: string, bestand: string, rijen: number): ImportVerhouding {
  const kop = execFileSync('head', ['-1', bestand], { encoding: 'utf8' });
  const ruw = join(dir, `ruw-${naam}.sqlite`);
  rmSync(ruw, { force: true });
  const sqlite3Ms = duur('sqlite3', [ruw, '.mode csv', '.separator ;', `.import ${bestand} ruw`]);
  rmSync(ruw, { force: true });
  const db = join(dir, `import-${naam}.sqlite`);
  const oursMs = duur('node', [CLI, 'importeer', '--json', bestand], { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'warn' });
  const nodeDb = join(dir, `node-${naam}.sqlite`);
  const t = performance.now();
  const nodeVloer = spawnSync('node', [NODE_VLOER, bestand, nodeDb], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const nodeVloerMs = performance.now() - t;
  if (nodeVloer.status !== 0) throw new Error(`node-vloer mislukt: ${(nodeVloer.stderr ?? '').slice(-500)}`);
  const nodeBindenMs = (JSON.parse(nodeVloer.stdout) as { bindenMs: number }).bindenMs;
  for (const f of [nodeDb, `${nodeDb}-wal`, `${nodeDb}-shm`]) rmSync(f, { force: true });
  const vloerZonderIndexenMs = schrijfvloer(dir, db, false);
  const vloerMetIndexenMs = schrijfvloer(dir, db, true);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  return { naam, bestand, rijen, kolommen: kop.split(';').length, oursMs, sqlite3Ms, vloerZonderIndexenMs, vloerMetIndexenMs, nodeVloerMs, nodeBindenMs };
}

const rps = (rijen: number, ms: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(rijen / (ms / 1000));
const x = (v: number) => `${nl.format(v)}×`;

/** The section "Import" of BENCHMARKS.md: the two ratios and what limits each. */
export function importSectie(metingen: ImportVerhouding[], doelen: Record<string, number>): string[] {
  const per = (f: (m: ImportVerhouding) => string) => metingen.map((m) => `${m.naam} ${f(m)}`).join(', ');
  const smal = metingen.find((m) => m.naam === 'smal');
  return [
    '## Import',
    '',
    'Hele commando\'s, opstarten inbegrepen, in dezelfde run na elkaar gemeten: `vt-monitor importeer` (alle validatie, afleiding,',
    'hash, plausibiliteit, alles-of-niets in één transactie, eerste berekening) in een lege SQLite-database tegenover',
    '`sqlite3 <db> ".import --csv <bestand> t"` in een kale tabel met alleen tekstkolommen. Daarnaast drie vloeren:',
    '',
    '- **Node-vloer** (`bench/metingen/node-vloer.mjs`, ook een heel commando): het minste wat een import in Node met',
    '  better-sqlite3 met het bestand doet. Regels lezen, op `;` splitsen en per regel één prepared `INSERT` van de velden in een',
    '  kale teksttabel, in één transactie. Geen validatie, geen afleiding, geen sleutel, geen index. Het script meet ook de',
    '  `INSERT`-lus alleen (binden en schrijven, zonder lezen en splitsen): dat deel kan geen tweede thread overnemen.',
    '- **SQLite-vloer zonder / met indexen**: SQLite zelf (de sqlite3-tool, geen JavaScript) kopieert de geïmporteerde rijen',
    '  (`INSERT … SELECT`) in een lege tabel met dezelfde 73 kolommen, zonder en met de 24 indexen (21 partieel).',
    '',
    '| bestand | rijen × kolommen | VT Monitor (rijen/s) | `sqlite3 .import` (rijen/s) | verhouding | doel | Node-vloer (rijen/s) | Node-vloer / `.import` | alleen binden / `.import` | SQLite-vloer zonder indexen (rijen/s) | SQLite-vloer met indexen (rijen/s) | SQLite-vloer met indexen / `.import` |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...metingen.map((m) => `| ${m.naam} | ${new Intl.NumberFormat('nl-NL').format(m.rijen)} × ${m.kolommen} | ${rps(m.rijen, m.oursMs)} | ${rps(m.rijen, m.sqlite3Ms)} | ${x(m.sqlite3Ms / m.oursMs)} | ≥ ${x(doelen[m.naam] ?? 0)} | ${rps(m.rijen, m.nodeVloerMs)} | ${x(m.sqlite3Ms / m.nodeVloerMs)} | ${x(m.sqlite3Ms / m.nodeBindenMs)} | ${rps(m.rijen, m.vloerZonderIndexenMs)} | ${rps(m.rijen, m.vloerMetIndexenMs)} | ${x(m.sqlite3Ms / m.vloerMetIndexenMs)} |`),
    '',
    'Wat elke verhouding begrenst:',
    '',
    `- **De driver.** De Node-vloer haalt in één thread ${per((m) => x(m.sqlite3Ms / m.nodeVloerMs))} van \`.import\`. Alleen het binden en`,
    `  schrijven van de velden van het bestand (better-sqlite3 \`run\` per rij) haalt ${per((m) => x(m.sqlite3Ms / m.nodeBindenMs))}: hoger kan`,
    '  geen import in Node met deze driver komen, ook niet als lezen en valideren in een andere thread lopen. Meer rijen per',
    '  `VALUES` is trager (zie onder). Daarbovenop komen validatie, afleiding, hash, sleutel, indexen en de eerste berekening.',
    '- **Het opgeslagen record.** De import schrijft per registratie 73 kolommen (27 uit de export, de afgeleide kolommen van de',
    '  telvragen, hash en importbatch) in een tabel met een primaire sleutel en 24 indexen, waarvan 21 partieel. De laatste kolom',
    `  toont wat alleen dat schrijven haalt, zonder JavaScript${smal ? `: op het smalle bestand ${x(smal.sqlite3Ms / smal.vloerMetIndexenMs)}` : ''}. Een doel`,
    '  boven die kolom vraagt een smaller record: minder opgeslagen afgeleide kolommen en indexen, en tellingen die bij de import',
    '  worden bijgehouden (docs/import.md, "De weg naar het smalle doel").',
    '- **Volle breedte:** de voorbereiding (lezen, valideren, afleiden, hashen) loopt in een worker parallel aan het schrijven.',
    '  In het profiel van de importerende thread is het schrijven (73 gebonden waarden per rij) de grootste post, daarna',
    '  `JSON.parse` van de blokken en de eerste berekening.',
    '- **Smal:** een bestand met 11 kolommen is een gedeeltelijke export. Elke regel wordt in de importerende thread samengevoegd',
    '  met de opgeslagen versie (of met niets), gecontroleerd, afgeleid en gehasht, en dan als record van 73 kolommen geschreven.',
    '- **Gemeten en verworpen** (zie docs/import.md): de indexen na de rijen opnieuw opbouwen (bij een lege tabel ruim twee keer',
    '  zo traag als ze bijhouden); een prepared statement met 16 of 64 rijen per `VALUES` (trager dan één rij per `run`); rijen als',
    '  JSON aan SQLite geven (`json_each`, ruim vier keer zo traag); een page cache van 256 MiB met `temp_store = memory` (geen meetbaar',
    '  verschil); het samenvoegen van smalle regels in de worker (kost meer CPU dan het bespaart).',
    '',
  ];
}

function genereer(dir: string, naam: string, schaal: number, tot: string): string {
  const pad = join(dir, `${naam}.csv`);
  const r = spawnSync('node', [CLI, 'demo', '--tot', tot, '--schaal', String(schaal), '--uit', pad, '--alleen-bestand'], {
    env: { ...process.env, DATABASE_URL: join(dir, `gen-${naam}.sqlite`), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`genereren van ${naam} mislukt`);
  for (const f of [`gen-${naam}.sqlite`, `gen-${naam}.sqlite-wal`, `gen-${naam}.sqlite-shm`, `${naam}-financien.csv`, `${naam}-formatie.csv`]) rmSync(join(dir, f), { force: true });
  return pad;
}

async function regels(pad: string): Promise<number> {
  let n = -1;
  for await (const regel of createInterface({ input: createReadStream(pad), crlfDelay: Infinity })) if (regel !== '') n++;
  return n;
}

export const IMPORT_DOELEN = { 'volle breedte': 0.5, smal: 1 / 3 };

/**
 * Generates both files and measures them. `snel`: the full-width export at `--schaal 1` and a
 * lean file of 100,000 lines (a quick check; the ratios at full size are the ones that count).
 */
export async function meetImport(dir: string, opties: { snel?: boolean; tot: string; log?: (m: string) => void }): Promise<ImportVerhouding[]> {
  const log = opties.log ?? (() => undefined);
  log(`import: demo-export op volle breedte genereren (schaal ${opties.snel ? 1 : 8})`);
  const breed = genereer(dir, 'import-breed', opties.snel ? 1 : 8, opties.tot);
  const smalN = opties.snel ? 100_000 : 1_000_000;
  log(`import: smal bestand van ${smalN} regels × ${SMALLE_KOLOMMEN.length} kolommen`);
  const groot = genereer(dir, 'import-groot', opties.snel ? 2 : 16, opties.tot);
  const smal = join(dir, 'import-smal.csv');
  const smalRijen = await smalBestand(groot, smal, smalN);
  rmSync(groot, { force: true });
  if (smalRijen < smalN) throw new Error(`smal bestand: ${smalRijen} regels, ${smalN} verwacht`);
  log('import: volle breedte meten');
  const a = meetImportVerhouding(dir, 'volle breedte', breed, await regels(breed));
  log('import: smal meten');
  const b = meetImportVerhouding(dir, 'smal', smal, smalRijen);
  rmSync(breed, { force: true });
  rmSync(smal, { force: true });
  return [a, b];
}
