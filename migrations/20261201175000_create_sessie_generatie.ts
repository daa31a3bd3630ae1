import type { Knex } from 'knex';

/**
 * The session generation: one counter that the database itself raises whenever a session ends or
 * changes (logout, blocking, expiry clean-up) or an account changes what a session may see (role,
 * gemeenten, blocked, password, e-mail). Every app process keeps signed-in sessions in memory and
 * reads this counter before it trusts them, so a change made by any process (the web app, the
 * CLI, a second instance) takes effect on the very next request. Triggers, not application
 * code, raise it: no write path can forget to.
 */
const BEWAAKT = ['email', 'wachtwoord_hash', 'rol', 'gemeenten', 'moet_wachtwoord_wijzigen', 'geblokkeerd', 'demo'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sessie_generatie', (t) => {
    t.integer('id').primary();
    t.bigInteger('generatie').notNullable().defaultTo(0);
  });
  await knex('sessie_generatie').insert({ id: 1, generatie: 0 });
  const ophogen = 'UPDATE sessie_generatie SET generatie = generatie + 1 WHERE id = 1';
  if (knex.client.config.client === 'pg') {
    await knex.raw(`CREATE FUNCTION sessie_generatie_ophogen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${ophogen}; RETURN NULL; END $$`);
    await knex.raw('CREATE TRIGGER sessies_einde AFTER DELETE OR UPDATE ON sessies FOR EACH STATEMENT EXECUTE FUNCTION sessie_generatie_ophogen()');
    await knex.raw(`CREATE TRIGGER gebruikers_wijziging AFTER UPDATE OF ${BEWAAKT.join(', ')} ON gebruikers FOR EACH STATEMENT EXECUTE FUNCTION sessie_generatie_ophogen()`);
    await knex.raw('CREATE TRIGGER gebruikers_einde AFTER DELETE ON gebruikers FOR EACH STATEMENT EXECUTE FUNCTION sessie_generatie_ophogen()');
  } else {
    await knex.raw(`CREATE TRIGGER sessies_einde AFTER DELETE ON sessies BEGIN ${ophogen}; END`);
    await knex.raw(`CREATE TRIGGER sessies_wijziging AFTER UPDATE ON sessies BEGIN ${ophogen}; END`);
    await knex.raw(`CREATE TRIGGER gebruikers_wijziging AFTER UPDATE OF ${BEWAAKT.join(', ')} ON gebruikers BEGIN ${ophogen}; END`);
    await knex.raw(`CREATE TRIGGER gebruikers_einde AFTER DELETE ON gebruikers BEGIN ${ophogen}; END`);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    for (const [trigger, tabel] of [['sessies_einde', 'sessies'], ['gebruikers_wijziging', 'gebruikers'], ['gebruikers_einde', 'gebruikers']]) {
      await knex.raw(`DROP TRIGGER IF EXISTS ${trigger} ON ${tabel}`);
    }
    await knex.raw('DROP FUNCTION IF EXISTS sessie_generatie_ophogen()');
  } else {
    for (const trigger of ['sessies_einde', 'sessies_wijziging', 'gebruikers_wijziging', 'gebruikers_einde']) await knex.raw(`DROP TRIGGER IF EXISTS ${trigger}`);
  }
  await knex.schema.dropTable('sessie_generatie');
}
