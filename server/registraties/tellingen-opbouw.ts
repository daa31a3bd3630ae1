import type { Knex } from 'knex';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Regio } from '../config/regio.js';
import { leidRegistratieAf } from './derive.js';
import { doorloopRegistraties } from './repository.js';
import { leesTellingBasis, vervangTellingen } from './tellingen-repository.js';
import { Tellingdelta, tellingBasis } from './tellingen.js';

/**
 * Rebuilds the kept counts from the stored registrations in one pass (after a change of calendar,
 * region file or definitions, and once after the upgrade that introduced them), inside the
 * caller's transaction. The registrations themselves are not rewritten: nothing derived is stored
 * with them.
 */
export async function bouwTellingenOpnieuw(
  trx: Knex.Transaction,
  regio: Regio,
  kalender: Werkdagkalender,
  onVoortgang?: (klaar: number) => void,
): Promise<number> {
  const delta = new Tellingdelta();
  let klaar = 0;
  for await (const pagina of doorloopRegistraties(trx)) {
    for (const r of pagina) delta.tel(r, leidRegistratieAf(r, regio, kalender), 1);
    klaar += pagina.length;
    onVoortgang?.(klaar);
  }
  await vervangTellingen(trx, delta.groepenMetVerschil(), tellingBasis(regio, kalender));
  return klaar;
}

/**
 * The kept counts were built with another calendar, region or catalogue (or never): rebuild them
 * inside this transaction. Returns whether it rebuilt.
 */
export async function zorgVoorTellingen(trx: Knex.Transaction, regio: Regio, kalender: Werkdagkalender): Promise<boolean> {
  if ((await leesTellingBasis(trx)) === tellingBasis(regio, kalender)) return false;
  await bouwTellingenOpnieuw(trx, regio, kalender);
  return true;
}
