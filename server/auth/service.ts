import { createHash } from 'node:crypto';
import type { Regio } from '../config/regio.js';
import { schrijfOpDeAchtergrond } from '../db/schrijfwachtrij.js';
import type { Db } from '../db/connection.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import { bestandsdeel } from '../shared/tekst.js';
import { lijstGebruikers, vindGebruiker, voegGebruikerToe, werkGebruikerBij, type GebruikerMetGeheimen } from './gebruikers-repository.js';
import { leesPoging, schrijfPoging, vergeetOudePogingen, vergeetPoging } from './inlogpogingen-repository.js';
import { ROLLEN, type Gebruiker, type Rol } from './rollen.js';
import { beeindigSessie, beeindigSessiesVan, maakSessie, ruimVerlopenSessiesOp } from './sessies-repository.js';
import { controleerWachtwoord, dummyHash, eenmaligWachtwoord, hashWachtwoord, wachtwoordProbleem } from './wachtwoord.js';

export interface Inlogbeleid {
  maxPogingen: number;
  blokkadeMinuten: number;
}

export type Inlogresultaat =
  | { ok: true; gebruiker: Gebruiker }
  /** `reden` is for the audit log only: the user always gets the same answer */
  | { ok: false; reden: 'onbekend' | 'fout' | 'vergrendeld' | 'geblokkeerd'; gebruiker?: GebruikerMetGeheimen };

const sleutelVan = (email: string, adres: string) => createHash('sha256').update(`${email.trim().toLowerCase()}\n${adres}`).digest('hex');

/** Lock-out after `maxPogingen` failures in a row: `blokkadeMinuten`, doubled for every further failure, at most a day. */
export function blokkadeTot(mislukt: number, beleid: Inlogbeleid, nu: Date): string | null {
  if (mislukt < beleid.maxPogingen) return null;
  const minuten = Math.min(24 * 60, beleid.blokkadeMinuten * 2 ** Math.min(mislukt - beleid.maxPogingen, 20));
  return new Date(nu.getTime() + minuten * 60_000).toISOString();
}

/**
 * Checks e-mail and password. Every attempt does the same work whatever the account: one argon2
 * verification (against a dummy hash for an unknown address) and one write of the failure count
 * for this account and client address. Unknown, blocked, locked and wrong-password attempts give
 * the same answer. A lock-out (in the database, so every app instance honours it) holds for the
 * pair account × address: an outsider elsewhere cannot lock the owner out.
 */
