import type { Db } from '../db/connection.js';
import { zoekOpenZaken, type OpenZaak } from './repository.js';

/** The open registrations the achterstand list may show (the caller applies the exact term rule). */
export async function leesOpenZaken(db: Db, vandaag: string, limiet = 1000): Promise<Record<'vb' | 'onderzoek' | 'vv', OpenZaak[]>> {
  return zoekOpenZaken(db, vandaag, limiet);
}
