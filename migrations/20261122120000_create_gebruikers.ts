import type { Knex } from 'knex';

/** Accounts, their sessions (in the database, so app instances share them) and the audit log. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('gebruikers', (t) => {
    t.increments('id').primary();
    t.string('email', 254).notNullable().unique();
    t.string('wachtwoord_hash', 200).notNullable();
    t.string('rol', 20).notNullable();
    /** JSON array of gemeente codes (role gemeente), otherwise [] */
    t.text('gemeenten').notNullable().defaultTo('[]');
    t.smallint('moet_wachtwoord_wijzigen').notNullable().defaultTo(1);
    t.smallint('geblokkeerd').notNullable().defaultTo(0);
    t.integer('mislukte_pogingen').notNullable().defaultTo(0);
    t.string('vergrendeld_tot', 30).nullable();
    t.smallint('demo').notNullable().defaultTo(0);
    t.string('aangemaakt_op', 30).notNullable();
    t.string('laatst_ingelogd_op', 30).nullable();
  });
  await knex.schema.createTable('sessies', (t) => {
    /** sha256 of the cookie token: a leaked table does not give usable cookies */
    t.string('id', 64).primary();
    t.integer('gebruiker_id').notNullable().references('id').inTable('gebruikers').onDelete('CASCADE');
    t.string('csrf', 64).notNullable();
    t.string('aangemaakt_op', 30).notNullable();
    t.string('verloopt_op', 30).notNullable().index();
  });
  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id').primary();
    t.string('tijdstip', 30).notNullable().index();
    t.string('wie', 254).notNullable();
    t.string('actie', 40).notNullable();
    t.text('details').nullable();
    t.string('ip', 64).nullable();
  });
  await knex.schema.createTable('instellingen', (t) => {
    t.string('sleutel', 60).primary();
    t.text('waarde').notNullable();
    t.string('gewijzigd_door', 254).notNullable();
    t.string('gewijzigd_op', 30).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('instellingen');
  await knex.schema.dropTable('audit_log');
  await knex.schema.dropTable('sessies');
  await knex.schema.dropTable('gebruikers');
}
