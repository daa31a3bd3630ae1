import type { Db } from '../db/connection.js';
import { telPerSoortEnDag } from '../registraties/repository.js';
import type { Dagreeks } from './compute.js';

/** Registrations per soort and day of binnenkomst (the whole region, as the region's instroom counts them). */
export async function leesDagreeksen(db: Db): Promise<{ meldingen: Dagreeks; adviezen: Dagreeks; eersteDag: string | null; laatsteDag: string | null }> {
  const rijen = await telPerSoortEnDag(db);
  const meldingen = new Map<string, number>();
  const adviezen = new Map<string, number>();
  let eerste: string | null = null;
  let laatste: string | null = null;
  for (const r of rijen) {
    (r.soort === 'melding' ? meldingen : adviezen).set(r.datum_binnenkomst, Number(r.aantal));
    if (eerste === null || r.datum_binnenkomst < eerste) eerste = r.datum_binnenkomst;
    if (laatste === null || r.datum_binnenkomst > laatste) laatste = r.datum_binnenkomst;
  }
  return { meldingen, adviezen, eersteDag: eerste, laatsteDag: laatste };
}
