import { daysBetween } from '../calendar/dates.js';
import { laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import { AARD_GEWELD, KANALEN, OVERDRACHT_AAN } from '../registraties/schema.js';
import { inVoorraad, VOORRADEN, type Voorraad } from '../registraties/derive.js';
import { mediaanEnP90, percentage, type Histogram } from '../shared/getallen.js';
import type { TweedeGolfTellingen, Wachtlijst } from '../registraties/tellingen-repository.js';
import { CATALOGUS, OVERDRACHT_BESLUITEN, type IndicatorSleutel } from './catalogus.js';

/**
 * The indicators of definitions 2027.1, "Added in the second wave" (samenwerkingsafspraken § 7.1
 * and § 8, the Kwaliteitskader, the VNG focusblad): counts of one kwartaal × gebied, and the
 * catalogue values made of them. Kept apart from the first wave's compute.ts, which only spreads
 * these in. Pure.
 */
export interface TweedeGolfTelling {
  /** adviezen that are overige zorgmeldingen (politie, from the region's overige_zorgmelding_vanaf) */
  tg_overige_zorgmelding: number;
  tg_meldingen_spoed: number;
  tg_spoed_vb_zelfde_dag: number;
  tg_meldingen_aard: Record<string, number>;
  tg_adviezen_aard: Record<string, number>;
  tg_adviezen_kanaal: Record<string, number>;
  /** overdracht (datum_overdracht in the quarter) after an onderzoek / a V&V, per ontvanger */
  tg_overdracht_onderzoek_aan: Record<string, number>;
  tg_overdracht_vv_aan: Record<string, number>;
  tg_onderzoeken_gestart: number;
  tg_onderzoeken_gestart_binnen: number;
  tg_onderzoek_monitoring_verwacht: number;
  tg_onderzoek_monitoring_conform: number;
  tg_vv_monitoring_verwacht: number;
  tg_vv_monitoring_conform: number;
  tg_monitoring_na_weerlegd: number;
  tg_monitoring_na_gi: number;
  tg_monitoring_3m_gepland: number;
  tg_monitoring_3m_tijdig: number;
  tg_monitoring_12m_gepland: number;
  tg_monitoring_12m_tijdig: number;
  /** ages in days of the waiting items at the quarter's last day */
  tg_wacht_dagen_vervolgkeuze: Histogram;
  tg_wacht_dagen_start_onderzoek: Histogram;
  tg_wacht_dagen_start_vv: Histogram;
}

export const GI = 'gecertificeerde_instelling';
export const ONTVANGERS = [...OVERDRACHT_AAN, 'onbekend'] as const;
/** Overdracht na VB: the besluit names the ontvanger. */
export const ONTVANGER_VAN_BESLUIT: Readonly<Record<string, string>> = OVERDRACHT_BESLUITEN;
export const WACHTLIJSTEN = {
  wacht_op_vervolgkeuze: 'vervolgkeuze',
  wacht_op_start_onderzoek: 'start_onderzoek',
  wacht_op_start_vv: 'start_vv',
} as const satisfies Record<string, Wachtlijst>;
const WACHT_VOORRAAD: Record<Wachtlijst, Voorraad> = {
  vervolgkeuze: 'wacht_vervolgkeuze',
  start_onderzoek: 'wacht_start_onderzoek',
  start_vv: 'wacht_start_vv',
};

const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));
const bij = (r: Record<string, number>, k: string, n: number) => {
  r[k] = (r[k] ?? 0) + n;
};

export function legeTweedeGolf(): TweedeGolfTelling {
  return {
    tg_overige_zorgmelding: 0,
    tg_meldingen_spoed: 0,
    tg_spoed_vb_zelfde_dag: 0,
    tg_meldingen_aard: zeros([...AARD_GEWELD, 'onbekend']),
    tg_adviezen_aard: zeros([...AARD_GEWELD, 'onbekend']),
    tg_adviezen_kanaal: zeros([...KANALEN, 'onbekend']),
    tg_overdracht_onderzoek_aan: zeros(ONTVANGERS),
    tg_overdracht_vv_aan: zeros(ONTVANGERS),
    tg_onderzoeken_gestart: 0,
    tg_onderzoeken_gestart_binnen: 0,
    tg_onderzoek_monitoring_verwacht: 0,
    tg_onderzoek_monitoring_conform: 0,
    tg_vv_monitoring_verwacht: 0,
    tg_vv_monitoring_conform: 0,
    tg_monitoring_na_weerlegd: 0,
    tg_monitoring_na_gi: 0,
    tg_monitoring_3m_gepland: 0,
    tg_monitoring_3m_tijdig: 0,
    tg_monitoring_12m_gepland: 0,
    tg_monitoring_12m_tijdig: 0,
    tg_wacht_dagen_vervolgkeuze: new Map(),
    tg_wacht_dagen_start_onderzoek: new Map(),
    tg_wacht_dagen_start_vv: new Map(),
  };
}

