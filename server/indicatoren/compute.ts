import { daysBetween } from '../calendar/dates.js';
import { laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import { BESLUITEN_VB, BEROEPSGROEPEN, EERDERE_BETROKKENHEID, MELDER_CATEGORIEEN, OVERDRACHT_AAN } from '../registraties/schema.js';
import { inVoorraad, VOORRADEN, type Voorraad } from '../registraties/derive.js';
import { mediaanEnP90, percentage, type Histogram } from '../shared/getallen.js';
import type { Tellingen } from '../registraties/tellingen-repository.js';
import { legeTweedeGolf, telTweedeGolf, tweedeGolfWaarden, type TweedeGolfTelling, type TweedeGolfWaarden } from './tweede-golf.js';
import { OVERDRACHT_BESLUIT_CODES } from './catalogus.js';

/** The besluiten that count as overdracht na VB (part c). */

/** Counts of one kwartaal × gebied, before percentages and percentiles. Mergeable. The second wave's (`tg_…`) are in tweede-golf.ts. */
export interface Telling extends TweedeGolfTelling {
  adviezen: number;
  meldingen: number;
  per_melder: Record<string, number>;
  per_beroepsgroep: Record<string, number>;
  per_eerdere_betrokkenheid: Record<string, number>;
  nog_niet_beoordeeld: number;
  meldingen_vb: number;
  vb_binnen_termijn: number;
  vb_besluit: Record<string, number>;
  vb_werkdagen: Histogram;
  overdracht_na_vervolgkeuze: number;
  /** overdrachten na vervolgkeuze per ontvanger (`overdracht_aan`; without one: onbekend) */
  overdracht_vervolg_aan: Record<string, number>;
  onderzoeken_afgerond: number;
  onderzoeken_binnen_termijn: number;
  onderzoeken_met_monitoring: number;
  onderzoek_dagen: Histogram;
  vv_afgerond: number;
  vv_binnen_termijn: number;
  vv_met_monitoring: number;
  vv_dagen: Histogram;
  voorraad: Record<Voorraad, number>;
  /** VB's per week (Monday) of the quarter, and of those on time */
  vb_week_totaal: Record<string, number>;
  vb_week_binnen: Record<string, number>;
  /** open work at the quarter's end by age */
  leeftijd_vb: Record<string, number>;
  leeftijd_onderzoek: Record<string, number>;
  leeftijd_vv: Record<string, number>;
}

/** Age classes of open work: VB in werkdagen since binnenkomst, onderzoek and V&V in days since the VB. */
export const LEEFTIJD_VB = [
  ['0_5', 5],
  ['6_10', 10],
  ['11_20', 20],
  ['meer_20', Infinity],
] as const;
export const LEEFTIJD_TIEN_WEKEN = [
  ['tot_10w', 70],
  ['10_13w', 91],
  ['13_26w', 182],
  ['meer_26w', Infinity],
] as const;

function klasse(klassen: readonly (readonly [string, number])[], waarde: number): string {
  return klassen.find(([, max]) => waarde <= max)![0];
}

const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));

export function legeTelling(): Telling {
  return {
    adviezen: 0,
    meldingen: 0,
    per_melder: zeros(MELDER_CATEGORIEEN),
    per_beroepsgroep: zeros([...BEROEPSGROEPEN, 'onbekend']),
    per_eerdere_betrokkenheid: zeros([...EERDERE_BETROKKENHEID, 'onbekend']),
    nog_niet_beoordeeld: 0,
    meldingen_vb: 0,
    vb_binnen_termijn: 0,
    vb_besluit: zeros(BESLUITEN_VB),
    vb_werkdagen: new Map(),
    overdracht_na_vervolgkeuze: 0,
    overdracht_vervolg_aan: zeros([...OVERDRACHT_AAN, 'onbekend']),
    onderzoeken_afgerond: 0,
    onderzoeken_binnen_termijn: 0,
    onderzoeken_met_monitoring: 0,
    onderzoek_dagen: new Map(),
    vv_afgerond: 0,
    vv_binnen_termijn: 0,
    vv_met_monitoring: 0,
    vv_dagen: new Map(),
    voorraad: zeros(VOORRADEN) as Record<Voorraad, number>,
    vb_week_totaal: {},
    vb_week_binnen: {},
    leeftijd_vb: zeros(LEEFTIJD_VB.map(([k]) => k)),
    leeftijd_onderzoek: zeros(LEEFTIJD_TIEN_WEKEN.map(([k]) => k)),
    leeftijd_vv: zeros(LEEFTIJD_TIEN_WEKEN.map(([k]) => k)),
    ...legeTweedeGolf(),
  };
}

