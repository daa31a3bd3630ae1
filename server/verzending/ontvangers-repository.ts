/** The stored recipients (table ontvangers): who receives which report. */
import type { Db } from '../db/connection.js';

export interface Ontvanger {
  id: number;
  email: string;
  /** kwartaal | halfjaar | jaar | factsheet */
  rapport: 'kwartaal' | 'halfjaar' | 'jaar' | 'factsheet';
  /** the factsheet's gemeente; '' for the board's reports */
  gemeente: string;
  toegevoegd_op: string;
  toegevoegd_door: string;
}

/** Adds a recipient; false when it was already there. */
export async function voegOntvangerToe(db: Db, o: Pick<Ontvanger, 'email' | 'rapport' | 'gemeente'>, door: string): Promise<boolean> {
  const rijen = await db('ontvangers')
    .insert({ ...o, toegevoegd_op: new Date().toISOString(), toegevoegd_door: door })
    .onConflict(['email', 'rapport', 'gemeente'])
    .ignore()
    .returning('id');
  return rijen.length > 0;
}

export async function leesOntvangers(db: Db, filter: { rapport?: string; gemeente?: string } = {}): Promise<Ontvanger[]> {
  let q = db('ontvangers').select('*').orderBy(['rapport', 'gemeente', 'email']);
  if (filter.rapport) q = q.where({ rapport: filter.rapport });
  if (filter.gemeente !== undefined) q = q.where({ gemeente: filter.gemeente });
  return ((await q) as Ontvanger[]).map((o) => ({ ...o, id: Number(o.id) }));
}

/** Removes every subscription of the address; returns how many. */
export async function verwijderOntvanger(db: Db, email: string): Promise<number> {
  return db('ontvangers').where({ email: email.trim().toLowerCase() }).delete();
}
