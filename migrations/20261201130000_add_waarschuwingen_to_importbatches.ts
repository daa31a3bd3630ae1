import type { Knex } from 'knex';

/** The plausibility warnings of an import (JSON), shown in the import log. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('importbatches', (t) => {
    t.text('waarschuwingen').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('importbatches', (t) => {
    t.dropColumn('waarschuwingen');
  });
}
