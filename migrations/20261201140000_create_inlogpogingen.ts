import type { Knex } from 'knex';

/**
 * Failed logins per account and address (issue 14): a lock-out holds for that pair only, so an
 * outsider elsewhere cannot lock the owner out. `sleutel` is sha256(e-mail + address): the table
 * names no account and no address in the clear, and unknown addresses are counted alike.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inlogpogingen', (t) => {
    t.string('sleutel', 64).primary();
    t.integer('mislukt').notNullable().defaultTo(0);
    t.string('vergrendeld_tot', 30).nullable();
    t.string('laatste_poging', 30).notNullable().index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('inlogpogingen');
}
