import type { Knex } from 'knex';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { gemeenteSleutel } from '../registraties/derive.js';
import { telPerSoortBesluitSpoedGemeente } from '../registraties/repository.js';
import type { CbsCijfer } from './cbs-bestand.js';
import type { EigenTelling } from './compute.js';

type Trx = Db | Knex.Transaction;

interface CbsRij {
  tabel: string;
  periode: string;
  regio: string;
  regio_naam: string;
  maat: string | null;
  cbs_maat: string;
  waarde: number | null;
  waarde_tekst: string;
  voorlopig: number;
  bron: string;
  herkomst: string;
}

const sleutel = (c: { tabel: string; periode: string; regio: string; cbs_maat: string }) => `${c.tabel}\u0000${c.periode}\u0000${c.regio}\u0000${c.cbs_maat}`;
const zelfde = (r: CbsRij, c: CbsCijfer) =>
  r.waarde_tekst === c.waarde_tekst && Boolean(r.voorlopig) === c.voorlopig && r.bron === c.bron && r.maat === c.maat && r.regio_naam === c.regio_naam;
const alsRij = (c: CbsCijfer, herkomst: 'verzonden' | 'import', importbatch_id: number | null) => ({
  tabel: c.tabel,
  periode: c.periode,
  regio: c.regio,
  regio_naam: c.regio_naam,
  maat: c.maat,
  cbs_maat: c.cbs_maat,
  waarde: c.waarde,
  waarde_tekst: c.waarde_tekst,
  voorlopig: c.voorlopig ? 1 : 0,
  bron: c.bron,
  herkomst,
  importbatch_id,
  bijgewerkt_op: new Date().toISOString(),
});

async function alle(db: Trx): Promise<Map<string, CbsRij>> {
  const rijen = (await db('cbs_cijfers').select(
    'tabel',
    'periode',
    'regio',
    'regio_naam',
    'maat',
    'cbs_maat',
    'waarde',
    'waarde_tekst',
    'voorlopig',
    'bron',
    'herkomst',
  )) as CbsRij[];
  return new Map(rijen.map((r) => [sleutel(r), r]));
}

/**
 * The shipped figures: a missing cell is added, a shipped cell whose shipped value changed is
 * updated, an imported cell is never touched. Only reads when everything is in place.
 */
export async function laadVerzondenCijfers(db: Db, cijfers: CbsCijfer[]): Promise<{ nieuw: number; gewijzigd: number }> {
  const er = await alle(db);
  const nieuw = cijfers.filter((c) => !er.has(sleutel(c)));
  const gewijzigd = cijfers.filter((c) => {
    const r = er.get(sleutel(c));
    return r !== undefined && r.herkomst === 'verzonden' && !zelfde(r, c);
  });
  if (nieuw.length === 0 && gewijzigd.length === 0) return { nieuw: 0, gewijzigd: 0 };
  await db.transaction(async (trx) => {
    for (let i = 0; i < nieuw.length; i += 100) await trx('cbs_cijfers').insert(nieuw.slice(i, i + 100).map((c) => alsRij(c, 'verzonden', null)));
    for (const c of gewijzigd)
      await trx('cbs_cijfers')
        .update(alsRij(c, 'verzonden', null))
        .where({ tabel: c.tabel, periode: c.periode, regio: c.regio, cbs_maat: c.cbs_maat });
  });
  return { nieuw: nieuw.length, gewijzigd: gewijzigd.length };
}

/** An import adds or replaces cells (per tabel, periode, regio, measure); within the caller's transaction. */
export async function vervangCbsCijfers(
  trx: Knex.Transaction,
  cijfers: CbsCijfer[],
  importbatchId: number,
): Promise<{ nieuw: number; gewijzigd: number; ongewijzigd: number }> {
  const er = await alle(trx);
  const telling = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0 };
  for (const c of cijfers) {
    const r = er.get(sleutel(c));
    if (!r) {
      telling.nieuw++;
      await trx('cbs_cijfers').insert(alsRij(c, 'import', importbatchId));
    } else if (r.herkomst === 'verzonden' || !zelfde(r, c)) {
      // a shipped cell confirmed by an import becomes imported, so a later release never overwrites it
      if (zelfde(r, c)) telling.ongewijzigd++;
      else telling.gewijzigd++;
      await trx('cbs_cijfers')
        .update(alsRij(c, 'import', importbatchId))
        .where({ tabel: c.tabel, periode: c.periode, regio: c.regio, cbs_maat: c.cbs_maat });
    } else telling.ongewijzigd++;
  }
  return telling;
}

/** Every cell the spiegel uses (a known maat). */
export async function leesSpiegelCijfers(db: Db): Promise<CbsCijfer[]> {
  const rijen = (await db('cbs_cijfers').whereNotNull('maat').select('*').orderBy(['periode', 'regio', 'maat', 'tabel'])) as CbsRij[];
  return rijen.map((r) => ({ ...r, waarde: r.waarde === null ? null : Number(r.waarde), voorlopig: Boolean(r.voorlopig) }));
}

/**
 * Own registrations received in [van, tot] (datum_binnenkomst, inclusive), counted per soort, VB
 * besluit, spoed and gemeente (the gebied of the region's key for the gemeente code).
 */
export async function telEigen(db: Db, regio: Regio, van: string, tot: string): Promise<EigenTelling[]> {
  const rijen = await telPerSoortBesluitSpoedGemeente(db, van, tot);
  const perGroep = new Map<string, EigenTelling>();
  for (const r of rijen) {
    const t: EigenTelling = {
      soort: r.soort,
      besluit: r.besluit,
      spoed: r.spoed === null ? null : Number(r.spoed),
      gemeente: gemeenteSleutel(r.code, regio),
      n: 0,
    };
    const k = JSON.stringify([t.soort, t.besluit, t.spoed, t.gemeente]);
    const bestaand = perGroep.get(k);
    if (bestaand) bestaand.n += Number(r.n);
    else perGroep.set(k, { ...t, n: Number(r.n) });
  }
  return [...perGroep.values()];
}
