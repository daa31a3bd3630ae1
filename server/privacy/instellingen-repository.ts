import type { Db } from '../db/connection.js';

/** The one repository of the table `instellingen`: settings a beheerder changes, as JSON per key. */

export async function leesInstelling(db: Db, sleutel: string): Promise<string | null> {
  const r = (await db('instellingen').select('waarde').where({ sleutel }).first()) as { waarde: string } | undefined;
  return r?.waarde ?? null;
}

export async function schrijfInstelling(db: Db, sleutel: string, waarde: string, door: string, op: string): Promise<void> {
  await db('instellingen')
    .insert({ sleutel, waarde, gewijzigd_door: door, gewijzigd_op: op })
    .onConflict('sleutel')
    .merge(['waarde', 'gewijzigd_door', 'gewijzigd_op']);
}
