import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { schrijfMeta } from '../db/metagegevens.js';
import { leesInstelling, schrijfInstelling } from './instellingen-repository.js';
import { STANDAARD_BELEID, type Beleid } from './onderdrukking.js';

/** Rounding is the only method: suppression of single cells can be undone across quarters (issue 14). */
export const beleidSchema = z.object({
  methode: z.literal('afronden').default('afronden'),
  grondtal: z.coerce.number().int().min(2, 'Het grondtal is minstens 2').max(50, 'Het grondtal is hoogstens 50'),
  minNoemer: z.coerce.number().int().min(1, 'De minimale noemer is minstens 1').max(1000, 'De minimale noemer is hoogstens 1.000'),
  kwartaalNoemer: z.coerce
    .number()
    .int()
    .min(1, 'De kwartaalnoemer is minstens 1')
    .max(10000, 'De kwartaalnoemer is hoogstens 10.000')
    .default(STANDAARD_BELEID.kwartaalNoemer),
});

const SLEUTEL = 'onderdrukking';

/**
 * The policy for small numbers as the beheerder set it (default STANDAARD_BELEID: counts rounded to
 * multiples of 5, shares only on a rounded base of at least 10).
 */
export async function leesBeleid(db: Db): Promise<Beleid> {
  const waarde = await leesInstelling(db, SLEUTEL);
  if (waarde === null) return STANDAARD_BELEID;
  const parsed = beleidSchema.safeParse(JSON.parse(waarde));
  return parsed.success ? parsed.data : STANDAARD_BELEID;
}

export async function schrijfBeleid(db: Db, beleid: Beleid, door: string): Promise<void> {
  await schrijfInstelling(db, SLEUTEL, JSON.stringify(beleid), door, new Date().toISOString());
  // every cached page and answer may change with the policy
  await schrijfMeta(db, 'data_versie', new Date().toISOString());
}
