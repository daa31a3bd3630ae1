import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genereerDemo } from '../../server/demo/generator.js';
import { Random } from '../../server/demo/random.js';
import { ImportAfgewezen, importeer, type RijenBron } from '../../server/import/importer.js';
import type { TableRow } from '../../server/import/readers.js';
import { importDeps } from '../../server/import/service.js';
import { herberekenIndicatoren } from '../../server/indicatoren/herbereken.js';
import { alleTellingen } from '../../server/registraties/tellingen-repository.js';
import { COLUMN_NAMES, REQUIRED_COLUMNS } from '../../server/registraties/schema.js';
import { TEST_POSTGRES, testContext, type Rij, type TestContext } from '../helpers/context.js';
import { verschilMetVolledigeTelling } from '../helpers/tellingen.js';

/**
 * The counts an import keeps (added for what it writes, taken away for what it replaces) must be
 * exactly what a full pass over the stored registrations counts, after any sequence of imports:
 * new registrations, newer and older versions of stored ones, unchanged ones, an id twice in one
 * file, narrow files merged with the stored version, rejected lines (loaded around, or refusing the
 * whole file). A seeded random sequence of such imports (a registration's versions in any order,
 * so dates also move back); after every step the kept counts are compared with a full pass and
 * the stored indicators with a full rebuild.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2024-12-31');
});
afterAll(async () => {
  await ctx.close();
});

/** The same registrations as exported on three days: later exports carry later dates of running cases. */
function versies(): Map<string, Rij[]> {
  const pool = new Map<string, Rij[]>();
  for (const tot of ['2023-04-30', '2023-08-31', '2024-03-31']) {
    for (const rij of genereerDemo(ctx.regio, ctx.kalender, { van: '2023-01-01', tot, seed: 11, schaal: 0.15 })) {
      if (rij.datum_binnenkomst! > '2023-04-30') continue;
      const lijst = pool.get(rij.registratie_id!) ?? [];
      if (!lijst.some((v) => JSON.stringify(v) === JSON.stringify(rij))) lijst.push(rij);
      pool.set(rij.registratie_id!, lijst);
    }
  }
  return pool;
}

function bestand(naam: string, kop: readonly string[], rijen: Rij[]): RijenBron {
  async function* rows(): AsyncGenerator<TableRow> {
    yield { regel: 1, values: [...kop] };
    let regel = 1;
    for (const r of rijen) yield { regel: ++regel, values: kop.map((c) => r[c] ?? '') };
  }
  return { bestand: naam, sha256: naam, rows: rows() };
}

const STAPPEN = TEST_POSTGRES ? 10 : 24;
const indicatoren = () => ctx.db('indicatoren').select('kwartaal', 'gebied', 'indicator', 'waarde').orderBy(['kwartaal', 'gebied', 'indicator']);
const OPTIONEEL = COLUMN_NAMES.filter((c) => !REQUIRED_COLUMNS.includes(c) && c !== 'gemeente_code');

describe('kept counts equal a full pass after random import sequences', () => {
  it(`${STAPPEN} imports of new, changed, unchanged, repeated, narrow and rejected lines`, { timeout: 240_000 }, async () => {
    const pool = versies();
    const ids = [...pool.keys()];
    expect(ids.length).toBeGreaterThan(300);
    expect([...pool.values()].filter((v) => v.length > 1).length, 'registrations with more than one version').toBeGreaterThan(30);
    const rnd = new Random(2026);
    const deps = importDeps(ctx);
    const gezien = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezenRegels: 0, geweigerd: 0 };
    const kies = (n: number) => Array.from({ length: n }, () => ids[rnd.int(0, ids.length - 1)]!);
    const versie = (id: string) => {
      const v = pool.get(id)!;
      return v[rnd.int(0, v.length - 1)]!;
    };

    for (let stap = 0; stap < STAPPEN; stap++) {
      const soort = rnd.pick([['vol', 4], ['smal', 2], ['accepteer', 2], ['weiger', 1]] as const);
      let kop: readonly string[] = COLUMN_NAMES;
      let rijen = kies(rnd.int(20, 150)).map(versie);
      // an id twice in one file, in two versions: the later line wins
      if (rijen.length > 2 && rnd.chance(0.5)) rijen.push({ ...versie(rijen[0]!.registratie_id!) });
      if (soort === 'smal') kop = [...REQUIRED_COLUMNS, 'gemeente_code', ...OPTIONEEL.filter(() => rnd.chance(0.3))];
      if (soort === 'accepteer' || soort === 'weiger') {
        rijen = [...rijen];
        rijen.splice(rnd.int(0, rijen.length), 0, { ...rijen[0]!, registratie_id: `FOUT-${stap}`, soort: 'onbekend' });
      }
      const voor = await alleTellingen(ctx.db);
      try {
        const s = await importeer(deps, [bestand(`stap-${stap}-${soort}.csv`, kop, rijen)], { door: 'test', accepteerGeldige: soort !== 'weiger' });
        gezien.nieuw += s.nieuw;
        gezien.gewijzigd += s.gewijzigd;
        gezien.ongewijzigd += s.ongewijzigd;
        gezien.afgewezenRegels += s.afgewezen;
        expect(soort, 'a file with a rejected line loads nothing in the default mode').not.toBe('weiger');
      } catch (error) {
        if (!(error instanceof ImportAfgewezen)) throw error;
        gezien.geweigerd++;
        expect(await alleTellingen(ctx.db), `stap ${stap}: a refused file leaves the counts as they were`).toEqual(voor);
      }
      expect(await verschilMetVolledigeTelling(ctx.db, ctx.regio, ctx.kalender), `stap ${stap} (${soort})`).toEqual([]);
      // the quarters the import recomputed are all that changed: the figures equal a full rebuild
      const incrementeel = await indicatoren();
      await ctx.db.transaction((trx) => herberekenIndicatoren(trx, ctx.regio, ctx.kalender, null));
      expect(incrementeel, `stap ${stap} (${soort}): indicatoren`).toEqual(await indicatoren());
    }
    // every kind of line occurred
    expect(gezien.nieuw).toBeGreaterThan(100);
    expect(gezien.gewijzigd).toBeGreaterThan(10);
    expect(gezien.ongewijzigd).toBeGreaterThan(10);
    expect(gezien.afgewezenRegels).toBeGreaterThan(0);
  });
});
