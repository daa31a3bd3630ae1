import type { Knex } from 'knex';
import type { Kwartaal } from '../calendar/kwartaal.js';
import type { Db } from '../db/connection.js';

/** The one repository of the table `duidingen`; every function also runs inside the caller's transaction. */
type Q = Db | Knex.Transaction;

export interface Duiding {
  kwartaal: Kwartaal;
  sectie: string;
  tekst: string;
  door: string;
  bijgewerkt_op: string;
  /** concept until signed off (migration 20261201160000); absent in rows written before it */
  status?: 'concept' | 'definitief';
  definitief_door?: string | null;
  definitief_op?: string | null;
}

export async function leesDuidingen(db: Q, kwartaal: Kwartaal): Promise<Map<string, Duiding>> {
  const rijen = (await db('duidingen').select('*').where({ kwartaal })) as Duiding[];
  return new Map(rijen.map((r) => [r.sectie, r]));
}

/** Saves (or, with empty text, removes) the duiding of one section. */
export async function schrijfDuiding(db: Q, duiding: Duiding): Promise<void> {
  if (duiding.tekst.trim() === '') return verwijderDuiding(db, duiding.kwartaal, duiding.sectie);
  // a changed text is a concept again until it is signed off anew
  await db('duidingen')
    .insert({ ...duiding, status: duiding.status ?? 'concept' })
    .onConflict(['kwartaal', 'sectie'])
    .merge(['tekst', 'door', 'bijgewerkt_op', 'status', 'definitief_door', 'definitief_op']);
}

/** Removes the duiding of one section. */
export async function verwijderDuiding(db: Q, kwartaal: Kwartaal, sectie: string): Promise<void> {
  await db('duidingen').where({ kwartaal, sectie }).delete();
}

/**
 * A report's duiding is definitief when the cover text (voorlegger) is written and it and every
 * other written section are signed off. Sections left empty do not hold it back.
 */
export function duidingIsDefinitief(duidingen: Map<string, Duiding>): boolean {
  return duidingen.has('voorlegger') && [...duidingen.values()].every((d) => d.status === 'definitief');
}

/** Signs off one section (its current text), with who and when. */
export async function maakDefinitief(db: Q, periode: string, sectie: string, door: string, op: string): Promise<void> {
  await db('duidingen').where({ kwartaal: periode, sectie }).update({ status: 'definitief', definitief_door: door, definitief_op: op });
}

/** Takes a sign-off back: the section (its text unchanged) is a concept again. */
export async function maakConcept(db: Q, periode: string, sectie: string): Promise<void> {
  await db('duidingen').where({ kwartaal: periode, sectie }).update({ status: 'concept', definitief_door: null, definitief_op: null });
}

/** The periods whose cover text (voorlegger) is signed off: candidates for the automatic delivery. */
export async function leesPeriodenMetDefinitieveVoorlegger(db: Db): Promise<string[]> {
  return ((await db('duidingen').distinct('kwartaal').where({ sectie: 'voorlegger', status: 'definitief' })) as { kwartaal: string }[]).map((r) => r.kwartaal);
}
