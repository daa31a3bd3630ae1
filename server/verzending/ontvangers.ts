import type { Regio } from '../config/regio.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import type { Ontvanger } from './ontvangers-repository.js';

export { leesOntvangers, verwijderOntvanger, voegOntvangerToe, type Ontvanger } from './ontvangers-repository.js';

/** Who receives which report; a factsheet goes to the recipients of its gemeente. */
export const ONTVANGER_RAPPORTEN = ['kwartaal', 'halfjaar', 'jaar', 'factsheet'] as const;
export type OntvangerRapport = (typeof ONTVANGER_RAPPORTEN)[number];

const EMAIL = /^[^@\s<>"',;]+@[^@\s<>"',;]+\.[^@\s<>"',;]+$/;

/** Checks and normalises a recipient; Dutch errors naming the value. */
export function controleerOntvanger(
  regio: Regio,
  invoer: { email: unknown; rapport: unknown; gemeente?: unknown },
): Pick<Ontvanger, 'email' | 'rapport' | 'gemeente'> {
  const email = typeof invoer.email === 'string' ? invoer.email.trim().toLowerCase() : '';
  if (!EMAIL.test(email) || email.length > 254) throw ongeldigeInvoer(`Ongeldig e-mailadres: ${String(invoer.email ?? 'niets')}`);
  const rapport = String(invoer.rapport ?? '');
  if (!(ONTVANGER_RAPPORTEN as readonly string[]).includes(rapport)) {
    throw ongeldigeInvoer(`Onbekende rapportage voor een ontvanger: ${rapport || 'niets'} (kies kwartaal, halfjaar, jaar of factsheet)`);
  }
  const gemeenteRuw = typeof invoer.gemeente === 'string' ? invoer.gemeente.trim().toUpperCase() : '';
  if (rapport === 'factsheet') {
    if (!regio.perCode.has(gemeenteRuw))
      throw ongeldigeInvoer(`Een factsheet-ontvanger hoort bij een gemeente van de regio (--gemeente, zoals GM0268); gekregen: ${gemeenteRuw || 'niets'}`);
  } else if (gemeenteRuw) {
    throw ongeldigeInvoer('Alleen een factsheet-ontvanger heeft een gemeente');
  }
  return { email, rapport: rapport as OntvangerRapport, gemeente: rapport === 'factsheet' ? gemeenteRuw : '' };
}
