import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genereerDemo } from '../../server/demo/generator.js';
import { Random } from '../../server/demo/random.js';
import { ImportAfgewezen, importeer, type RijenBron } from '../../server/import/importer.js';
import type { TableRow } from '../../server/import/readers.js';
import { importDeps } from '../../server/import/service.js';
import { herberekenIndicatoren } from '../../server/indicatoren/herbereken.js';
import { alleTellingen } from '../../server/registraties/tellingen-repository.js';
import { COLUMN_NAMES, DATE_COLUMNS, REQUIRED_COLUMNS } from '../../server/registraties/schema.js';
import { daysBetween, telDagenOp } from '../../server/calendar/dates.js';
import { leesMeta } from '../../server/db/metagegevens.js';
import { TEST_POSTGRES, testContext, type Rij, type TestContext } from '../helpers/context.js';
import { verschilMetVolledigeTelling } from '../helpers/tellingen.js';

/**
 * The counts an import keeps (added for what it writes, taken away for what it replaces) must be
 * exactly what a full pass over the stored registrations counts, after any sequence of imports:
 * new registrations, newer and older versions of stored ones, unchanged ones, an id twice in one
 * file, narrow files merged with the stored version, rejected lines (loaded around, or refusing the
 * whole file), and corrections that move the first or the last registration of the data (so the
 * computed range shrinks and grows at both ends). A seeded random sequence of such imports (a
 * registration's versions in any order, so dates also move back); after every step the kept counts
 * are compared with a full pass and the stored indicators with a full rebuild.
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

const STAPPEN = TEST_POSTGRES ? 16 : 28;
const VANDAAG = '2024-12-31';
const indicatoren = () => ctx.db('indicatoren').select('kwartaal', 'gebied', 'indicator', 'waarde').orderBy(['kwartaal', 'gebied', 'indicator']);
const OPTIONEEL = COLUMN_NAMES.filter((c) => !REQUIRED_COLUMNS.includes(c) && c !== 'gemeente_code');

/** Every date of a registration moved by the same number of days (the order of its dates kept). */
function verschoven(rij: Rij, dagen: number): Rij {
  const uit = { ...rij };
  for (const c of DATE_COLUMNS) if (uit[c]) uit[c] = telDagenOp(uit[c], dagen);
  return uit;
}

/** The stored registration with the first binnenkomst, or the one with the latest date. */
async function rand(welke: 'eerste' | 'laatste'): Promise<string> {
  const rijen = (await ctx
    .db('registraties')
    .select('registratie_id', ...DATE_COLUMNS)
    .orderBy('registratie_id')) as Record<string, string | null>[];
  const sleutel = (r: Record<string, string | null>) =>
    welke === 'eerste'
      ? r.datum_binnenkomst!
      : DATE_COLUMNS.map((c) => r[c] ?? '')
          .sort()
          .at(-1)!;
  let gekozen = rijen[0]!;
  for (const r of rijen) if (welke === 'eerste' ? sleutel(r) < sleutel(gekozen) : sleutel(r) > sleutel(gekozen)) gekozen = r;
  return gekozen.registratie_id!;
}

type Bereik = { van: string; tot: string } | null;
const bereik = async (): Promise<Bereik> => JSON.parse((await leesMeta(ctx.db, 'bereik')) ?? 'null') as Bereik;

