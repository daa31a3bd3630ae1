import type { Knex } from 'knex';

/**
 * What the board received: the exact PDF bytes of a report whose duiding is definitief, with
 * their sha256 and the data version they were made from. One per report (and gemeente for a
 * factsheet); never changed by a later import.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rapportarchief', (t) => {
    t.increments('id').primary();
    /** kwartaal | halfjaar | jaar | factsheet */
    t.string('rapport', 12).notNullable();
    t.string('periode', 7).notNullable();
    /** the gemeente of a factsheet; '' for the board's reports */
    t.string('gemeente', 10).notNullable().defaultTo('');
    t.string('sha256', 64).notNullable();
    t.binary('pdf').notNullable();
    t.integer('bytes').notNullable();
    t.string('data_versie', 40).nullable();
    t.string('definitieversie', 20).nullable();
    /** the cover's key figures as archived (JSON), for the delivery's message */
    t.text('kerncijfers').nullable();
    t.string('gemaakt_op', 30).notNullable();
    t.string('gemaakt_door', 200).notNullable();
    t.unique(['rapport', 'periode', 'gemeente']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rapportarchief');
}
