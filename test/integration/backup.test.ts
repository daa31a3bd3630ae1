import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakDb } from '../../server/db/connection.js';
import { maakBackup } from '../../server/db/backup.js';
import { importeerRijen, TEST_POSTGRES, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2019-12-31');
  await importeerRijen(
    ctx,
    Array.from({ length: 25 }, () => melding({ binnenkomst: '2019-03-01' })),
  );
});
afterAll(async () => {
  await ctx?.close();
});

describe('vt-monitor backup', () => {
  it.skipIf(TEST_POSTGRES)('copies the SQLite database while the app holds it open; the copy has every row and indicator', async () => {
    const doel = join(ctx.dir, 'backups', 'vt.sqlite');
    const { paginas } = await maakBackup(ctx.databaseUrl, doel);
    expect(paginas).toBeGreaterThan(0);
    const kopie = maakDb(doel);
    try {
      expect(Number((await kopie('registraties').count({ n: '*' }).first())!.n)).toBe(25);
      expect(await kopie('indicatoren').select('kwartaal', 'gebied', 'indicator', 'waarde').orderBy(['kwartaal', 'gebied', 'indicator'])).toEqual(
        await ctx.db('indicatoren').select('kwartaal', 'gebied', 'indicator', 'waarde').orderBy(['kwartaal', 'gebied', 'indicator']),
      );
    } finally {
      await kopie.destroy();
    }
    await expect(maakBackup(ctx.databaseUrl, ctx.databaseUrl)).rejects.toThrow('niet over de database zelf');
  });

  it.runIf(TEST_POSTGRES)('on PostgreSQL it points to pg_dump', async () => {
    await expect(maakBackup(ctx.databaseUrl, join(ctx.dir, 'x.sqlite'))).rejects.toThrow('pg_dump');
  });
});
