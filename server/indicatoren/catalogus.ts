/**
 * The indicator catalogue as data: what every key of the indicator JSON is (label, kind, unit,
 * the counts it is built from, board part, report chapter, definition, protection class) and how
 * the counts relate (the identities an outsider could use to recompute a protected cell).
 * Compute, the JSON service, the API, exports, the privacy layer, the docs and the reports read
 * it; `test/unit/indicatoren/catalogus.test.ts` fails when compute yields a key that is missing here.
 *
 * Entries without a stored value (keys of a later wave that compute does not produce yet) are
 * simply absent from a quarter's values.
 */

/** aantal: a count in the quarter; voorraad: a stock on the quarter's last day; verdeling: an object of counts (may nest). */
export type Soort = 'aantal' | 'voorraad' | 'aandeel' | 'mediaan' | 'groei' | 'per1000' | 'verdeling' | 'intern';

/**
 * How a value is protected for gemeente users and factsheets:
 * - `afronden`: every count is rounded to a multiple of the grondtal (default 5);
 * - `alleen_regio`: a stock on the quarter's last day: rounded for the region, not shown per gemeente
 *   (doorstroom is VT-management information, and a small gemeente's stock follows too closely from
 *   the stock before and the flows of the quarter: the attacker test pinned rounded ones down);
 * - `uit_afgeronde`: recomputed from the rounded counts it is built from, not shown on a small base;
 * - `kleine_basis`: shown only when its (rounded) base is large enough (medians, maxima);
 * - `niet_openbaar`: never part of a protected answer (stored for the VT dashboards only);
 * - `{ vrij }`: shown as is, with the reason why that is safe.
 */
export type Beschermklasse = 'afronden' | 'alleen_regio' | 'uit_afgeronde' | 'kleine_basis' | 'niet_openbaar' | { vrij: string };

export type Onderdeel = 'a' | 'b' | 'c' | 'd' | 'e';

/**
 * How a half year's or a year's value is made of its quarters (rapportage/periode.ts):
 * - `som`: the sum of the quarters (flows and their distributions);
 * - `laatste`: the last quarter's (stocks on the period's last day, and their ages);
 * - `herberekend`: computed again from the period's counts (shares, per 1,000, growth, medians from `histogram`);
 * - `per_kwartaal`: no period value (only meaningful per quarter).
 */
export type Perioderegel = 'som' | 'laatste' | 'herberekend' | 'per_kwartaal';

export interface Indicator<S extends string = string> {
  sleutel: S;
  label: string;
  soort: Soort;
  eenheid: 'aantal' | 'procent' | 'werkdagen' | 'dagen' | 'per 1.000 inwoners' | 'procent verandering' | '—';
  /**
   * The counts it is built from. aandeel: [teller, noemer]; mediaan: [basis]; per1000 and groei:
   * the counts of its parts (see `delen`); aantal/voorraad/verdeling: the count it is a part of.
   */
  uit: string[];
  /** per1000: sub key → count; groei: prefix of the sub key → count; mediaan per sub object: sub key → basis */
  delen?: Record<string, string>;
  onderdeel: Onderdeel | null;
  hoofdstuk: string;
  definitie: string;
  /** omitted: the class follows from the kind (a count is always rounded) */
  bescherming?: Beschermklasse;
  /** the key figure's share is shown over the last four quarters when its quarter is too small */
  kern?: boolean;
  /** mediaan: the stored distribution (`histogrammen`) it is the median of, for periods */
  histogram?: 'vb_werkdagen' | 'onderzoek_dagen' | 'vv_dagen';
  /** omitted: the rule follows from the kind (see `periodeRegel`) */
  periode?: Perioderegel;
}

/** The chapters (`hoofdstuk`) of the catalogue, by name: a reader selects a chapter's indicators with them. */
export const HOOFDSTUKKEN = {
  instroom: 'Instroom',
  vb: 'Veiligheidsbeoordeling',
  overdracht: 'Overdracht',
  onderzoek: 'Onderzoek',
  vv: 'Voorwaarden en vervolg',
  monitoring: 'Monitoring',
  wachtlijst: 'Wachtlijst en doorstroom',
  doorstroom: 'Doorstroom',
  groei: 'Ontwikkeling',
} as const;
const H = HOOFDSTUKKEN;

