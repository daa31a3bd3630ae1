import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { snelleLezer } from '../db/snellezer.js';
import { schrijfOpDeAchtergrond } from '../db/schrijfwachtrij.js';
import { vindGebruiker } from './gebruikers-repository.js';

/**
 * Sessions made while their insert still waits in the write queue (an import holds SQLite's
 * write lock): the next request of the same browser finds its session here.
 */
const wachtend = new Map<string, { gebruiker_id: number; csrf: string; verloopt_op: string }>();

/**
 * Sessions ended in this process whose delete still waits in the write queue: refused at once.
 * A token leaves the set only when its row is gone (and the delete raised the session generation).
 */
const beeindigd = new Set<string>();

export const sessieBeeindigd = (token: string): boolean => beeindigd.has(token);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session: the cookie carries a random token, the database only its hash. */
export async function maakSessie(db: Db, gebruikerId: number, uren: number): Promise<{ token: string; csrf: string; verlooptOp: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const nu = new Date();
  const verlooptOp = new Date(nu.getTime() + uren * 3600_000).toISOString();
  const rij = { id: hashToken(token), gebruiker_id: gebruikerId, csrf, aangemaakt_op: nu.toISOString(), verloopt_op: verlooptOp };
  wachtend.set(rij.id, rij);
  await schrijfOpDeAchtergrond(db, async () => {
    try {
      await db('sessies').insert(rij);
    } finally {
      wachtend.delete(rij.id);
    }
  });
  return { token, csrf, verlooptOp };
}

export interface SessieMetGebruiker {
  csrf: string;
  /** ISO time the session ends */
  verlooptOp: string;
  gebruiker: { id: number; email: string; rol: string; gemeenten: string[]; moet_wachtwoord_wijzigen: boolean; demo: boolean };
}

/** Session and its (not blocked) user in one query: every request needs both. */
export async function leesSessieMetGebruiker(db: Db, token: string): Promise<SessieMetGebruiker | null> {
  const r = (await db('sessies')
    .join('gebruikers', 'gebruikers.id', 'sessies.gebruiker_id')
    .select(
      'sessies.csrf',
      'sessies.verloopt_op',
      'gebruikers.id',
      'gebruikers.email',
      'gebruikers.rol',
      'gebruikers.gemeenten',
      'gebruikers.moet_wachtwoord_wijzigen',
      'gebruikers.demo',
    )
    .where('sessies.id', hashToken(token))
    .andWhere('sessies.verloopt_op', '>', new Date().toISOString())
    .andWhere('gebruikers.geblokkeerd', 0)
    .first()) as
    | { csrf: string; verloopt_op: string; id: number; email: string; rol: string; gemeenten: string; moet_wachtwoord_wijzigen: number; demo: number }
    | undefined;
  if (!r) return wachtendeSessie(db, token);
  return {
    csrf: r.csrf,
    verlooptOp: r.verloopt_op,
    gebruiker: {
      id: Number(r.id),
      email: r.email,
      rol: r.rol,
      gemeenten: JSON.parse(r.gemeenten) as string[],
      moet_wachtwoord_wijzigen: Number(r.moet_wachtwoord_wijzigen) === 1,
      demo: Number(r.demo) === 1,
    },
  };
}

/** A session whose insert is still in the write queue, with its (not blocked) user. */
async function wachtendeSessie(db: Db, token: string): Promise<SessieMetGebruiker | null> {
  const s = wachtend.get(hashToken(token));
  if (!s || s.verloopt_op <= new Date().toISOString()) return null;
  const g = await vindGebruiker(db, { id: s.gebruiker_id });
  if (!g || g.geblokkeerd) return null;
  return {
    csrf: s.csrf,
    verlooptOp: s.verloopt_op,
    gebruiker: { id: g.id, email: g.email, rol: g.rol, gemeenten: g.gemeenten, moet_wachtwoord_wijzigen: g.moet_wachtwoord_wijzigen, demo: g.demo },
  };
}

export async function beeindigSessie(db: Db, token: string): Promise<void> {
  const id = hashToken(token);
  wachtend.delete(id);
  beeindigd.add(token);
  await schrijfOpDeAchtergrond(db, async () => {
    await db('sessies').where({ id }).delete();
    // only once the row is gone (a failed delete keeps the session refused in this process)
    beeindigd.delete(token);
  });
}

/**
 * Reads the session generation (migration 20261201175000: the database raises it whenever a
 * session ends or an account changes). Every request reads it before it trusts a cached
 * session, so it must be cheap: `snelleLezer` (a read-only SQLite connection of its own, or one
 * PostgreSQL query shared by the requests waiting at the same time).
 */
export function generatieLezer(db: Db): () => number | Promise<number> {
  const viaKnex = async () =>
    Number(((await db('sessie_generatie').where({ id: 1 }).first('generatie')) as { generatie: number | string } | undefined)?.generatie ?? 0);
  const lees = snelleLezer<number | string | undefined>(db, 'SELECT generatie FROM sessie_generatie WHERE id = 1', viaKnex);
  return () => {
    const g = lees();
    return g instanceof Promise ? g.then((n) => Number(n ?? 0)) : Number(g ?? 0);
  };
}

export async function beeindigSessiesVan(db: Db, gebruikerId: number): Promise<void> {
  await db('sessies').where({ gebruiker_id: gebruikerId }).delete();
}

export async function ruimVerlopenSessiesOp(db: Db): Promise<void> {
  const nu = new Date().toISOString();
  await schrijfOpDeAchtergrond(db, () => db('sessies').where('verloopt_op', '<=', nu).delete());
}
