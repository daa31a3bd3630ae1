import type { Db } from '../db/connection.js';

/** The one repository of the table `inlogpogingen`: failed logins per account × client address. */

export interface Inlogpoging {
  sleutel: string;
  mislukt: number;
  vergrendeld_tot: string | null;
  laatste_poging: string;
}

/** Forgets the failures older than `voor` whose lock-out has ended at `nu`. */
export async function vergeetOudePogingen(db: Db, voor: string, nu: string): Promise<void> {
  await db('inlogpogingen')
    .where('laatste_poging', '<', voor)
    .andWhere((q) => q.whereNull('vergrendeld_tot').orWhere('vergrendeld_tot', '<', nu))
    .delete();
}

export async function leesPoging(db: Db, sleutel: string): Promise<Pick<Inlogpoging, 'mislukt' | 'vergrendeld_tot'> | undefined> {
  return (await db('inlogpogingen').where({ sleutel }).first()) as Pick<Inlogpoging, 'mislukt' | 'vergrendeld_tot'> | undefined;
}

export async function vergeetPoging(db: Db, sleutel: string): Promise<void> {
  await db('inlogpogingen').where({ sleutel }).delete();
}

export async function schrijfPoging(db: Db, rij: Inlogpoging): Promise<void> {
  await db('inlogpogingen').insert(rij).onConflict('sleutel').merge(['mislukt', 'vergrendeld_tot', 'laatste_poging']);
}