// Each helper keeps its key as a literal type, so that `IndicatorSleutel` below is the union of the keys.
const a = <S extends string>(
  sleutel: S,
  label: string,
  onderdeel: Onderdeel | null,
  hoofdstuk: string,
  definitie: string,
  uit: string[] = [],
): Indicator<S> => ({ sleutel, label, soort: 'aantal', eenheid: 'aantal', uit, onderdeel, hoofdstuk, definitie });
const v = <S extends string>(sleutel: S, label: string, hoofdstuk: string, definitie: string, uit: string[] = []): Indicator<S> => ({
  sleutel,
  label,
  soort: 'voorraad',
  eenheid: 'aantal',
  uit,
  onderdeel: null,
  hoofdstuk,
  definitie,
});
const d = <S extends string>(sleutel: S, label: string, onderdeel: Onderdeel | null, hoofdstuk: string, definitie: string, totaal: string): Indicator<S> => ({
  sleutel,
  label,
  soort: 'verdeling',
  eenheid: 'aantal',
  uit: [totaal],
  onderdeel,
  hoofdstuk,
  definitie,
});
const p = <S extends string>(
  sleutel: S,
  label: string,
  onderdeel: Onderdeel | null,
  hoofdstuk: string,
  teller: string,
  noemer: string,
  kern = false,
): Indicator<S> => ({
  sleutel,
  label,
  soort: 'aandeel',
  eenheid: 'procent',
  uit: [teller, noemer],
  onderdeel,
  hoofdstuk,
  definitie: `${teller} / ${noemer} × 100, één decimaal, op de aantallen`,
  ...(kern ? { kern } : {}),
});
const m = <S extends string>(
  sleutel: S,
  label: string,
  eenheid: Indicator['eenheid'],
  hoofdstuk: string,
  definitie: string,
  basis: string,
  histogram: Indicator['histogram'],
): Indicator<S> => ({ sleutel, label, soort: 'mediaan', eenheid, uit: [basis], onderdeel: null, hoofdstuk, definitie, histogram });
/** an entry written out in full */
const x = <const S extends string>(i: Indicator<S>): Indicator<S> => i;

