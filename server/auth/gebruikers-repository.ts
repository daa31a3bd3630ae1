import type { Db } from '../db/connection.js';
import type { Gebruiker, Rol } from './rollen.js';

interface Rij {
  id: number;
  email: string;
  wachtwoord_hash: string;
  rol: Rol;
  gemeenten: string;
  moet_wachtwoord_wijzigen: number;
  geblokkeerd: number;
  mislukte_pogingen: number;
  vergrendeld_tot: string | null;
  demo: number;
  aangemaakt_op: string;
  laatst_ingelogd_op: string | null;
}

export interface GebruikerMetGeheimen extends Gebruiker {
  wachtwoord_hash: string;
  mislukte_pogingen: number;
  vergrendeld_tot: string | null;
  aangemaakt_op: string;
  laatst_ingelogd_op: string | null;
}

function uitRij(r: Rij): GebruikerMetGeheimen {
  return {
    id: Number(r.id),
    email: r.email,
    rol: r.rol,
    gemeenten: JSON.parse(r.gemeenten) as string[],
    moet_wachtwoord_wijzigen: Number(r.moet_wachtwoord_wijzigen) === 1,
    geblokkeerd: Number(r.geblokkeerd) === 1,
    demo: Number(r.demo) === 1,
    wachtwoord_hash: r.wachtwoord_hash,
    mislukte_pogingen: Number(r.mislukte_pogingen),
    vergrendeld_tot: r.vergrendeld_tot,
    aangemaakt_op: r.aangemaakt_op,
    laatst_ingelogd_op: r.laatst_ingelogd_op,
  };
}

export async function vindGebruiker(db: Db, waar: { email: string } | { id: number }): Promise<GebruikerMetGeheimen | null> {
  const r = (await db('gebruikers')
    .where('email' in waar ? { email: waar.email.toLowerCase() } : { id: waar.id })
    .first()) as Rij | undefined;
  return r ? uitRij(r) : null;
}

export async function lijstGebruikers(db: Db): Promise<GebruikerMetGeheimen[]> {
  return ((await db('gebruikers').select('*').orderBy('email')) as Rij[]).map(uitRij);
}

export async function voegGebruikerToe(
  db: Db,
  g: { email: string; rol: Rol; gemeenten: string[]; wachtwoord_hash: string; moet_wachtwoord_wijzigen: boolean; demo?: boolean },
): Promise<number> {
  const [row] = await db('gebruikers')
    .insert({
      email: g.email.toLowerCase(),
      rol: g.rol,
      gemeenten: JSON.stringify(g.gemeenten),
      wachtwoord_hash: g.wachtwoord_hash,
      moet_wachtwoord_wijzigen: g.moet_wachtwoord_wijzigen ? 1 : 0,
      demo: g.demo ? 1 : 0,
      aangemaakt_op: new Date().toISOString(),
    })
    .returning('id');
  return typeof row === 'object' ? Number((row as { id: number }).id) : Number(row);
}

export async function werkGebruikerBij(db: Db, id: number, wijziging: Partial<Omit<Rij, 'id' | 'email'>>): Promise<void> {
  await db('gebruikers').update(wijziging).where({ id });
}

export async function aantalGebruikers(db: Db): Promise<number> {
  const [r] = (await db('gebruikers').count({ n: '*' })) as { n: number | string }[];
  return Number(r!.n);
}