/** Adds the second wave's grouped counts into the cells of the requested quarters. */
export function telTweedeGolf(tellingen: TweedeGolfTellingen, kwartalen: Kwartaal[], cel: (k: Kwartaal, g: string) => TweedeGolfTelling | undefined): void {
  for (const r of tellingen.kenmerken) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    const aard = r.aard_geweld ?? 'onbekend';
    if (r.soort === 'advies') {
      if (r.overige_zorgmelding === 1) t.tg_overige_zorgmelding += r.aantal;
      bij(t.tg_adviezen_aard, aard, r.aantal);
      bij(t.tg_adviezen_kanaal, r.kanaal ?? 'onbekend', r.aantal);
      continue;
    }
    bij(t.tg_meldingen_aard, aard, r.aantal);
    if (r.spoed === 1) {
      t.tg_meldingen_spoed += r.aantal;
      if (r.vb_zelfde_dag === 1) t.tg_spoed_vb_zelfde_dag += r.aantal;
    }
  }
  for (const r of tellingen.overdracht) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    bij(r.vervolg === 'onderzoek' ? t.tg_overdracht_onderzoek_aan : t.tg_overdracht_vv_aan, r.overdracht_aan ?? 'onbekend', r.aantal);
  }
  for (const r of tellingen.startOnderzoek) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    t.tg_onderzoeken_gestart += r.aantal;
    if (r.vlag === 1) t.tg_onderzoeken_gestart_binnen += r.aantal;
  }
  for (const [rijen, moment] of [
    [tellingen.monitoring3m, '3m'],
    [tellingen.monitoring12m, '12m'],
  ] as const) {
    for (const r of rijen) {
      const t = cel(r.kwartaal, r.gebied);
      if (!t) continue;
      t[`tg_monitoring_${moment}_gepland`] += r.aantal;
      if (r.vlag === 1) t[`tg_monitoring_${moment}_tijdig`] += r.aantal;
    }
  }
  for (const r of tellingen.onderzoekAfspraken) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    const gi = r.overdracht_aan === GI;
    const gemonitord = r.monitoring === 1;
    // § 7.1 A (no monitoring after weerlegd) and D (none after a GI) can both apply: a monitored
    // onderzoek that is weerlegd and handed to a GI is a deviation under each, and counts in both
    if (gi || r.uitkomst === 'weerlegd') {
      if (gi && gemonitord) t.tg_monitoring_na_gi += r.aantal;
      if (r.uitkomst === 'weerlegd' && gemonitord) t.tg_monitoring_na_weerlegd += r.aantal;
    } else {
      t.tg_onderzoek_monitoring_verwacht += r.aantal;
      if (gemonitord) t.tg_onderzoek_monitoring_conform += r.aantal;
    }
  }
  for (const r of tellingen.vvAfspraken) {
    const t = cel(r.kwartaal, r.gebied);
    if (!t) continue;
    const gemonitord = r.monitoring === 1;
    if (r.overdracht_aan === GI) {
      if (gemonitord) t.tg_monitoring_na_gi += r.aantal;
    } else {
      t.tg_vv_monitoring_verwacht += r.aantal;
      if (gemonitord) t.tg_vv_monitoring_conform += r.aantal;
    }
  }
  for (const lijst of Object.values(WACHTLIJSTEN)) {
    const doel = `tg_wacht_dagen_${lijst}` as const;
    for (const r of tellingen.wacht[lijst]) {
      if (r.vanaf === null) continue;
      for (const k of kwartalen) {
        if (!inVoorraad(r, k)) continue;
        const t = cel(k, r.gebied);
        if (!t) continue;
        const dagen = daysBetween(r.vanaf, laatsteDag(k));
        t[doel].set(dagen, (t[doel].get(dagen) ?? 0) + r.aantal);
      }
    }
  }
}

function mediaanEnMax(h: Histogram): { mediaan: number | null; max: number | null } {
  return { mediaan: mediaanEnP90(h).mediaan, max: h.size === 0 ? null : Math.max(...h.keys()) };
}

const som = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

export interface TweedeGolfInvoer extends TweedeGolfTelling {
  vb_besluit: Record<string, number>;
  overdracht_vervolg_aan: Record<string, number>;
  voorraad: Record<Voorraad, number>;
}

