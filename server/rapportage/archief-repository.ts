/** The stored archive (table rapportarchief): the report PDFs as they were sent, byte for byte. */
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.js';

export interface Archiefstuk {
  id: number;
  /** kwartaal | halfjaar | jaar | factsheet */
  rapport: string;
  periode: string;
  /** the factsheet's gemeente; '' for the board's reports */
  gemeente: string;
  sha256: string;
  bytes: number;
  data_versie: string | null;
  definitieversie: string | null;
  gemaakt_op: string;
  gemaakt_door: string;
  /** the cover's key figures as archived, JSON `[{label, waarde}]` */
  kerncijfers: string | null;
}

const KOLOMMEN = ['id', 'rapport', 'periode', 'gemeente', 'sha256', 'bytes', 'data_versie', 'definitieversie', 'gemaakt_op', 'gemaakt_door', 'kerncijfers'];

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const normaliseer = (r: Archiefstuk): Archiefstuk => ({ ...r, id: Number(r.id), bytes: Number(r.bytes) });

export async function leesArchiefstukken(db: Db, filter: { rapport?: string; periode?: string } = {}): Promise<Archiefstuk[]> {
  let q = db('rapportarchief')
    .select(KOLOMMEN)
    .orderBy([{ column: 'periode', order: 'desc' }, { column: 'rapport' }, { column: 'gemeente' }]);
  if (filter.rapport) q = q.where({ rapport: filter.rapport });
  if (filter.periode) q = q.where({ periode: filter.periode });
  return ((await q) as Archiefstuk[]).map(normaliseer);
}

export async function zoekArchiefstuk(db: Db, rapport: string, periode: string, gemeente = ''): Promise<Archiefstuk | null> {
  const r = (await db('rapportarchief').select(KOLOMMEN).where({ rapport, periode, gemeente }).first()) as Archiefstuk | undefined;
  return r ? normaliseer(r) : null;
}

/** The archived bytes, exactly as stored. */
export async function leesArchiefPdf(db: Db, id: number): Promise<{ stuk: Archiefstuk; pdf: Buffer } | null> {
  const r = (await db('rapportarchief')
    .select([...KOLOMMEN, 'pdf'])
    .where({ id })
    .first()) as (Archiefstuk & { pdf: Buffer | Uint8Array }) | undefined;
  if (!r) return null;
  const { pdf, ...stuk } = r;
  return { stuk: normaliseer(stuk), pdf: Buffer.from(pdf) };
}

export async function voegArchiefstukToe(db: Db, stuk: Omit<Archiefstuk, 'id' | 'sha256' | 'bytes'>, pdf: Uint8Array): Promise<void> {
  // another instance may archive the same report at the same moment: the first one wins
  await db('rapportarchief')
    .insert({ ...stuk, sha256: sha256(pdf), bytes: pdf.byteLength, pdf: Buffer.from(pdf) })
    .onConflict(['rapport', 'periode', 'gemeente'])
    .ignore();
}
