/**
 * The claims of the automatic delivery (table verzendclaims): one row per task (`kwartaal:2026-Q3`).
 * A claim is a lease: it holds until `verloopt_op` unless the task is done (`klaar_op`); a claim
 * whose holder is gone is taken over by a conditional update, so two instances never both take it.
 */
import type { Db } from '../db/connection.js';

export interface Verzendclaim {
  taak: string;
  door: string;
  geclaimd_op: string;
  /** null in claims made before the claims were leases: expired */
  verloopt_op: string | null;
  klaar_op: string | null;
}

export async function leesVerzendclaim(db: Db, taak: string): Promise<Verzendclaim | null> {
  return ((await db('verzendclaims').where({ taak }).first()) as Verzendclaim | undefined) ?? null;
}

/** Records a new claim; false when the task was claimed before (by anyone). */
export async function voegVerzendclaimToe(db: Db, claim: Omit<Verzendclaim, 'klaar_op'>): Promise<boolean> {
  const rijen = await db('verzendclaims')
    .insert({ ...claim, klaar_op: null })
    .onConflict('taak')
    .ignore()
    .returning('taak');
  return rijen.length > 0;
}

/** Takes over the claim `vorige` (unchanged since it was read, not done); false when someone else changed it first. */
export async function neemVerzendclaimOver(db: Db, vorige: Verzendclaim, door: string, nu: string, verloopt: string): Promise<boolean> {
  const n = await db('verzendclaims')
    .where({ taak: vorige.taak, door: vorige.door, geclaimd_op: vorige.geclaimd_op })
    .whereNull('klaar_op')
    .update({ door, geclaimd_op: nu, verloopt_op: verloopt });
  return n === 1;
}

/** Marks the task done (in the transaction that queued its deliveries). */
export async function markeerVerzendclaimKlaar(db: Db, taak: string, nu: string): Promise<void> {
  await db('verzendclaims').where({ taak }).whereNull('klaar_op').update({ klaar_op: nu });
}
