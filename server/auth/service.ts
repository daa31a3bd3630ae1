import type { Regio } from '../config/regio.js';
import { schrijfOpDeAchtergrond } from '../db/schrijfwachtrij.js';
import type { Db } from '../db/connection.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import {
  vindGebruiker, voegGebruikerToe, werkGebruikerBij, type GebruikerMetGeheimen,
} from './gebruikers-repository.js';
import { ROLLEN, type Gebruiker, type Rol } from './rollen.js';
import { beeindigSessiesVan } from './sessies-repository.js';
import { controleerWachtwoord, dummyHash, eenmaligWachtwoord, hashWachtwoord, wachtwoordProbleem } from './wachtwoord.js';

export interface Inlogbeleid {
  maxPogingen: number;
  blokkadeMinuten: number;
}

export type Inlogresultaat =
  | { ok: true; gebruiker: Gebruiker }
  | { ok: false; reden: 'onbekend_of_fout' | 'vergrendeld' | 'geblokkeerd'; gebruiker?: GebruikerMetGeheimen };

/**
 * Checks e-mail and password. After `maxPogingen` failures in a row the account is locked for
 * `blokkadeMinuten` (in the database, so every app instance honours it). An unknown address
 * costs as much time as a wrong password and gets the same answer.
 */
export async function inloggen(db: Db, email: string, wachtwoord: string, beleid: Inlogbeleid): Promise<Inlogresultaat> {
  const g = await vindGebruiker(db, { email: email.trim() });
  if (!g) {
    await controleerWachtwoord(await dummyHash(), wachtwoord);
    return { ok: false, reden: 'onbekend_of_fout' };
  }
  if (g.geblokkeerd) return { ok: false, reden: 'geblokkeerd', gebruiker: g };
  const nu = new Date();
  if (g.vergrendeld_tot && g.vergrendeld_tot > nu.toISOString()) return { ok: false, reden: 'vergrendeld', gebruiker: g };
  if (!(await controleerWachtwoord(g.wachtwoord_hash, wachtwoord))) {
    const pogingen = g.mislukte_pogingen + 1;
    const vergrendel = pogingen >= beleid.maxPogingen;
    // through the write queue: a login attempt during an import does not wait for it
    await schrijfOpDeAchtergrond(db, () => werkGebruikerBij(db, g.id, {
      mislukte_pogingen: vergrendel ? 0 : pogingen,
      vergrendeld_tot: vergrendel ? new Date(nu.getTime() + beleid.blokkadeMinuten * 60_000).toISOString() : g.vergrendeld_tot,
    }));
    return { ok: false, reden: vergrendel ? 'vergrendeld' : 'onbekend_of_fout', gebruiker: g };
  }
  await schrijfOpDeAchtergrond(db, () => werkGebruikerBij(db, g.id, { mislukte_pogingen: 0, vergrendeld_tot: null, laatst_ingelogd_op: nu.toISOString() }));
  return { ok: true, gebruiker: g };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates and adds an account; returns the one-time password (shown once, never stored). */
export async function gebruikerToevoegen(
  db: Db, regio: Regio, invoer: { email: string; rol: string; gemeenten?: string[] },
  opties: { wachtwoord?: string; demo?: boolean } = {},
): Promise<{ id: number; wachtwoord: string }> {
  const email = invoer.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw ongeldigeInvoer(`"${invoer.email}" is geen e-mailadres`);
  if (!(ROLLEN as readonly string[]).includes(invoer.rol)) throw ongeldigeInvoer(`Onbekende rol "${invoer.rol}"; kies uit ${ROLLEN.join(', ')}`);
  const rol = invoer.rol as Rol;
  const gemeenten = [...new Set((invoer.gemeenten ?? []).flatMap((g) => g.split(',')).map((g) => g.trim().toUpperCase()).filter(Boolean))];
  if (rol === 'gemeente' && gemeenten.length === 0) throw ongeldigeInvoer('Een gebruiker met rol gemeente heeft minstens één --gemeente nodig');
  if (rol !== 'gemeente' && gemeenten.length > 0) throw ongeldigeInvoer('--gemeente geldt alleen voor de rol gemeente');
  for (const code of gemeenten) {
    if (!regio.perCode.has(code)) throw ongeldigeInvoer(`${code} is geen gemeente van de regio ${regio.naam}`);
  }
  if (await vindGebruiker(db, { email })) throw ongeldigeInvoer(`Er is al een gebruiker met e-mailadres ${email}`);
  const wachtwoord = opties.wachtwoord ?? eenmaligWachtwoord();
  const id = await voegGebruikerToe(db, {
    email, rol, gemeenten, wachtwoord_hash: await hashWachtwoord(wachtwoord), moet_wachtwoord_wijzigen: !opties.demo, demo: opties.demo,
  });
  return { id, wachtwoord };
}

export async function wachtwoordWijzigen(db: Db, gebruikerId: number, huidig: string, nieuw: string): Promise<void> {
  const g = await vindGebruiker(db, { id: gebruikerId });
  if (!g || !(await controleerWachtwoord(g.wachtwoord_hash, huidig))) throw ongeldigeInvoer('Het huidige wachtwoord klopt niet.');
  const probleem = wachtwoordProbleem(nieuw, g.email);
  if (probleem) throw ongeldigeInvoer(probleem);
  if (nieuw === huidig) throw ongeldigeInvoer('Kies een ander wachtwoord dan het huidige.');
  await werkGebruikerBij(db, g.id, { wachtwoord_hash: await hashWachtwoord(nieuw), moet_wachtwoord_wijzigen: 0 });
}

/** Blocks an account and ends its sessions at once. */
export async function blokkeer(db: Db, email: string): Promise<GebruikerMetGeheimen> {
  const g = await vindGebruiker(db, { email });
  if (!g) throw ongeldigeInvoer(`Er is geen gebruiker met e-mailadres ${email}`);
  await werkGebruikerBij(db, g.id, { geblokkeerd: 1 });
  await beeindigSessiesVan(db, g.id);
  return g;
}

/** The demo accounts: one per role, fixed passwords, shown on the login page while demo mode is on. */
export const DEMO_ACCOUNTS = [
  { email: 'beheerder@demo.vt', rol: 'beheerder', wachtwoord: 'demo-beheerder-2026' },
  { email: 'management@demo.vt', rol: 'vt_management', wachtwoord: 'demo-management-2026' },
  { email: 'bestuur@demo.vt', rol: 'bestuur', wachtwoord: 'demo-bestuur-2026' },
  { email: 'tiel@demo.vt', rol: 'gemeente', gemeenten: ['GM0281'], wachtwoord: 'demo-tiel-2026' },
] as const;

/** Creates the demo accounts that do not exist yet; `npm start` calls it only on a database without users. */
export async function maakDemoAccounts(db: Db, regio: Regio): Promise<boolean> {
  for (const a of DEMO_ACCOUNTS) {
    if (await vindGebruiker(db, { email: a.email })) continue;
    const gemeenten = 'gemeenten' in a ? [...a.gemeenten].filter((c) => regio.perCode.has(c)) : [];
    await gebruikerToevoegen(db, regio, { email: a.email, rol: a.rol, gemeenten: a.rol === 'gemeente' && gemeenten.length === 0 ? [regio.gemeenten[0]!.code] : gemeenten }, { wachtwoord: a.wachtwoord, demo: true });
  }
  return true;
}