export const CATALOGUS = [
  // Instroom (a)
  a('adviezen', 'Adviezen', 'a', H.instroom, 'Adviezen met datum binnenkomst in het kwartaal, inclusief overige zorgmeldingen.'),
  a('adviezen_overige_zorgmelding', 'Overige zorgmeldingen', 'a', H.instroom, 'Adviezen met melder politie.', ['adviezen']),
  a('meldingen', 'Meldingen', 'a', H.instroom, 'Meldingen met datum binnenkomst in het kwartaal.'),
  a('meldingen_totaal_instroom', 'Totale instroom', 'a', H.instroom, 'Adviezen plus meldingen.', []),
  d('meldingen_per_melder', 'Meldingen per melder', 'a', H.instroom, 'Meldingen naar politie, overige professional en niet-professional.', 'meldingen'),
  d(
    'meldingen_per_beroepsgroep',
    'Meldingen per beroepsgroep',
    'a',
    H.instroom,
    'Meldingen van overige professionals naar beroepsgroep.',
    'meldingen_per_melder.overige_professional',
  ),
  d(
    'meldingen_per_eerdere_betrokkenheid',
    'Meldingen naar eerdere betrokkenheid',
    'a',
    H.instroom,
    'Eerste melding, hermelding, vervolgmelding of onbekend.',
    'meldingen',
  ),
  d(
    'meldingen_per_aard_geweld',
    'Meldingen naar aard van het geweld',
    'a',
    H.instroom,
    'De zes codes van aard_geweld en onbekend, naar datum binnenkomst.',
    'meldingen',
  ),
  d(
    'adviezen_per_aard_geweld',
    'Adviezen naar aard van het geweld',
    'a',
    H.instroom,
    'De zes codes van aard_geweld en onbekend, naar datum binnenkomst.',
    'adviezen',
  ),
  d('adviezen_per_kanaal', 'Adviezen per kanaal', 'a', H.instroom, 'Adviezen naar kanaal; zonder kanaal: onbekend.', 'adviezen'),
  a('meldingen_spoed', 'Spoedmeldingen', 'a', H.instroom, 'Meldingen binnengekomen in het kwartaal met spoed = ja.', ['meldingen']),
  a('spoed_vb_zelfde_dag', 'Spoed: VB op de dag van binnenkomst', 'b', H.vb, 'Spoedmeldingen met de veiligheidsbeoordeling op de dag van binnenkomst.', [
    'meldingen_spoed',
  ]),

  // Veiligheidsbeoordeling (b)
  a('meldingen_vb', 'Veiligheidsbeoordelingen', 'b', H.vb, 'Meldingen met de veiligheidsbeoordeling in het kwartaal.'),
  a('vb_binnen_termijn', 'VB binnen 5 werkdagen', 'b', H.vb, 'Veiligheidsbeoordelingen uiterlijk op de 5e werkdag na binnenkomst.', ['meldingen_vb']),
  p('vb_binnen_termijn_pct', '% VB binnen 5 werkdagen', 'b', H.vb, 'vb_binnen_termijn', 'meldingen_vb', true),
  d('vb_besluit', 'Besluiten na de VB', 'b', H.vb, 'Veiligheidsbeoordelingen in het kwartaal naar besluit.', 'meldingen_vb'),
  a('nog_niet_beoordeeld', 'Nog niet beoordeeld', 'b', H.vb, 'Meldingen van het kwartaal zonder VB op de laatste dag van het kwartaal.', ['meldingen']),

  // Overdracht (c)
  a(
    'overdracht_na_vb',
    'Overdracht na VB',
    'c',
    H.overdracht,
    'VB in het kwartaal met besluit overdracht aan melder, lokaal team of betrokken hulpverlening.',
    ['meldingen_vb'],
  ),
  a('overdracht_na_vervolgkeuze', 'Overdracht na vervolgkeuze', 'c', H.overdracht, 'Vervolg overdracht met datum besluit vervolg in het kwartaal.'),
  d(
    'overdracht_na_vervolgkeuze_aan',
    'Overdracht na vervolgkeuze per ontvanger',
    'c',
    H.overdracht,
    'Overdrachten na vervolgkeuze naar ontvanger; zonder ontvanger: onbekend.',
    'overdracht_na_vervolgkeuze',
  ),
  a('overdracht_na_onderzoek', 'Overdracht na onderzoek', 'c', H.overdracht, 'Vervolg onderzoek met datum overdracht in het kwartaal (§ 8 B).'),
  a('overdracht_na_vv', 'Overdracht na V&V', 'c', H.overdracht, 'Vervolg voorwaarden en vervolg met datum overdracht in het kwartaal (§ 8 C).'),
  d(
    'overdracht_per_moment',
    'Overdracht per moment en ontvanger',
    'c',
    H.overdracht,
    'Per moment (na VB, na vervolgkeuze, na onderzoek, na V&V) de overdrachten naar ontvanger.',
    '',
  ),

  // Onderzoek (d)
  a('onderzoeken_afgerond', 'Afgeronde onderzoeken', 'd', H.onderzoek, 'Onderzoeken met einddatum in het kwartaal.'),
  a('onderzoeken_binnen_termijn', 'Onderzoeken binnen 10 weken', 'd', H.onderzoek, 'Afgeronde onderzoeken uiterlijk 70 dagen na de VB.', [
    'onderzoeken_afgerond',
  ]),
  p('onderzoeken_binnen_termijn_pct', '% onderzoek binnen 10 weken', 'd', H.onderzoek, 'onderzoeken_binnen_termijn', 'onderzoeken_afgerond', true),
  a('onderzoeken_met_monitoring', 'Onderzoeken met monitoring', 'd', H.onderzoek, 'Afgeronde onderzoeken met monitoring = ja.', ['onderzoeken_afgerond']),
  a('onderzoeken_gestart', 'Gestarte onderzoeken', 'd', H.onderzoek, 'Onderzoeken met startdatum in het kwartaal.'),
  a(
    'onderzoeken_gestart_binnen_termijn',
    'Onderzoeken gestart binnen 5 dagen',
    'd',
    H.onderzoek,
    'Gestart hoogstens 5 kalenderdagen na datum besluit vervolg (Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 1).',
    ['onderzoeken_gestart'],
  ),
  p('onderzoeken_gestart_pct', '% onderzoek gestart binnen 5 dagen', 'd', H.onderzoek, 'onderzoeken_gestart_binnen_termijn', 'onderzoeken_gestart'),

  // Voorwaarden en vervolg (e)
  a('vv_afgerond', 'Afgeronde V&V', 'e', H.vv, 'Trajecten voorwaarden en vervolg met einddatum in het kwartaal.'),
  a('vv_binnen_termijn', 'V&V binnen 10 weken', 'e', H.vv, 'Afgeronde V&V uiterlijk 70 dagen na de VB.', ['vv_afgerond']),
  p('vv_binnen_termijn_pct', '% V&V binnen 10 weken', 'e', H.vv, 'vv_binnen_termijn', 'vv_afgerond', true),
  a('vv_met_monitoring', 'V&V met monitoring', 'e', H.vv, 'Afgeronde V&V met monitoring = ja.', ['vv_afgerond']),

  // Monitoring (§ 7.1)
  a(
    'onderzoeken_monitoring_verwacht',
    'Onderzoeken waarna monitoring is afgesproken',
    'd',
    H.monitoring,
    'Afgeronde onderzoeken, uitkomst niet weerlegd en niet overgedragen aan een GI.',
    ['onderzoeken_afgerond'],
  ),
  a('onderzoeken_monitoring_conform', 'Waarvan met monitoring', 'd', H.monitoring, 'Van die onderzoeken: monitoring = ja.', [
    'onderzoeken_monitoring_verwacht',
  ]),
  p(
    'onderzoeken_monitoring_pct',
    '% onderzoeken met afgesproken monitoring',
    'd',
    H.monitoring,
    'onderzoeken_monitoring_conform',
    'onderzoeken_monitoring_verwacht',
  ),
  a('vv_monitoring_verwacht', 'V&V waarna monitoring is afgesproken', 'e', H.monitoring, 'Afgeronde V&V, niet overgedragen aan een GI.', ['vv_afgerond']),
  a('vv_monitoring_conform', 'Waarvan met monitoring', 'e', H.monitoring, 'Van die V&V: monitoring = ja.', ['vv_monitoring_verwacht']),
  p('vv_monitoring_pct', '% V&V met afgesproken monitoring', 'e', H.monitoring, 'vv_monitoring_conform', 'vv_monitoring_verwacht'),
  a(
    'monitoring_na_weerlegd',
    'Monitoring na weerlegd',
    'd',
    H.monitoring,
    'Afgeronde onderzoeken met uitkomst weerlegd en monitoring = ja (af te wijken, toe te lichten).',
    ['onderzoeken_met_monitoring'],
  ),
  a(
    'monitoring_na_overdracht_gi',
    'Monitoring na overdracht aan een GI',
    null,
    H.monitoring,
    'Afgeronde onderzoeken of V&V, overgedragen aan een GI, met monitoring = ja.',
  ),
  a('monitoring_3m_gepland', 'Monitoring na 3 maanden gepland', null, H.monitoring, 'Monitoring = ja, contact na 3 maanden valt in het kwartaal.'),
  a('monitoring_3m_tijdig', 'Monitoring na 3 maanden tijdig', null, H.monitoring, 'Van die: contact binnen het venster.', ['monitoring_3m_gepland']),
  p('monitoring_3m_pct', '% monitoring na 3 maanden tijdig', null, H.monitoring, 'monitoring_3m_tijdig', 'monitoring_3m_gepland'),
  a('monitoring_12m_gepland', 'Monitoring na 12 maanden gepland', null, H.monitoring, 'Monitoring = ja, contact na 12 maanden valt in het kwartaal.'),
  a('monitoring_12m_tijdig', 'Monitoring na 12 maanden tijdig', null, H.monitoring, 'Van die: contact binnen het venster.', ['monitoring_12m_gepland']),
  p('monitoring_12m_pct', '% monitoring na 12 maanden tijdig', null, H.monitoring, 'monitoring_12m_tijdig', 'monitoring_12m_gepland'),

  // Wachtlijst (stocks on the last day)
  v('wacht_op_vervolgkeuze', 'Wacht op vervolgkeuze', H.wachtlijst, 'VB-besluit vervolg Veilig Thuis, nog geen besluit vervolg op de laatste dag.'),
  v('wacht_op_start_onderzoek', 'Wacht op start onderzoek', H.wachtlijst, 'Vervolg onderzoek gekozen, nog niet gestart op de laatste dag.'),
  v('wacht_op_start_vv', 'Wacht op start V&V', H.wachtlijst, 'Vervolg voorwaarden en vervolg gekozen, nog niet gestart op de laatste dag.'),
  x({
    sleutel: 'wacht_dagen',
    label: 'Wachttijd in dagen (mediaan, maximum)',
    soort: 'mediaan',
    eenheid: 'dagen',
    uit: [],
    delen: {
      vervolgkeuze: 'wacht_op_vervolgkeuze',
      start_onderzoek: 'wacht_op_start_onderzoek',
      start_vv: 'wacht_op_start_vv',
      onderzoek: 'wacht_op_start_onderzoek',
      vv: 'wacht_op_start_vv',
    },
    onderdeel: null,
    hoofdstuk: H.wachtlijst,
    definitie: 'Per wachtlijst de mediaan en het maximum van de wachttijd op de laatste dag.',
  }),

  // Doorstroom (stocks on the last day)
  v('open_vb', 'Open veiligheidsbeoordelingen', H.doorstroom, 'Meldingen binnengekomen op of voor de laatste dag zonder VB op of voor die dag.'),
  v('open_vb_over_termijn', 'Open VB over de termijn', H.doorstroom, 'Van die: meer dan 5 werkdagen sinds binnenkomst.', ['open_vb']),
  v('open_onderzoeken', 'Open onderzoeken', H.doorstroom, 'Gestart en op de laatste dag niet afgerond.'),
  v('open_onderzoeken_over_termijn', 'Open onderzoeken over de termijn', H.doorstroom, 'Van die: meer dan 70 dagen sinds de VB.', ['open_onderzoeken']),
  v('open_vv', 'Open V&V', H.doorstroom, 'Gestart en op de laatste dag niet afgerond.'),
  v('open_vv_over_termijn', 'Open V&V over de termijn', H.doorstroom, 'Van die: meer dan 70 dagen sinds de VB.', ['open_vv']),
  v('in_monitoring', 'In monitoring', H.doorstroom, 'Monitoring = ja, overgedragen op of voor de laatste dag, monitoring niet beëindigd.'),
  m(
    'doorlooptijd_vb_werkdagen',
    'Doorlooptijd VB (werkdagen)',
    'werkdagen',
    H.doorstroom,
    'Mediaan en p90 van de werkdagen van binnenkomst tot VB.',
    'meldingen_vb',
    'vb_werkdagen',
  ),
  m(
    'doorlooptijd_onderzoek_dagen',
    'Doorlooptijd onderzoek (dagen)',
    'dagen',
    H.doorstroom,
    'Mediaan en p90 van de dagen van VB tot einde onderzoek.',
    'onderzoeken_afgerond',
    'onderzoek_dagen',
  ),
  m('doorlooptijd_vv_dagen', 'Doorlooptijd V&V (dagen)', 'dagen', H.doorstroom, 'Mediaan en p90 van de dagen van VB tot einde V&V.', 'vv_afgerond', 'vv_dagen'),

  // Derived
  x({
    sleutel: 'groei',
    label: 'Groei t.o.v. vorig kwartaal en vorig jaar',
    soort: 'groei',
    eenheid: 'procent verandering',
    uit: ['meldingen', 'adviezen', 'meldingen_totaal_instroom'],
    delen: { meldingen: 'meldingen', adviezen: 'adviezen', totaal: 'meldingen_totaal_instroom' },
    onderdeel: 'a',
    hoofdstuk: H.groei,
    definitie: '(nieuw − oud) / oud × 100, één decimaal; qoq: vorig kwartaal, yoy: zelfde kwartaal vorig jaar.',
  }),
  x({
    sleutel: 'per_1000_inwoners',
    label: 'Per 1.000 inwoners',
    soort: 'per1000',
    eenheid: 'per 1.000 inwoners',
    uit: [
      'adviezen',
      'meldingen',
      'meldingen_totaal_instroom',
      'meldingen_vb',
      'overdracht_na_vb',
      'overdracht_na_vervolgkeuze',
      'onderzoeken_afgerond',
      'vv_afgerond',
    ],
    onderdeel: null,
    hoofdstuk: H.instroom,
    definitie: 'Aantal × 1.000 / inwoners uit het regiobestand, twee decimalen.',
  }),
  x({
    sleutel: 'laatste_4_kwartalen',
    label: 'Kerncijfer over de laatste vier kwartalen',
    soort: 'aandeel',
    eenheid: 'procent',
    uit: [],
    onderdeel: null,
    hoofdstuk: H.vb,
    definitie:
      'Alleen in beschermde cijfers: een kerncijfer waarvan het kwartaal te klein is, over dat kwartaal en de drie ervoor samen (uit de afgeronde sommen).',
  }),

  // Stored for the VT dashboards only
  x({
    sleutel: 'vb_per_week',
    label: 'VB per week',
    soort: 'intern',
    eenheid: '—',
    uit: [],
    onderdeel: 'b',
    hoofdstuk: H.doorstroom,
    definitie: 'Veiligheidsbeoordelingen per week en het aandeel binnen termijn (doorstroomdashboard).',
  }),
  x({
    sleutel: 'histogrammen',
    label: 'Verdelingen van de doorlooptijden',
    soort: 'intern',
    eenheid: '—',
    uit: [],
    onderdeel: null,
    hoofdstuk: H.doorstroom,
    definitie: 'De verdeling (dagen of werkdagen → aantal) achter mediaan en p90 van de doorlooptijden, voor exacte medianen over een half jaar of jaar.',
  }),
  x({
    sleutel: 'leeftijd_open_werk',
    label: 'Leeftijd open werk',
    soort: 'intern',
    eenheid: '—',
    uit: [],
    onderdeel: null,
    hoofdstuk: H.doorstroom,
    definitie: 'Open VB, onderzoeken en V&V naar leeftijdsklasse (doorstroomdashboard).',
    periode: 'laatste',
  }),
] as const satisfies readonly Indicator[];

