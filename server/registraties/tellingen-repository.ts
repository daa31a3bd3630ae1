import type { Knex } from 'knex';
import type { Kwartaal } from '../calendar/kwartaal.js';
import { alsGetal, type Db } from '../db/connection.js';
import { leesMeta, schrijfMeta } from '../db/metagegevens.js';
import { isSqliteTransaction, preparedStatement } from '../db/sqlite-bulk.js';
import { familie, leesGroep, type Groep, type Tellingdelta } from './tellingen.js';

type Q = Db | Knex.Transaction;

/** The key in `metagegevens` of what the kept counts were built with (`tellingBasis`). */
const BASIS = 'tellingen_basis';

const SQLITE_BIJ = `INSERT INTO tellingen (familie, sleutel, kwartaal, tot, aantal) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (familie, sleutel) DO UPDATE SET aantal = tellingen.aantal + excluded.aantal`;
const PG_PAKKET = 1000;

/**
 * Adds a delta to the kept counts inside the caller's transaction; groups that reach zero are
 * removed (a group is in the table exactly when registrations are in it). Returns false when a
 * group went below zero: the counts no longer match the rows (something took away what was never
 * added) and must be rebuilt; nothing is hidden by deleting it.
 */
export async function werkTellingenBij(trx: Knex.Transaction, delta: Tellingdelta): Promise<boolean> {
  const groepen = delta.groepenMetVerschil();
  if (groepen.length === 0) return true;
  const pg: Knex.Transaction = trx;
  if (isSqliteTransaction(trx)) {
    const stmt = await preparedStatement(trx, SQLITE_BIJ);
    for (const g of groepen) stmt.run(g.familie, g.sleutel, g.kwartaal, g.tot, g.aantal);
  } else {
    for (let i = 0; i < groepen.length; i += PG_PAKKET) {
      await pg('tellingen').insert(groepen.slice(i, i + PG_PAKKET)).onConflict(['familie', 'sleutel'])
        .merge({ aantal: pg.raw('tellingen.aantal + excluded.aantal') });
    }
  }
  if (!groepen.some((g) => g.aantal < 0)) return true;
  if (await trx('tellingen').where('aantal', '<', 0).first('familie')) return false;
  await trx('tellingen').where('aantal', 0).delete();
  return true;
}

/**
 * Whether the kept counts hold every stored registration once: each registration counts exactly
 * once in the family `binnenkomst`, so its sum equals the number of rows.
 */
export async function tellingenSluitenAan(db: Q): Promise<boolean> {
  const som = (await db('tellingen').where({ familie: 'binnenkomst' }).sum({ n: 'aantal' }).first()) as { n: unknown } | undefined;
  const rijen = (await db('registraties').count({ n: '*' }).first()) as { n: unknown } | undefined;
  return alsGetal(som?.n ?? 0) === alsGetal(rijen?.n ?? 0);
}

/** Replaces every kept count (the full rebuild) and records what it was built with. */
export async function vervangTellingen(trx: Knex.Transaction, groepen: Groep[], basis: string): Promise<void> {
  await trx('tellingen').delete();
  const positief = groepen.filter((g) => g.aantal > 0);
  const pg: Knex.Transaction = trx;
  if (isSqliteTransaction(trx)) {
    const stmt = await preparedStatement(trx, SQLITE_BIJ);
    for (const g of positief) stmt.run(g.familie, g.sleutel, g.kwartaal, g.tot, g.aantal);
  } else {
    for (let i = 0; i < positief.length; i += PG_PAKKET) await pg('tellingen').insert(positief.slice(i, i + PG_PAKKET));
  }
  await schrijfMeta(trx, BASIS, basis);
}

export const leesTellingBasis = (db: Q): Promise<string | null> => leesMeta(db, BASIS);

export interface OpgeslagenGroep {
  sleutel: string;
  aantal: number;
}

/**
 * The groups of one family. `kwartalen` null: all of them; otherwise a point family's groups of
 * those quarters, or the intervals that can cover one of them (van <= last, tot open or after the first).
 */
export async function leesFamilie(db: Q, familie: string, soort: 'kwartaal' | 'interval', kwartalen: Kwartaal[] | null): Promise<OpgeslagenGroep[]> {
  let q = db('tellingen').select('sleutel', 'aantal').where({ familie });
  if (kwartalen !== null && kwartalen.length > 0) {
    if (soort === 'kwartaal') q = q.whereIn('kwartaal', kwartalen);
    else {
      const eerste = kwartalen[0]!;
      const laatste = kwartalen[kwartalen.length - 1]!;
      q = q.where('kwartaal', '<=', laatste).andWhere((w) => w.whereNull('tot').orWhere('tot', '>', eerste));
    }
  } else if (kwartalen !== null) return [];
  const rijen = (await q) as { sleutel: string; aantal: unknown }[];
  return rijen.map((r) => ({ sleutel: r.sleutel, aantal: alsGetal(r.aantal) }));
}

/** The first and last quarter of a point family (null when it has no groups). */
export async function kwartaalBereik(db: Q, familie: string): Promise<{ van: Kwartaal | null; tot: Kwartaal | null }> {
  const rij = (await db('tellingen').where({ familie }).min({ van: 'kwartaal' }).max({ tot: 'kwartaal' }).first()) as
    | { van: Kwartaal | null; tot: Kwartaal | null }
    | undefined;
  return { van: rij?.van ?? null, tot: rij?.tot ?? null };
}

/** Every stored group, ordered (for comparing the kept counts with a full rebuild). */
export async function alleTellingen(db: Q): Promise<{ familie: string; sleutel: string; kwartaal: string; tot: string | null; aantal: number }[]> {
  const rijen = (await db('tellingen').select('familie', 'sleutel', 'kwartaal', 'tot', 'aantal').orderBy(['familie', 'sleutel'])) as
    { familie: string; sleutel: string; kwartaal: string; tot: string | null; aantal: unknown }[];
  return rijen.map((r) => ({ ...r, aantal: alsGetal(r.aantal) }));
}

/** Registrations received per gebied and quarter (`gebied|kwartaal` -> count), for these quarters. */
export async function telBinnenkomst(db: Q, kwartalen: Kwartaal[]): Promise<Map<string, number>> {
  const f = familie('binnenkomst');
  const uit = new Map<string, number>();
  for (const g of await leesFamilie(db, f.naam, 'kwartaal', kwartalen)) {
    const groep = leesGroep(f, g.sleutel, g.aantal);
    const k = `${groep.gebied}|${groep.kwartaal}`;
    uit.set(k, (uit.get(k) ?? 0) + g.aantal);
  }
  return uit;
}
