import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { STANDAARD_BELEID, type Beleid } from './onderdrukking.js';

/** Rounding is the only method: suppression of single cells can be undone across quarters (issue 14). */
export const beleidSchema = z.object({
  methode: z.literal('afronden').default('afronden'),
  grondtal: z.coerce.number().int().min(2, 'Het grondtal is minstens 2').max(50, 'Het grondtal is hoogstens 50'),
  minNoemer: z.coerce.number().int().min(1, 'De minimale noemer is minstens 1').max(1000, 'De minimale noemer is hoogstens 1.000'),
  kwartaalNoemer: z.coerce.number().int().min(1, 'De kwartaalnoemer is minstens 1').max(10000, 'De kwartaalnoemer is hoogstens 10.000').default(STANDAARD_BELEID.kwartaalNoemer),
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