/** Every key of the indicator JSON: a reader of a stored or published figure takes only these (a typo fails `tsc`). */
export type IndicatorSleutel = (typeof CATALOGUS)[number]['sleutel'];

/**
 * The VB besluiten that are an overdracht (part c), each with the ontvanger it names, in the order
 * the charts stack them. Compute (`overdracht_na_vb`, `overdracht_per_moment.na_vb`), the identities,
 * the charts and the demo data read this one list.
 */
export const OVERDRACHT_BESLUITEN = {
  overdracht_lokaal_team: 'lokaal_team',
  overdracht_betrokken_hulpverlening: 'betrokken_hulpverlening',
  overdracht_melder: 'melder',
} as const;
export type OverdrachtBesluit = keyof typeof OVERDRACHT_BESLUITEN;
export const OVERDRACHT_BESLUIT_CODES = Object.keys(OVERDRACHT_BESLUITEN) as OverdrachtBesluit[];

export const PER_SLEUTEL: ReadonlyMap<string, Indicator<IndicatorSleutel>> = new Map(CATALOGUS.map((i) => [i.sleutel, i]));

/** A key read from data (a stored row, `Object.keys`, a catalogue entry's `uit`) as a catalogue key, if it is one. */
export const isIndicatorSleutel = (s: string): s is IndicatorSleutel => PER_SLEUTEL.has(s);

