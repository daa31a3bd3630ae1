import type { Db } from '../db/connection.js';
import { openZaken as leesOpenZaken, type OpenZaak } from './repository.js';

/** The open registrations the achterstand list may show (the caller applies the exact term rule). */
export async function openZaken(db: Db, vandaag: string, limiet = 1000): Promise<Record<'vb' | 'onderzoek' | 'vv', OpenZaak[]>> {
  return leesOpenZaken(db, vandaag, limiet);
}
