import type { Knex } from 'knex';

/**
 * A duiding is signed off: every section (and the cover text) is `concept` until VT management
 * makes it `definitief`, with who and when. The key column `kwartaal` now holds the report's
 * period: a quarter (`2026-Q3`), a half year (`2026-H1`) or a year (`2025`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('duidingen', (t) => {
    t.string('status', 12).notNullable().defaultTo('concept');
    t.string('definitief_door', 200).nullable();
    t.string('definitief_op', 30).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('duidingen', (t) => {
    t.dropColumn('status');
    t.dropColumn('definitief_door');
    t.dropColumn('definitief_op');
  });
}
