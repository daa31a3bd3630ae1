import { telDagenOp, telMaandenOp, daysBetween, maxDate, weekday } from '../calendar/dates.js';
import { kwartaalVan, type Kwartaal } from '../calendar/kwartaal.js';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import { ONBEKEND, type Regio } from '../config/regio.js';
import type { Registratie } from './schema.js';

/** VB within 5 werkdagen after binnenkomst (day of receipt = day 0). */
export const VB_TERMIJN_WERKDAGEN = 5;
/** V&V and onderzoek end at most 70 calendar days after the VB. */
export const TIEN_WEKEN_DAGEN = 70;

/**
 * The stocks counted "on the last day of the quarter". A registration belongs to a stock at
 * the end of quarter Q when van <= Q < tot (tot null: still open). Stored only when non-empty.
 */
export const VOORRADEN = [
  'open_vb',
  'open_vb_laat',
  'open_onderzoek',
  'open_onderzoek_laat',
  'open_vv',
  'open_vv_laat',
  'monitoring',
  // the wachtlijst (definitions 2027.1): waiting for the choice of vervolg, for the start of an onderzoek or V&V
  'wacht_vervolgkeuze',
  'wacht_start_onderzoek',
  'wacht_start_vv',
] as const;
export type Voorraad = (typeof VOORRADEN)[number];

export interface Interval {
  van: Kwartaal | null;
  tot: Kwartaal | null;
}

/**
 * Facts derived once per registration, when it is imported or updated, so that the
 * quarterly aggregation is plain counting. Column names as stored.
 */
export interface Afgeleid {
  gemeente_sleutel: string;
  kw_binnenkomst: Kwartaal;
  kw_vb: Kwartaal | null;
  kw_besluit_vervolg: Kwartaal | null;
  kw_einde_onderzoek: Kwartaal | null;
  kw_einde_vv: Kwartaal | null;
  kw_laatste: Kwartaal;
  week_vb: string | null;
  vb_werkdagen: number | null;
  vb_binnen_termijn: 0 | 1 | null;
  nog_niet_beoordeeld: 0 | 1 | null;
  onderzoek_dagen: number | null;
  onderzoek_binnen_termijn: 0 | 1 | null;
  vv_dagen: number | null;
  vv_binnen_termijn: 0 | 1 | null;
  open_vb_van: Kwartaal | null;
  open_vb_tot: Kwartaal | null;
  open_vb_laat_van: Kwartaal | null;
  open_vb_laat_tot: Kwartaal | null;
  open_onderzoek_van: Kwartaal | null;
  open_onderzoek_tot: Kwartaal | null;
  open_onderzoek_laat_van: Kwartaal | null;
  open_onderzoek_laat_tot: Kwartaal | null;
  open_vv_van: Kwartaal | null;
  open_vv_tot: Kwartaal | null;
  open_vv_laat_van: Kwartaal | null;
  open_vv_laat_tot: Kwartaal | null;
  monitoring_van: Kwartaal | null;
  monitoring_tot: Kwartaal | null;
  // --- definitions 2027.1 (samenwerkingsafspraken § 7.1, § 8; Kwaliteitskader; focusblad) ---
  kw_overdracht: Kwartaal | null;
  kw_start_onderzoek: Kwartaal | null;
  /** started at most 5 calendar days after datum_besluit_vervolg (Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 1) */
  onderzoek_start_binnen_termijn: 0 | 1 | null;
  /** meldingen: the VB on the day of binnenkomst */
  vb_zelfde_dag: 0 | 1 | null;
  /** adviezen: a politie advies on or after the region's overige_zorgmelding_vanaf */
  overige_zorgmelding: 0 | 1 | null;
  /** the quarter the contact at 3 (12) months after datum_overdracht falls due (monitoring = ja) */
  kw_monitoring_3m: Kwartaal | null;
  monitoring_3m_tijdig: 0 | 1 | null;
  kw_monitoring_12m: Kwartaal | null;
  monitoring_12m_tijdig: 0 | 1 | null;
  wacht_vervolgkeuze_van: Kwartaal | null;
  wacht_vervolgkeuze_tot: Kwartaal | null;
  wacht_start_onderzoek_van: Kwartaal | null;
  wacht_start_onderzoek_tot: Kwartaal | null;
  wacht_start_vv_van: Kwartaal | null;
  wacht_start_vv_tot: Kwartaal | null;
}

