import type { Knex } from 'knex';

/**
 * A claim made before the claims were leases is done when its report is archived (the old code
 * archived and queued right after claiming). One without an archived report is the crash of
 * issue 26: it stays open, and the next round takes it over and delivers the report.
 */
export async function up(knex: Knex): Promise<void> {
  const claims = (await knex('verzendclaims').select('taak', 'geclaimd_op').whereNull('klaar_op')) as { taak: string; geclaimd_op: string }[];
  for (const { taak, geclaimd_op } of claims) {
    const [rapport, periode] = taak.split(':');
    if (await knex('rapportarchief').where({ rapport, periode, gemeente: '' }).first('id')) {
      await knex('verzendclaims').where({ taak }).update({ klaar_op: geclaimd_op });
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex('verzendclaims').update({ klaar_op: null });
}
