import type { Knex } from 'knex';

const KWARTAAL_KOLOMMEN = [
  'kw_binnenkomst', 'kw_vb', 'kw_besluit_vervolg', 'kw_einde_onderzoek', 'kw_einde_vv', 'kw_laatste',
  'open_vb_van', 'open_vb_tot', 'open_vb_laat_van', 'open_vb_laat_tot', 'open_onderzoek_van', 'open_onderzoek_tot',
  'open_onderzoek_laat_van', 'open_onderzoek_laat_tot', 'open_vv_van', 'open_vv_tot', 'open_vv_laat_van',
  'open_vv_laat_tot', 'monitoring_van', 'monitoring_tot',
];
const GETAL_KOLOMMEN = ['vb_werkdagen', 'onderzoek_dagen', 'vv_dagen'];
const VLAG_KOLOMMEN = ['vb_binnen_termijn', 'nog_niet_beoordeeld', 'onderzoek_binnen_termijn', 'vv_binnen_termijn'];
/** every registration has these */
const INDEXEN = ['kw_binnenkomst', 'kw_laatste'];
/**
 * Flow keys and the start of each stock interval are empty for most registrations: partial
 * indexes (SQLite and PostgreSQL both have them) cost an insert nothing when the value is null.
 */
const PARTIELE_INDEXEN = [
  'kw_vb', 'kw_besluit_vervolg', 'kw_einde_onderzoek', 'kw_einde_vv', 'open_vb_van', 'open_vb_laat_van',
  'open_onderzoek_van', 'open_onderzoek_laat_van', 'open_vv_van', 'open_vv_laat_van', 'monitoring_van',
];

/** Facts derived per registration at import (quarter keys, werkdagen, on-time flags, stock intervals). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registraties', (t) => {
    t.string('gemeente_sleutel', 20).notNullable().defaultTo('onbekend');
    /** Monday of the week of the VB (ISO date), for the weekly on-time share */
    t.string('week_vb', 10).nullable();
    for (const c of KWARTAAL_KOLOMMEN) t.string(c, 7).nullable();
    for (const c of GETAL_KOLOMMEN) t.integer(c).nullable();
    for (const c of VLAG_KOLOMMEN) t.smallint(c).nullable();
  });
  await knex.schema.alterTable('registraties', (t) => {
    for (const c of INDEXEN) t.index([c], `registraties_${c}_idx`);
    for (const c of PARTIELE_INDEXEN) t.index([c], `registraties_${c}_idx`, { predicate: knex.whereNotNull(c) });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registraties', (t) => {
    for (const c of [...INDEXEN, ...PARTIELE_INDEXEN]) t.dropIndex([c], `registraties_${c}_idx`);
  });
  await knex.schema.alterTable('registraties', (t) => {
    t.dropColumns('gemeente_sleutel', 'week_vb', ...KWARTAAL_KOLOMMEN, ...GETAL_KOLOMMEN, ...VLAG_KOLOMMEN);
  });
}
