import { telDagenOp } from '../calendar/dates.js';
import type { Knex } from 'knex';
import { alsGetal, type Db } from '../db/connection.js';
import { kopieerUpsert } from '../db/pg-bulk.js';
import { isSqliteTransaction, preparedStatement } from '../db/sqlite-bulk.js';
import { COLUMN_NAMES, kolomObject, type Registratie } from './schema.js';

/** A registration as stored: its values in the order of `OPGESLAGEN_KOLOMMEN`. */
export type OpgeslagenRij = (string | number | null)[];

/**
 * The stored record: the export columns, the hash and the import batch, and nothing derived.
 * What the indicators count is kept in `tellingen` (see tellingen.ts); the only index is the
 * primary key, so a row costs its 29 values and one key.
 */
const OPGESLAGEN_KOLOMMEN: readonly string[] = [...COLUMN_NAMES, 'rij_hash', 'importbatch_id'];
const BESTAANDE_KOLOMMEN: readonly string[] = [...COLUMN_NAMES, 'rij_hash'];

const SQLITE_INSERT = `INSERT INTO registraties (${OPGESLAGEN_KOLOMMEN.join(', ')}) VALUES (${OPGESLAGEN_KOLOMMEN.map(() => '?').join(', ')})`;
const SQLITE_UPSERT = `${SQLITE_INSERT}
  ON CONFLICT (registratie_id) DO UPDATE SET ${OPGESLAGEN_KOLOMMEN.filter((c) => c !== 'registratie_id').map((c) => `${c} = excluded.${c}`).join(', ')}`;
const SQLITE_BESTAANDE = `SELECT ${BESTAANDE_KOLOMMEN.join(', ')} FROM registraties WHERE registratie_id IN (SELECT value FROM json_each(?))`;

/** A stored registration as read back: its export columns and hash. */
export type BestaandeRegistratie = Registratie & { rij_hash: string };

/**
 * The stored row of a registration, without its import batch (the writer sets it:
 * `zetImportbatch`). Built as an array, not as a merged object: an object read back key by key
 * cost more than SQLite's own insert (measured in issue 7).
 */
export function opgeslagenRij(r: Registratie, rijHash: string): OpgeslagenRij {
  const rij: OpgeslagenRij = new Array(OPGESLAGEN_KOLOMMEN.length);
  let i = 0;
  for (const c of COLUMN_NAMES) rij[i++] = r[c as keyof Registratie] ?? null;
  rij[i++] = rijHash;
  rij[i] = null;
  return rij;
}

/** The registration a stored row holds (its export columns as an object). */
export function registratieVanRij(rij: OpgeslagenRij): Registratie {
  const r = kolomObject<string | number | null>(null);
  for (let i = 0; i < COLUMN_NAMES.length; i++) r[COLUMN_NAMES[i] as keyof Registratie] = rij[i] ?? null;
  return r as unknown as Registratie;
}

const INDEX = new Map(OPGESLAGEN_KOLOMMEN.map((c, i) => [c, i]));
const ID_INDEX = INDEX.get('registratie_id')!;
const HASH_INDEX = INDEX.get('rij_hash')!;
const IMPORTBATCH_INDEX = INDEX.get('importbatch_id')!;

export const idVanRij = (rij: OpgeslagenRij): string => rij[ID_INDEX] as string;
export const hashVanRij = (rij: OpgeslagenRij): string => rij[HASH_INDEX] as string;

export function zetImportbatch(rij: OpgeslagenRij, importbatchId: number): void {
  rij[IMPORTBATCH_INDEX] = importbatchId;
}

/** The stored versions of these ids: every export column and the hash. */
export async function zoekBestaande(db: Db | Knex.Transaction, ids: string[]): Promise<Map<string, BestaandeRegistratie>> {
  if (isSqliteTransaction(db)) {
    const rows = (await preparedStatement(db, SQLITE_BESTAANDE)).all(JSON.stringify(ids)) as BestaandeRegistratie[];
    return new Map(rows.map((r) => [r.registratie_id, r]));
  }
  const rows = (await db('registraties').select(...BESTAANDE_KOLOMMEN).whereIn('registratie_id', ids)) as BestaandeRegistratie[];
  return new Map(rows.map((r) => [r.registratie_id, r]));
}

/**
 * Writes registrations inside the import's transaction: `nieuw` are not in the table yet (a plain
 * INSERT — on SQLite an upsert costs half again as much per row), `gewijzigd` replace the stored
 * row with the same id. PostgreSQL takes both through COPY and one upsert.
 */
export async function schrijfRegistraties(
  trx: Knex.Transaction, rijen: { nieuw: OpgeslagenRij[]; gewijzigd: OpgeslagenRij[] },
): Promise<void> {
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
  const vb = (await db('registraties').select({ registratie_id: 'registratie_id', gemeente_code: 'gemeente_code', vanaf: 'datum_binnenkomst' })
    .where({ soort: 'melding' }).whereNull('datum_veiligheidsbeoordeling').andWhere('datum_binnenkomst', '<=', weekGeleden)
    .orderBy('datum_binnenkomst').limit(limiet)) as OpenZaak[];
  const lopend = async (start: string, einde: string) => (await db('registraties')
    .select({ registratie_id: 'registratie_id', gemeente_code: 'gemeente_code', vanaf: 'datum_veiligheidsbeoordeling' })
    .whereNotNull(start).whereNull(einde).andWhere('datum_veiligheidsbeoordeling', '<=', tienWeken)
    .orderBy('datum_veiligheidsbeoordeling').limit(limiet)) as OpenZaak[];
  return { vb, onderzoek: await lopend('datum_start_onderzoek', 'datum_einde_onderzoek'), vv: await lopend('datum_start_vv', 'datum_einde_vv') };
}
