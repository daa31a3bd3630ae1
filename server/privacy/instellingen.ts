import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { STANDAARD_BELEID, type Beleid } from './onderdrukking.js';

export const beleidSchema = z.object({
  methode: z.enum(['teken', 'afronden']),
  drempel: z.coerce.number().int().min(2, 'De drempel is minstens 2').max(50, 'De drempel is hoogstens 50'),
  minNoemer: z.coerce.number().int().min(1, 'De minimale noemer is minstens 1').max(1000, 'De minimale noemer is hoogstens 1.000'),
});

const SLEUTEL = 'onderdrukking';

/** The policy for small numbers as the beheerder set it (default: < 5 suppressed, percentages on ≥ 10). */
export async function leesBeleid(db: Db): Promise<Beleid> {
  const r = (await db('instellingen').where({ sleutel: SLEUTEL }).first()) as { waarde: string } | undefined;
  if (!r) return STANDAARD_BELEID;
  const parsed = beleidSchema.safeParse(JSON.parse(r.waarde));
  return parsed.success ? parsed.data : STANDAARD_BELEID;
}

export async function schrijfBeleid(db: Db, beleid: Beleid, door: string): Promise<void> {
  await db('instellingen').insert({ sleutel: SLEUTEL, waarde: JSON.stringify(beleid), gewijzigd_door: door, gewijzigd_op: new Date().toISOString() })
    .onConflict('sleutel').merge(['waarde', 'gewijzigd_door', 'gewijzigd_op']);
  // every cached page and answer may change with the policy
  await db('metagegevens').insert({ sleutel: 'data_versie', waarde: new Date().toISOString() }).onConflict('sleutel').merge(['waarde']);
}
