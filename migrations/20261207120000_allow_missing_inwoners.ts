import type { Knex } from 'knex';

/**
 * A gemeente without a CBS population (issue 28): the generated region files carry only figures
 * confirmed at CBS, so `gemeenten.inwoners` (a mirror of the region file) may be empty — a missing
 * figure, never an estimate. SQLite alters a column by rebuilding the table, which the foreign key
 * of voormalige_gemeenten refuses while it has rows: those are a mirror of the region file, emptied
 * here and written again at the next start (db/regio-sync.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex('voormalige_gemeenten').delete();
  await knex.schema.alterTable('gemeenten', (t) => {
    t.integer('inwoners').nullable().alter();
  });
}

/** Back to required: a missing figure becomes 0 (no per-1.000 figure is computed from 0). */
export async function down(knex: Knex): Promise<void> {
  await knex('voormalige_gemeenten').delete();
  await knex('gemeenten').whereNull('inwoners').update({ inwoners: 0 });
  await knex.schema.alterTable('gemeenten', (t) => {
    t.integer('inwoners').notNullable().alter();
  });
}