/** The protection class: the entry's own, or the one its kind implies (a count is always rounded). */
export function beschermklasse(i: Indicator): Beschermklasse {
  if (i.bescherming) return i.bescherming;
  switch (i.soort) {
    case 'aantal':
    case 'verdeling':
      return 'afronden';
    case 'voorraad':
      return 'alleen_regio';
    case 'aandeel':
    case 'per1000':
    case 'groei':
      return 'uit_afgeronde';
    case 'mediaan':
      return 'kleine_basis';
    case 'intern':
      return 'niet_openbaar';
  }
}

/** How a period's value is made of its quarters: the entry's own rule, or the one its kind implies. */
export function periodeRegel(i: Indicator): Perioderegel {
  if (i.periode) return i.periode;
  switch (i.soort) {
    case 'aantal':
    case 'verdeling':
      return 'som';
    // a median without a stored distribution is the age of a stock (wacht_dagen): the last day's
    case 'voorraad':
      return 'laatste';
    case 'mediaan':
      return i.histogram ? 'herberekend' : 'laatste';
    case 'aandeel':
    case 'per1000':
    case 'groei':
      return 'herberekend';
    case 'intern':
      return 'per_kwartaal';
  }
}

export const isTelling = (i: Indicator) => i.soort === 'aantal' || i.soort === 'voorraad' || i.soort === 'verdeling';

