/**
 * Import speed against `sqlite3 .import` of the same file (issue 18, part 1), both measured as
 * whole commands (start-up included) in the same run, on two files:
 * - full width: the demo export at `--schaal 8` (every export column);
 * - lean: 1,000,000 lines with 11 columns (the first 1,000,000 lines of the large export, cut to
 *   registratie_id … eerdere_betrokkenheid), which the import merges as a narrow file.
 * Beside them the write floor: SQLite alone copying the imported rows into the same table with its
 * primary key (`INSERT … SELECT` in the sqlite3 tool), which shows what the stored row itself
 * costs. And the Node floor (`node-vloer.mjs`): the least any importer in Node
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
  'registratie_id',
  'soort',
  'datum_binnenkomst',
  'gemeente_code',
  'gemeente',
  'melder_categorie',
  'beroepsgroep',
  'kanaal',
  'aard_geweld',
  'spoed',
  'eerdere_betrokkenheid',
] as const;

export interface ImportVerhouding {
  naam: string;
  bestand: string;
  rijen: number;
  kolommen: number;
  oursMs: number;
  sqlite3Ms: number;
  /** SQLite copying the imported rows into an empty copy of the table (the stored record, its primary key) */
  vloerMs: number;
  /** `node-vloer.mjs`: Node and better-sqlite3 writing the file's fields into a bare table, nothing else */
  nodeVloerMs: number;
  /** of that, the insert loop alone (binding and writing, no reading or splitting) */
  nodeBindenMs: number;
  /** the same file imported once more into the same database, every row stored unchanged (issue 29, part 5) */
  herimportMs?: number;
  /** the summary of that second import: every row must be counted unchanged */
  herimport?: { rijen: number; ongewijzigd: number };
}

const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** The header and the first `n` data lines of `bron`, as they are. */
async function eersteRegels(bron: string, doel: string, n: number): Promise<void> {
  const uit = createWriteStream(doel);
  let i = -1;
  for await (const regel of createInterface({ input: createReadStream(bron), crlfDelay: Infinity })) {
    if (i >= n) break;
    uit.write(`${regel}\n`);
    i++;
  }
  await new Promise((r) => uit.end(r));
}

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

function schrijfvloer(dir: string, db: string): number {
  const schema = execFileSync('sqlite3', [db, '.schema registraties'], { encoding: 'utf8' }).replace(
    /, foreign key\(`importbatch_id`\) references `importbatches`\(`id`\)/,
    '',
  );
  const doel = join(dir, 'vloer.sqlite');
  rmSync(doel, { force: true });
  execFileSync('sqlite3', [doel, 'PRAGMA page_size = 16384;', schema]);
  const ms = duur('sqlite3', [
    doel,
    `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; ATTACH '${db}' AS bron;
    BEGIN; INSERT INTO registraties SELECT * FROM bron.registraties WHERE soort IS NOT NULL; COMMIT;`,
  ]);
  for (const f of [doel, `${doel}-wal`, `${doel}-shm`]) rmSync(f, { force: true });
  return ms;
}

/**
 * Imports `bestand` into a fresh SQLite database with the CLI and with `sqlite3 .import`.
 * `alleenHerimport`: without the two floors (a quick measurement of the re-import alone).
 */
