/**
 * npm run bench — the whole benchmark suite at national scale, SQLite and PostgreSQL side by side,
 * each measurement beside its baseline from the same run; writes BENCHMARKS.md.
 * Usage: tsx bench/run.ts [--schaal 46] [--duur 5] [--zonder-postgres] [--snel] [--export demo.csv]
 * --export: an existing demo export made with `vt-monitor demo --tot 2026-09-30 --schaal <n>` (give the same
 * --schaal); the import measurements cut their files from it instead of generating two more exports.
 * --snel: the section "Import" on small files (a quick check; full sizes by default).
 * PostgreSQL: VT_BENCH_POSTGRES_URL (admin connection), else VT_TEST_POSTGRES_URL, else
 * postgres://postgres:postgres@127.0.0.1:5432/postgres; a database is created per measurement.
 *
 * Plan (about 20 minutes on 2 cores): generate the demo export once (~3,000,000 rows); its
 * first 100,000 and 1,000,000 rows are the smaller sizes (the export is in time order, so a
 * prefix is the region's history up to a date). Per database: import 100k → measure; import 1M
 * into a fresh database (import rate, peak memory) → measure; import the remaining rows on top →
 * measure at full size, plus the incremental refresh after one extra month.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import knexFactory from 'knex';
import { telDagenOp } from '../server/calendar/dates.js';
import { maakContext } from '../server/context.js';
import { importDeps } from '../server/import/service.js';
import { demoBron } from '../server/demo/export.js';
import { genereerDemo } from '../server/demo/generator.js';
import { importeer } from '../server/import/importer.js';
import { herberekenIndicatoren } from '../server/indicatoren/herbereken.js';
import { telRegistraties } from '../server/registraties/repository.js';
import { IMPORT_DOELEN, importSectie, meetImport, type ImportVerhouding } from './metingen/import.js';
import { meetPdf, profielTekst, type PdfMeting } from './metingen/pdf.js';
import { CLI, meetApp, meetStatisch, type WebMeting } from './metingen/web.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SCHAAL = arg('--schaal', '46');
/** an existing demo export made with `vt-monitor demo --tot 2026-09-30 --schaal <SCHAAL>` (not generated again) */
const EXPORT = process.argv.includes('--export') ? arg('--export', '') : undefined;
const DUUR = Number(arg('--duur', '5'));
const TOT = '2026-09-30';
const KWARTAAL = '2026-Q3';
const PG_ADMIN = process.env.VT_BENCH_POSTGRES_URL ?? process.env.VT_TEST_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
/** a ratio against its baseline, with two decimals: 1,46× and 1,54× both round to 1,5× */
const maal = (v: number) => `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v)}×`;
const s = (ms: number) => `${nl.format(ms / 1000)} s`;
const dir = mkdtempSync(join(tmpdir(), 'vt-bench-'));
const start = Date.now();
const LOAD_START = loadavg();
const pdfSqlite = (res: Partial<Record<Dialect, Resultaat>>) => res.sqlite!.groottes[2]!.pdf;
const log = (m: string) => process.stderr.write(`[${s(Date.now() - start)}] ${m}\n`);

type Dialect = 'sqlite' | 'postgres';
interface Grootte {
  rijen: number;
  rebuildMs: number;
  regio: WebMeting;
  api: WebMeting;
  /** a chart's CSV download (cut from the page's cached model, an audit entry per request); at full size only */
  download?: WebMeting;
  /** the static file measured right after the download (the machine is shared: its load changes within minutes) */
  statischNaDownload?: WebMeting;
  pdf: PdfMeting;
  html: string;
}
interface Resultaat {
  import1m: { ms: number; rijen: number; rssMb: number | null };
  baselineImportMs: number | null;
  /** SQLite alone writing the same rows into the same table and indexes (no JavaScript) */
  schrijfvloerMs: number | null;
  rebuildRuns: number[];
  incrementeelMs: number;
  maandRijen: number;
  groottes: Grootte[];
}

