import type { Knex } from 'knex';

/**
 * CBS Veilig Thuis figures for the spiegel: one row per CBS cell (tabel, periode, regio, measure),
 * the value as published ('.' = null) and whether CBS marked it voorlopig. `herkomst` tells a
 * shipped figure (config/cbs/veilig-thuis.csv, refreshed at start-up) from an imported one, which
 * a shipped figure never overwrites.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cbs_cijfers', (t) => {
    t.increments('id').primary();
    t.string('tabel', 40).notNullable();
    t.string('periode', 8).notNullable();
    t.string('regio', 100).notNullable();
    t.string('regio_naam', 200).notNullable();
    t.string('maat', 40).nullable();
    t.string('cbs_maat', 300).notNullable();
    t.double('waarde').nullable();
    t.string('waarde_tekst', 40).notNullable();
    t.smallint('voorlopig').notNullable().defaultTo(0);
    t.text('bron').notNullable();
    /** verzonden | import */
    t.string('herkomst', 12).notNullable();
    t.integer('importbatch_id').nullable().references('id').inTable('importbatches');
    t.string('bijgewerkt_op', 30).notNullable();
    t.unique(['tabel', 'periode', 'regio', 'cbs_maat']);
    t.index(['maat', 'periode']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cbs_cijfers');
}