/** The keys of the indicator JSON in catalogue order (what `/api/indicatoren` and `/api/reeks` answer for). */
export const OPENBARE_SLEUTELS: readonly IndicatorSleutel[] = CATALOGUS.filter((i) => i.soort !== 'intern' && i.sleutel !== 'laatste_4_kwartalen').map(
  (i) => i.sleutel,
);
/** The counts that have a per-1,000 figure. */
export const PER_1000_SLEUTELS: readonly IndicatorSleutel[] = PER_SLEUTEL.get('per_1000_inwoners')!.uit.filter(isIndicatorSleutel);

/** The indicators of the chapter Monitoring (§ 7.1 of definitions 2027.1), in catalogue order: the reports' monitoring tables read them here. */
export const MONITORING_SLEUTELS: readonly IndicatorSleutel[] = CATALOGUS.filter((i) => i.hoofdstuk === H.monitoring).map((i) => i.sleutel);

// ---------------------------------------------------------------------------------------------
// Identities: how the true counts relate. The privacy method must hold against all of them; the
// attacker test (test/integration/aanvaller.test.ts) tries each one on every quarter.

/** A path into the values: `meldingen`, `vb_besluit.overdracht_melder`, `vb_besluit.*` (every part). */
export type Pad = string;

export type Identiteit =
  /** totaal = Σ delen (a part ending in `.*` stands for all parts of that object) */
  | { soort: 'som'; totaal: Pad; delen: Pad[] }
  /** deel ≤ totaal */
  | { soort: 'deel'; deel: Pad; totaal: Pad }
  /** voorraad(Q) = voorraad(Q−1) + in(Q) − uit(Q) */
  | { soort: 'voorraad'; voorraad: Pad; in: Pad[]; uit: Pad[] }
  /** region = Σ gebieden, for every count */
  | { soort: 'regio' };