function addHist(h: Histogram, value: number | null, count: number): void {
  if (value !== null) h.set(value, (h.get(value) ?? 0) + count);
}

export function voegSamen(doel: Telling, bron: Telling): Telling {
  for (const key of Object.keys(doel) as (keyof Telling)[]) {
    const d = doel[key];
    const b = bron[key];
    if (typeof d === 'number') (doel as unknown as Record<string, number>)[key] = d + (b as number);
    else if (d instanceof Map) for (const [v, c] of b as Histogram) addHist(d, v, c);
    else for (const [k, c] of Object.entries(b as Record<string, number>)) (d as Record<string, number>)[k] = ((d as Record<string, number>)[k] ?? 0) + c;
  }
  return doel;
}

/** kwartaal → gebied → Telling, for the requested quarters and gebieden (all present, zero when empty). */
export type Tellingenkaart = Map<Kwartaal, Map<string, Telling>>;

export function telOp(tellingen: Tellingen, kwartalen: Kwartaal[], gebieden: string[], kalender: Werkdagkalender): Tellingenkaart {
  const kaart: Tellingenkaart = new Map(kwartalen.map((k) => [k, new Map(gebieden.map((g) => [g, legeTelling()]))]));
  const cel = (k: Kwartaal, g: string): Telling | undefined => {
    const perGebied = kaart.get(k);
    if (!perGebied) return undefined;
    let t = perGebied.get(g);
    if (!t) perGebied.set(g, (t = legeTelling()));
    return t;
  };

  for (const r of tellingen.instroom) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    if (r.soort === 'advies') {
      t.adviezen += r.aantal;
      // adviezen_overige_zorgmelding: from the derived flag (region's overige_zorgmelding_vanaf), in tweede-golf.ts
      continue;
    }
    t.meldingen += r.aantal;
    t.per_melder[r.melder_categorie] = (t.per_melder[r.melder_categorie] ?? 0) + r.aantal;
    if (r.melder_categorie === 'overige_professional') {
      const b = r.beroepsgroep ?? 'onbekend';
      t.per_beroepsgroep[b] = (t.per_beroepsgroep[b] ?? 0) + r.aantal;
    }
    const e = r.eerdere_betrokkenheid ?? 'onbekend';
    t.per_eerdere_betrokkenheid[e] = (t.per_eerdere_betrokkenheid[e] ?? 0) + r.aantal;
    if (r.nog_niet_beoordeeld === 1) t.nog_niet_beoordeeld += r.aantal;
  }
  for (const r of tellingen.vb) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    t.meldingen_vb += r.aantal;
    if (r.binnen_termijn === 1) t.vb_binnen_termijn += r.aantal;
    if (r.besluit !== null) t.vb_besluit[r.besluit] = (t.vb_besluit[r.besluit] ?? 0) + r.aantal;
    addHist(t.vb_werkdagen, r.werkdagen, r.aantal);
  }
  for (const r of tellingen.vervolg) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t || r.vervolg !== 'overdracht') continue;
    t.overdracht_na_vervolgkeuze += r.aantal;
    const aan = r.overdracht_aan ?? 'onbekend';
    t.overdracht_vervolg_aan[aan] = (t.overdracht_vervolg_aan[aan] ?? 0) + r.aantal;
  }
  for (const r of tellingen.onderzoek) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    t.onderzoeken_afgerond += r.aantal;
    if (r.binnen_termijn === 1) t.onderzoeken_binnen_termijn += r.aantal;
    if (r.monitoring === 1) t.onderzoeken_met_monitoring += r.aantal;
    addHist(t.onderzoek_dagen, r.dagen, r.aantal);
  }
  for (const r of tellingen.vv) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    t.vv_afgerond += r.aantal;
    if (r.binnen_termijn === 1) t.vv_binnen_termijn += r.aantal;
    if (r.monitoring === 1) t.vv_met_monitoring += r.aantal;
    addHist(t.vv_dagen, r.dagen, r.aantal);
  }
  for (const v of VOORRADEN) {
    for (const r of tellingen.voorraden[v]) {
      for (const k of kwartalen) {
        // in the stock at the end of quarter k when van <= k < tot
        if (inVoorraad(r, k)) {
          const t = cel(k, r.gebied);
          if (t) t.voorraad[v] += r.aantal;
        }
      }
    }
  }
  for (const r of tellingen.vbPerWeek) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t || r.week === null) continue;
    t.vb_week_totaal[r.week] = (t.vb_week_totaal[r.week] ?? 0) + r.aantal;
    if (r.binnen_termijn === 1) t.vb_week_binnen[r.week] = (t.vb_week_binnen[r.week] ?? 0) + r.aantal;
  }
  for (const soort of ['vb', 'onderzoek', 'vv'] as const) {
    for (const r of tellingen.openWerk[soort]) {
      if (r.vanaf === null) continue;
      for (const k of kwartalen) {
        if (!inVoorraad(r, k)) continue;
        const t = cel(k, r.gebied);
        if (!t) continue;
        const einde = laatsteDag(k);
        const key = soort === 'vb' ? klasse(LEEFTIJD_VB, kalender.werkdagenTussen(r.vanaf, einde)) : klasse(LEEFTIJD_TIEN_WEKEN, daysBetween(r.vanaf, einde));
        const doel = soort === 'vb' ? t.leeftijd_vb : soort === 'onderzoek' ? t.leeftijd_onderzoek : t.leeftijd_vv;
        doel[key] = (doel[key] ?? 0) + r.aantal;
      }
    }
  }
  telTweedeGolf(tellingen.tweedeGolf, kwartalen, cel);
  return kaart;
}

