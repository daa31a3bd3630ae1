import type { Knex } from 'knex';

/**
 * Derived columns of definitions 2027.1 (samenwerkingsafspraken § 7.1 and § 8, Kwaliteitskader,
 * focusblad): the quarter of the overdracht and of the start of an onderzoek, the 5-day start
 * flag, the same-day VB, the overige zorgmelding flag, the monitoring contacts at 3 and 12
 * months, and the wachtlijst intervals. Filled by re-deriving every registration once at start
 * (the definitions version changes), so the migration itself only adds them.
 */
const KWARTAAL_KOLOMMEN = [
  'kw_overdracht', 'kw_start_onderzoek', 'kw_monitoring_3m', 'kw_monitoring_12m',
  'wacht_vervolgkeuze_van', 'wacht_vervolgkeuze_tot', 'wacht_start_onderzoek_van', 'wacht_start_onderzoek_tot',
  'wacht_start_vv_van', 'wacht_start_vv_tot',
];
const VLAG_KOLOMMEN = ['onderzoek_start_binnen_termijn', 'vb_zelfde_dag', 'overige_zorgmelding', 'monitoring_3m_tijdig', 'monitoring_12m_tijdig'];

/** Covering indexes for the new count queries, their GROUP BY in order; partial where the first column is mostly NULL. */
const INDEXEN: [string, string[], boolean][] = [
  ['instroom_kenmerken', ['kw_binnenkomst', 'gemeente_sleutel', 'soort', 'spoed', 'vb_zelfde_dag', 'overige_zorgmelding', 'aard_geweld', 'kanaal'], false],
  ['overdracht', ['kw_overdracht', 'gemeente_sleutel', 'vervolg', 'overdracht_aan'], true],
  ['start_onderzoek', ['kw_start_onderzoek', 'gemeente_sleutel', 'onderzoek_start_binnen_termijn'], true],
  ['monitoring_3m', ['kw_monitoring_3m', 'gemeente_sleutel', 'monitoring_3m_tijdig'], true],
  ['monitoring_12m', ['kw_monitoring_12m', 'gemeente_sleutel', 'monitoring_12m_tijdig'], true],
  ['onderzoek_afspraken', ['kw_einde_onderzoek', 'gemeente_sleutel', 'uitkomst_onderzoek', 'overdracht_aan', 'monitoring'], true],
  ['vv_afspraken', ['kw_einde_vv', 'gemeente_sleutel', 'overdracht_aan', 'monitoring'], true],
  ['wacht_vervolgkeuze', ['wacht_vervolgkeuze_van', 'wacht_vervolgkeuze_tot', 'gemeente_sleutel', 'datum_veiligheidsbeoordeling'], true],
  ['wacht_start_onderzoek', ['wacht_start_onderzoek_van', 'wacht_start_onderzoek_tot', 'gemeente_sleutel', 'datum_besluit_vervolg'], true],
  ['wacht_start_vv', ['wacht_start_vv_van', 'wacht_start_vv_tot', 'gemeente_sleutel', 'datum_besluit_vervolg'], true],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registraties', (t) => {
    for (const c of KWARTAAL_KOLOMMEN) t.string(c, 7).nullable();
    for (const c of VLAG_KOLOMMEN) t.smallint(c).nullable();
  });
  await knex.schema.alterTable('registraties', (t) => {
    for (const [naam, kolommen, partieel] of INDEXEN) {
      t.index(kolommen, `registraties_${naam}_idx`, partieel ? { predicate: knex.whereNotNull(kolommen[0]!) } : undefined);
    }
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registraties', (t) => {
    for (const [naam, kolommen] of INDEXEN) t.dropIndex(kolommen, `registraties_${naam}_idx`);
  });
  await knex.schema.alterTable('registraties', (t) => t.dropColumns(...KWARTAAL_KOLOMMEN, ...VLAG_KOLOMMEN));
}
