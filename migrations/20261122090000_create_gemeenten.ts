import type { Knex } from 'knex';

/** Reference data of the region: its gemeenten and former codes (mergers). Filled from the region file. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('gemeenten', (t) => {
    t.string('code', 6).primary();
    t.string('naam', 100).notNullable();
    t.integer('inwoners').notNullable();
    t.string('inwoners_bron', 100).notNullable();
    t.string('inwoners_peildatum', 10).nullable();
    t.smallint('indicatief').notNullable().defaultTo(1);
  });
  await knex.schema.createTable('voormalige_gemeenten', (t) => {
    t.string('code', 6).primary();
    t.string('naam', 100).notNullable();
    t.string('opgegaan_in', 6).notNullable().references('code').inTable('gemeenten');
    t.string('per', 10).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('voormalige_gemeenten');
  await knex.schema.dropTable('gemeenten');
}
