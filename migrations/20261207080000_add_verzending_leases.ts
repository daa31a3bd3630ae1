import type { Knex } from 'knex';

/**
 * Crash-safe delivery (issue 26): the claim of a period's automatic delivery becomes a lease that
 * ends (`verloopt_op`) unless the work is done (`klaar_op`), so a claim whose holder died is taken
 * over; a delivery being sent records who sends it and until when (`bezig_door`, `bezig_tot`),
 * so one whose sender died is sent again; and the Message-ID it is sent with (`bericht_id`), the
 * same on every attempt, so a message sent twice after a crash is recognisable as one.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('verzendclaims', (t) => {
    t.string('verloopt_op', 30).nullable();
    t.string('klaar_op', 30).nullable();
  });
  await knex.schema.alterTable('verzendingen', (t) => {
    t.string('bezig_door', 100).nullable();
    t.string('bezig_tot', 30).nullable();
    t.string('bericht_id', 200).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('verzendingen', (t) => {
    t.dropColumn('bericht_id');
    t.dropColumn('bezig_tot');
    t.dropColumn('bezig_door');
  });
  await knex.schema.alterTable('verzendclaims', (t) => {
    t.dropColumn('klaar_op');
    t.dropColumn('verloopt_op');
  });
}