/** Days after datum_besluit_vervolg within which an onderzoek starts (the 5th calendar day is on time). */
export const START_ONDERZOEK_DAGEN = 5;
/**
 * The monitoring contacts: due 3 and 12 months after datum_overdracht; a contact is tijdig when its
 * date lies from MONITORING_MARGE_MAANDEN before to as many months after the due date (inclusive).
 */
export const MONITORING_MOMENTEN = [
  ['3m', 3],
  ['12m', 12],
] as const;
export const MONITORING_MARGE_MAANDEN = 1;

export const AFGELEIDE_KOLOMMEN: readonly (keyof Afgeleid)[] = [
  'gemeente_sleutel',
  'kw_binnenkomst',
  'kw_vb',
  'kw_besluit_vervolg',
  'kw_einde_onderzoek',
  'kw_einde_vv',
  'kw_laatste',
  'week_vb',
  'vb_werkdagen',
  'vb_binnen_termijn',
  'nog_niet_beoordeeld',
  'onderzoek_dagen',
  'onderzoek_binnen_termijn',
  'vv_dagen',
  'vv_binnen_termijn',
  'kw_overdracht',
  'kw_start_onderzoek',
  'onderzoek_start_binnen_termijn',
  'vb_zelfde_dag',
  'overige_zorgmelding',
  'kw_monitoring_3m',
  'monitoring_3m_tijdig',
  'kw_monitoring_12m',
  'monitoring_12m_tijdig',
  ...VOORRADEN.flatMap((v) => [`${v}_van`, `${v}_tot`] as (keyof Afgeleid)[]),
];

/** In the stock at the end of quarter `k`: van <= k < tot (tot null: still open). */
export function inVoorraad(interval: { van: Kwartaal | null; tot: Kwartaal | null }, k: Kwartaal): boolean {
  return interval.van !== null && interval.van <= k && (interval.tot === null || k < interval.tot);
}

const kw = (date: string | null): Kwartaal | null => (date === null ? null : kwartaalVan(date));

/** A stock interval from two dates; null/null when the registration is never in it at a quarter end. */
function interval(start: string | null, end: string | null): Interval {
  if (start === null) return { van: null, tot: null };
  const van = kwartaalVan(start);
  const tot = kw(end);
  return tot === null || van < tot ? { van, tot } : { van: null, tot: null };
}

function binnenTienWeken(vb: string | null, einde: string | null): { dagen: number | null; binnen: 0 | 1 | null } {
  if (einde === null) return { dagen: null, binnen: null };
  if (vb === null) return { dagen: null, binnen: 0 };
  const dagen = daysBetween(vb, einde);
  return { dagen, binnen: dagen <= TIEN_WEKEN_DAGEN ? 1 : 0 };
}

/** Late from the day after ten weeks past the VB (or the start, if that is later). */
function laatVanaf(start: string | null, vb: string | null): string | null {
  return start === null || vb === null ? null : maxDate(start, telDagenOp(vb, TIEN_WEKEN_DAGEN + 1));
}

/** The monitoring contact at `maanden` months: the quarter it falls due, and whether it was tijdig. */
function monitoringContact(r: Registratie, maanden: number, contact: string | null): { kw: Kwartaal | null; tijdig: 0 | 1 | null } {
  if (r.monitoring !== 1 || r.datum_overdracht === null) return { kw: null, tijdig: null };
  const vervalt = telMaandenOp(r.datum_overdracht, maanden);
  const tijdig = contact !== null && contact >= telMaandenOp(vervalt, -MONITORING_MARGE_MAANDEN) && contact <= telMaandenOp(vervalt, MONITORING_MARGE_MAANDEN);
  return { kw: kwartaalVan(vervalt), tijdig: tijdig ? 1 : 0 };
}