/** Stored beside the catalogue for the doorstroom dashboard (not part of the catalogue's JSON). */
export interface Doorstroomwaarden {
  vb_per_week: { week: string; meldingen_vb: number; binnen_termijn: number; pct: number | null }[];
  leeftijd_open_werk: { vb: Record<string, number>; onderzoek: Record<string, number>; vv: Record<string, number> };
}

export function doorstroomwaarden(t: Telling): Doorstroomwaarden {
  return {
    vb_per_week: Object.keys(t.vb_week_totaal)
      .sort()
      .map((week) => {
        const n = t.vb_week_totaal[week]!;
        const binnen = t.vb_week_binnen[week] ?? 0;
        return { week, meldingen_vb: n, binnen_termijn: binnen, pct: percentage(binnen, n) };
      }),
    leeftijd_open_werk: { vb: { ...t.leeftijd_vb }, onderzoek: { ...t.leeftijd_onderzoek }, vv: { ...t.leeftijd_vv } },
  };
}

/** The catalogue's indicators of one kwartaal × gebied (without groei and per 1,000, added later). */
export interface Basiswaarden extends TweedeGolfWaarden {
  adviezen: number;
  adviezen_overige_zorgmelding: number;
  meldingen: number;
  meldingen_totaal_instroom: number;
  meldingen_per_melder: Record<string, number>;
  meldingen_per_beroepsgroep: Record<string, number>;
  meldingen_per_eerdere_betrokkenheid: Record<string, number>;
  meldingen_vb: number;
  vb_binnen_termijn: number;
  vb_binnen_termijn_pct: number | null;
  vb_besluit: Record<string, number>;
  nog_niet_beoordeeld: number;
  overdracht_na_vb: number;
  overdracht_na_vervolgkeuze: number;
  overdracht_na_vervolgkeuze_aan: Record<string, number>;
  onderzoeken_afgerond: number;
  onderzoeken_binnen_termijn: number;
  onderzoeken_binnen_termijn_pct: number | null;
  onderzoeken_met_monitoring: number;
  vv_afgerond: number;
  vv_binnen_termijn: number;
  vv_binnen_termijn_pct: number | null;
  vv_met_monitoring: number;
  open_vb: number;
  open_vb_over_termijn: number;
  open_onderzoeken: number;
  open_onderzoeken_over_termijn: number;
  open_vv: number;
  open_vv_over_termijn: number;
  doorlooptijd_vb_werkdagen: { mediaan: number | null; p90: number | null };
  doorlooptijd_onderzoek_dagen: { mediaan: number | null; p90: number | null };
  doorlooptijd_vv_dagen: { mediaan: number | null; p90: number | null };
  in_monitoring: number;
}

