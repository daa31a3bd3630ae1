import type { Knex } from 'knex';

/**
 * One row per registratie_id with every column of the export format. Dates are ISO text
 * (YYYY-MM-DD), booleans 0/1 (smallint) on both SQLite and PostgreSQL. No personal data.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('registraties', (t) => {
    t.string('registratie_id', 100).primary();
    t.string('soort', 10).notNullable();
    t.string('datum_binnenkomst', 10).notNullable();
    t.string('gemeente_code', 6).nullable();
    t.string('gemeente', 100).nullable();
    t.string('melder_categorie', 30).notNullable();
    t.string('beroepsgroep', 40).nullable();
    t.string('kanaal', 20).nullable();
    t.string('aard_geweld', 40).nullable();
    t.smallint('spoed').nullable();
    t.string('eerdere_betrokkenheid', 20).nullable();
    t.string('datum_veiligheidsbeoordeling', 10).nullable();
    t.string('besluit_veiligheidsbeoordeling', 40).nullable();
    t.string('datum_besluit_vervolg', 10).nullable();
    t.string('vervolg', 30).nullable();
    t.string('datum_start_vv', 10).nullable();
    t.string('datum_einde_vv', 10).nullable();
    t.string('datum_start_onderzoek', 10).nullable();
    t.string('datum_einde_onderzoek', 10).nullable();
    t.string('uitkomst_onderzoek', 20).nullable();
    t.string('datum_overdracht', 10).nullable();
    t.string('overdracht_aan', 40).nullable();
    t.smallint('monitoring').nullable();
    t.string('datum_monitoring_3m', 10).nullable();
    t.string('datum_monitoring_12m', 10).nullable();
    t.string('datum_einde_monitoring', 10).nullable();
    t.string('datum_afgesloten', 10).nullable();
    t.string('rij_hash', 40).notNullable();
    t.integer('importbatch_id').notNullable().references('id').inTable('importbatches');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('registraties');
}
