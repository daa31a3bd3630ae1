/**
 * Roles and what each may do: one table, checked server-side by every route. A gemeente user is
 * scoped to the gemeente codes of the account (their gemeente and the region totals).
 */
export const ROLLEN = ['beheerder', 'vt_management', 'bestuur', 'gemeente'] as const;
export type Rol = (typeof ROLLEN)[number];

export const ROL_NAAM: Record<Rol, string> = {
  beheerder: 'Beheerder',
  vt_management: 'VT-management',
  bestuur: 'Bestuur',
  gemeente: 'Gemeente',
};

export interface Gebruiker {
  id: number;
  email: string;
  rol: Rol;
  gemeenten: string[];
  moet_wachtwoord_wijzigen: boolean;
  geblokkeerd: boolean;
  demo: boolean;
}

/** The rights of the application; a route names the one it needs. */
export type Recht =
  | 'regio' // region page with every gemeente's detail, the kwartaalrapportage
  | 'doorstroom' // throughput charts
  | 'caselijst' // lists of registrations by id
  | 'duiding' // writing the narrative of a report
  | 'financien'
  | 'beheer'; // imports, users, settings, audit log

const RECHTEN: Record<Rol, Recht[]> = {
  beheerder: ['regio', 'doorstroom', 'financien', 'beheer'],
  vt_management: ['regio', 'doorstroom', 'caselijst', 'duiding', 'financien'],
  bestuur: ['regio', 'doorstroom', 'financien'],
  gemeente: [],
};

export function mag(g: Gebruiker, recht: Recht): boolean {
  return RECHTEN[g.rol].includes(recht);
}

/** Every role sees every gemeente, except a gemeente user: only the codes of the account. */
export function magGemeente(g: Gebruiker, code: string): boolean {
  return g.rol !== 'gemeente' || g.gemeenten.includes(code);
}

/** Whether what this user sees is protected against small numbers. */
export const beschermd = (g: Gebruiker) => g.rol === 'gemeente';

/** Where a user lands after logging in. */
export function startpagina(g: Gebruiker): string {
  if (g.rol === 'gemeente') return `/gemeente/${g.gemeenten[0] ?? ''}`;
  if (g.rol === 'beheerder') return '/beheer';
  return '/';
}