export function meetImportVerhouding(
  dir: string,
  naam: string,
  bestand: string,
  rijen: number,
  metHerimport = false,
  alleenHerimport = false,
): ImportVerhouding {
  const kop = execFileSync('head', ['-1', bestand], { encoding: 'utf8' });
  const ruw = join(dir, `ruw-${naam}.sqlite`);
  rmSync(ruw, { force: true });
  const sqlite3Ms = duur('sqlite3', [ruw, '.mode csv', '.separator ;', `.import ${bestand} ruw`]);
  rmSync(ruw, { force: true });
  const db = join(dir, `import-${naam}.sqlite`);
  const env = { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'warn' };
  const oursMs = duur('node', [CLI, 'importeer', '--json', bestand], env);
  let her: Pick<ImportVerhouding, 'herimportMs' | 'herimport'> = {};
  if (metHerimport) {
    // the quarterly re-export: the same file again, every row already stored unchanged; the whole
    // command beside a second `.import` of the same file (measured right after, same conditions)
    const t0 = performance.now();
    const r = spawnSync('node', [CLI, 'importeer', '--json', bestand], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const herimportMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`herimport mislukt: ${(r.stderr ?? '').slice(-500)}`);
    const samenvatting = JSON.parse(r.stdout) as { rijen: number; ongewijzigd: number };
    if (samenvatting.ongewijzigd !== samenvatting.rijen) throw new Error(`herimport: ${samenvatting.ongewijzigd} van ${samenvatting.rijen} rijen ongewijzigd`);
    her = { herimportMs, herimport: { rijen: samenvatting.rijen, ongewijzigd: samenvatting.ongewijzigd } };
  }
  if (alleenHerimport) {
    // `.import` again right after the re-import: the machine is shared, both runs are shown
    rmSync(ruw, { force: true });
    const tweede = duur('sqlite3', [ruw, '.mode csv', '.separator ;', `.import ${bestand} ruw`]);
    rmSync(ruw, { force: true });
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    const nul = { vloerMs: Number.NaN, nodeVloerMs: Number.NaN, nodeBindenMs: Number.NaN };
    return { naam, bestand, rijen, kolommen: kop.split(';').length, oursMs, sqlite3Ms: (sqlite3Ms + tweede) / 2, ...nul, ...her };
  }
  const nodeDb = join(dir, `node-${naam}.sqlite`);
  const t = performance.now();
  const nodeVloer = spawnSync('node', [NODE_VLOER, bestand, nodeDb], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const nodeVloerMs = performance.now() - t;
  if (nodeVloer.status !== 0) throw new Error(`node-vloer mislukt: ${(nodeVloer.stderr ?? '').slice(-500)}`);
  const nodeBindenMs = (JSON.parse(nodeVloer.stdout) as { bindenMs: number }).bindenMs;
  for (const f of [nodeDb, `${nodeDb}-wal`, `${nodeDb}-shm`]) rmSync(f, { force: true });
  const vloerMs = schrijfvloer(dir, db);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  return { naam, bestand, rijen, kolommen: kop.split(';').length, oursMs, sqlite3Ms, vloerMs, nodeVloerMs, nodeBindenMs, ...her };
}

const rps = (rijen: number, ms: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(rijen / (ms / 1000));
const x = (v: number) => `${nl.format(v)}×`;

/** The section "Import" of BENCHMARKS.md: the two ratios and what limits each. */
export function importSectie(metingen: ImportVerhouding[], doelen: Record<string, number>): string[] {
  const per = (f: (m: ImportVerhouding) => string) => metingen.map((m) => `${m.naam} ${f(m)}`).join(', ');
  return [
    '## Import',
    '',
    "Hele commando's, opstarten inbegrepen, in dezelfde run na elkaar gemeten: `vt-monitor importeer` (alle validatie, afleiding,",
    'hash, bijgehouden tellingen, plausibiliteit, alles-of-niets in één transactie, eerste berekening) in een lege SQLite-database',
    'tegenover `sqlite3 <db> ".import --csv <bestand> t"` in een kale tabel met alleen tekstkolommen. Daarnaast twee vloeren:',
    '',
    '- **Node-vloer** (`bench/metingen/node-vloer.mjs`, ook een heel commando): het minste wat een import in Node met',
    '  better-sqlite3 met het bestand doet. Regels lezen, op `;` splitsen en per regel één prepared `INSERT` van de velden in een',
    '  kale teksttabel, in één transactie. Geen validatie, geen afleiding, geen sleutel, geen index. Het script meet ook de',
    '  `INSERT`-lus alleen (binden en schrijven, zonder lezen en splitsen): dat deel kan geen tweede thread overnemen.',
    '- **SQLite-vloer**: SQLite zelf (de sqlite3-tool, geen JavaScript) kopieert de geïmporteerde rijen (`INSERT … SELECT`) in een',
    '  lege tabel met hetzelfde record: de 27 exportkolommen, hash en importbatch, met alleen de primaire sleutel.',
    '',
    '| bestand | rijen × kolommen | VT Monitor (rijen/s) | `sqlite3 .import` (rijen/s) | verhouding ' +
      '| doel | Node-vloer (rijen/s) | Node-vloer / `.import` | alleen binden / `.import` | SQLite-vloer ' +
      '(rijen/s) | SQLite-vloer / `.import` |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...metingen.map(
      (m) =>
        `| ${m.naam} | ${new Intl.NumberFormat('nl-NL').format(m.rijen)} × ${m.kolommen} | ${rps(m.rijen, m.oursMs)} ` +
        `| ${rps(m.rijen, m.sqlite3Ms)} | ${x(m.sqlite3Ms / m.oursMs)} | ≥ ${x(doelen[m.naam] ?? 0)} ` +
        `| ${rps(m.rijen, m.nodeVloerMs)} | ${x(m.sqlite3Ms / m.nodeVloerMs)} | ${x(m.sqlite3Ms / m.nodeBindenMs)} ` +
        `| ${rps(m.rijen, m.vloerMs)} | ${x(m.sqlite3Ms / m.vloerMs)} |`,
    ),
    '',
    'Wat elke verhouding begrenst:',
    '',
    `- **De driver.** De Node-vloer haalt als heel commando ${per((m) => x(m.sqlite3Ms / m.nodeVloerMs))} van \`.import\`; alleen het`,
    `  binden en schrijven van de velden (better-sqlite3 \`run\` per rij) ${per((m) => x(m.sqlite3Ms / m.nodeBindenMs))}. Een import in Node`,
    '  die ook maar één rij per `run` schrijft, komt niet boven die lus uit.',
    `- **Het opgeslagen record** is sinds deze versie de exportregel zelf (29 waarden, alleen de primaire sleutel): SQLite alleen`,
    `  haalt daarmee ${per((m) => x(m.sqlite3Ms / m.vloerMs))} van \`.import\`. Wat de indicatoren tellen, staat niet meer in afgeleide`,
    '  kolommen met 24 indexen maar in de tabel `tellingen`, die de import in zijn transactie bijwerkt (docs/import.md, "Snelheid").',
    '- **De CPU.** Op 2 kernen lopen de worker (lezen, valideren, hashen) en de importerende thread (afleiden, tellen, schrijven)',
    '  naast elkaar; samen mogen ze per rij niet meer CPU kosten dan het doel in wandtijd toelaat, maal twee. Het profiel per',
    '  thread staat in docs/import.md.',
    '',
    ...herimportSectie(metingen),
  ];
}

/** Re-importing an export whose rows are all stored unchanged (the quarterly re-export), against `.import` of the same file. */
export function herimportSectie(metingen: ImportVerhouding[]): string[] {
  const her = metingen.filter((m) => m.herimportMs !== undefined);
  if (her.length === 0) return [];
  return [
    '### Herimport: elke rij al ongewijzigd opgeslagen',
    '',
    'Elk kwartaal exporteert een VT zijn hele geschiedenis opnieuw; vrijwel elke rij staat dan al ongewijzigd in de database.',
    'Hetzelfde bestand nog eens ingelezen in dezelfde database, direct na de eerste import (heel commando, alle validatie en',
    'alle weigeringen, alles-of-niets), tegenover `sqlite3 .import` van hetzelfde bestand uit dezelfde run.',
    '',
    '| bestand | rijen | ongewijzigd | herimport (s) | herimport (rijen/s) | `sqlite3 .import` (s) | verhouding | doel |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...her.map(
      (m) =>
        `| ${m.naam} | ${new Intl.NumberFormat('nl-NL').format(m.rijen)} | ${new Intl.NumberFormat('nl-NL').format(m.herimport!.ongewijzigd)} ` +
        `| ${nl.format(m.herimportMs! / 1000)} | ${rps(m.rijen, m.herimportMs!)} | ${nl.format(m.sqlite3Ms / 1000)} ` +
        `| ${x(m.sqlite3Ms / m.herimportMs!)} | ≥ ${x(HERIMPORT_DOEL)} |`,
    ),
    '',
  ];
}

