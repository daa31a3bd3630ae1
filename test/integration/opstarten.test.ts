import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { telRegistraties } from '../../server/registraties/repository.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { sessieAls } from '../helpers/server.js';

/** `npm start` fails loudly: one Dutch line on stderr and exit code 1, within seconds. */
const CLI = join(process.cwd(), 'bin', 'vt-monitor.js');
let ctx: TestContext;
beforeEach(async () => {
  ctx = await testContext();
});
afterEach(async () => {
  await ctx.close();
});

interface Afloop {
  code: number | null;
  stderr: string;
  ms: number;
}

/** Starts the server; resolves on exit, or on the line that it runs (then `stop` ends it). */
function start(env: Record<string, string>, tot?: RegExp): Promise<Afloop & { stop?: () => Promise<void> }> {
  const t0 = Date.now();
  const p = spawn('node', [CLI, 'start'], { env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: ctx.databaseUrl, ...env } });
  let stderr = '';
  return new Promise((resolve) => {
    const beeindigd = new Promise<number | null>((r) => p.on('exit', (code) => r(code)));
    p.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (tot?.test(stderr)) {
        resolve({
          code: null,
          stderr,
          ms: Date.now() - t0,
          stop: async () => {
            p.kill('SIGTERM');
            await beeindigd;
          },
        });
      }
    });
    void beeindigd.then((code) => resolve({ code, stderr, ms: Date.now() - t0 }));
  });
}

async function vrijePoort(): Promise<number> {
  const s = createServer().listen(0);
  await new Promise((r) => s.once('listening', r));
  const poort = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return poort;
}

const eenRegel = (stderr: string) => stderr.trim().split('\n');

describe('the server fails loudly', () => {
  it('a port in use: one Dutch line, exit code 1, within seconds', async () => {
    const bezet: Server = createServer().listen(0);
    await new Promise((r) => bezet.once('listening', r));
    const poort = (bezet.address() as AddressInfo).port;
    try {
      const a = await start({ PORT: String(poort), NODE_ENV: 'production' });
      expect(a.code).toBe(1);
      expect(eenRegel(a.stderr)).toEqual([`Fout: poort ${poort} is al in gebruik; stop het andere programma of kies een andere poort met PORT=…`]);
      expect(a.ms).toBeLessThan(40_000);
    } finally {
      bezet.close();
    }
  });

  it('an unreadable or invalid region file, a database that cannot be opened', async () => {
    const weg = await start({ PORT: String(await vrijePoort()), REGIO_BESTAND: join(ctx.dir, 'bestaat-niet.json') });
    expect(weg.code).toBe(1);
    expect(eenRegel(weg.stderr)).toEqual([`Fout: Regiobestand ${join(ctx.dir, 'bestaat-niet.json')} kan niet worden gelezen: het bestand bestaat niet`]);
    const kapot = join(ctx.dir, 'regio.json');
    writeFileSync(kapot, JSON.stringify({ naam: 'X', gemeenten: [{ code: 'GM0268' }] }));
    const ongeldig = await start({ PORT: String(await vrijePoort()), REGIO_BESTAND: kapot });
    expect(ongeldig.code).toBe(1);
    expect(eenRegel(ongeldig.stderr)).toHaveLength(1);
    expect(ongeldig.stderr).toMatch(/^Fout: Regiobestand .*regio\.json klopt niet met het formaat: ongeldige of ontbrekende velden: /);
    const map = join(ctx.dir, 'een-map.sqlite');
    mkdirSync(map);
    const db = await start({ PORT: String(await vrijePoort()), DATABASE_URL: map });
    expect(db.code).toBe(1);
    expect(eenRegel(db.stderr)).toEqual([
      `Fout: De database ${map} kan niet worden geopend of bijgewerkt (SQLITE_CANTOPEN); controleer DATABASE_URL, het pad en de rechten`,
    ]);
    // it ends by itself instead of hanging (a start that waits for a database retries for minutes);
    // the bound is loose: a loaded 2-core machine needs up to ~15 s for a start of the CLI
    for (const a of [weg, ongeldig, db]) expect(a.ms).toBeLessThan(40_000);
  });

  it('NODE_ENV=production on an empty database: no demo data, a first page that tells the beheerder to import', async () => {
    const beheerder = await sessieAls(ctx, 'beheerder');
    const bestuur = await sessieAls(ctx, 'bestuur');
    const poort = await vrijePoort();
    const a = await start({ PORT: String(poort), NODE_ENV: 'production' }, /VT Monitor draait op/);
    try {
      expect(a.code).toBeNull();
      expect(a.stderr).toContain('De database is leeg (demomodus uit)');
      expect(await telRegistraties(ctx.db)).toBe(0);
      const pagina = await (await beheerder.fetch(`http://127.0.0.1:${poort}/`)).text();
      expect(pagina).toContain('id="import-hint"');
      expect(pagina).toContain('href="/beheer/import"');
      const anders = await bestuur.fetch(`http://127.0.0.1:${poort}/`);
      expect(anders.status).toBe(200);
      expect(await anders.text()).not.toContain('id="import-hint"');
    } finally {
      await a.stop?.();
    }
    // DEMO_MODUS=uit does the same outside production
    const b = await start({ PORT: String(await vrijePoort()), DEMO_MODUS: 'uit' }, /VT Monitor draait op/);
    await b.stop?.();
    expect(await telRegistraties(ctx.db)).toBe(0);
    expect(await ctx.db('gebruikers').where({ email: 'beheerder@demo.vt' }).first()).toBeUndefined();
  });
});
