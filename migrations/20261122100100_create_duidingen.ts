import type { Knex } from 'knex';

/** The narrative VT management writes per quarter and report section, with who and when. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('duidingen', (t) => {
    t.string('kwartaal', 7).notNullable();
    t.string('sectie', 40).notNullable();
    t.text('tekst').notNullable();
    t.string('door', 200).notNullable();
    t.string('bijgewerkt_op', 30).notNullable();
    t.primary(['kwartaal', 'sectie']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('duidingen');
}
