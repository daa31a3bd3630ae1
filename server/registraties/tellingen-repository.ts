import type { Knex } from 'knex';
import type { Kwartaal } from '../calendar/kwartaal.js';
import { alsGetal, type Db } from '../db/connection.js';
import { leesMeta, schrijfMeta } from '../db/metagegevens.js';
import { isSqliteTransaction, preparedStatement } from '../db/sqlite-bulk.js';
import { VOORRADEN, type Voorraad } from './derive.js';
import { telRegistraties } from './repository.js';
import { familie, leesGroep, type Groep, type Tellingdelta } from './tellingen.js';

/**
 * The one repository of the table `tellingen` (the counts kept at import, see tellingen.ts): the
 * import's deltas, the full rebuild, and the reads in the shape the indicator computation takes.
 */
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
      await pg('tellingen')
        .insert(groepen.slice(i, i + PG_PAKKET))
        .onConflict(['familie', 'sleutel'])
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
  return alsGetal(som?.n ?? 0) === (await telRegistraties(db));
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
    { van: Kwartaal | null; tot: Kwartaal | null } | undefined;
  return { van: rij?.van ?? null, tot: rij?.tot ?? null };
}

/** Every stored group, ordered (for comparing the kept counts with a full rebuild). */
export async function alleTellingen(db: Q): Promise<{ familie: string; sleutel: string; kwartaal: string; tot: string | null; aantal: number }[]> {
  const rijen = (await db('tellingen').select('familie', 'sleutel', 'kwartaal', 'tot', 'aantal').orderBy(['familie', 'sleutel'])) as {
    familie: string;
    sleutel: string;
    kwartaal: string;
    tot: string | null;
    aantal: unknown;
  }[];
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

// --- the counts in the shape the indicator computation takes ---

/**
 * The grouped counts the indicators are made of, in the shape the computation takes. They are
 * kept at import (see registraties/tellingen.ts); `kwartalen` null = every quarter (full rebuild).
 */
export interface InstroomTelling {
  kwartaal: Kwartaal;
  gebied: string;
  soort: string;
  melder_categorie: string;
  beroepsgroep: string | null;
  eerdere_betrokkenheid: string | null;
  nog_niet_beoordeeld: number | null;
  aantal: number;
}
export interface VbTelling {
  kwartaal: Kwartaal;
  gebied: string;
  besluit: string | null;
  binnen_termijn: number | null;
  werkdagen: number | null;
  aantal: number;
}
export interface VervolgTelling {
  kwartaal: Kwartaal;
  gebied: string;
  vervolg: string | null;
  overdracht_aan: string | null;
  aantal: number;
}
export interface AfrondingTelling {
  kwartaal: Kwartaal;
  gebied: string;
  binnen_termijn: number | null;
  monitoring: number | null;
  dagen: number | null;
  aantal: number;
}
export interface IntervalTelling {
  van: Kwartaal;
  tot: Kwartaal | null;
  gebied: string;
  aantal: number;
}
export interface WeekTelling {
  kwartaal: Kwartaal;
  week: string;
  gebied: string;
  binnen_termijn: number | null;
  aantal: number;
}
/** open work with the date its age counts from (binnenkomst for VB, the VB for onderzoek and V&V) */
export interface OpenWerkTelling {
  van: Kwartaal;
  tot: Kwartaal | null;
  gebied: string;
  vanaf: string | null;
  aantal: number;
}

export interface Tellingen {
  instroom: InstroomTelling[];
  vb: VbTelling[];
  vervolg: VervolgTelling[];
  onderzoek: AfrondingTelling[];
  vv: AfrondingTelling[];
  voorraden: Record<Voorraad, IntervalTelling[]>;
  vbPerWeek: WeekTelling[];
  openWerk: Record<'vb' | 'onderzoek' | 'vv', OpenWerkTelling[]>;
  /** the counts of definitions 2027.1 (see tweedeGolfTellingen) */
  tweedeGolf: TweedeGolfTellingen;
}

// --- definitions 2027.1: samenwerkingsafspraken § 7.1, § 8; Kwaliteitskader; focusblad ---
export interface KenmerkTelling {
  kwartaal: Kwartaal;
  gebied: string;
  soort: string;
  spoed: number | null;
  vb_zelfde_dag: number | null;
  overige_zorgmelding: number | null;
  aard_geweld: string | null;
  kanaal: string | null;
  aantal: number;
}
export interface OverdrachtTelling {
  kwartaal: Kwartaal;
  gebied: string;
  vervolg: string | null;
  overdracht_aan: string | null;
  aantal: number;
}
export interface VlagTelling {
  kwartaal: Kwartaal;
  gebied: string;
  vlag: number | null;
  aantal: number;
}
export interface AfsprakenTelling {
  kwartaal: Kwartaal;
  gebied: string;
  uitkomst: string | null;
  overdracht_aan: string | null;
  monitoring: number | null;
  aantal: number;
}
export type Wachtlijst = 'vervolgkeuze' | 'start_onderzoek' | 'start_vv';
export interface TweedeGolfTellingen {
  kenmerken: KenmerkTelling[];
  overdracht: OverdrachtTelling[];
  startOnderzoek: VlagTelling[];
  monitoring3m: VlagTelling[];
  monitoring12m: VlagTelling[];
  onderzoekAfspraken: AfsprakenTelling[];
  vvAfspraken: AfsprakenTelling[];
  /** waiting items with the date their wait started (the VB; the besluit vervolg) */
  wacht: Record<Wachtlijst, OpenWerkTelling[]>;
}

/** One family's groups as rows of the fields its count query used to return. */
async function groepen<T>(db: Q, naam: string, kwartalen: Kwartaal[] | null): Promise<T[]> {
  const f = familie(naam);
  const rijen = await leesFamilie(db, naam, f.interval ? 'interval' : 'kwartaal', kwartalen);
  return rijen.map((g) => leesGroep(f, g.sleutel, g.aantal) as unknown as T);
}

/**
 * The counts of the given quarters (null = every quarter, the full rebuild), read from the
 * counts kept at import (registraties/tellingen.ts): a point family's groups of those quarters,
 * and the stock intervals that can cover one of them.
 */
export async function haalTellingen(db: Q, kwartalen: Kwartaal[] | null): Promise<Tellingen> {
  const voorraden = {} as Record<Voorraad, IntervalTelling[]>;
  for (const v of VOORRADEN) voorraden[v] = await groepen<IntervalTelling>(db, `voorraad:${v}`, kwartalen);
  const openWerk = {} as Tellingen['openWerk'];
  for (const soort of ['vb', 'onderzoek', 'vv'] as const) openWerk[soort] = await groepen<OpenWerkTelling>(db, `openWerk:${soort}`, kwartalen);
  const wacht = {} as TweedeGolfTellingen['wacht'];
  for (const soort of ['vervolgkeuze', 'start_onderzoek', 'start_vv'] as const) wacht[soort] = await groepen<OpenWerkTelling>(db, `wacht:${soort}`, kwartalen);
  return {
    instroom: await groepen<InstroomTelling>(db, 'instroom', kwartalen),
    vb: await groepen<VbTelling>(db, 'vb', kwartalen),
    vervolg: await groepen<VervolgTelling>(db, 'vervolg', kwartalen),
    onderzoek: await groepen<AfrondingTelling>(db, 'onderzoek', kwartalen),
    vv: await groepen<AfrondingTelling>(db, 'vv', kwartalen),
    voorraden,
    vbPerWeek: await groepen<WeekTelling>(db, 'vbPerWeek', kwartalen),
    openWerk,
    tweedeGolf: {
      kenmerken: await groepen<KenmerkTelling>(db, 'kenmerken', kwartalen),
      overdracht: await groepen<OverdrachtTelling>(db, 'overdracht', kwartalen),
      startOnderzoek: await groepen<VlagTelling>(db, 'startOnderzoek', kwartalen),
      monitoring3m: await groepen<VlagTelling>(db, 'monitoring3m', kwartalen),
      monitoring12m: await groepen<VlagTelling>(db, 'monitoring12m', kwartalen),
      onderzoekAfspraken: await groepen<AfsprakenTelling>(db, 'onderzoekAfspraken', kwartalen),
      vvAfspraken: await groepen<AfsprakenTelling>(db, 'vvAfspraken', kwartalen),
      wacht,
    },
  };
}

/** The computed range: the first quarter with a binnenkomst to the quarter of the latest date. */
export async function haalBereik(db: Q): Promise<{ van: Kwartaal; tot: Kwartaal } | null> {
  const { van } = await kwartaalBereik(db, 'binnenkomst');
  const { tot } = await kwartaalBereik(db, 'laatste');
  return van && tot ? { van, tot } : null;
}