function identiteiten(): Identiteit[] {
  const uit: Identiteit[] = [
    { soort: 'som', totaal: 'meldingen_totaal_instroom', delen: ['adviezen', 'meldingen'] },
    { soort: 'som', totaal: 'overdracht_na_vb', delen: OVERDRACHT_BESLUIT_CODES.map((b) => `vb_besluit.${b}`) },
    { soort: 'som', totaal: 'overdracht_na_vb', delen: ['overdracht_per_moment.na_vb.*'] },
    { soort: 'som', totaal: 'overdracht_na_vervolgkeuze', delen: ['overdracht_per_moment.na_vervolgkeuze.*'] },
    { soort: 'som', totaal: 'overdracht_na_onderzoek', delen: ['overdracht_per_moment.na_onderzoek.*'] },
    { soort: 'som', totaal: 'overdracht_na_vv', delen: ['overdracht_per_moment.na_vv.*'] },
    { soort: 'voorraad', voorraad: 'open_vb', in: ['meldingen'], uit: ['meldingen_vb'] },
    { soort: 'voorraad', voorraad: 'open_onderzoeken', in: ['onderzoeken_gestart'], uit: ['onderzoeken_afgerond'] },
    { soort: 'deel', deel: 'nog_niet_beoordeeld', totaal: 'open_vb' },
    { soort: 'regio' },
  ];
  for (const i of CATALOGUS) {
    if (i.soort === 'verdeling' && i.uit[0]) uit.push({ soort: 'som', totaal: i.uit[0], delen: [`${i.sleutel}.*`] });
    if ((i.soort === 'aantal' || i.soort === 'voorraad') && i.uit[0]) uit.push({ soort: 'deel', deel: i.sleutel, totaal: i.uit[0] });
  }
  return uit;
}

export const IDENTITEITEN: readonly Identiteit[] = identiteiten();
