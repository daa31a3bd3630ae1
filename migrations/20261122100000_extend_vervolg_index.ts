import type { Knex } from 'knex';

/**
 * The vervolg count also groups by `overdracht_aan` (overdracht na vervolgkeuze per ontvanger),
 * so the covering index gets that column at the end.
 */
const OUD = ['kw_besluit_vervolg', 'gemeente_sleutel', 'vervolg'];
const NIEUW = [...OUD, 'overdracht_aan'];
const NAAM = 'registraties_vervolg_idx';

async function vervang(knex: Knex, naar: string[]): Promise<void> {
  // IF EXISTS (SQLite and PostgreSQL): databases from before the index had its name have none to drop
  await knex.raw(`DROP INDEX IF EXISTS ${NAAM}`);
  await knex.schema.alterTable('registraties', (t) => t.index(naar, NAAM, { predicate: knex.whereNotNull('kw_besluit_vervolg') }));
}

export async function up(knex: Knex): Promise<void> {
  await vervang(knex, NIEUW);
}

export async function down(knex: Knex): Promise<void> {
  await vervang(knex, OUD);
}
