import type { Db } from '../db/connection.js';
import { leesEersteVerzending } from './verzendingen-repository.js';

/**
 * Which archived PDFs were actually delivered, and when first: the archive list says "zoals
 * verzonden op …" only for those (archief_id → the earliest verzonden_op).
 */
export function verzondenArchiefstukken(db: Db): Promise<Map<number, string>> {
  return leesEersteVerzending(db);
}
