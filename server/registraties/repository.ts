import type { Knex } from 'knex';
import { toNumber, type Db } from '../db/connection.js';
import { isSqliteTransaction, preparedStatement } from '../db/sqlite-bulk.js';
import { COLUMN_NAMES, type Registratie } from '../import/columns.js';
import { AFGELEIDE_KOLOMMEN, type Afgeleid } from './derive.js';

export type OpgeslagenRegistratie = Registratie & Afgeleid & { rij_hash: string; importbatch_id: number };

export interface BestaandeRegistratie extends Afgeleid {
  registratie_id: string;
  rij_hash: string;
}

/** Rows per statement: ~60 columns stays far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 200;

const OPGESLAGEN_KOLOMMEN = [...COLUMN_NAMES, ...AFGELEIDE_KOLOMMEN, 'rij_hash', 'importbatch_id'] as (keyof OpgeslagenRegistratie)[];
const BESTAANDE_KOLOMMEN = ['registratie_id', 'rij_hash', ...AFGELEIDE_KOLOMMEN];

const SQLITE_UPSERT = `INSERT INTO registraties (${OPGESLAGEN_KOLOMMEN.join(', ')}) VALUES (${OPGESLAGEN_KOLOMMEN.map(() => '?').join(', ')})
  ON CONFLICT (registratie_id) DO UPDATE SET ${OPGESLAGEN_KOLOMMEN.filter((c) => c !== 'registratie_id').map((c) => `${c} = excluded.${c}`).join(', ')}`;
const SQLITE_BESTAANDE = `SELECT ${BESTAANDE_KOLOMMEN.join(', ')} FROM registraties WHERE registratie_id IN (SELECT value FROM json_each(?))`;

export async function findBestaande(db: Db | Knex.Transaction, ids: string[]): Promise<Map<string, BestaandeRegistratie>> {
  if (isSqliteTransaction(db)) {
    const rows = (await preparedStatement(db, SQLITE_BESTAANDE)).all(JSON.stringify(ids)) as BestaandeRegistratie[];
    return new Map(rows.map((r) => [r.registratie_id, r]));
  }
  const rows = (await db('registraties')
    .select(...BESTAANDE_KOLOMMEN)
    .whereIn('registratie_id', ids)) as BestaandeRegistratie[];
  return new Map(rows.map((r) => [r.registratie_id, r]));
}

export async function upsertRegistraties(db: Db | Knex.Transaction, rows: OpgeslagenRegistratie[]): Promise<void> {
  if (rows.length === 0) return;
  if (isSqliteTransaction(db)) {
    const upsert = await preparedStatement(db, SQLITE_UPSERT);
    for (const row of rows) upsert.run(OPGESLAGEN_KOLOMMEN.map((c) => row[c] ?? null));
    return;
  }
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
