import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gebruikerToevoegen } from '../../server/auth/service.js';
import { cliMelding } from '../../server/cli/main.js';
import { maakDb } from '../../server/db/connection.js';
import { migreerNaarLaatste } from '../../server/db/migrate.js';
import { TEST_POSTGRES, testContext, type TestContext } from '../helpers/context.js';
import { draai } from '../helpers/proces.js';

/**
 * A full disk and a locked database, made for real (SQLite's max_page_count, a small tmpfs, a
 * second connection holding the lock; PostgreSQL: a table locked by another session): each gives
 * one Dutch sentence, and neither the SQL nor a password hash is ever printed.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2024-12-31');
});
afterAll(async () => {
  await ctx.close();
});

const cli = join(process.cwd(), 'bin', 'vt-monitor.js');

/**
 * A migrated SQLite database at `pad`: a copy of the run's template (test/helpers/sjabloon.ts), which is what
 * `vt-monitor migreer` leaves, without a CLI start and every migration per case; else the CLI itself.
 */
async function gemigreerd(pad: string): Promise<void> {
  const sjabloon = inject('vtSjabloon');
  if (sjabloon) return copyFileSync(sjabloon, pad);
  expect((await draai('node', [cli, 'migreer'], { env: { ...process.env, DATABASE_URL: pad, LOG_LEVEL: 'silent' } })).status).toBe(0);
}
const VOL = 'De schijf van de database is vol: de opdracht is afgebroken en er is niets van opgeslagen; maak ruimte vrij en probeer het opnieuw.';

describe.runIf(!TEST_POSTGRES)('SQLite', () => {
  it('a full database (max_page_count): gebruiker toevoegen fails with one Dutch sentence, no SQL, no hash; nothing stored', async () => {
    // one connection (an in-memory database has one), so the limit holds for every statement
    const db = maakDb(':memory:');
    try {
      await migreerNaarLaatste(db);
      const [{ page_count: paginas }] = (await db.raw('PRAGMA page_count')) as [{ page_count: number }];
      await db.raw(`PRAGMA max_page_count = ${paginas}`);
      // fill every page that has room, so that the next row needs a page the database may not grow by
      let n = 0;
      const vul = (aantal: number, hash: number) =>
        db('gebruikers').insert(
          Array.from({ length: aantal }, () => ({
            email: `v${n++}@x.nl`,
            wachtwoord_hash: 'x'.repeat(hash),
            rol: 'beheerder',
            aangemaakt_op: '2024-12-31T00:00:00Z',
          })),
        );
      for (const [aantal, hash] of [
        [200, 150],
        [1, 150],
        [1, 1],
      ] as const) {
        try {
          for (;;) await vul(aantal, hash);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('SQLITE_FULL');
        }
      }
      const fout = await gebruikerToevoegen(db, ctx.regio, { email: 'nieuw@example.nl', rol: 'beheerder' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((fout as { code?: string }).code).toBe('SQLITE_FULL');
      // what knex makes of it carries the statement, never its values
      expect((fout as Error).message).not.toMatch(/argon2|nieuw@example/);
      expect(cliMelding(fout)).toBe(VOL);
      expect(await db('gebruikers').where('email', 'nieuw@example.nl').count({ n: '*' })).toEqual([{ n: 0 }]);
    } finally {
      await db.destroy();
    }
  });

  it('a database locked exclusively by another connection: the CLI says so in one Dutch sentence, not "controleer DATABASE_URL"', async () => {
    // a database of its own: the test context's pool keeps connections open
    const pad = join(ctx.dir, 'slot.sqlite');
    await gemigreerd(pad);
    const slot = new Database(pad);
    try {
      slot.pragma('locking_mode = EXCLUSIVE');
      slot.exec('BEGIN EXCLUSIVE; COMMIT;');
      const r = await draai('node', [cli, 'gebruiker', 'lijst'], { env: { ...process.env, DATABASE_URL: pad, LOG_LEVEL: 'silent' } });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `Fout: De database ${pad} is vergrendeld door een ander programma (een open transactie, een ` +
          `backup of een SQLite-hulpmiddel); sluit dat programma of wacht tot het klaar is, en probeer het opnieuw.\n`,
      );
    } finally {
      slot.close();
    }
  });

  // a real full disk: a tmpfs of 16 MiB with the database and a file that takes the rest but
  // `vrij` bytes (needs root; 0 bytes free fails as SQLITE_IOERR_SHMSIZE, 48 KiB as SQLITE_FULL)
  const kanMounten = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.runIf(kanMounten).each([0, 48 * 1024])(
    'a real full disk (tmpfs, %i bytes free): gebruiker toevoegen prints one Dutch sentence, no SQL, no hash, no password; nothing stored',
    async (vrij) => {
      const schijf = join(ctx.dir, `schijf-${vrij}`);
      mkdirSync(schijf);
      const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', schijf], { encoding: 'utf8' });
      if (mount.status !== 0) return void expect.soft(mount.stderr).toBe('');
      try {
        const env = { ...process.env, DATABASE_URL: join(schijf, 'vt.sqlite'), LOG_LEVEL: 'silent' };
        await gemigreerd(env.DATABASE_URL);
        const vuller = openSync(join(schijf, 'vuller'), 'w');
        try {
          const blok = Buffer.alloc(64 * 1024);
          for (;;) writeSync(vuller, blok);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('ENOSPC');
        } finally {
          closeSync(vuller);
        }
        if (vrij > 0) truncateSync(join(schijf, 'vuller'), statSync(join(schijf, 'vuller')).size - vrij);
        const r = await draai('node', [cli, 'gebruiker', 'toevoegen', 'nieuw@example.nl', '--rol', 'beheerder'], { env });
        expect(r.status).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^Fout: De schijf van de database( \S+)? is vol: /);
        expect(r.stderr).toMatch(/ is vol: de opdracht is afgebroken en er is niets van opgeslagen; maak ruimte vrij en probeer het opnieuw\.\n$/);
        expect(r.stderr).not.toMatch(/argon2|insert|COMMIT/i);
        spawnSync('rm', [join(schijf, 'vuller')]);
        const lijst = await draai('node', [cli, 'gebruiker', 'lijst', '--json'], { env });
        expect(JSON.parse(lijst.stdout)).toEqual([]);
      } finally {
        spawnSync('umount', [schijf]);
      }
    },
  );
});

describe.runIf(TEST_POSTGRES)('PostgreSQL', () => {
  it('a table locked by another session (lock_timeout): one Dutch sentence; no SQL', async () => {
    const ander = knexFactory({ client: 'pg', connection: ctx.databaseUrl, pool: { min: 0, max: 1 } });
    try {
      await ander.transaction(async (slot) => {
        await slot.raw('LOCK TABLE gebruikers IN ACCESS EXCLUSIVE MODE');
        const fout = await ctx.db
          .transaction(async (trx) => {
            await trx.raw("SET LOCAL lock_timeout = '200ms'");
            return gebruikerToevoegen(trx, ctx.regio, { email: 'slot@example.nl', rol: 'beheerder' }).then(
              () => null,
              (e: unknown) => e,
            );
          })
          .catch((e: unknown) => e);
        expect((fout as { code?: string }).code).toBe('55P03');
        expect(cliMelding(fout)).toBe(
          'De database is vergrendeld door een ander programma (een open transactie, een backup of een ' +
            'SQLite-hulpmiddel); sluit dat programma of wacht tot het klaar is, en probeer het opnieuw.',
        );
      });
    } finally {
      await ander.destroy();
    }
  });
});
