import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session: the cookie carries a random token, the database only its hash. */
export async function maakSessie(db: Db, gebruikerId: number, uren: number): Promise<{ token: string; csrf: string; verlooptOp: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const nu = new Date();
  const verlooptOp = new Date(nu.getTime() + uren * 3600_000).toISOString();
  await db('sessies').insert({ id: hashToken(token), gebruiker_id: gebruikerId, csrf, aangemaakt_op: nu.toISOString(), verloopt_op: verlooptOp });
  return { token, csrf, verlooptOp };
}

export async function leesSessie(db: Db, token: string): Promise<{ gebruikerId: number; csrf: string } | null> {
  const r = (await db('sessies').where({ id: hashToken(token) }).andWhere('verloopt_op', '>', new Date().toISOString()).first()) as
    | { gebruiker_id: number; csrf: string } | undefined;
  return r ? { gebruikerId: Number(r.gebruiker_id), csrf: r.csrf } : null;
}

export async function beeindigSessie(db: Db, token: string): Promise<void> {
  await db('sessies').where({ id: hashToken(token) }).delete();
}

export async function beeindigSessiesVan(db: Db, gebruikerId: number): Promise<void> {
  await db('sessies').where({ gebruiker_id: gebruikerId }).delete();
}

export async function ruimVerlopenSessiesOp(db: Db): Promise<void> {
  await db('sessies').where('verloopt_op', '<=', new Date().toISOString()).delete();
}
