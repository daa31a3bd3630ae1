/**
 * The archive of what the board received: once a report's duiding is definitief, its PDF is
 * printed once and kept byte for byte with its sha256 and the data version it was made from
 * (with, for a quarter, every gemeente's factsheet of that quarter). A later import changes the
 * live figures, never an archived PDF; it is downloaded unchanged ("zoals verzonden op …").
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { leesMeta } from '../db/metagegevens.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import { duidingIsDefinitief, leesDuidingen } from './duiding-repository.js';
import type { RapportModel } from './model.js';
import type { Rapport } from './rapporten.js';
import { factsheetModellen, rapportModel, rapportPdf, type Rapportdiensten } from './service.js';

export interface Archiefstuk {
  id: number;
  /** kwartaal | halfjaar | jaar | factsheet */
  rapport: string;
  periode: string;
  /** the factsheet's gemeente; '' for the board's reports */
  gemeente: string;
  sha256: string;
  bytes: number;
  data_versie: string | null;
  definitieversie: string | null;
  gemaakt_op: string;
  gemaakt_door: string;
  /** the cover's key figures as archived, JSON `[{label, waarde}]` */
  kerncijfers: string | null;
}

const KOLOMMEN = ['id', 'rapport', 'periode', 'gemeente', 'sha256', 'bytes', 'data_versie', 'definitieversie', 'gemaakt_op', 'gemaakt_door', 'kerncijfers'];

export const kerncijfersJson = (model: RapportModel) => JSON.stringify(model.kerncijfers.map((k) => ({ label: k.label, waarde: k.waarde })));

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const normaliseer = (r: Archiefstuk): Archiefstuk => ({ ...r, id: Number(r.id), bytes: Number(r.bytes) });

export async function leesArchief(db: Db, filter: { rapport?: string; periode?: string } = {}): Promise<Archiefstuk[]> {
  let q = db('rapportarchief').select(KOLOMMEN).orderBy([{ column: 'periode', order: 'desc' }, { column: 'rapport' }, { column: 'gemeente' }]);
  if (filter.rapport) q = q.where({ rapport: filter.rapport });
  if (filter.periode) q = q.where({ periode: filter.periode });
  return ((await q) as Archiefstuk[]).map(normaliseer);
}

export async function archiefstuk(db: Db, rapport: string, periode: string, gemeente = ''): Promise<Archiefstuk | null> {
  const r = (await db('rapportarchief').select(KOLOMMEN).where({ rapport, periode, gemeente }).first()) as Archiefstuk | undefined;
  return r ? normaliseer(r) : null;
}

/** The archived bytes, exactly as stored. */
export async function archiefPdf(db: Db, id: number): Promise<{ stuk: Archiefstuk; pdf: Buffer } | null> {
  const r = (await db('rapportarchief').select([...KOLOMMEN, 'pdf']).where({ id }).first()) as (Archiefstuk & { pdf: Buffer | Uint8Array }) | undefined;
  if (!r) return null;
  const { pdf, ...stuk } = r;
  return { stuk: normaliseer(stuk), pdf: Buffer.from(pdf) };
}

async function bewaar(db: Db, stuk: Omit<Archiefstuk, 'id' | 'sha256' | 'bytes'>, pdf: Uint8Array): Promise<void> {
  // another instance may archive the same report at the same moment: the first one wins
  await db('rapportarchief').insert({ ...stuk, sha256: sha256(pdf), bytes: pdf.byteLength, pdf: Buffer.from(pdf) })
    .onConflict(['rapport', 'periode', 'gemeente']).ignore();
}

/**
 * Archives a report whose duiding is definitief (and, for a quarter, its factsheets); what is
 * already archived stays as it is. Returns the archived report.
 */
export async function archiveer(d: Rapportdiensten, r: Rapport, door: string): Promise<Archiefstuk> {
  const bestaand = await archiefstuk(d.db, r.soort, r.periode);
  if (bestaand) return bestaand;
  if (!duidingIsDefinitief(await leesDuidingen(d.db, r.periode))) {
    throw ongeldigeInvoer(`De duiding van ${r.periode} is nog niet definitief: de rapportage wordt pas gearchiveerd als de voorlegger en elk geschreven hoofdstuk definitief zijn`);
  }
  const meta = {
    data_versie: await leesMeta(d.db, 'data_versie'), definitieversie: await leesMeta(d.db, 'definitieversie'),
    gemaakt_op: new Date().toISOString(), gemaakt_door: door,
  };
  const model = await rapportModel(d, r);
  const pdf = await rapportPdf(d, model);
  if (r.soort === 'kwartaal') {
    for (const { code, model: fm } of await factsheetModellen(d, r.periode)) {
      if (await archiefstuk(d.db, 'factsheet', r.periode, code)) continue;
      await bewaar(d.db, { rapport: 'factsheet', periode: r.periode, gemeente: code, ...meta, kerncijfers: kerncijfersJson(fm) }, await rapportPdf(d, fm));
    }
  }
  await bewaar(d.db, { rapport: r.soort, periode: r.periode, gemeente: '', ...meta, kerncijfers: kerncijfersJson(model) }, pdf);
  return (await archiefstuk(d.db, r.soort, r.periode))!;
}