/** The catalogue values of the second wave, exactly as the keys are named there. */
export function tweedeGolfWaarden(t: TweedeGolfInvoer) {
  const naVb = zeros(ONTVANGERS);
  for (const [besluit, ontvanger] of Object.entries(ONTVANGER_VAN_BESLUIT)) naVb[ontvanger]! += t.vb_besluit[besluit] ?? 0;
  const wachtDagen = Object.fromEntries(Object.entries(WACHTLIJSTEN).map(([sleutel, lijst]) => [sleutel, mediaanEnMax(t[`tg_wacht_dagen_${lijst}`])]));
  return {
    overdracht_na_onderzoek: som(t.tg_overdracht_onderzoek_aan),
    overdracht_na_vv: som(t.tg_overdracht_vv_aan),
    overdracht_per_moment: {
      na_vb: naVb,
      na_vervolgkeuze: { ...zeros(ONTVANGERS), ...t.overdracht_vervolg_aan },
      na_onderzoek: { ...t.tg_overdracht_onderzoek_aan },
      na_vv: { ...t.tg_overdracht_vv_aan },
    },
    onderzoeken_monitoring_verwacht: t.tg_onderzoek_monitoring_verwacht,
    onderzoeken_monitoring_conform: t.tg_onderzoek_monitoring_conform,
    onderzoeken_monitoring_pct: percentage(t.tg_onderzoek_monitoring_conform, t.tg_onderzoek_monitoring_verwacht),
    vv_monitoring_verwacht: t.tg_vv_monitoring_verwacht,
    vv_monitoring_conform: t.tg_vv_monitoring_conform,
    vv_monitoring_pct: percentage(t.tg_vv_monitoring_conform, t.tg_vv_monitoring_verwacht),
    monitoring_na_weerlegd: t.tg_monitoring_na_weerlegd,
    monitoring_na_overdracht_gi: t.tg_monitoring_na_gi,
    monitoring_3m_gepland: t.tg_monitoring_3m_gepland,
    monitoring_3m_tijdig: t.tg_monitoring_3m_tijdig,
    monitoring_3m_pct: percentage(t.tg_monitoring_3m_tijdig, t.tg_monitoring_3m_gepland),
    monitoring_12m_gepland: t.tg_monitoring_12m_gepland,
    monitoring_12m_tijdig: t.tg_monitoring_12m_tijdig,
    monitoring_12m_pct: percentage(t.tg_monitoring_12m_tijdig, t.tg_monitoring_12m_gepland),
    wacht_op_vervolgkeuze: t.voorraad[WACHT_VOORRAAD.vervolgkeuze],
    wacht_op_start_onderzoek: t.voorraad[WACHT_VOORRAAD.start_onderzoek],
    wacht_op_start_vv: t.voorraad[WACHT_VOORRAAD.start_vv],
    wacht_dagen: wachtDagen as Record<keyof typeof WACHTLIJSTEN, { mediaan: number | null; max: number | null }>,
    onderzoeken_gestart: t.tg_onderzoeken_gestart,
    onderzoeken_gestart_binnen_termijn: t.tg_onderzoeken_gestart_binnen,
    onderzoeken_gestart_pct: percentage(t.tg_onderzoeken_gestart_binnen, t.tg_onderzoeken_gestart),
    meldingen_spoed: t.tg_meldingen_spoed,
    spoed_vb_zelfde_dag: t.tg_spoed_vb_zelfde_dag,
    meldingen_per_aard_geweld: { ...t.tg_meldingen_aard },
    adviezen_per_aard_geweld: { ...t.tg_adviezen_aard },
    adviezen_per_kanaal: { ...t.tg_adviezen_kanaal },
  };
}

export type TweedeGolfWaarden = ReturnType<typeof tweedeGolfWaarden>;

/**
 * The second wave's keys, in catalogue order: the catalogue's indicators that `tweedeGolfWaarden`
 * yields (read from its answer on empty counts, so a key added there and in the catalogue is
 * here without another list; a key missing from the catalogue fails test/unit/indicatoren/catalogus.test.ts).
 */
export const TWEEDE_GOLF_SLEUTELS: readonly (IndicatorSleutel & keyof TweedeGolfWaarden)[] = (() => {
  const leeg = tweedeGolfWaarden({
    ...legeTweedeGolf(),
    vb_besluit: {},
    overdracht_vervolg_aan: {},
    voorraad: Object.fromEntries(VOORRADEN.map((v) => [v, 0])) as Record<Voorraad, number>,
  });
  return CATALOGUS.map((i) => i.sleutel).filter((k): k is IndicatorSleutel & keyof TweedeGolfWaarden => Object.hasOwn(leeg, k));
})();
