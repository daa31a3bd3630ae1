import type { Db } from '../db/connection.js';
import type { Regio } from '../config/regio.js';
import { ongeldigeInvoer } from '../shared/fouten.js';

/** Who receives which report; a factsheet goes to the recipients of its gemeente. */
export const ONTVANGER_RAPPORTEN = ['kwartaal', 'halfjaar', 'jaar', 'factsheet'] as const;
export type OntvangerRapport = (typeof ONTVANGER_RAPPORTEN)[number];

export interface Ontvanger {
  id: number;
  email: string;
  rapport: OntvangerRapport;
  /** the factsheet's gemeente; '' for the board's reports */
  gemeente: string;
  toegevoegd_op: string;
  toegevoegd_door: string;
}

const EMAIL = /^[^@\s<>"',;]+@[^@\s<>"',;]+\.[^@\s<>"',;]+$/;

/** Checks and normalises a recipient; Dutch errors naming the value. */
export function controleerOntvanger(regio: Regio, invoer: { email: unknown; rapport: unknown; gemeente?: unknown }): Pick<Ontvanger, 'email' | 'rapport' | 'gemeente'> {
  const email = typeof invoer.email === 'string' ? invoer.email.trim().toLowerCase() : '';
  if (!EMAIL.test(email) || email.length > 254) throw ongeldigeInvoer(`Ongeldig e-mailadres: ${String(invoer.email ?? 'niets')}`);
  const rapport = String(invoer.rapport ?? '');
  if (!(ONTVANGER_RAPPORTEN as readonly string[]).includes(rapport)) {
    throw ongeldigeInvoer(`Onbekende rapportage voor een ontvanger: ${rapport || 'niets'} (kies kwartaal, halfjaar, jaar of factsheet)`);
  }
  const gemeenteRuw = typeof invoer.gemeente === 'string' ? invoer.gemeente.trim().toUpperCase() : '';
  if (rapport === 'factsheet') {
    if (!regio.perCode.has(gemeenteRuw)) throw ongeldigeInvoer(`Een factsheet-ontvanger hoort bij een gemeente van de regio (--gemeente, zoals GM0268); gekregen: ${gemeenteRuw || 'niets'}`);
  } else if (gemeenteRuw) {
    throw ongeldigeInvoer('Alleen een factsheet-ontvanger heeft een gemeente');
  }
  return { email, rapport: rapport as OntvangerRapport, gemeente: rapport === 'factsheet' ? gemeenteRuw : '' };
}

/** Adds a recipient; false when it was already there. */
export async function voegOntvangerToe(db: Db, o: Pick<Ontvanger, 'email' | 'rapport' | 'gemeente'>, door: string): Promise<boolean> {
  const bestaand = await db('ontvangers').where(o).first();
  if (bestaand) return false;
  await db('ontvangers').insert({ ...o, toegevoegd_op: new Date().toISOString(), toegevoegd_door: door }).onConflict(['email', 'rapport', 'gemeente']).ignore();
  return true;
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
