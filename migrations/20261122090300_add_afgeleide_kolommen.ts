import type { Knex } from 'knex';

const KWARTAAL_KOLOMMEN = [
  'kw_binnenkomst', 'kw_vb', 'kw_besluit_vervolg', 'kw_einde_onderzoek', 'kw_einde_vv', 'kw_laatste',
  'open_vb_van', 'open_vb_tot', 'open_vb_laat_van', 'open_vb_laat_tot', 'open_onderzoek_van', 'open_onderzoek_tot',
  'open_onderzoek_laat_van', 'open_onderzoek_laat_tot', 'open_vv_van', 'open_vv_tot', 'open_vv_laat_van',
  'open_vv_laat_tot', 'monitoring_van', 'monitoring_tot',
];
const GETAL_KOLOMMEN = ['vb_werkdagen', 'onderzoek_dagen', 'vv_dagen'];
const VLAG_KOLOMMEN = ['vb_binnen_termijn', 'nog_niet_beoordeeld', 'onderzoek_binnen_termijn', 'vv_binnen_termijn'];
/**
 * Covering indexes whose columns are the GROUP BY of the count queries, in that order: the
 * database groups by walking the index (no sort, no table reads). The flow keys and stock
 * intervals are empty for most registrations, so those indexes are partial (SQLite and
 * PostgreSQL both have them) and cost an insert nothing when the value is null.
 */
const INDEXEN: [string, string[], boolean][] = [
  ['instroom', ['kw_binnenkomst', 'gemeente_sleutel', 'soort', 'melder_categorie', 'beroepsgroep', 'eerdere_betrokkenheid', 'nog_niet_beoordeeld'], false],
  ['laatste', ['kw_laatste'], false],
  ['vb', ['kw_vb', 'gemeente_sleutel', 'besluit_veiligheidsbeoordeling', 'vb_binnen_termijn', 'vb_werkdagen'], true],
  ['vb_week', ['kw_vb', 'week_vb', 'gemeente_sleutel', 'vb_binnen_termijn'], true],
  ['vervolg', ['kw_besluit_vervolg', 'gemeente_sleutel', 'vervolg'], true],
  ['onderzoek', ['kw_einde_onderzoek', 'gemeente_sleutel', 'onderzoek_binnen_termijn', 'monitoring', 'onderzoek_dagen'], true],
  ['vv', ['kw_einde_vv', 'gemeente_sleutel', 'vv_binnen_termijn', 'monitoring', 'vv_dagen'], true],
  ['open_vb', ['open_vb_van', 'open_vb_tot', 'gemeente_sleutel', 'datum_binnenkomst'], true],
  ['open_vb_laat', ['open_vb_laat_van', 'open_vb_laat_tot', 'gemeente_sleutel'], true],
  ['open_onderzoek', ['open_onderzoek_van', 'open_onderzoek_tot', 'gemeente_sleutel', 'datum_veiligheidsbeoordeling'], true],
  ['open_onderzoek_laat', ['open_onderzoek_laat_van', 'open_onderzoek_laat_tot', 'gemeente_sleutel'], true],
  ['open_vv', ['open_vv_van', 'open_vv_tot', 'gemeente_sleutel', 'datum_veiligheidsbeoordeling'], true],
  ['open_vv_laat', ['open_vv_laat_van', 'open_vv_laat_tot', 'gemeente_sleutel'], true],
  ['monitoring', ['monitoring_van', 'monitoring_tot', 'gemeente_sleutel'], true],
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
    for (const [naam, kolommen, partieel] of INDEXEN) {
      t.index(kolommen, `registraties_${naam}_idx`, partieel ? { predicate: knex.whereNotNull(kolommen[0]!) } : undefined);
    }
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registraties', (t) => {
    for (const [naam, kolommen] of INDEXEN) t.dropIndex(kolommen, `registraties_${naam}_idx`);
  });
  await knex.schema.alterTable('registraties', (t) => {
    t.dropColumns('gemeente_sleutel', 'week_vb', ...KWARTAAL_KOLOMMEN, ...GETAL_KOLOMMEN, ...VLAG_KOLOMMEN);
  });
}