/** Facts of definitions 2027.1, kept apart from the first wave's. */
function deriveTweedeGolf(r: Registratie, regio: Regio): Omit<Afgeleid, keyof EersteGolf> {
  const melding = r.soort === 'melding';
  const vb = r.datum_veiligheidsbeoordeling;
  const startOnderzoek = r.datum_start_onderzoek;
  const m3 = monitoringContact(r, 3, r.datum_monitoring_3m);
  const m12 = monitoringContact(r, 12, r.datum_monitoring_12m);
  const vanaf = regio.overige_zorgmelding_vanaf;
  const wachtKeuze =
    melding && vb !== null && r.besluit_veiligheidsbeoordeling === 'vervolg_veilig_thuis' ? interval(vb, r.datum_besluit_vervolg) : interval(null, null);
  const wachtOnderzoek = melding && r.vervolg === 'onderzoek' ? interval(r.datum_besluit_vervolg, startOnderzoek) : interval(null, null);
  const wachtVv = melding && r.vervolg === 'voorwaarden_en_vervolg' ? interval(r.datum_besluit_vervolg, r.datum_start_vv) : interval(null, null);
  return {
    kw_overdracht: kw(r.datum_overdracht),
    kw_start_onderzoek: melding ? kw(startOnderzoek) : null,
    onderzoek_start_binnen_termijn:
      !melding || startOnderzoek === null
        ? null
        : r.datum_besluit_vervolg !== null && daysBetween(r.datum_besluit_vervolg, startOnderzoek) <= START_ONDERZOEK_DAGEN
          ? 1
          : 0,
    vb_zelfde_dag: melding ? (vb !== null && vb === r.datum_binnenkomst ? 1 : 0) : null,
    overige_zorgmelding: melding ? null : r.melder_categorie === 'politie' && (vanaf === null || r.datum_binnenkomst >= vanaf) ? 1 : 0,
    kw_monitoring_3m: m3.kw,
    monitoring_3m_tijdig: m3.tijdig,
    kw_monitoring_12m: m12.kw,
    monitoring_12m_tijdig: m12.tijdig,
    wacht_vervolgkeuze_van: wachtKeuze.van,
    wacht_vervolgkeuze_tot: wachtKeuze.tot,
    wacht_start_onderzoek_van: wachtOnderzoek.van,
    wacht_start_onderzoek_tot: wachtOnderzoek.tot,
    wacht_start_vv_van: wachtVv.van,
    wacht_start_vv_tot: wachtVv.tot,
  };
}

type EersteGolf = Omit<
  Afgeleid,
  | 'kw_overdracht'
  | 'kw_start_onderzoek'
  | 'onderzoek_start_binnen_termijn'
  | 'vb_zelfde_dag'
  | 'overige_zorgmelding'
  | 'kw_monitoring_3m'
  | 'monitoring_3m_tijdig'
  | 'kw_monitoring_12m'
  | 'monitoring_12m_tijdig'
  | `wacht_${'vervolgkeuze' | 'start_onderzoek' | 'start_vv'}_${'van' | 'tot'}`
>;

/** The gebied a registration counts in: its gemeente's key in the region (`onbekend` without a code). */
export function gemeenteSleutel(gemeenteCode: string | null, regio: Regio): string {
  return gemeenteCode === null ? ONBEKEND : regio.sleutelVoorCode(gemeenteCode);
}

