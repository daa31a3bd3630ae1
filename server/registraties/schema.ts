/**
 * The registration export format (the ingest contract), as data: every column, its type and
 * code list. Validation, storage and documentation all read this one table.
 */
export const MELDER_CATEGORIEEN = ['politie', 'overige_professional', 'niet_professional'] as const;
export const BEROEPSGROEPEN = [
  'onderwijs',
  'kinderopvang',
  'huisarts',
  'ziekenhuis',
  'ggz',
  'jeugdgezondheidszorg',
  'verloskunde',
  'jeugdzorg',
  'lokaal_team',
  'maatschappelijk_werk',
  'gecertificeerde_instelling',
  'raad_kinderbescherming',
  'verslavingszorg',
  'ouderenzorg',
  'overig',
] as const;
export const KANALEN = ['telefoon', 'mail', 'chat', 'op_locatie', 'meldformulier', 'corv'] as const;
export const AARD_GEWELD = [
  'kindermishandeling',
  'partnergeweld',
  'ex_partnergeweld',
  'ouderenmishandeling',
  'eergerelateerd',
  'overig_huiselijk_geweld',
] as const;
export const EERDERE_BETROKKENHEID = ['eerste_melding', 'hermelding', 'vervolgmelding'] as const;
export const BESLUITEN_VB = [
  'afsluiten_geen_vervolg',
  'overdracht_melder',
  'overdracht_lokaal_team',
  'overdracht_betrokken_hulpverlening',
  'vervolg_veilig_thuis',
  'regionaal_maatwerk',
] as const;
export const VERVOLG = ['overdracht', 'voorwaarden_en_vervolg', 'onderzoek'] as const;
export const UITKOMST_ONDERZOEK = ['bevestigd', 'weerlegd', 'geen_oordeel'] as const;
export const OVERDRACHT_AAN = [
  'lokaal_team',
  'betrokken_hulpverlening',
  'gecertificeerde_instelling',
  'raad_kinderbescherming',
  'melder',
  'clientsysteem',
  'politie_justitie',
  'overig',
] as const;
export const SOORTEN = ['advies', 'melding'] as const;

export type ColumnType = { kind: 'text' } | { kind: 'code'; values: readonly string[] } | { kind: 'date' } | { kind: 'boolean' } | { kind: 'gemeente_code' };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** required on every row */
  required?: boolean;
  /** an advies must leave it empty */
  meldingOnly?: boolean;
}

const code = (values: readonly string[]): ColumnType => ({ kind: 'code', values });
const date: ColumnType = { kind: 'date' };
const bool: ColumnType = { kind: 'boolean' };

export const COLUMNS: readonly ColumnSpec[] = [
  { name: 'registratie_id', type: { kind: 'text' }, required: true },
  { name: 'soort', type: code(SOORTEN), required: true },
  { name: 'datum_binnenkomst', type: date, required: true },
  { name: 'gemeente_code', type: { kind: 'gemeente_code' } },
  { name: 'gemeente', type: { kind: 'text' } },
  { name: 'melder_categorie', type: code(MELDER_CATEGORIEEN), required: true },
  { name: 'beroepsgroep', type: code(BEROEPSGROEPEN) },
  { name: 'kanaal', type: code(KANALEN) },
  { name: 'aard_geweld', type: code(AARD_GEWELD) },
  { name: 'spoed', type: bool },
  { name: 'eerdere_betrokkenheid', type: code(EERDERE_BETROKKENHEID) },
  { name: 'datum_veiligheidsbeoordeling', type: date, meldingOnly: true },
  { name: 'besluit_veiligheidsbeoordeling', type: code(BESLUITEN_VB), meldingOnly: true },
  { name: 'datum_besluit_vervolg', type: date, meldingOnly: true },
  { name: 'vervolg', type: code(VERVOLG), meldingOnly: true },
  { name: 'datum_start_vv', type: date, meldingOnly: true },
  { name: 'datum_einde_vv', type: date, meldingOnly: true },
  { name: 'datum_start_onderzoek', type: date, meldingOnly: true },
  { name: 'datum_einde_onderzoek', type: date, meldingOnly: true },
  { name: 'uitkomst_onderzoek', type: code(UITKOMST_ONDERZOEK), meldingOnly: true },
  { name: 'datum_overdracht', type: date },
  { name: 'overdracht_aan', type: code(OVERDRACHT_AAN) },
  { name: 'monitoring', type: bool, meldingOnly: true },
  { name: 'datum_monitoring_3m', type: date, meldingOnly: true },
  { name: 'datum_monitoring_12m', type: date, meldingOnly: true },
  { name: 'datum_einde_monitoring', type: date, meldingOnly: true },
  { name: 'datum_afgesloten', type: date },
];

export const COLUMN_NAMES = COLUMNS.map((c) => c.name);
export const DATE_COLUMNS = COLUMNS.filter((c) => c.type.kind === 'date').map((c) => c.name);
export const REQUIRED_COLUMNS = COLUMNS.filter((c) => c.required).map((c) => c.name);

/** A validated registration: codes lower-case, dates ISO, booleans 0/1, empty = null. */
export interface Registratie {
  registratie_id: string;
  soort: 'advies' | 'melding';
  datum_binnenkomst: string;
  gemeente_code: string | null;
  gemeente: string | null;
  melder_categorie: (typeof MELDER_CATEGORIEEN)[number];
  beroepsgroep: string | null;
  kanaal: string | null;
  aard_geweld: string | null;
  spoed: 0 | 1 | null;
  eerdere_betrokkenheid: string | null;
  datum_veiligheidsbeoordeling: string | null;
  besluit_veiligheidsbeoordeling: string | null;
  datum_besluit_vervolg: string | null;
  vervolg: string | null;
  datum_start_vv: string | null;
  datum_einde_vv: string | null;
  datum_start_onderzoek: string | null;
  datum_einde_onderzoek: string | null;
  uitkomst_onderzoek: string | null;
  datum_overdracht: string | null;
  overdracht_aan: string | null;
  monitoring: 0 | 1 | null;
  datum_monitoring_3m: string | null;
  datum_monitoring_12m: string | null;
  datum_einde_monitoring: string | null;
  datum_afgesloten: string | null;
}

/**
 * An object with every column of the export set to `waarde`, written out as a literal: the
 * import fills one per line, and an object built key by key from a list of ~30 names turns
 * into a slow dictionary in V8 (measured in issue 7). A test keeps the keys equal to COLUMNS.
 */
export function kolomObject<T>(waarde: T): Record<keyof Registratie, T> {
  return {
    registratie_id: waarde,
    soort: waarde,
    datum_binnenkomst: waarde,
    gemeente_code: waarde,
    gemeente: waarde,
    melder_categorie: waarde,
    beroepsgroep: waarde,
    kanaal: waarde,
    aard_geweld: waarde,
    spoed: waarde,
    eerdere_betrokkenheid: waarde,
    datum_veiligheidsbeoordeling: waarde,
    besluit_veiligheidsbeoordeling: waarde,
    datum_besluit_vervolg: waarde,
    vervolg: waarde,
    datum_start_vv: waarde,
    datum_einde_vv: waarde,
    datum_start_onderzoek: waarde,
    datum_einde_onderzoek: waarde,
    uitkomst_onderzoek: waarde,
    datum_overdracht: waarde,
    overdracht_aan: waarde,
    monitoring: waarde,
    datum_monitoring_3m: waarde,
    datum_monitoring_12m: waarde,
    datum_einde_monitoring: waarde,
    datum_afgesloten: waarde,
  };
}
