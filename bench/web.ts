/**
 * npm run bench:web — the region page and the indicator API under 50 concurrent connections,
 * against express serving a static file of the same size as the baseline (same run).
 * Usage: tsx bench/web.ts [--db pad-naar-geladen.sqlite] [--schaal 46] [--duur 10]
 * Without --db it generates and imports ~3,000,000 registrations first (several minutes).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const dir = mkdtempSync(join(tmpdir(), 'vt-bench-web-'));
const duur = Number(arg('--duur', '10'));
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const cli = join(process.cwd(), 'bin', 'vt-monitor.js');

function start(cmd: string, args: string[], env: NodeJS.ProcessEnv, klaar: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const kijk = (chunk: Buffer) => {
      if (klaar.test(chunk.toString())) resolve(child);
    };
    child.stdout.on('data', kijk);
    child.stderr.on('data', kijk);
    child.on('exit', (code) => reject(new Error(`${cmd} ${args.join(' ')} stopte (${code})`)));
  });
}

/** autocannon reports no p95: collect every response time and take the percentiles ourselves. */
function percentiel(gesorteerd: number[], p: number): number {
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.ceil((p / 100) * gesorteerd.length) - 1)] ?? NaN;
}

/** Signs in as the demo bestuur account (demo mode creates it on a database without users). */
async function inloggen(base: string): Promise<string> {
  const formulier = await fetch(`${base}/inloggen`);
  const csrfCookie = formulier.headers.getSetCookie().find((c) => c.startsWith('vt_login_csrf='))!.split(';')[0]!;
  const res = await fetch(`${base}/inloggen`, {
    method: 'POST', redirect: 'manual', headers: { cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: csrfCookie.split('=')[1]!, email: 'bestuur@demo.vt', wachtwoord: 'demo-bestuur-2026' }),
  });
  const sessie = res.headers.getSetCookie().find((c) => c.startsWith('vt_sessie='))?.split(';')[0];
  if (!sessie) throw new Error('inloggen als bestuur@demo.vt mislukt: start de benchmark op een database zonder gebruikers (demomodus)');
  return sessie;
}
let cookie = '';

async function meet(url: string) {
  const tijden: number[] = [];
  await autocannon({ url, connections: 50, duration: 3, headers: { cookie } }); // warm-up, not counted
  // without a callback autocannon returns an EventEmitter that is also a promise of the result
  const instance = autocannon({ url, connections: 50, duration: duur, pipelining: 1, headers: { cookie } }) as unknown as Promise<autocannon.Result> &
    NodeJS.EventEmitter;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => tijden.push(ms));
  const r = await instance;
  tijden.sort((a, b) => a - b);
  const p = (n: number) => nl.format(percentiel(tijden, n));
  return { rps: r.requests.average, p50: p(50), p95: p(95), p99: p(99), fouten: r.errors + r.non2xx };
}

let db = arg('--db');
const kinderen: ChildProcess[] = [];
try {
  if (!db) {
    db = join(dir, 'bench.sqlite');
    const csv = join(dir, 'export.csv');
    const env = { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'warn' };
    console.log('genereren en importeren van de testdata…');
    spawnSync('node', [cli, 'demo', '--tot', '2026-09-30', '--schaal', arg('--schaal', '46')!, '--uit', csv, '--alleen-bestand'], { env, stdio: 'inherit' });
    spawnSync('node', [cli, 'importeer', csv], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  kinderen.push(await start('node', [cli, 'start'], { DATABASE_URL: db, PORT: '3101', LOG_LEVEL: 'warn' }, /draait op/));
  const pagina = 'http://127.0.0.1:3101/?kwartaal=2026-Q2';
  cookie = await inloggen('http://127.0.0.1:3101');
  const html = await (await fetch(pagina, { headers: { cookie } })).text();
  writeFileSync(join(dir, 'pagina.html'), html);
  kinderen.push(await start('npx', ['tsx', 'bench/static-server.ts', dir, '3102'], {}, /klaar/));

  const regels = ['| meting | req/s | p50 ms | p95 ms | p99 ms | fouten |', '|---|---:|---:|---:|---:|---:|'];
  const metingen: [string, string][] = [
    [`statisch bestand (${nl.format(html.length / 1024)} kB), baseline`, 'http://127.0.0.1:3102/pagina.html'],
    ['regiopagina /', pagina],
    ['API /api/indicatoren', 'http://127.0.0.1:3101/api/indicatoren?kwartaal=2026-Q2'],
    ['gemeentepagina', 'http://127.0.0.1:3101/gemeente/GM0268?kwartaal=2026-Q2'],
  ];
  for (const [naam, url] of metingen) {
    await fetch(url, { headers: { cookie } }); // warm
    const m = await meet(url);
    regels.push(`| ${naam} | ${nl.format(m.rps)} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.fouten} |`);
  }
  console.log(`\n50 gelijktijdige verbindingen, ${duur} s per meting; ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}\n`);
  console.log(regels.join('\n'));
} finally {
  for (const k of kinderen) k.kill();
  rmSync(dir, { recursive: true, force: true });
}