export function leidRegistratieAf(r: Registratie, regio: Regio, kalender: Werkdagkalender): Afgeleid {
  const melding = r.soort === 'melding';
  const vb = r.datum_veiligheidsbeoordeling;
  const kwB = kwartaalVan(r.datum_binnenkomst);
  const kwVb = kw(vb);

  const vbWerkdagen = melding && vb !== null ? kalender.werkdagenTussen(r.datum_binnenkomst, vb) : null;
  const onderzoek = binnenTienWeken(vb, r.datum_einde_onderzoek);
  const vv = binnenTienWeken(vb, r.datum_einde_vv);

  const openVb = melding ? interval(r.datum_binnenkomst, vb) : interval(null, null);
  // "more than 5 werkdagen since binnenkomst" holds from the 6th werkdag on
  const openVbLaat = melding ? interval(kalender.nteWerkdagNa(r.datum_binnenkomst, VB_TERMIJN_WERKDAGEN + 1), vb) : interval(null, null);
  const openOnderzoek = interval(r.datum_start_onderzoek, r.datum_einde_onderzoek);
  const openOnderzoekLaat = interval(laatVanaf(r.datum_start_onderzoek, vb), r.datum_einde_onderzoek);
  const openVv = interval(r.datum_start_vv, r.datum_einde_vv);
  const openVvLaat = interval(laatVanaf(r.datum_start_vv, vb), r.datum_einde_vv);
  const monitoring = r.monitoring === 1 ? interval(r.datum_overdracht, r.datum_einde_monitoring) : interval(null, null);

  const laatste = maxDate(
    r.datum_binnenkomst,
    vb,
    r.datum_besluit_vervolg,
    r.datum_start_vv,
    r.datum_einde_vv,
    r.datum_start_onderzoek,
    r.datum_einde_onderzoek,
    r.datum_overdracht,
    r.datum_monitoring_3m,
    r.datum_monitoring_12m,
    r.datum_einde_monitoring,
    r.datum_afgesloten,
  ) as string;

  return {
    gemeente_sleutel: gemeenteSleutel(r.gemeente_code, regio),
    kw_binnenkomst: kwB,
    kw_vb: melding ? kwVb : null,
    kw_besluit_vervolg: kw(r.datum_besluit_vervolg),
    kw_einde_onderzoek: kw(r.datum_einde_onderzoek),
    kw_einde_vv: kw(r.datum_einde_vv),
    kw_laatste: kwartaalVan(laatste),
    week_vb: melding && vb !== null ? telDagenOp(vb, -((weekday(vb) + 6) % 7)) : null,
    vb_werkdagen: vbWerkdagen,
    vb_binnen_termijn: vbWerkdagen === null ? null : vbWerkdagen <= VB_TERMIJN_WERKDAGEN ? 1 : 0,
    nog_niet_beoordeeld: melding ? (kwVb === null || kwVb > kwB ? 1 : 0) : null,
    onderzoek_dagen: onderzoek.dagen,
    onderzoek_binnen_termijn: onderzoek.binnen,
    vv_dagen: vv.dagen,
    vv_binnen_termijn: vv.binnen,
    open_vb_van: openVb.van,
    open_vb_tot: openVb.tot,
    open_vb_laat_van: openVbLaat.van,
    open_vb_laat_tot: openVbLaat.tot,
    open_onderzoek_van: openOnderzoek.van,
    open_onderzoek_tot: openOnderzoek.tot,
    open_onderzoek_laat_van: openOnderzoekLaat.van,
    open_onderzoek_laat_tot: openOnderzoekLaat.tot,
    open_vv_van: openVv.van,
    open_vv_tot: openVv.tot,
    open_vv_laat_van: openVvLaat.van,
    open_vv_laat_tot: openVvLaat.tot,
    monitoring_van: monitoring.van,
    monitoring_tot: monitoring.tot,
    ...deriveTweedeGolf(r, regio),
  };
}

/**
 * What a registration contributes to: single quarters, and stock intervals (an open-ended
 * interval reaches to the end of the computed range). Used to find the quarters an import touched.
 */
export interface Raakvlak {
  kwartalen: Kwartaal[];
  intervallen: Interval[];
}

type VoorraadKolom = `${Voorraad}_${'van' | 'tot'}`;
const VOORRAAD_KOLOMMEN = VOORRADEN.map((v) => [`${v}_van`, `${v}_tot`] as [VoorraadKolom, VoorraadKolom]);
const KWARTAAL_KOLOMMEN = [
  'kw_binnenkomst',
  'kw_vb',
  'kw_besluit_vervolg',
  'kw_einde_onderzoek',
  'kw_einde_vv',
  'kw_overdracht',
  'kw_start_onderzoek',
  'kw_monitoring_3m',
  'kw_monitoring_12m',
] as const;

/** The derived columns a raakvlak is made of. */
export type RaakvlakKolom = (typeof KWARTAAL_KOLOMMEN)[number] | VoorraadKolom;

export function raakvlak(
  a: Pick<Afgeleid, 'kw_binnenkomst' | 'kw_vb' | 'kw_besluit_vervolg' | 'kw_einde_onderzoek' | 'kw_einde_vv'> & Partial<Afgeleid>,
): Raakvlak {
  return raakvlakVia((kolom) => a[kolom] ?? null);
}

/** The raakvlak from any representation of the derived columns (an object, a stored row). */
export function raakvlakVia(lees: (kolom: RaakvlakKolom) => Kwartaal | null): Raakvlak {
  const kwartalen: Kwartaal[] = [];
  for (const kolom of KWARTAAL_KOLOMMEN) {
    const k = lees(kolom);
    if (k !== null) kwartalen.push(k);
  }
  const intervallen: Interval[] = [];
  for (const [vanKolom, totKolom] of VOORRAAD_KOLOMMEN) {
    const van = lees(vanKolom);
    if (van !== null) intervallen.push({ van, tot: lees(totKolom) });
  }
  return { kwartalen, intervallen };
}