async function pgBeschikbaar(): Promise<boolean> {
  if (process.argv.includes('--zonder-postgres')) return false;
  const admin = knexFactory({ client: 'pg', connection: PG_ADMIN, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await admin.destroy();
  }
}

const pgDatabases: string[] = [];
async function nieuweDatabase(dialect: Dialect, naam: string): Promise<string> {
  if (dialect === 'sqlite') return join(dir, `${naam}.sqlite`);
  const db = `vt_bench_${naam}`;
  const admin = knexFactory({ client: 'pg', connection: PG_ADMIN, pool: { min: 0, max: 1 } });
  await admin.raw(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.raw(`CREATE DATABASE ${db}`);
  await admin.destroy();
  pgDatabases.push(db);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${db}`;
  return url.toString();
}

/** The first `n` data lines (after the header) into one file, the rest into another. */
async function splits(bron: string, n: number, kop: string, rest?: string): Promise<number> {
  const eerste = createWriteStream(kop);
  const tweede = rest ? createWriteStream(rest) : null;
  let i = -1;
  for await (const regel of createInterface({ input: createReadStream(bron), crlfDelay: Infinity })) {
    if (i === -1) {
      eerste.write(`${regel}\n`);
      tweede?.write(`${regel}\n`);
    } else if (i < n) eerste.write(`${regel}\n`);
    else if (tweede) tweede.write(`${regel}\n`);
    else break;
    i++;
  }
  await Promise.all([new Promise((r) => eerste.end(r)), tweede ? new Promise((r) => tweede.end(r)) : null]);
  return i;
}

/** The CLI import in its own process: wall time and peak RSS (GNU time). */
function importeerBestand(url: string, bestand: string): { ms: number; rssMb: number | null } {
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' };
  const metTime = existsSync('/usr/bin/time');
  const t = Date.now();
  const r = metTime
    ? spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', 'node', CLI, 'importeer', '--json', bestand], { env, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync('node', [CLI, 'importeer', '--json', bestand], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Date.now() - t;
  if (r.status !== 0) throw new Error(`import mislukt: ${r.stderr.slice(-500)}`);
  const rss = /MAXRSS (\d+)/.exec(r.stderr ?? '');
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : null };
}

async function metContext<T>(url: string, fn: (ctx: Awaited<ReturnType<typeof maakContext>>) => Promise<T>): Promise<T> {
  const ctx = await maakContext({ DATABASE_URL: url, LOG_LEVEL: 'silent', vandaag: () => '2026-11-22' });
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.destroy();
  }
}

async function meetGrootte(url: string, poort: number, rebuilds: number, metDownload = false): Promise<Grootte & { rebuildRuns: number[] }> {
  const { rijen, rebuildRuns, pdf, kwartaal } = await metContext(url, async (ctx) => {
    const runs: number[] = [];
    for (let i = 0; i < rebuilds; i++) {
      const t = performance.now();
      await ctx.db.transaction((trx) => herberekenIndicatoren(trx, ctx.regio, ctx.kalender, null));
      runs.push(performance.now() - t);
    }
    // a prefix of the export ends earlier: measure its own last complete quarter
    const pdfMeting = await meetPdf(ctx, { runs: 3 });
    return { rijen: await telRegistraties(ctx.db), rebuildRuns: runs.sort((a, b) => a - b), pdf: pdfMeting, kwartaal: pdfMeting.kwartaal };
  });
  const paden: Record<string, string> = { regio: `/?kwartaal=${kwartaal}`, api: `/api/indicatoren?kwartaal=${kwartaal}` };
  if (metDownload) paden.download = `/export/regio/instroom.csv?kwartaal=${kwartaal}`;
  const { metingen, html } = await meetApp(url, poort, paden, DUUR);
  for (const [naam, m] of Object.entries(metingen)) if (m.fouten > 0) throw new Error(`${naam} op ${url}: ${m.fouten} fouten`);
  const statischNaDownload = metDownload ? await meetStatisch(dir, html, poort + 20, DUUR) : undefined;
  return {
    rijen,
    rebuildMs: rebuildRuns[Math.floor(rebuildRuns.length / 2)]!,
    rebuildRuns,
    regio: metingen.regio!,
    api: metingen.api!,
    download: metingen.download,
    statischNaDownload,
    pdf,
    html,
  };
}

const heeftSqlite3 = () => spawnSync('sqlite3', ['-version']).status === 0;

/**
 * What the import cannot go below: SQLite itself writing the imported rows into an empty copy
 * of the table (the stored record, with its primary key) (`INSERT … SELECT` in the sqlite3 tool; the WHERE keeps
 * SQLite from copying the b-trees page by page), with the pragmas VT Monitor uses.
 */
function meetSchrijfvloer(bronPad: string): number {
  const schema = execFileSync('sqlite3', [bronPad, '.schema registraties'], { encoding: 'utf8' }).replace(
    /, foreign key\(`importbatch_id`\) references `importbatches`\(`id`\)/,
    '',
  );
  const doel = join(dir, 'schrijfvloer.sqlite');
  execFileSync('sqlite3', [doel, 'PRAGMA page_size = 16384;', schema]);
  const t = Date.now();
  execFileSync('sqlite3', [
    doel,
    `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; ATTACH '${bronPad}' AS bron;
    BEGIN; INSERT INTO registraties SELECT * FROM bron.registraties WHERE soort IS NOT NULL; COMMIT;`,
  ]);
  const ms = Date.now() - t;
  rmSync(doel, { force: true });
  return ms;
}

async function meetDatabase(dialect: Dialect, bestanden: Record<'k100' | 'm1' | 'rest', string>, poort: number): Promise<Resultaat> {
  log(`${dialect}: 100.000 rijen`);
  const url100 = await nieuweDatabase(dialect, 'k100');
  importeerBestand(url100, bestanden.k100);
  const g100 = await meetGrootte(url100, poort, 1);

  log(`${dialect}: import van 1.000.000 rijen in een lege database`);
  const url = await nieuweDatabase(dialect, 'vol');
  const import1m = importeerBestand(url, bestanden.m1);
  const rijen1m = await metContext(url, (ctx) => telRegistraties(ctx.db));
  const schrijfvloerMs = dialect === 'sqlite' && heeftSqlite3() ? meetSchrijfvloer(url) : null;
  const g1m = await meetGrootte(url, poort + 1, 1);

  log(`${dialect}: de rest erbij`);
  importeerBestand(url, bestanden.rest);
  const gVol = await meetGrootte(url, poort + 2, 3, true);

  log(`${dialect}: één maand extra (incrementeel)`);
  const { incrementeelMs, maandRijen } = await metContext(url, async (ctx) => {
    let ms = 0;
    const deps = importDeps(ctx);
    const van = telDagenOp(TOT, 1);
    const maand = demoBron(genereerDemo(ctx.regio, ctx.kalender, { van, tot: telDagenOp(van, 30), seed: 2, schaal: Number(SCHAAL) }), 'maand');
    const r = await importeer(
      {
        ...deps,
        herbereken: async (trx, geraakt) => {
          const t = performance.now();
          await deps.herbereken!(trx, geraakt);
          ms += performance.now() - t;
        },
      },
      [maand],
      { door: 'bench' },
    );
    return { incrementeelMs: ms, maandRijen: r.nieuw + r.gewijzigd };
  });

  let baselineImportMs: number | null = null;
  if (dialect === 'sqlite' && heeftSqlite3()) {
    const t = Date.now();
    execFileSync('sqlite3', [join(dir, 'ruw.sqlite'), '.mode csv', '.separator ;', `.import ${bestanden.m1} ruw`]);
    baselineImportMs = Date.now() - t;
  }
  if (dialect === 'postgres' && spawnSync('psql', ['--version']).status === 0) {
    const kolommen = readFileSync(bestanden.m1, 'utf8')
      .slice(0, 4000)
      .split('\n')[0]!
      .replace(/^\ufeff/, '')
      .trim()
      .split(';');
    const ruw = await nieuweDatabase('postgres', 'ruw');
    execFileSync('psql', [ruw, '-qc', `CREATE TABLE ruw (${kolommen.map((k) => `"${k}" text`).join(', ')})`]);
    const t = Date.now();
    execFileSync('psql', [ruw, '-qc', `\\copy ruw FROM '${bestanden.m1}' WITH (FORMAT csv, DELIMITER ';', HEADER true)`]);
    baselineImportMs = Date.now() - t;
  }
  return {
    import1m: { ...import1m, rijen: rijen1m },
    baselineImportMs,
    schrijfvloerMs,
    rebuildRuns: gVol.rebuildRuns,
    incrementeelMs,
    maandRijen,
    groottes: [g100, g1m, gVol],
  };
}

/** What bounds the PDF ratios (the figures are in the profile above it). */
const PDF_UITLEG = [
  'Wat de verhouding van de rapportage begrenst: de baseline laadt de HTML één keer en drukt één keer af. De rapportage wordt',
  'ook één keer geladen; de hoofdstukken worden in die pagina gemeten, een eerste afdruk van alleen de koppen geeft de',
  'paginanummers van de inhoudsopgave (Chromium kent geen `target-counter`), die in dezelfde pagina worden ingevuld, en die',
  'pagina wordt afgedrukt; de documentinformatie komt als incrementele update achter de PDF. Daarbovenop komt het model, vooral',
  "ECharts' `setOption` (de indeling van assen, legenda en reeksen) voor ongeveer 20 figuren; de invoer lezen is een klein deel.",
  'Een factsheet wordt zonder inhoudsopgave afgedrukt, in de pagina van de vorige (dezelfde kop: de lettertypen worden één keer',
  'per batch gedecodeerd); de baseline laadt elk bestand in een nieuwe pagina. docs/rapportages.md beschrijft de afdrukstappen.',
];

function versie(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split('\n')[0]! : 'niet gevonden';
}

function rapport(res: Partial<Record<Dialect, Resultaat>>, webBaseline: WebMeting, pgVersie: string, imports: ImportVerhouding[]): string {
  const d = Object.keys(res) as Dialect[];
  const kol = (f: (r: Resultaat) => string) => d.map((x) => f(res[x]!)).join(' | ');
  const naam: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
  const web = (m: WebMeting) =>
    `${nl.format(m.rps)} req/s, p50 ${nl.format(m.p50)} / p95 ${nl.format(m.p95)} / p99 ${nl.format(m.p99)} ms${m.fouten ? `, ${m.fouten} fouten` : ''}`;
  const rps = (rijen: number, ms: number) => nl.format(rijen / (ms / 1000));
  const vol = (r: Resultaat) => r.groottes[2]!;
  const regels = [
    '# Benchmarks',
    '',
    `Geschreven door \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` ` +
      `op ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${s(Date.now() - start)}.`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${nl.format(totalmem() / 2 ** 30)} GiB RAM; ` +
      `node ${process.version}; SQLite via better-sqlite3; ${pgVersie}.`,
    `Belasting van de machine (load average over 1, 5, 15 min): bij de start ${LOAD_START.map((l) => nl.format(l)).join(' / ')}, aan het eind ${loadavg()
      .map((l) => nl.format(l))
      .join(' / ')}; andere processen delen de ${cpus().length} kernen, dus tellen alleen de verhoudingen binnen deze run.`,
    `Gegevens: demodata \`--schaal ${SCHAAL}\` tot ${TOT} (${nl.format(vol(res[d[0]!]!).rijen)} ` +
      `registraties); kwartaal ${KWARTAAL}. Elke meting staat naast haar baseline uit dezelfde run.`,
    '',
    ...importSectie(imports, IMPORT_DOELEN),
    '## Import van 1.000.000 rijen (CSV), met volledige validatie, afleiding en eerste berekening',
    '',
    `| | ${d.map((x) => naam[x]).join(' | ')} |`,
    `|---|${d.map(() => '---:').join('|')}|`,
    `| VT Monitor (rijen/s) | ${kol((r) => rps(r.import1m.rijen, r.import1m.ms))} |`,
    `| piekgeheugen (RSS) | ${kol((r) => (r.import1m.rssMb === null ? '–' : `${nl.format(r.import1m.rssMb)} MB`))} |`,
    `| baseline: \`sqlite3 .import\` / \`COPY\` in een kale tabel (rijen/s) | ` +
      `${kol((r) => (r.baselineImportMs === null ? '–' : rps(r.import1m.rijen, r.baselineImportMs)))} |`,
    `| verhouding (doel SQLite: ≥ 1/3) | ${kol((r) => (r.baselineImportMs === null ? '–' : `1/${nl.format(r.import1m.ms / r.baselineImportMs)}`))} |`,
    `| alleen het schrijven: SQLite zet dezelfde rijen in dezelfde tabel, met alleen de primaire ` +
      `sleutel (\`INSERT … SELECT\` in sqlite3, rijen/s) | ${kol((r) => (r.schrijfvloerMs === null ? '–' : rps(r.import1m.rijen, r.schrijfvloerMs)))} |`,
    '',
    '## Indicatoren',
    '',
    `| | ${d.map((x) => naam[x]).join(' | ')} | doel |`,
    `|---|${d.map(() => '---:').join('|')}|---|`,
    `| volledige herberekening, mediaan van 3 | ${kol((r) => `${s(vol(r).rebuildMs)} (${r.rebuildRuns.map(s).join(', ')})`)} | |`,
    `| incrementeel na één maand extra | ${kol((r) => `${s(r.incrementeelMs)} (${nl.format(r.maandRijen)} registraties)`)} | |`,
    '',
    `## Web: 50 gelijktijdige verbindingen, ${DUUR} s per meting (ingelogd als bestuur)`,
    '',
    `Baseline: express met een statisch bestand van dezelfde grootte als de regiopagina: ${web(webBaseline)}.`,
    '',
    `| | ${d.map((x) => naam[x]).join(' | ')} |`,
    `|---|${d.map(() => '---').join('|')}|`,
    `| regiopagina | ${kol((r) => web(vol(r).regio))} |`,
    `| API /api/indicatoren | ${kol((r) => web(vol(r).api))} |`,
    `| regiopagina ÷ statisch bestand (doel ≥ 0,9×) | ${kol((r) => maal(vol(r).regio.rps / webBaseline.rps))} |`,
    `| download grafiek-CSV \`/export/regio/instroom.csv\` (uit het model van de pagina, auditregel ` +
      `per verzoek) | ${kol((r) => (vol(r).download ? web(vol(r).download!) : '–'))} |`,
    `| statisch bestand, direct na de download gemeten | ${kol((r) => (vol(r).statischNaDownload ? web(vol(r).statischNaDownload!) : '–'))} |`,
    `| download ÷ statisch bestand direct erna (doel ≥ 0,5×) | ${kol((r) => {
      const { download, statischNaDownload } = vol(r);
      return download && statischNaDownload ? maal(download.rps / statischNaDownload.rps) : '–';
    })} |`,
    '',
    '## PDF (warme browser)',
    '',
    'Baseline, per database uit dezelfde run: Chromium drukt dezelfde documenten af als statische HTML: de HTML die VT Monitor',
    'als laatste afdrukte (met de ingebedde lettertypen, de SVG-grafieken en de inhoudsopgave met paginanummers), één keer',
    'geladen en afgedrukt met dezelfde kop- en voetregel en dezelfde opties. Het verschil is wat VT Monitor toevoegt: het model',
    'lezen, de grafieken en de HTML maken, de hoofdstukken meten, de eerste afdruk voor de paginanummers, de documentinformatie.',
    '',
    `| | ${d.map((x) => naam[x]).join(' | ')} | doel |`,
    `|---|${d.map(() => '---:').join('|')}|---|`,
    `| kwartaalrapportage (mediaan van 3) | ${kol((r) => `${s(vol(r).pdf.rapportMs)} (${vol(r).pdf.rapportPaginas} p.)`)} | < 3 s |`,
    `| baseline: dezelfde HTML statisch afgedrukt | ${kol((r) => s(vol(r).pdf.baselineRapportMs))} | |`,
    `| kwartaalrapportage ÷ baseline | ${kol((r) => maal(vol(r).pdf.rapportMs / vol(r).pdf.baselineRapportMs))} | ≤ 1,5× |`,
    `| 15 factsheets in één batch | ${kol((r) => s(vol(r).pdf.factsheetsMs))} | < 15 s |`,
    `| baseline: dezelfde 15 HTML-bestanden statisch afgedrukt | ${kol((r) => s(vol(r).pdf.baselineFactsheetsMs))} | |`,
    `| factsheets ÷ baseline | ${kol((r) => maal(vol(r).pdf.factsheetsMs / vol(r).pdf.baselineFactsheetsMs))} | ≤ 1,2× |`,
    '',
    `Waar de tijd heen gaat (SQLite, volledige omvang; \`onStap\` van PdfDrukker, per stap opgeteld). ` +
      `Kwartaalrapportage, per afdruk (${s(pdfSqlite(res).rapportMs)}):`,
    '',
    profielTekst(pdfSqlite(res).profielRapport, pdfSqlite(res).rapportMs),
    '',
    `15 factsheets, de hele batch (${s(pdfSqlite(res).factsheetsMs)}):`,
    '',
    profielTekst(pdfSqlite(res).profielFactsheets, pdfSqlite(res).factsheetsMs),
    '',
    ...PDF_UITLEG,
    '',
    '## Groei: 100.000 → 1.000.000 → volledig',
    '',
    `| registraties (kwartaal) | ${d
      .flatMap((x) => [`${naam[x]}: herberekening`, `${naam[x]}: regiopagina p95 / req/s`, `${naam[x]}: rapportage`])
      .join(' | ')} |`,
    `|---:|${d.flatMap(() => ['---:', '---:', '---:']).join('|')}|`,
    ...[0, 1, 2].map(
      (i) =>
        `| ${nl.format(res[d[0]!]!.groottes[i]!.rijen)} (${res[d[0]!]!.groottes[i]!.pdf.kwartaal}) | ${d
          .flatMap((x) => {
            const g = res[x]!.groottes[i]!;
            return [s(g.rebuildMs), `${nl.format(g.regio.p95)} ms / ${nl.format(g.regio.rps)}`, s(g.pdf.rapportMs)];
          })
          .join(' | ')} |`,
    ),
    '',
  ];
  return regels.join('\n');
}

try {
  const vol = EXPORT ?? join(dir, 'vol.csv');
  if (EXPORT) log(`demo-export ${EXPORT} (gemaakt met \`vt-monitor demo --tot ${TOT} --schaal ${SCHAAL}\`)`);
  else {
    log(`demodata genereren (schaal ${SCHAAL})`);
    const gen = spawnSync('node', [CLI, 'demo', '--tot', TOT, '--schaal', SCHAAL, '--uit', vol, '--alleen-bestand'], {
      env: { ...process.env, DATABASE_URL: join(dir, 'gen.sqlite'), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (gen.status !== 0) throw new Error('genereren mislukt');
  }
  const bestanden = { k100: join(dir, 'k100.csv'), m1: join(dir, 'm1.csv'), rest: join(dir, 'rest.csv') };
  await splits(vol, 100_000, bestanden.k100);
  await splits(vol, 1_000_000, bestanden.m1, bestanden.rest);

  // with --export the import files are cut from that export (generating two more took most of an hour on a busy machine)
  const imports = heeftSqlite3() ? await meetImport(dir, { snel: process.argv.includes('--snel'), tot: TOT, log, bron: EXPORT ? vol : undefined }) : [];
  if (!EXPORT) rmSync(vol);

  const resultaten: Partial<Record<Dialect, Resultaat>> = {};
  resultaten.sqlite = await meetDatabase('sqlite', bestanden, 3201);
  const pg = await pgBeschikbaar();
  if (pg) resultaten.postgres = await meetDatabase('postgres', bestanden, 3211);
  else log('PostgreSQL niet bereikbaar: alleen SQLite');

  log('baseline: een statisch bestand zo groot als de regiopagina');
  const webBaseline = await meetStatisch(dir, resultaten.sqlite.groottes[2]!.html, 3204, DUUR);
  const md = rapport(
    resultaten,
    webBaseline,
    pg ? versie('psql', ['--version']).replace('psql (PostgreSQL)', 'PostgreSQL') : 'PostgreSQL niet gemeten',
    imports,
  );
  writeFileSync('BENCHMARKS.md', md);
  log('BENCHMARKS.md geschreven');
} finally {
  if (pgDatabases.length) {
    const admin = knexFactory({ client: 'pg', connection: PG_ADMIN, pool: { min: 0, max: 1 } });
    for (const db of pgDatabases) await admin.raw(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await admin.destroy();
  }
  rmSync(dir, { recursive: true, force: true });
}
