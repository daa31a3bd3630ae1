import { kalenderWaarschuwingen } from '../calendar/besluiten.js';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Db } from '../db/connection.js';
import type { Knex } from 'knex';
import { haalBereik } from '../registraties/tellingen-repository.js';

/**
 * The Dutch warnings about the Royal-Decree days for the data in the database: shown by
 * `herbereken`, the import summary and /beheer. Empty when every data year is covered.
 */
export async function kalenderWaarschuwingenVoorData(db: Db | Knex.Transaction, kalender: Werkdagkalender): Promise<string[]> {
  const bereik = await haalBereik(db);
  if (!bereik) return [];
  return kalenderWaarschuwingen(kalender.dekking, Number(bereik.van.slice(0, 4)), Number(bereik.tot.slice(0, 4)));
}
