import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('importbatches', (t) => {
    t.increments('id').primary();
    t.string('soort', 30).notNullable().defaultTo('registraties');
    t.string('bestand', 500).notNullable();
    t.string('sha256', 64).notNullable();
    t.string('door', 200).notNullable();
    t.string('gestart_op', 30).notNullable();
    t.string('beeindigd_op', 30).nullable();
    /** geladen | afgewezen | mislukt */
    t.string('status', 20).notNullable();
    t.integer('rijen').notNullable().defaultTo(0);
    t.integer('nieuw').notNullable().defaultTo(0);
    t.integer('gewijzigd').notNullable().defaultTo(0);
    t.integer('ongewijzigd').notNullable().defaultTo(0);
    t.integer('afgewezen').notNullable().defaultTo(0);
    t.text('fouten_voorbeeld').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('importbatches');
}
