import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regioLijstCommand } from '../../server/cli/commands/regio.js';
import { readFileSync } from 'node:fs';
import { bouwRegio, laadRegio } from '../../server/config/regio.js';
import { maakContext } from '../../server/context.js';
import { migreerEenTerug, migreerNaarLaatste } from '../../server/db/migrate.js';
import { synchroniseerRegio } from '../../server/db/regio-sync.js';
import { genereerDemo } from '../../server/demo/generator.js';
import { projectPath } from '../../server/config/paths.js';
import { kiesRegio } from '../../server/regio/keuze.js';
import { leesMeta } from '../../server/db/metagegevens.js';
import { testContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2024-12-31');
});
afterAll(async () => {
  await ctx.close();
});

/** Runs a CLI command with DATABASE_URL set, and returns what it wrote on stdout. */
async function uitvoer(opdracht: () => Promise<void>): Promise<string> {
  const oud = { url: process.env.DATABASE_URL, bestand: process.env.REGIO_BESTAND, schrijf: process.stdout.write.bind(process.stdout) };
  let tekst = '';
  process.env.DATABASE_URL = ctx.databaseUrl;
  delete process.env.REGIO_BESTAND;
  process.stdout.write = ((s: string) => ((tekst += s), true)) as typeof process.stdout.write;
  try {
    await opdracht();
  } finally {
    process.stdout.write = oud.schrijf;
    if (oud.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = oud.url;
    if (oud.bestand !== undefined) process.env.REGIO_BESTAND = oud.bestand;
  }
  return tekst;
}

describe('every VT-region shipped: list, choose, start (issue 28)', () => {
  it('`regio lijst` lists the 25 regions with their CBS code; * marks the region of this database', async () => {
    const regels = (await uitvoer(regioLijstCommand)).trimEnd().split('\n');
    expect(regels).toHaveLength(25);
    expect(regels.filter((r) => r.startsWith('*'))).toEqual([`* ${'gelderland-zuid'.padEnd(28)} Gelderland-Zuid (VT06), 15 gemeenten`]);
    expect(regels).toContain(`  ${'hollands-midden'.padEnd(28)} Hollands-Midden (VT10), 18 gemeenten`);
    expect(regels).toContain(`  ${'west-brabant'.padEnd(28)} West-brabant (VT21), 14 gemeenten`);
    const codes = regels.map((r) => /\((VT\d\d)\)/.exec(r)?.[1]).sort();
    expect(codes).toEqual(
      [
        '01',
        '02',
        '03',
        '04',
        '05',
        '06',
        '07',
        '08',
        '09',
        '10',
        '11',
        '12',
        '13',
        '14',
        '15',
        '17',
        '18',
        '19',
        '20',
        '21',
        '22',
        '23',
        '24',
        '25',
        '27',
      ].map((n) => `VT${n}`),
    );
  });

  it('`regio kies hollands-midden` on an empty database: the next start runs Hollands-Midden, its gemeenten with their CBS population', async () => {
    await expect(kiesRegio(ctx.db, 'hollands-midden', () => ctx.regio)).resolves.toMatchObject({ cbs: 'VT10', gemeenten: 18 });
    const hm = await maakContext({ DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent' });
    try {
      expect(hm.regio.naam).toBe('Hollands-Midden');
      expect(await leesMeta(hm.db, 'regio')).toBe('VT10 Hollands-Midden');
      const rijen = (await hm.db('gemeenten').select('code', 'inwoners', 'inwoners_bron').orderBy('code')) as {
        code: string;
        inwoners: number | null;
        inwoners_bron: string;
      }[];
      expect(rijen.map((r) => r.code)).toEqual(hm.regio.gemeenten.map((g) => g.code).sort());
      // the latest CBS figure (1 January 2024, Gebieden in Nederland 2024)
      expect(rijen.filter((r) => r.inwoners !== hm.regio.inwonersOp(r.code, 2024) || r.inwoners_bron !== 'CBS 85755NED')).toEqual([]);
      expect(rijen.find((r) => r.code === 'GM0546')?.inwoners).toBe(130108);
      expect((await hm.db('voormalige_gemeenten').pluck('code')).sort()).toEqual(['GM0491', 'GM0576', 'GM0608', 'GM0623', 'GM0643', 'GM0644']);
    } finally {
      await hm.db.destroy();
    }
  });

  it('demo data of Hollands-Midden: its own gemeenten (all of them), a few from outside the region, none of Gelderland-Zuid', () => {
    const hm = laadRegio(projectPath('config', 'regio', 'hollands-midden.json'));
    const rijen = [...genereerDemo(hm, ctx.kalender, { seed: 42, schaal: 1, tot: '2019-06-30' })];
    const codes = new Map<string, number>();
    for (const r of rijen) if (r.gemeente_code) codes.set(r.gemeente_code, (codes.get(r.gemeente_code) ?? 0) + 1);
    const eigen = new Set(hm.gemeenten.map((g) => g.code));
    const buiten = [...codes.keys()].filter((c) => !eigen.has(c)).sort();
    expect(hm.gemeenten.filter((g) => !codes.has(g.code)).map((g) => g.naam)).toEqual([]);
    expect(buiten).toEqual(['GM0202', 'GM0228', 'GM0268', 'GM0277', 'GM0344'].filter((c) => codes.has(c)));
    expect(buiten.length).toBeGreaterThan(0);
    expect(codes.has('GM0281')).toBe(false); // Tiel: Gelderland-Zuid
    expect(rijen.length).toBeGreaterThan(1000);
  });

  it('the migration that lets a population be missing runs down and up on a database holding former gemeenten', async () => {
    const gz = laadRegio(projectPath('config', 'regio', 'gelderland-zuid.json'));
    const db = ctx.db;
    await db('voormalige_gemeenten').delete();
    await db('gemeenten').delete();
    await synchroniseerRegio(db, gz);
    await migreerEenTerug(db);
    await synchroniseerRegio(db, gz);
    expect(await db('voormalige_gemeenten').count({ n: '*' })).toEqual([{ n: expect.anything() }]);
    await migreerNaarLaatste(db); // the foreign key of voormalige_gemeenten must not stop the rebuild
    await synchroniseerRegio(db, gz);
    expect((await db('voormalige_gemeenten').pluck('code')).length).toBe(6);
    // Hollands-Midden as if CBS had published no figure yet: every population missing (null)
    const json = JSON.parse(readFileSync(projectPath('config', 'regio', 'hollands-midden.json'), 'utf8')) as { gemeenten: Record<string, unknown>[] };
    const hm = bouwRegio({ ...json, gemeenten: json.gemeenten.map((g) => ({ ...g, inwonersPerJaar: {} })) });
    await db('voormalige_gemeenten').delete();
    await synchroniseerRegio(db, hm);
    expect(await db('gemeenten').whereNull('inwoners').pluck('code')).toHaveLength(18);
  });
});
