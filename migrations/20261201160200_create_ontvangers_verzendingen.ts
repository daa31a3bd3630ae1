import type { Knex } from 'knex';

/**
 * Delivery by e-mail: who receives which report (a factsheet per gemeente), every delivery with
 * the archived PDF's hash and the SMTP answer (one row per archived report × recipient: nothing
 * is sent twice), and the claim of the automatic job (one instance sends a period's reports).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ontvangers', (t) => {
    t.increments('id').primary();
    t.string('email', 254).notNullable();
    /** kwartaal | halfjaar | jaar | factsheet */
    t.string('rapport', 12).notNullable();
    /** for factsheets: the gemeente; '' otherwise */
    t.string('gemeente', 10).notNullable().defaultTo('');
    t.string('toegevoegd_op', 30).notNullable();
    t.string('toegevoegd_door', 200).notNullable();
    t.unique(['email', 'rapport', 'gemeente']);
  });
  await knex.schema.createTable('verzendingen', (t) => {
    t.increments('id').primary();
    /** the archived PDF sent; null for a concept (sent with --concept, never archived) */
    t.integer('archief_id').nullable().references('id').inTable('rapportarchief');
    t.smallint('concept').notNullable().defaultTo(0);
    t.string('email', 254).notNullable();
    t.string('rapport', 12).notNullable();
    t.string('periode', 7).notNullable();
    t.string('gemeente', 10).notNullable().defaultTo('');
    t.string('sha256', 64).notNullable();
    /** wacht | bezig | verzonden | mislukt */
    t.string('status', 12).notNullable();
    t.integer('pogingen').notNullable().defaultTo(0);
    t.string('volgende_poging', 30).nullable();
    t.text('smtp_antwoord').nullable();
    t.string('verzonden_op', 30).nullable();
    t.string('aangemaakt_op', 30).notNullable();
    t.unique(['archief_id', 'email']);
    t.index(['status', 'volgende_poging']);
  });
  await knex.schema.createTable('verzendclaims', (t) => {
    /** `kwartaal:2026-Q3` */
    t.string('taak', 40).primary();
    t.string('door', 100).notNullable();
    t.string('geclaimd_op', 30).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('verzendclaims');
  await knex.schema.dropTable('verzendingen');
  await knex.schema.dropTable('ontvangers');
}
