import type { Knex } from 'knex';

/** Realisation and budget per kwartaal × post (whole euros; income positive, costs negative), and FTE per month. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('financien', (t) => {
    t.string('kwartaal', 7).notNullable();
    t.string('post', 40).notNullable();
    t.bigInteger('realisatie').notNullable();
    t.bigInteger('begroting').nullable();
    t.bigInteger('begroting_jaar').nullable();
    t.integer('importbatch_id').notNullable().references('id').inTable('importbatches');
    t.primary(['kwartaal', 'post']);
  });
  await knex.schema.createTable('formatie', (t) => {
    t.string('maand', 7).notNullable().primary();
    t.double('fte_personeel').notNullable();
    t.double('fte_inhuur').notNullable();
    t.string('status', 12).notNullable();
    t.integer('importbatch_id').notNullable().references('id').inTable('importbatches');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('formatie');
  await knex.schema.dropTable('financien');
}
