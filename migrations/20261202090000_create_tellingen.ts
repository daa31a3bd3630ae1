import type { Knex } from 'knex';
import { up as afgeleideKolommen } from './20261122090300_add_afgeleide_kolommen.js';
import { up as vervolgIndex } from './20261122100000_extend_vervolg_index.js';
import { up as tweedeGolfKolommen } from './20261201150000_add_tweede_golf_kolommen.js';

/**
 * The stored record becomes the export row alone (issue 18): the 27 export columns, the hash and
 * the import batch, with only the primary key. The derived columns and their 24 covering indexes
 * go; what the indicators count is kept in `tellingen` (one row per family and group), which an
 * import updates in its own transaction. The counts are built from the stored registrations at
 * the first start after this migration (the stored basis is absent), so the migration itself
 * only moves the rows. The column definitions are those of 20261122090200_create_registraties.
 */
function exportKolommen(t: Knex.CreateTableBuilder): void {
  t.string('registratie_id', 100).primary();
  t.string('soort', 10).notNullable();
  t.string('datum_binnenkomst', 10).notNullable();
  t.string('gemeente_code', 6).nullable();
  t.string('gemeente', 100).nullable();
  t.string('melder_categorie', 30).notNullable();
  t.string('beroepsgroep', 40).nullable();
  t.string('kanaal', 20).nullable();
  t.string('aard_geweld', 40).nullable();
  t.smallint('spoed').nullable();
  t.string('eerdere_betrokkenheid', 20).nullable();
  t.string('datum_veiligheidsbeoordeling', 10).nullable();
  t.string('besluit_veiligheidsbeoordeling', 40).nullable();
  t.string('datum_besluit_vervolg', 10).nullable();
  t.string('vervolg', 30).nullable();
  t.string('datum_start_vv', 10).nullable();
  t.string('datum_einde_vv', 10).nullable();
  t.string('datum_start_onderzoek', 10).nullable();
  t.string('datum_einde_onderzoek', 10).nullable();
  t.string('uitkomst_onderzoek', 20).nullable();
  t.string('datum_overdracht', 10).nullable();
  t.string('overdracht_aan', 40).nullable();
  t.smallint('monitoring').nullable();
  t.string('datum_monitoring_3m', 10).nullable();
  t.string('datum_monitoring_12m', 10).nullable();
  t.string('datum_einde_monitoring', 10).nullable();
  t.string('datum_afgesloten', 10).nullable();
  t.string('rij_hash', 40).notNullable();
  t.integer('importbatch_id').notNullable().references('id').inTable('importbatches');
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('registraties_smal', exportKolommen);
  // the new table's own columns, all of which the wide table has: nothing derived is copied
  const kolommen = Object.keys(await knex('registraties_smal').columnInfo()).join(', ');
  await knex.raw(`INSERT INTO registraties_smal (${kolommen}) SELECT ${kolommen} FROM registraties`);
  await knex.schema.dropTable('registraties');
  await knex.schema.renameTable('registraties_smal', 'registraties');
  if (knex.client.config.client === 'pg') {
    // the constraints keep the names of the table they were made on
    await knex.raw('ALTER TABLE registraties RENAME CONSTRAINT registraties_smal_pkey TO registraties_pkey');
    await knex.raw('ALTER TABLE registraties RENAME CONSTRAINT registraties_smal_importbatch_id_foreign TO registraties_importbatch_id_foreign');
    await knex.raw('ANALYZE registraties');
  }
  await knex.schema.createTable('tellingen', (t) => {
    /** the family of the catalogue (server/registraties/tellingen.ts) */
    t.string('familie', 40).notNullable();
    /** the group's values joined: quarter or interval, gebied, the family's own columns */
    t.string('sleutel', 400).notNullable();
    /** the quarter (point family) or the interval's start, for reading the quarters a refresh needs */
    t.string('kwartaal', 7).notNullable();
    /** the interval's end (null: open, or a point family) */
    t.string('tot', 7).nullable();
    t.integer('aantal').notNullable();
    t.primary(['familie', 'sleutel']);
    t.index(['familie', 'kwartaal'], 'tellingen_familie_kwartaal_idx');
  });
  await knex('metagegevens').where({ sleutel: 'tellingen_basis' }).delete();
}

/**
 * Back to the wide record, through the landed migrations that built it (so that their own downs
 * still apply). The derived columns come back empty; the definitions version is set to one no
 * release has, so that the older version derives every registration again at its first start
 * (its `herberekenBijNieuweDefinities`) instead of counting empty columns.
 */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('tellingen');
  await afgeleideKolommen(knex);
  await vervolgIndex(knex);
  await tweedeGolfKolommen(knex);
  await knex('metagegevens').where({ sleutel: 'definitieversie' }).update({ waarde: 'terug-van-tellingen' });
}
