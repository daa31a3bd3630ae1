import type { Env } from '../config/env.js';
import { formatteerDatum } from '../shared/formaat.js';

/**
 * The toegankelijkheidsverklaring as Dutch public bodies publish it (Besluit digitale toegankelijkheid
 * overheid, the Dutch model on toegankelijkheidsverklaring.nl, after the EU model of 2018): the site it
 * covers, the standard, the status A–D, the date of the last check and how it was done, known
 * deviations, and how to report a problem — the contact comes from configuration.
 * Sources: digitoegankelijk.nl/wetgeving/toegankelijkheidsverklaring, niekderksen.nl (status A–E).
 */

/** The date this version of VT Monitor was last checked: axe-core at WCAG 2.1 AA on every page and role. */
export const LAATSTE_AUTOMATISCHE_CONTROLE = '2026-12-07';

export const STATUS = {
  A: 'voldoet volledig',
  B: 'voldoet gedeeltelijk',
  C: 'eerste maatregelen genomen',
  D: 'voldoet niet',
} as const;

export interface Verklaring {
  organisatie: string;
  status: { code: keyof typeof STATUS; naam: string };
  controle: string;
  contact: { tekst: string; href: string } | null;
}

export function verklaring(
  env: Pick<Env, 'TOEGANKELIJKHEID_CONTACT' | 'TOEGANKELIJKHEID_STATUS' | 'TOEGANKELIJKHEID_CONTROLE'>,
  organisatie: string,
): Verklaring {
  const c = env.TOEGANKELIJKHEID_CONTACT;
  return {
    organisatie,
    status: { code: env.TOEGANKELIJKHEID_STATUS, naam: STATUS[env.TOEGANKELIJKHEID_STATUS] },
    controle: formatteerDatum(env.TOEGANKELIJKHEID_CONTROLE ?? LAATSTE_AUTOMATISCHE_CONTROLE),
    contact: c ? { tekst: c, href: c.startsWith('https://') ? c : `mailto:${c}` } : null,
  };
}
