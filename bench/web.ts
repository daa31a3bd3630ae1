/**
 * npm run bench:web — the region page and the indicator API under 50 concurrent connections,
 * against express serving a static file of the same size as the baseline (same run).
 * Usage: tsx bench/web.ts [--db pad-naar-geladen.sqlite | postgres://…] [--kwartaal 2026-Q2] [--schaal 46] [--duur 10]
 *        [--tijdens-import export.csv]   (measures while `vt-monitor importeer export.csv` runs on the same database;
 *                                         adds a chart download as CSV and as XLSX, each writing an audit entry per request)
 *        [--met-download]                (the same downloads without an import, for comparison)
 *        [--poort 3101]                  (the app listens here, the static baseline on the next port)
 * Without --db it generates and imports ~3,000,000 registrations first (several minutes).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, meetApp, meetStatisch, type WebMeting } from './metingen/web.js';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const dir = mkdtempSync(join(tmpdir(), 'vt-bench-web-'));
const duur = Number(arg('--duur', '10'));
const kwartaal = arg('--kwartaal', '2026-Q2')!;
const poort = Number(arg('--poort', '3101'));
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const regel = (naam: string, m: WebMeting) =>
  `| ${naam} | ${nl.format(m.rps)} | ${nl.format(m.p50)} | ${nl.format(m.p95)} | ${nl.format(m.p99)} | ${m.fouten} |`;

let db = arg('--db');
try {
  if (!db) {
    db = join(dir, 'bench.sqlite');
    const csv = join(dir, 'export.csv');
    const env = { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'warn' };
    console.log('genereren en importeren van de testdata…');
    spawnSync('node', [CLI, 'demo', '--tot', '2026-09-30', '--schaal', arg('--schaal', '46')!, '--uit', csv, '--alleen-bestand'], { env, stdio: 'inherit' });
    spawnSync('node', [CLI, 'importeer', csv], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const importBestand = arg('--tijdens-import');
  let importKlaar: Promise<string> | null = null;
  const startImport = importBestand
    ? () => {
        const t0 = Date.now();
        const p = spawn('node', [CLI, 'importeer', importBestand, '--json'], {
          env: { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let uit = '';
        p.stdout.on('data', (d: Buffer) => (uit += d.toString()));
        importKlaar = new Promise((resolve) =>
          p.on('exit', (code) => {
            const s = (() => {
              try {
                return JSON.parse(uit) as { rijen: number; nieuw: number; gewijzigd: number };
              } catch {
                return null;
              }
            })();
            resolve(
              `import: exit ${code}, ${((Date.now() - t0) / 1000).toFixed(1)} s${s ? `, ${s.rijen} rijen (${s.nieuw} nieuw, ${s.gewijzigd} gewijzigd)` : ''}`,
            );
          }),
        );
        console.log(`import van ${importBestand} gestart; de metingen lopen terwijl hij schrijft`);
      }
    : undefined;
  const paden: Record<string, string> = {
    'regiopagina /': `/?kwartaal=${kwartaal}`,
    'API /api/indicatoren': `/api/indicatoren?kwartaal=${kwartaal}`,
    gemeentepagina: `/gemeente/GM0268?kwartaal=${kwartaal}`,
  };
  if (importBestand || process.argv.includes('--met-download')) {
    paden['download grafiek-CSV (auditregel per verzoek)'] = `/export/regio/instroom.csv?kwartaal=${kwartaal}`;
    paden['download grafiek-XLSX (auditregel per verzoek)'] = `/export/regio/instroom.xlsx?kwartaal=${kwartaal}`;
  }
  const { metingen, html } = await meetApp(db, poort, paden, duur, startImport);
  if (importKlaar) console.log(await importKlaar);
  const baseline = await meetStatisch(dir, html, poort + 1, duur);
  console.log(`\n50 gelijktijdige verbindingen, ${duur} s per meting; ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}\n`);
  console.log(
    [
      '| meting | req/s | p50 ms | p95 ms | p99 ms | fouten |',
      '|---|---:|---:|---:|---:|---:|',
      regel(`statisch bestand (${nl.format(html.length / 1024)} kB), baseline`, baseline),
      ...Object.entries(metingen).map(([naam, m]) => regel(naam, m)),
    ].join('\n'),
  );
  const downloads = Object.entries(metingen).filter(([naam]) => naam.startsWith('download'));
  if (downloads.length > 0) console.log('');
  for (const [naam, m] of downloads)
    console.log(`${naam.split(' (')[0]} ten opzichte van het statische bestand: ${nl.format(m.rps / baseline.rps)}× (doel ≥ 0,5×)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
