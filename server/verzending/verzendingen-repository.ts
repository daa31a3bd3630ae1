/**
 * The deliveries (table verzendingen): one row per archived PDF × recipient (unique), or per
 * concept sent. A row is claimed before it is sent: `bezig`, with who sends it (`bezig_door`) and
 * until when the claim holds (`bezig_tot`); it becomes `verzonden` only after the SMTP server
 * accepted the message.
 */
import type { Db } from '../db/connection.js';

export interface Verzending {
  id: number;
  archief_id: number | null;
  email: string;
  rapport: string;
  periode: string;
  gemeente: string;
  sha256: string;
  status: 'wacht' | 'bezig' | 'verzonden' | 'mislukt';
  concept: number;
  pogingen: number;
  volgende_poging: string | null;
  smtp_antwoord: string | null;
  verzonden_op: string | null;
  aangemaakt_op: string;
  bezig_door: string | null;
  bezig_tot: string | null;
  /** the Message-ID it is sent with, the same on every attempt */
  bericht_id: string | null;
}

const normaliseer = (v: Verzending): Verzending => ({
  ...v,
  id: Number(v.id),
  archief_id: v.archief_id === null ? null : Number(v.archief_id),
  pogingen: Number(v.pogingen),
  concept: Number(v.concept),
});

export async function leesVerzendingen(db: Db, filter: { status?: string[]; limiet?: number } = {}): Promise<Verzending[]> {
  let q = db('verzendingen')
    .select('*')
    .orderBy('id', 'desc')
    .limit(filter.limiet ?? 500);
  if (filter.status) q = q.whereIn('status', filter.status);
  return ((await q) as Verzending[]).map(normaliseer);
}

/** Queues one delivery per recipient of an archived PDF; an existing one is kept. Returns how many are new. */
export async function voegVerzendingenToe(
  db: Db,
  stuk: { id: number; rapport: string; periode: string; gemeente: string; sha256: string },
  emails: string[],
  nu: string,
): Promise<number> {
  let nieuw = 0;
  for (const email of emails) {
    const rijen = await db('verzendingen')
      .insert({
        archief_id: stuk.id,
        email,
        rapport: stuk.rapport,
        periode: stuk.periode,
        gemeente: stuk.gemeente,
        sha256: stuk.sha256,
        status: 'wacht',
        concept: 0,
        pogingen: 0,
        volgende_poging: nu,
        aangemaakt_op: nu,
      })
      .onConflict(['archief_id', 'email'])
      .ignore()
      .returning('id');
    nieuw += rijen.length;
  }
  return nieuw;
}

/**
 * The archived deliveries that may be sent now: waiting or failed and due, or `bezig` (the caller
 * decides whether that claim is over: expired, or its sender gone).
 */
export async function leesTeVerzenden(db: Db, nu: string): Promise<Verzending[]> {
  const rijen = (await db('verzendingen')
    .select('*')
    .where({ concept: 0 })
    .where((q) => {
      void q
        .where((w) => void w.whereIn('status', ['wacht', 'mislukt']).whereNotNull('volgende_poging').where('volgende_poging', '<=', nu))
        .orWhere({ status: 'bezig' });
    })
    .orderBy('id')) as Verzending[];
  return rijen.map(normaliseer);
}

/**
 * Claims a delivery for sending: a conditional update on the row as it was read, so of two
 * instances only one gets it. False when someone else changed it first.
 */
export async function claimVerzending(db: Db, v: Verzending, door: string, tot: string, berichtId: string): Promise<boolean> {
  const n = await db('verzendingen')
    .where({ id: v.id, status: v.status, pogingen: v.pogingen })
    .where((q) => void (v.bezig_door === null ? q.whereNull('bezig_door') : q.where({ bezig_door: v.bezig_door })))
    .update({ status: 'bezig', bezig_door: door, bezig_tot: tot, bericht_id: berichtId });
  return n === 1;
}

export async function markeerVerzonden(db: Db, id: number, velden: { pogingen: number; smtp_antwoord: string; verzonden_op: string }): Promise<void> {
  await db('verzendingen')
    .where({ id })
    .update({ ...velden, status: 'verzonden', volgende_poging: null, bezig_door: null, bezig_tot: null });
}

export async function markeerMislukt(db: Db, id: number, velden: { pogingen?: number; volgende_poging?: string | null; smtp_antwoord: string }): Promise<void> {
  await db('verzendingen')
    .where({ id })
    .update({ ...velden, status: 'mislukt', bezig_door: null, bezig_tot: null });
}

/** A concept being sent now (never archived, never retried); returns its id. */
export async function voegConceptverzendingToe(
  db: Db,
  rij: { email: string; rapport: string; periode: string; gemeente: string; sha256: string; aangemaakt_op: string },
): Promise<number> {
  const [r] = await db('verzendingen')
    .insert({ archief_id: null, ...rij, status: 'bezig', concept: 1, pogingen: 1 })
    .returning('id');
  return Number(typeof r === 'object' ? (r as { id: number }).id : r);
}

export async function markeerConceptVerzonden(db: Db, id: number, smtpAntwoord: string, op: string): Promise<void> {
  await db('verzendingen').where({ id }).update({ status: 'verzonden', smtp_antwoord: smtpAntwoord, verzonden_op: op });
}

/** When each archived PDF was first delivered to a recipient: archief_id → earliest verzonden_op (only sent ones). */
export async function leesEersteVerzending(db: Db): Promise<Map<number, string>> {
  const rijen = (await db('verzendingen')
    .whereNotNull('archief_id')
    .where({ status: 'verzonden' })
    .groupBy('archief_id')
    .select('archief_id')
    .min({ op: 'verzonden_op' })) as { archief_id: number | string; op: string }[];
  return new Map(rijen.map((r) => [Number(r.archief_id), r.op]));
}
