import type { Knex } from 'knex';

/** Stored indicator values per kwartaal × gebied × indicator, and small key/value metadata. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicatoren', (t) => {
    t.string('kwartaal', 7).notNullable();
    /** regio, a GM code, buiten_regio or onbekend */
    t.string('gebied', 20).notNullable();
    t.string('indicator', 60).notNullable();
    /** JSON: a number, null or an object */
    t.text('waarde').notNullable();
    t.primary(['kwartaal', 'gebied', 'indicator']);
    t.index(['indicator', 'gebied', 'kwartaal'], 'indicatoren_reeks_idx');
  });
  await knex.schema.createTable('metagegevens', (t) => {
    t.string('sleutel', 60).primary();
    t.text('waarde').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('metagegevens');
  await knex.schema.dropTable('indicatoren');
}
