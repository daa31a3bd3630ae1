import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakSessie } from '../../server/auth/sessies-repository.js';
import { importDeps } from '../../server/import/service.js';
import { leegWachtrij } from '../../server/db/schrijfwachtrij.js';
import { demoBron } from '../../server/demo/export.js';
import { genereerDemo } from '../../server/demo/generator.js';
import { importeer } from '../../server/import/importer.js';
import { TEST_POSTGRES, testContext, type TestContext } from '../helpers/context.js';
import { sessieAls, startServer, type Sessie } from '../helpers/server.js';
import { draai } from '../helpers/proces.js';

/**
 * Imports and the web app live together: a large import runs in its own process (the CLI, as in
 * production) while 10 clients read the region page and download a chart table (each download
 * writes an audit entry). No error, no timeout, every audit entry there afterwards, and a
 * session made while the import writes (after its first progress report) works at once.
 * SQLite: 100,000 rows; PostgreSQL: 40,000 (the same code path; the shared test machine keeps
 * it shorter there). The test asserts that the import was still running when that session was
 * used and that more than 20 requests fell inside it, so a shorter import cannot pass unnoticed.
 */
const CLI = join(process.cwd(), 'bin', 'vt-monitor.js');
const RIJEN = TEST_POSTGRES ? 40_000 : 100_000;
let ctx: TestContext;
let server: Server;
let base: string;
let sessies: Sessie[];
let exportPad: string;

beforeAll(async () => {
  ctx = await testContext('2024-12-31');
  // what the pages show before: a smaller export of another seed (its ids overlap: updates and inserts)
  await importeer(importDeps(ctx), [demoBron(genereerDemo(ctx.regio, ctx.kalender, { tot: '2024-12-31', seed: 3, schaal: 0.05 }), 'basis')], { door: 'test' });
  exportPad = join(ctx.dir, 'groot.csv');
  const schaal = String((RIJEN / 47_000) * 1.1);
  const gen = await draai('node', [CLI, 'demo', '--tot', '2024-12-31', '--schaal', schaal, '--uit', exportPad, '--alleen-bestand'], {
    env: { ...process.env, DATABASE_URL: join(ctx.dir, 'gen.sqlite'), LOG_LEVEL: 'silent' },
  });
  expect(gen.status, gen.stderr).toBe(0);
  ({ server, base } = await startServer(ctx));
  sessies = await Promise.all(Array.from({ length: 10 }, () => sessieAls(ctx, 'bestuur')));
}, 240_000);

afterAll(async () => {
  // keep-alive connections of the 10 clients would hold close() open until they time out
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

describe('a large import while the web app is used', () => {
  it(`${RIJEN.toLocaleString('nl-NL')} rows in another process: 10 clients, 0 errors, every audit entry kept`, { timeout: 300_000 }, async () => {
    const regels =
      readFileSync(exportPad, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length - 1;
    expect(regels).toBeGreaterThanOrEqual(RIJEN);
    const auditVoor = Number((await ctx.db('audit_log').where({ actie: 'download' }).count({ n: '*' }).first())!.n);

    const importProces = spawn('node', [CLI, 'importeer', exportPad, '--json'], {
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent' },
    });
    let uit = '';
    importProces.stdout.on('data', (d: Buffer) => (uit += d.toString()));
    // on a pipe the import reports every 20.000 rows: from the first report on it writes, inside its transaction
    let voortgang = '';
    const onderweg = new Promise<void>((resolve) =>
      importProces.stderr.on('data', (d: Buffer) => {
        voortgang += d.toString();
        if (voortgang.includes('rijen verwerkt')) resolve();
      }),
    );
    const klaar = new Promise<number>((resolve) => importProces.on('exit', (code) => resolve(code ?? -1)));
    let bezig = true;
    void klaar.then(() => (bezig = false));

    const fouten: string[] = [];
    let downloads = 0;
    let paginas = 0;
    let tijdensImport = 0;
    const duren: number[] = [];
    const client = async (s: Sessie, i: number) => {
      while (bezig) {
        for (const url of ['/', `/export/regio/instroom.csv?kwartaal=2024-Q3&client=${i}`]) {
          const t0 = Date.now();
          try {
            const res = await s.fetch(`${base}${url}`, { signal: AbortSignal.timeout(10_000) });
            await res.arrayBuffer();
            if (res.status !== 200) fouten.push(`${url}: HTTP ${res.status}`);
            else if (url === '/') paginas++;
            else downloads++;
          } catch (error) {
            fouten.push(`${url}: ${(error as Error).message}`);
          }
          duren.push(Date.now() - t0);
          if (bezig) tijdensImport++;
        }
      }
    };
    // while the import writes: a new session (a login's write) is usable at once, even though its insert may wait for it
    const sessieTijdens = (async () => {
      await Promise.race([onderweg, klaar]);
      const gebruiker = (await ctx.db('gebruikers').first('id')) as { id: number };
      const { token } = await maakSessie(ctx.db, gebruiker.id, 1);
      const res = await fetch(`${base}/`, { headers: { cookie: `vt_sessie=${token}` }, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      // made and used while the import still ran, or the test proves nothing about "during"
      return { status: res.status, tijdensImport: bezig };
    })();
    await Promise.all([...sessies.map(client), klaar]);
    expect(await klaar, `${uit}\n${voortgang}`).toBe(0);
    expect(JSON.parse(uit)).toMatchObject({ afgewezen: 0 });
    expect(await sessieTijdens).toEqual({ status: 200, tijdensImport: true });
    await leegWachtrij(ctx.db);

    duren.sort((a, b) => a - b);
    console.log(
      `gelijktijdig (${TEST_POSTGRES ? 'PostgreSQL' : 'SQLite'}, ${RIJEN} rijen): ${paginas} pagina's ` +
        `en ${downloads} downloads, ${tijdensImport} tijdens de import; p99 ${duren[Math.floor(duren.length * 0.99)]} ` +
        `ms; fouten ${fouten.length}`,
    );
    expect(fouten).toEqual([]);
    expect(tijdensImport).toBeGreaterThan(20);
    const auditNa = Number((await ctx.db('audit_log').where({ actie: 'download' }).count({ n: '*' }).first())!.n);
    expect(auditNa - auditVoor).toBe(downloads);
  });
});