export const HERIMPORT_DOEL = 0.5;

function genereer(dir: string, naam: string, schaal: number, tot: string): string {
  const pad = join(dir, `${naam}.csv`);
  const r = spawnSync('node', [CLI, 'demo', '--tot', tot, '--schaal', String(schaal), '--uit', pad, '--alleen-bestand'], {
    env: { ...process.env, DATABASE_URL: join(dir, `gen-${naam}.sqlite`), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`genereren van ${naam} mislukt`);
  for (const f of [`gen-${naam}.sqlite`, `gen-${naam}.sqlite-wal`, `gen-${naam}.sqlite-shm`, `${naam}-financien.csv`, `${naam}-formatie.csv`])
    rmSync(join(dir, f), { force: true });
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
export async function meetImport(
  dir: string,
  opties: {
    snel?: boolean;
    tot: string;
    log?: (m: string) => void;
    /** a demo export of ≥ 1,000,000 lines to cut both files from, instead of generating them */ bron?: string;
    /** only the full-width file, imported and re-imported, beside `.import` (no lean file, no floors) */
    alleenHerimport?: boolean;
  },
): Promise<ImportVerhouding[]> {
  const log = opties.log ?? (() => undefined);
  const smalN = opties.snel ? 100_000 : 1_000_000;
  let breed: string;
  let groot: string;
  if (opties.bron) {
    // the export is in time order: its first 503,081 lines (the size of `--schaal 8`) are a whole export of that history
    log('import: volle breedte en smal uit de demo-export van deze run');
    breed = join(dir, 'import-breed.csv');
    await eersteRegels(opties.bron, breed, opties.snel ? 62_000 : 503_081);
    groot = opties.bron;
  } else if (opties.alleenHerimport) {
    log(`import: demo-export op volle breedte genereren (schaal ${opties.snel ? 1 : 8})`);
    breed = genereer(dir, 'import-breed', opties.snel ? 1 : 8, opties.tot);
    log('import: volle breedte importeren en opnieuw importeren');
    const m = meetImportVerhouding(dir, 'volle breedte', breed, await regels(breed), true, true);
    rmSync(breed, { force: true });
    return [m];
  } else {
    log(`import: demo-export op volle breedte genereren (schaal ${opties.snel ? 1 : 8})`);
    breed = genereer(dir, 'import-breed', opties.snel ? 1 : 8, opties.tot);
    groot = genereer(dir, 'import-groot', opties.snel ? 2 : 16, opties.tot);
  }
  log(`import: smal bestand van ${smalN} regels × ${SMALLE_KOLOMMEN.length} kolommen`);
  const smal = join(dir, 'import-smal.csv');
  const smalRijen = await smalBestand(groot, smal, smalN);
  if (!opties.bron) rmSync(groot, { force: true });
  if (smalRijen < smalN) throw new Error(`smal bestand: ${smalRijen} regels, ${smalN} verwacht`);
  log('import: volle breedte meten');
  const a = meetImportVerhouding(dir, 'volle breedte', breed, await regels(breed), true);
  log('import: smal meten');
  const b = meetImportVerhouding(dir, 'smal', smal, smalRijen);
  rmSync(breed, { force: true });
  rmSync(smal, { force: true });
  return [a, b];
}
