import type { Knex } from 'knex';
import { toNumber, type Db } from '../db/connection.js';
import { COLUMN_NAMES, type Registratie } from '../import/columns.js';
import { AFGELEIDE_KOLOMMEN, type Afgeleid } from './derive.js';

export type OpgeslagenRegistratie = Registratie & Afgeleid & { rij_hash: string; importbatch_id: number };

export interface BestaandeRegistratie extends Afgeleid {
  registratie_id: string;
  rij_hash: string;
}

/** Rows per statement: ~60 columns stays far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 200;

export async function findBestaande(db: Db | Knex.Transaction, ids: string[]): Promise<Map<string, BestaandeRegistratie>> {
  const rows = (await db('registraties')
    .select('registratie_id', 'rij_hash', ...AFGELEIDE_KOLOMMEN)
    .whereIn('registratie_id', ids)) as BestaandeRegistratie[];
  return new Map(rows.map((r) => [r.registratie_id, r]));
}

export async function upsertRegistraties(db: Db | Knex.Transaction, rows: OpgeslagenRegistratie[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db('registraties')
      .insert(rows.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict('registratie_id')
      .merge();
  }
}

export async function countRegistraties(db: Db | Knex.Transaction): Promise<number> {
  const row = await db('registraties').count({ n: '*' }).first();
  return toNumber(row?.n);
}

export interface KwartaalAantallen {
  kwartaal: string;
  adviezen: number;
  meldingen: number;
}

export async function countPerKwartaal(db: Db): Promise<KwartaalAantallen[]> {
  const rows = await db('registraties')
    .select('kw_binnenkomst as kwartaal', 'soort')
    .count({ n: '*' })
    .groupBy('kw_binnenkomst', 'soort')
    .orderBy('kw_binnenkomst');
  const perKwartaal = new Map<string, KwartaalAantallen>();
  for (const r of rows as { kwartaal: string; soort: string; n: unknown }[]) {
    const entry = perKwartaal.get(r.kwartaal) ?? { kwartaal: r.kwartaal, adviezen: 0, meldingen: 0 };
    if (r.soort === 'advies') entry.adviezen = toNumber(r.n);
    else entry.meldingen = toNumber(r.n);
    perKwartaal.set(r.kwartaal, entry);
  }
  return [...perKwartaal.values()];
}

/** Streams all registrations (spec columns only), for re-deriving after a calendar or region change. */
export async function* iterateRegistraties(db: Db | Knex.Transaction, pageSize = 5000): AsyncGenerator<Registratie[]> {
  let after = '';
  for (;;) {
    const page = (await db('registraties')
      .select(...COLUMN_NAMES)
      .where('registratie_id', '>', after)
      .orderBy('registratie_id')
      .limit(pageSize)) as Registratie[];
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.registratie_id;
  }
}

export async function updateAfgeleid(trx: Knex.Transaction, id: string, afgeleid: Afgeleid): Promise<void> {
  await trx('registraties').update(afgeleid).where('registratie_id', id);
}
