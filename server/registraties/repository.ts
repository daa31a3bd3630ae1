import { telDagenOp } from '../calendar/dates.js';
import type { Knex } from 'knex';
import { alsGetal, type Db } from '../db/connection.js';
import { kopieerUpsert } from '../db/pg-bulk.js';
import { isSqliteTransaction, preparedStatement } from '../db/sqlite-bulk.js';
import { COLUMN_NAMES, type Registratie } from './schema.js';
import { OPGESLAGEN_KOLOMMEN, type OpgeslagenRij } from './opgeslagen-rij.js';

const BESTAANDE_KOLOMMEN: readonly string[] = [...COLUMN_NAMES, 'rij_hash'];

const SQLITE_INSERT = `INSERT INTO registraties (${OPGESLAGEN_KOLOMMEN.join(', ')}) VALUES (${OPGESLAGEN_KOLOMMEN.map(() => '?').join(', ')})`;
const SQLITE_UPSERT = `${SQLITE_INSERT}
  ON CONFLICT (registratie_id) DO UPDATE SET ${OPGESLAGEN_KOLOMMEN.filter((c) => c !== 'registratie_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;
const SQLITE_BESTAANDE = `SELECT ${BESTAANDE_KOLOMMEN.join(', ')} FROM registraties WHERE registratie_id IN (SELECT value FROM json_each(?))`;

/** A stored registration as read back: its export columns and hash. */
export type BestaandeRegistratie = Registratie & { rij_hash: string };

/** The stored versions of these ids: every export column and the hash. */
export async function zoekBestaande(db: Db | Knex.Transaction, ids: string[]): Promise<Map<string, BestaandeRegistratie>> {
  if (isSqliteTransaction(db)) {
    const rows = (await preparedStatement(db, SQLITE_BESTAANDE)).all(JSON.stringify(ids)) as BestaandeRegistratie[];
    return new Map(rows.map((r) => [r.registratie_id, r]));
  }
  const rows = (await db('registraties')
    .select(...BESTAANDE_KOLOMMEN)
    .whereIn('registratie_id', ids)) as BestaandeRegistratie[];
  return new Map(rows.map((r) => [r.registratie_id, r]));
}

const SQLITE_HASHES = 'SELECT registratie_id, rij_hash FROM registraties WHERE registratie_id IN (SELECT value FROM json_each(?))';

/**
 * The stored hash of these ids (absent: not stored). An unchanged row needs nothing more: the import
 * reads a stored version in full only where the hash differs or a narrow line must be merged.
 */
export async function zoekHashes(db: Db | Knex.Transaction, ids: string[]): Promise<Map<string, string>> {
  if (isSqliteTransaction(db)) {
    const stmt = (await preparedStatement(db, SQLITE_HASHES)).raw(true);
    return new Map(stmt.all(JSON.stringify(ids)) as [string, string][]);
  }
  const rows = (await db('registraties').select('registratie_id', 'rij_hash').whereIn('registratie_id', ids)) as { registratie_id: string; rij_hash: string }[];
  return new Map(rows.map((r) => [r.registratie_id, r.rij_hash]));
}

const SQLITE_VERSCHILLEN =
  'SELECT j.key, r.rij_hash IS NOT NULL FROM json_each(?) j LEFT JOIN registraties r ON r.registratie_id = substr(j.value, 41) ' +
  'WHERE r.rij_hash IS NULL OR r.rij_hash <> substr(j.value, 1, 40)';

/**
 * Which of these registrations (id and SHA-1 hash, 40 hex digits) are not stored with that hash:
 * per position in `paren`, true when the id is stored (with another hash), false when it is not
 * stored at all. Every position left out is stored unchanged. SQLite compares in the query, so
 * an unchanged row costs no row in JavaScript (a re-import of an unchanged export gets back an
 * empty list); PostgreSQL compares the stored hashes here.
 */
export async function zoekVerschillen(db: Db | Knex.Transaction, paren: readonly { id: string; hash: string }[]): Promise<Map<number, boolean>> {
  if (isSqliteTransaction(db)) {
    const stmt = (await preparedStatement(db, SQLITE_VERSCHILLEN)).raw(true);
    const rijen = stmt.all(JSON.stringify(paren.map((p) => p.hash + p.id))) as [number, number][];
    return new Map(rijen.map(([i, opgeslagen]) => [i, opgeslagen === 1]));
  }
  const hashes = await zoekHashes(
    db,
    paren.map((p) => p.id),
  );
  const uit = new Map<number, boolean>();
  paren.forEach((p, i) => {
    const h = hashes.get(p.id);
    if (h !== p.hash) uit.set(i, h !== undefined);
  });
  return uit;
}

/**
 * Writes registrations inside the import's transaction: `nieuw` are not in the table yet (a plain
 * INSERT — on SQLite an upsert costs half again as much per row), `gewijzigd` replace the stored
 * row with the same id. PostgreSQL takes both through COPY and one upsert.
 */
export async function schrijfRegistraties(trx: Knex.Transaction, rijen: { nieuw: OpgeslagenRij[]; gewijzigd: OpgeslagenRij[] }): Promise<void> {
  if (!isSqliteTransaction(trx)) {
    await kopieerUpsert(trx, 'registraties', OPGESLAGEN_KOLOMMEN, rijen.nieuw.concat(rijen.gewijzigd), 'registratie_id');
    return;
  }
  if (rijen.nieuw.length > 0) {
    const insert = await preparedStatement(trx, SQLITE_INSERT);
    // values as arguments: better-sqlite3 binds those faster than the elements of one array
    for (const rij of rijen.nieuw) insert.run(...rij);
  }
  if (rijen.gewijzigd.length > 0) {
    const upsert = await preparedStatement(trx, SQLITE_UPSERT);
    for (const rij of rijen.gewijzigd) upsert.run(...rij);
  }
}

export async function telRegistraties(db: Db | Knex.Transaction): Promise<number> {
  const row = await db('registraties').count({ n: '*' }).first();
  return alsGetal(row?.n);
}

/** Registrations per soort and day of binnenkomst (for the prognose). */
export async function telPerSoortEnDag(db: Db): Promise<{ soort: string; datum_binnenkomst: string; aantal: number }[]> {
  const rijen = (await db('registraties').select('soort', 'datum_binnenkomst').count({ aantal: '*' }).groupBy('soort', 'datum_binnenkomst')) as {
    soort: string;
    datum_binnenkomst: string;
    aantal: number | string;
  }[];
  return rijen.map((r) => ({ ...r, aantal: alsGetal(r.aantal) }));
}

/** Registrations received in [van, tot] (inclusive) per soort, VB besluit, spoed and gemeente code (for the spiegel). */
export async function telPerSoortBesluitSpoedGemeente(
  db: Db,
  van: string,
  tot: string,
): Promise<{ soort: string; besluit: string | null; spoed: number | null; code: string | null; n: number }[]> {
  const rijen = (await db('registraties')
    .whereBetween('datum_binnenkomst', [van, tot])
    .select({ soort: 'soort', besluit: 'besluit_veiligheidsbeoordeling', spoed: 'spoed', code: 'gemeente_code' })
    .count({ n: '*' })
    .groupBy('soort', 'besluit_veiligheidsbeoordeling', 'spoed', 'gemeente_code')) as {
    soort: string;
    besluit: string | null;
    spoed: number | null;
    code: string | null;
    n: number | string;
  }[];
  return rijen.map((r) => ({ ...r, n: alsGetal(r.n) }));
}

/** A stored registration: its export columns with the hash and import batch it was stored with. */
export type OpgeslagenRegistratie = Registratie & { rij_hash: string; importbatch_id: number };

/** Streams all registrations (export columns, hash and import batch), for re-deriving after a calendar or region change. */
export async function* doorloopRegistraties(db: Db | Knex.Transaction, pageSize = 5000): AsyncGenerator<OpgeslagenRegistratie[]> {
  let after = '';
  for (;;) {
    const page = (await db('registraties')
      .select(...COLUMN_NAMES, 'rij_hash', 'importbatch_id')
      .where('registratie_id', '>', after)
      .orderBy('registratie_id')
      .limit(pageSize)) as OpgeslagenRegistratie[];
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.registratie_id;
  }
}

export interface OpenZaak {
  registratie_id: string;
  gemeente_code: string | null;
  /** the date the term counts from: binnenkomst (VB) or the VB (onderzoek, V&V) */
  vanaf: string;
}

/**
 * Open work that may be over its term on `vandaag`: VB's not done with a binnenkomst at least a
 * week ago, onderzoeken and V&V running with a VB more than 70 days ago. The caller applies the
 * exact werkdagen rule. Oldest first, at most `limiet` per kind.
 */
export async function zoekOpenZaken(db: Db, vandaag: string, limiet = 1000): Promise<Record<'vb' | 'onderzoek' | 'vv', OpenZaak[]>> {
  const weekGeleden = telDagenOp(vandaag, -7);
  const tienWeken = telDagenOp(vandaag, -71);
  const vb = (await db('registraties')
    .select({ registratie_id: 'registratie_id', gemeente_code: 'gemeente_code', vanaf: 'datum_binnenkomst' })
    .where({ soort: 'melding' })
    .whereNull('datum_veiligheidsbeoordeling')
    .andWhere('datum_binnenkomst', '<=', weekGeleden)
    .orderBy('datum_binnenkomst')
    .limit(limiet)) as OpenZaak[];
  const lopend = async (start: string, einde: string) =>
    (await db('registraties')
      .select({ registratie_id: 'registratie_id', gemeente_code: 'gemeente_code', vanaf: 'datum_veiligheidsbeoordeling' })
      .whereNotNull(start)
      .whereNull(einde)
      .andWhere('datum_veiligheidsbeoordeling', '<=', tienWeken)
      .orderBy('datum_veiligheidsbeoordeling')
      .limit(limiet)) as OpenZaak[];
  return { vb, onderzoek: await lopend('datum_start_onderzoek', 'datum_einde_onderzoek'), vv: await lopend('datum_start_vv', 'datum_einde_vv') };
}