export async function inloggen(db: Db, email: string, wachtwoord: string, beleid: Inlogbeleid, adres = 'onbekend'): Promise<Inlogresultaat> {
  const nu = new Date();
  const sleutel = sleutelVan(email, adres);
  // forget failures older than a day whose lock-out has ended (every attempt does this: same work).
  // Writes go through the write queue: a login during an import does not wait for the import's lock.
  const dagGeleden = new Date(nu.getTime() - 24 * 3600_000).toISOString();
  await schrijfOpDeAchtergrond(db, () => vergeetOudePogingen(db, dagGeleden, nu.toISOString()));
  const g = await vindGebruiker(db, { email: email.trim() });
  const poging = await leesPoging(db, sleutel);
  const goed = await controleerWachtwoord(g?.wachtwoord_hash ?? (await dummyHash()), wachtwoord);
  const vergrendeld = poging?.vergrendeld_tot != null && poging.vergrendeld_tot > nu.toISOString();
  if (g && goed && !g.geblokkeerd && !vergrendeld) {
    await schrijfOpDeAchtergrond(db, async () => {
      await vergeetPoging(db, sleutel);
      await werkGebruikerBij(db, g.id, { laatst_ingelogd_op: nu.toISOString() });
    });
    return { ok: true, gebruiker: g };
  }
  const mislukt = Number(poging?.mislukt ?? 0) + (vergrendeld ? 0 : 1);
  const rij = { sleutel, mislukt, vergrendeld_tot: vergrendeld ? poging!.vergrendeld_tot : blokkadeTot(mislukt, beleid, nu), laatste_poging: nu.toISOString() };
  await schrijfOpDeAchtergrond(db, () => schrijfPoging(db, rij));
  const reden = !g ? 'onbekend' : g.geblokkeerd ? 'geblokkeerd' : vergrendeld || (rij.vergrendeld_tot !== null && !goed) ? 'vergrendeld' : 'fout';
  return g ? { ok: false, reden, gebruiker: g } : { ok: false, reden };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates and adds an account; returns the one-time password (shown once, never stored). */
export async function gebruikerToevoegen(
  db: Db,
  regio: Regio,
  invoer: { email: string; rol: string; gemeenten?: string[] },
  opties: { wachtwoord?: string; demo?: boolean } = {},
): Promise<{ id: number; wachtwoord: string }> {
  const email = invoer.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw ongeldigeInvoer(`"${invoer.email}" is geen e-mailadres`);
  if (!(ROLLEN as readonly string[]).includes(invoer.rol)) throw ongeldigeInvoer(`Onbekende rol "${invoer.rol}"; kies uit ${ROLLEN.join(', ')}`);
  const rol = invoer.rol as Rol;
  const gemeenten = [
    ...new Set(
      (invoer.gemeenten ?? [])
        .flatMap((g) => g.split(','))
        .map((g) => g.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  if (rol === 'gemeente' && gemeenten.length === 0)
    throw ongeldigeInvoer('Een gebruiker met rol gemeente heeft minstens één gemeente nodig', { regel: 'gemeente_nodig' });
  if (rol !== 'gemeente' && gemeenten.length > 0)
    throw ongeldigeInvoer('Alleen een gebruiker met rol gemeente heeft gemeenten', { regel: 'gemeente_alleen_bij_rol_gemeente' });
  for (const code of gemeenten) {
    if (!regio.perCode.has(code)) throw ongeldigeInvoer(`${code} is geen gemeente van de regio ${regio.naam}`);
  }
  if (await vindGebruiker(db, { email })) throw ongeldigeInvoer(`Er is al een gebruiker met e-mailadres ${email}`);
  const wachtwoord = opties.wachtwoord ?? eenmaligWachtwoord();
  const id = await voegGebruikerToe(db, {
    email,
    rol,
    gemeenten,
    wachtwoord_hash: await hashWachtwoord(wachtwoord),
    moet_wachtwoord_wijzigen: !opties.demo,
    demo: opties.demo,
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

/** The gemeente of the demo's gemeente account where the region has it (Tiel, Gelderland-Zuid); else the region's first gemeente. */
const DEMO_GEMEENTE = 'GM0281';

export interface DemoAccount {
  email: string;
  rol: Rol;
  wachtwoord: string;
  gemeenten?: string[];
  /** the gemeente of a gemeente account, for the login page */
  gemeenteNaam?: string;
}

/**
 * The demo accounts of a region: one per role, fixed passwords, shown on the login page while
 * demo mode is on. The gemeente account is named after its gemeente, so a newcomer from another
 * region logs in as one of their own gemeenten (Hollands-Midden: alphen-aan-den-rijn@demo.vt).
 */
export function demoAccounts(regio: Regio): DemoAccount[] {
  const g = regio.perCode.get(DEMO_GEMEENTE) ?? regio.gemeenten[0]!;
  const naam = bestandsdeel(g.naam);
  return [
    { email: 'beheerder@demo.vt', rol: 'beheerder', wachtwoord: 'demo-beheerder-2026' },
    { email: 'management@demo.vt', rol: 'vt_management', wachtwoord: 'demo-management-2026' },
    { email: 'bestuur@demo.vt', rol: 'bestuur', wachtwoord: 'demo-bestuur-2026' },
    { email: `${naam}@demo.vt`, rol: 'gemeente', gemeenten: [g.code], gemeenteNaam: g.naam, wachtwoord: `demo-${naam}-2026` },
  ];
}

/** Creates the demo accounts that do not exist yet; `npm start` calls it only on a database without users. */
export async function maakDemoAccounts(db: Db, regio: Regio): Promise<boolean> {
  for (const a of demoAccounts(regio)) {
    if (await vindGebruiker(db, { email: a.email })) continue;
    await gebruikerToevoegen(db, regio, { email: a.email, rol: a.rol, gemeenten: a.gemeenten ?? [] }, { wachtwoord: a.wachtwoord, demo: true });
  }
  return true;
}

/** Every account, for the beheer page. */
export async function leesGebruikers(db: Db): Promise<GebruikerMetGeheimen[]> {
  return lijstGebruikers(db);
}

/** The session of a successful login; expired sessions are cleared first. */
export async function startSessie(db: Db, gebruikerId: number, uren: number): Promise<{ token: string; csrf: string; verlooptOp: string }> {
  await ruimVerlopenSessiesOp(db);
  return maakSessie(db, gebruikerId, uren);
}

/** Logout: the session ends at once. */
export async function sluitSessie(db: Db, token: string): Promise<void> {
  await beeindigSessie(db, token);
}