export function basiswaarden(t: Telling): Basiswaarden {
  return {
    adviezen: t.adviezen,
    adviezen_overige_zorgmelding: t.tg_overige_zorgmelding,
    meldingen: t.meldingen,
    meldingen_totaal_instroom: t.adviezen + t.meldingen,
    meldingen_per_melder: { ...t.per_melder },
    meldingen_per_beroepsgroep: { ...t.per_beroepsgroep },
    meldingen_per_eerdere_betrokkenheid: { ...t.per_eerdere_betrokkenheid },
    meldingen_vb: t.meldingen_vb,
    vb_binnen_termijn: t.vb_binnen_termijn,
    vb_binnen_termijn_pct: percentage(t.vb_binnen_termijn, t.meldingen_vb),
    vb_besluit: { ...t.vb_besluit },
    nog_niet_beoordeeld: t.nog_niet_beoordeeld,
    overdracht_na_vb: OVERDRACHT_BESLUIT_CODES.reduce((sum, b) => sum + (t.vb_besluit[b] ?? 0), 0),
    overdracht_na_vervolgkeuze: t.overdracht_na_vervolgkeuze,
    overdracht_na_vervolgkeuze_aan: { ...t.overdracht_vervolg_aan },
    onderzoeken_afgerond: t.onderzoeken_afgerond,
    onderzoeken_binnen_termijn: t.onderzoeken_binnen_termijn,
    onderzoeken_binnen_termijn_pct: percentage(t.onderzoeken_binnen_termijn, t.onderzoeken_afgerond),
    onderzoeken_met_monitoring: t.onderzoeken_met_monitoring,
    vv_afgerond: t.vv_afgerond,
    vv_binnen_termijn: t.vv_binnen_termijn,
    vv_binnen_termijn_pct: percentage(t.vv_binnen_termijn, t.vv_afgerond),
    vv_met_monitoring: t.vv_met_monitoring,
    open_vb: t.voorraad.open_vb,
    open_vb_over_termijn: t.voorraad.open_vb_laat,
    open_onderzoeken: t.voorraad.open_onderzoek,
    open_onderzoeken_over_termijn: t.voorraad.open_onderzoek_laat,
    open_vv: t.voorraad.open_vv,
    open_vv_over_termijn: t.voorraad.open_vv_laat,
    doorlooptijd_vb_werkdagen: mediaanEnP90(t.vb_werkdagen),
    doorlooptijd_onderzoek_dagen: mediaanEnP90(t.onderzoek_dagen),
    doorlooptijd_vv_dagen: mediaanEnP90(t.vv_dagen),
    in_monitoring: t.voorraad.monitoring,
    ...tweedeGolfWaarden(t),
  };
}
