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

export interface SessieMetGebruiker {
  csrf: string;
  gebruiker: { id: number; email: string; rol: string; gemeenten: string[]; moet_wachtwoord_wijzigen: boolean; demo: boolean };
}

/** Session and its (not blocked) user in one query: every request needs both. */
export async function leesSessieMetGebruiker(db: Db, token: string): Promise<SessieMetGebruiker | null> {
  const r = (await db('sessies')
    .join('gebruikers', 'gebruikers.id', 'sessies.gebruiker_id')
    .select('sessies.csrf', 'gebruikers.id', 'gebruikers.email', 'gebruikers.rol', 'gebruikers.gemeenten', 'gebruikers.moet_wachtwoord_wijzigen', 'gebruikers.demo')
    .where('sessies.id', hashToken(token)).andWhere('sessies.verloopt_op', '>', new Date().toISOString()).andWhere('gebruikers.geblokkeerd', 0)
    .first()) as { csrf: string; id: number; email: string; rol: string; gemeenten: string; moet_wachtwoord_wijzigen: number; demo: number } | undefined;
  if (!r) return null;
  return {
    csrf: r.csrf,
    gebruiker: {
      id: Number(r.id), email: r.email, rol: r.rol, gemeenten: JSON.parse(r.gemeenten) as string[],
      moet_wachtwoord_wijzigen: Number(r.moet_wachtwoord_wijzigen) === 1, demo: Number(r.demo) === 1,
    },
  };
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
