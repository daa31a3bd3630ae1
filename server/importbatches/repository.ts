import type { Knex } from 'knex';
import type { Db } from '../db/connection.js';

export interface Importbatch {
  id: number;
  soort: string;
  bestand: string;
  sha256: string;
  door: string;
  gestart_op: string;
  beeindigd_op: string | null;
  status: 'geladen' | 'afgewezen' | 'mislukt';
  rijen: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  afgewezen: number;
  fouten_voorbeeld: string | null;
  /** plausibility warnings (JSON list), or null */
  waarschuwingen: string | null;
}

export type NieuweImportbatch = Omit<Importbatch, 'id' | 'waarschuwingen'> & { waarschuwingen?: string | null };

export async function voegImportbatchToe(db: Db | Knex.Transaction, batch: NieuweImportbatch): Promise<number> {
  const [row] = await db('importbatches').insert(batch).returning('id');
  return typeof row === 'object' ? Number((row as { id: number }).id) : Number(row);
}

export async function werkImportbatchBij(db: Db | Knex.Transaction, id: number, changes: Partial<Importbatch>): Promise<void> {
  await db('importbatches').update(changes).where({ id });
}

export async function leesImportbatches(db: Db, limit = 50): Promise<Importbatch[]> {
  return (await db('importbatches').select('*').orderBy('id', 'desc').limit(limit)) as Importbatch[];
}

/** The day of the most recent successful import: the "data date" of every report. */
export async function laatsteImportdatum(db: Db): Promise<string | null> {
  const row = await db('importbatches').where({ status: 'geladen', soort: 'registraties' }).max({ d: 'beeindigd_op' }).first();
  return (row?.d as string | null) ?? null;
}
