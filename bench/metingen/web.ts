/**
 * Web measurements: a running `vt-monitor start` under 50 concurrent connections with autocannon,
 * signed in as the demo bestuur account; percentiles from every response time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

export const CLI = join(process.cwd(), 'bin', 'vt-monitor.js');

export interface WebMeting {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  fouten: number;
}

export function startProces(cmd: string, args: string[], env: NodeJS.ProcessEnv, klaar: RegExp): Promise<ChildProcess> {
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
export function percentiel(gesorteerd: number[], p: number): number {
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.ceil((p / 100) * gesorteerd.length) - 1)] ?? NaN;
}

/** Signs in as the demo bestuur account (demo mode creates it on a database without users). */
export async function inloggen(base: string): Promise<string> {
  const formulier = await fetch(`${base}/inloggen`);
  const csrfCookie = formulier.headers
    .getSetCookie()
    .find((c) => c.startsWith('vt_login_csrf='))!
    .split(';')[0]!;
  // the form's token is derived from the cookie's nonce (auth/logincsrf-service.ts): read it from the form, as a browser does
  const token = /name="_csrf" value="([^"]+)"/.exec(await formulier.text())?.[1] ?? '';
  const res = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: token, email: 'bestuur@demo.vt', wachtwoord: 'demo-bestuur-2026' }),
  });
  const sessie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('vt_sessie='))
    ?.split(';')[0];
  if (!sessie) {
    throw new Error(
      `inloggen als bestuur@demo.vt mislukt (${res.status} ${res.headers.get('location') ?? ''}): ` +
        `start de benchmark op een database zonder gebruikers (demomodus)`,
    );
  }
  return sessie;
}

export async function belast(url: string, duur: number, cookie = ''): Promise<WebMeting> {
  const tijden: number[] = [];
  await fetch(url, { headers: { cookie } });
  await autocannon({ url, connections: 50, duration: 2, headers: { cookie } }); // warm-up, not counted
  // without a callback autocannon returns an EventEmitter that is also a promise of the result
  const instance = autocannon({ url, connections: 50, duration: duur, pipelining: 1, headers: { cookie } }) as unknown as Promise<autocannon.Result> &
    NodeJS.EventEmitter;
  let anders = 0;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) tijden.push(ms);
    else anders++;
  });
  const r = await instance;
  tijden.sort((a, b) => a - b);
  // the rate of answers counted here (200 only), not autocannon's mean of per-second samples: a slow
  // route whose answers arrive in bursts, or not within a second, read as 0 req/s there. Timeouts
  // and other statuses are errors: a route that answers nothing must not read as "0 errors".
  return {
    rps: tijden.length / (r.duration || duur),
    p50: percentiel(tijden, 50),
    p95: percentiel(tijden, 95),
    p99: percentiel(tijden, 99),
    fouten: anders + Math.max(r.errors, r.timeouts),
  };
}

/** Starts the app on the database, signs in, measures the given paths; returns also the region page HTML. */
export async function meetApp(
  databaseUrl: string,
  poort: number,
  paden: Record<string, string>,
  duur: number,
  voorMeting?: () => void,
): Promise<{ metingen: Record<string, WebMeting>; html: string }> {
  const app = await startProces('node', [CLI, 'start'], { DATABASE_URL: databaseUrl, PORT: String(poort), LOG_LEVEL: 'warn' }, /draait op/);
  try {
    const base = `http://127.0.0.1:${poort}`;
    const cookie = await inloggen(base);
    const metingen: Record<string, WebMeting> = {};
    let html = '';
    // e.g. start an import in another process: the measurements then run while it writes
    voorMeting?.();
    for (const [naam, pad] of Object.entries(paden)) {
      if (!html) {
        const res = await fetch(base + pad, { headers: { cookie } });
        html = await res.text();
        if (res.status !== 200) throw new Error(`${pad}: status ${res.status}, de baseline zou een foutpagina meten`);
      }
      metingen[naam] = await belast(base + pad, duur, cookie);
    }
    return { metingen, html };
  } finally {
    app.kill();
  }
}

/**
 * The baseline: express serving `html` as a static file, under the same load. The server is
 * started with node itself (an `npx` wrapper would outlive a kill and keep the port).
 */
export async function meetStatisch(dir: string, html: string, poort: number, duur: number): Promise<WebMeting> {
  writeFileSync(join(dir, 'pagina.html'), html);
  const server = await startProces(process.execPath, ['--import', 'tsx', join(process.cwd(), 'bench', 'static-server.ts'), dir, String(poort)], {}, /klaar/);
  try {
    return await belast(`http://127.0.0.1:${poort}/pagina.html`, duur);
  } finally {
    server.kill();
  }
}
