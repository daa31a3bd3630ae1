/**
 * npm run bench:cli — the start-up of CLI commands as whole commands (docs/cli.md, "Opstarten"):
 * `--help`, `importeer --json` of a two-row file into a fresh SQLite database, and the same file
 * once more into that database. Each variant runs in turn, N times, in the same run:
 * - bundel: bin/vt-monitor.js as it starts by default (the bundle of bin/laad-typescript.mjs);
 * - tsx: the same sources through tsx (VT_ZONDER_BUNDEL=1), as every command started before;
 * - with --ook DIR (repeatable): the CLI of another checkout (an older commit, say), for a before/after.
 * Usage: tsx bench/cli.ts [--n 10] [--ook DIR]… Prints medians (and the fastest run) and the ratio to tsx.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLUMN_NAMES } from '../server/registraties/schema.js';

const arg = (naam: string) => {
  const i = process.argv.indexOf(naam);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--n') ?? 10);
const ook = process.argv.flatMap((a, i) => (a === '--ook' && process.argv[i + 1] ? [process.argv[i + 1]!] : []));

const dir = mkdtempSync(join(tmpdir(), 'vt-bench-cli-'));
const bestand = join(dir, 'twee.csv');
const rijen: Record<string, string>[] = [
  {
    registratie_id: 'B-1',
    soort: 'melding',
    datum_binnenkomst: '2019-01-01',
    gemeente_code: 'GM0268',
    melder_categorie: 'politie',
    datum_veiligheidsbeoordeling: '2019-01-10',
    besluit_veiligheidsbeoordeling: 'overdracht_lokaal_team',
  },
  { registratie_id: 'B-2', soort: 'advies', datum_binnenkomst: '2019-03-31', gemeente_code: 'GM0209', melder_categorie: 'politie' },
];
writeFileSync(bestand, `${[COLUMN_NAMES.join(';'), ...rijen.map((r) => COLUMN_NAMES.map((c) => r[c] ?? '').join(';'))].join('\n')}\n`);

const varianten: { naam: string; cli: string; env: Record<string, string> }[] = [
  { naam: 'tsx', cli: join(process.cwd(), 'bin', 'vt-monitor.js'), env: { VT_ZONDER_BUNDEL: '1' } },
  { naam: 'bundel', cli: join(process.cwd(), 'bin', 'vt-monitor.js'), env: {} },
  ...ook.map((d) => ({ naam: d, cli: join(d, 'bin', 'vt-monitor.js'), env: {} })),
];

function duur(cli: string, env: Record<string, string>, args: string[]): number {
  const t = performance.now();
  const r = spawnSync('node', [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cli} ${args.join(' ')}: ${r.stderr.slice(-500)}`);
  return ms;
}

const METINGEN = ['--help', 'importeer, nieuwe database', 'importeer, tweede keer'] as const;
const tijden = new Map<string, number[]>();
const noteer = (v: string, m: string, ms: number) => tijden.set(`${v}|${m}`, [...(tijden.get(`${v}|${m}`) ?? []), ms]);
try {
  // one unmeasured round: builds the bundles, warms tsx's cache and the file cache
  for (let ronde = 0; ronde <= N; ronde++) {
    for (const v of varianten) {
      const db = join(dir, `${v.naam.replace(/\W/g, '_')}.sqlite`);
      for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
      const env = { ...v.env, DATABASE_URL: db };
      const ms = [duur(v.cli, env, ['--help']), duur(v.cli, env, ['importeer', '--json', bestand]), duur(v.cli, env, ['importeer', '--json', bestand])];
      if (ronde > 0) METINGEN.forEach((m, i) => noteer(v.naam, m, ms[i]!));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const mediaan = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
process.stdout.write(`${N} keer per variant, om de beurt; mediaan (snelste) in ms; verhouding = mediaan / mediaan van tsx\n\n`);
process.stdout.write(`| | ${varianten.map((v) => v.naam).join(' | ')} |\n|---|${varianten.map(() => '---:').join('|')}|\n`);
for (const m of METINGEN) {
  const basis = mediaan(tijden.get(`tsx|${m}`)!);
  const cellen = varianten.map((v) => {
    const t = tijden.get(`${v.naam}|${m}`)!;
    return `${nl.format(Math.round(mediaan(t)))} (${nl.format(Math.round(Math.min(...t)))})${v.naam === 'tsx' ? '' : `, ${nl.format(mediaan(t) / basis)}×`}`;
  });
  process.stdout.write(`| ${m} | ${cellen.join(' | ')} |\n`);
}