describe('kept counts equal a full pass after random import sequences', () => {
  it(`${STAPPEN} imports of new, changed, unchanged, repeated, narrow, rejected lines and moved ends of the range`, { timeout: 240_000 }, async () => {
    const pool = versies();
    const ids = [...pool.keys()];
    expect(ids.length).toBeGreaterThan(300);
    expect([...pool.values()].filter((v) => v.length > 1).length, 'registrations with more than one version').toBeGreaterThan(30);
    // a few adviezen (no stock reaches past their own quarter) only ever moved about on their own,
    // so that they stay out in front or behind the data until a later correction moves them back
    const adviezen = ids.filter((id) => pool.get(id)!.length === 1 && pool.get(id)![0]!.soort === 'advies').slice(0, 12);
    expect(adviezen.length).toBe(12);
    const gewoon = ids.filter((id) => !adviezen.includes(id));
    const plaats = new Map<string, string>();
    const rnd = new Random(2026);
    const deps = importDeps(ctx);
    const gezien = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezenRegels: 0, geweigerd: 0 };
    const randen = { vanEerder: 0, vanLater: 0, totEerder: 0, totLater: 0 };
    const kies = (n: number) => Array.from({ length: n }, () => gewoon[rnd.int(0, gewoon.length - 1)]!);
    const versie = (id: string) => {
      const v = pool.get(id)!;
      return v[rnd.int(0, v.length - 1)]!;
    };

    for (let stap = 0; stap < STAPPEN; stap++) {
      const soort =
        stap === 0
          ? 'vol'
          : rnd.pick([
              ['vol', 4],
              ['smal', 2],
              ['accepteer', 2],
              ['weiger', 1],
              ['rand', 8],
            ] as const);
      let kop: readonly string[] = COLUMN_NAMES;
      let rijen = soort === 'rand' ? [] : kies(rnd.int(20, 150)).map(versie);
      if (soort === 'rand') {
        // corrections at the ends: one of the set-aside adviezen moved alone to a date before the
        // data (2022-Q2..Q4) or after it (2024-Q2..Q4), or one moved back into the data; or the stored first
        // or last registration moved by up to 300 days either way
        const welke = rnd.pick([
          ['voor', 2],
          ['achter', 2],
          ['terug', 3],
          ['eerste', 1],
          ['laatste', 1],
        ] as const);
        // moved back: the outermost one in front of or behind the data
        const buiten = [...plaats].filter(([, d]) => d < '2023-01-01' || d > '2024-03-31').sort((x, y) => x[1].localeCompare(y[1]));
        const terug = buiten.length === 0 ? undefined : rnd.chance(0.5) ? buiten[0]![0] : buiten.at(-1)![0];
        const id =
          welke === 'eerste' || welke === 'laatste' ? await rand(welke) : welke === 'terug' && terug ? terug : adviezen[rnd.int(0, adviezen.length - 1)]!;
        const v = versie(id);
        const laatsteDatum = DATE_COLUMNS.map((c) => v[c])
          .filter((d): d is string => !!d)
          .sort()
          .at(-1)!;
        const doel =
          welke === 'voor'
            ? telDagenOp('2022-04-01', rnd.int(0, 273))
            : welke === 'achter'
              ? telDagenOp('2024-04-01', rnd.int(0, 270))
              : welke === 'terug'
                ? telDagenOp('2023-01-01', rnd.int(0, 455))
                : telDagenOp(v.datum_binnenkomst!, rnd.int(-300, 300));
        // never before 2022 nor after "today"
        const dagen = Math.max(
          daysBetween(v.datum_binnenkomst!, '2022-01-01'),
          Math.min(daysBetween(v.datum_binnenkomst!, doel), daysBetween(laatsteDatum, VANDAAG)),
        );
        const rij = verschoven(v, dagen);
        if (adviezen.includes(id)) plaats.set(id, rij.datum_binnenkomst!);
        rijen.push(rij);
      }
      if (soort === 'smal') kop = [...REQUIRED_COLUMNS, 'gemeente_code', ...OPTIONEEL.filter(() => rnd.chance(0.3))];
      if (soort === 'accepteer' || soort === 'weiger') {
        rijen = [...rijen];
        rijen.splice(rnd.int(0, rijen.length), 0, { ...rijen[0]!, registratie_id: `FOUT-${stap}`, soort: 'onbekend' });
      }
      const voor = await alleTellingen(ctx.db);
      const bereikVoor = await bereik();
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
      const bereikNa = await bereik();
      if (bereikVoor && bereikNa) {
        if (bereikNa.van < bereikVoor.van) randen.vanEerder++;
        if (bereikNa.van > bereikVoor.van) randen.vanLater++;
        if (bereikNa.tot < bereikVoor.tot) randen.totEerder++;
        if (bereikNa.tot > bereikVoor.tot) randen.totLater++;
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
    // the range moved at both ends, both ways
    expect(randen.vanEerder, JSON.stringify(randen)).toBeGreaterThan(0);
    expect(randen.vanLater, JSON.stringify(randen)).toBeGreaterThan(0);
    expect(randen.totEerder, JSON.stringify(randen)).toBeGreaterThan(0);
    expect(randen.totLater, JSON.stringify(randen)).toBeGreaterThan(0);
  });
});
