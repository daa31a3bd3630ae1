/**
 * The board's longer periods: the half year (MARAP t/m juni, `2026-H1`, `2026-H2`) and the year
 * (`2025`), and how a period's figures are made of its stored quarters (pure):
 * - flows (adviezen, afgeronde onderzoeken, …) and their distributions are summed;
 * - percentages are recomputed on the summed counts, never averaged;
 * - stocks (open work, the waiting lists, in monitoring) are those of the period's last day;
 * - doorlooptijden (median, p90) come from the summed stored distributions (`histogrammen`), so
 *   they are the median of every registration of the period, not an average of quarter medians.
 */
import { telKwartalenOp, kwartaalKort, kwartaalReeks, kwartaalVoluit, type Kwartaal } from '../calendar/kwartaal.js';
import type { Waarden } from '../indicatoren/paneel.js';
import { periodeMediaan, type HistogramSleutel, type OpgeslagenHistogrammen } from '../indicatoren/histogrammen.js';
import { PER_1000_INDICATOREN } from '../indicatoren/gebieden.js';
import { groei, per1000, percentage } from '../shared/getallen.js';
import { ongeldigeInvoer } from '../shared/fouten.js';

/** `kwartaal` only to build the quarterly report's extra chapters from the same functions */
export type Periodesoort = 'kwartaal' | 'halfjaar' | 'jaar';

export interface Periode {
  soort: Periodesoort;
  /** `2026-H1` or `2025` */
  sleutel: string;
  jaar: number;
  kwartalen: Kwartaal[];
}

const HALFJAAR = /^(\d{4})-H([12])$/;
const JAAR = /^(\d{4})$/;

export function halfjaar(jaar: number, helft: 1 | 2): Periode {
  const eerste = `${jaar}-Q${helft === 1 ? 1 : 3}`;
  return { soort: 'halfjaar', sleutel: `${jaar}-H${helft}`, jaar, kwartalen: kwartaalReeks(eerste, telKwartalenOp(eerste, 1)) };
}

export function jaar(j: number): Periode {
  return { soort: 'jaar', sleutel: String(j), jaar: j, kwartalen: kwartaalReeks(`${j}-Q1`, `${j}-Q4`) };
}

export function kwartaalPeriode(k: Kwartaal): Periode {
  return { soort: 'kwartaal', sleutel: k, jaar: Number(k.slice(0, 4)), kwartalen: [k] };
}

export function leesHalfjaar(value: unknown, param = '--halfjaar'): Periode {
  const m = typeof value === 'string' ? HALFJAAR.exec(value.trim()) : null;
  if (!m) throw ongeldigeInvoer(`Parameter ${param} moet een halfjaar zijn zoals 2026-H1 (gekregen: ${String(value ?? 'niets')})`);
  return halfjaar(Number(m[1]), Number(m[2]) as 1 | 2);
}

export function leesJaar(value: unknown, param = '--jaar'): Periode {
  const m = typeof value === 'string' ? JAAR.exec(value.trim()) : null;
  if (!m) throw ongeldigeInvoer(`Parameter ${param} moet een jaar zijn zoals 2025 (gekregen: ${String(value ?? 'niets')})`);
  return jaar(Number(m[1]));
}

/** `2026-H1` or `2025`, as in URLs and the duiding table. */
export function leesRapportperiode(value: unknown): Periode {
  return typeof value === 'string' && HALFJAAR.test(value) ? leesHalfjaar(value, 'periode') : leesJaar(value, 'periode');
}

export const periodeVorigJaar = (p: Periode): Periode =>
  p.soort === 'kwartaal' ? kwartaalPeriode(telKwartalenOp(p.sleutel, -4)) : p.soort === 'jaar' ? jaar(p.jaar - 1) : halfjaar(p.jaar - 1, p.sleutel.endsWith('H1') ? 1 : 2);

/** The period just before: the previous half year or year. */
export const periodeVorige = (p: Periode): Periode =>
  p.soort === 'kwartaal' ? kwartaalPeriode(telKwartalenOp(p.sleutel, -1)) : p.soort === 'jaar' ? jaar(p.jaar - 1) : p.sleutel.endsWith('H2') ? halfjaar(p.jaar, 1) : halfjaar(p.jaar - 1, 2);

/** `januari t/m juni 2026`, `juli t/m december 2026`, `2025` */
export function periodeVoluit(p: Periode): string {
  if (p.soort === 'kwartaal') return kwartaalVoluit(p.sleutel);
  if (p.soort === 'jaar') return String(p.jaar);
  return p.sleutel.endsWith('H1') ? `januari t/m juni ${p.jaar}` : `juli t/m december ${p.jaar}`;
}

/** `H1 2026`, `2025` */
export const periodeKort = (p: Periode): string => (p.soort === 'kwartaal' ? kwartaalKort(p.sleutel) : p.soort === 'jaar' ? String(p.jaar) : `${p.sleutel.slice(5)} ${p.jaar}`);

/** `het eerste halfjaar van 2026`, `2025` (in a sentence: "In … kwamen …") */
export const periodeInZin = (p: Periode): string =>
  p.soort === 'kwartaal' ? `het ${kwartaalVoluit(p.sleutel)}` : p.soort === 'jaar' ? String(p.jaar) : `het ${p.sleutel.endsWith('H1') ? 'eerste' : 'tweede'} halfjaar van ${p.jaar}`;

export const rapportSoortNaam = (p: Periode): string => (p.soort === 'jaar' ? 'Jaarrapportage' : 'Halfjaarrapportage');

/** Stocks on the period's last day: the last quarter's value. */
const VOORRADEN = new Set([
  'open_vb', 'open_vb_over_termijn', 'open_onderzoeken', 'open_onderzoeken_over_termijn', 'open_vv', 'open_vv_over_termijn',
  'in_monitoring', 'leeftijd_open_werk',
  // beleidsmonitoring (definitions 2027.1): the waiting lists and their ages on the last day
  'wacht_op_vervolgkeuze', 'wacht_op_start_onderzoek', 'wacht_op_start_vv', 'wacht_dagen',
]);

/** Percentages recomputed on the period's counts: key → [teller, noemer]. */
export const PERIODE_PERCENTAGES: Record<string, [string, string]> = {
  vb_binnen_termijn_pct: ['vb_binnen_termijn', 'meldingen_vb'],
  onderzoeken_binnen_termijn_pct: ['onderzoeken_binnen_termijn', 'onderzoeken_afgerond'],
  vv_binnen_termijn_pct: ['vv_binnen_termijn', 'vv_afgerond'],
  onderzoeken_monitoring_pct: ['onderzoeken_monitoring_conform', 'onderzoeken_monitoring_verwacht'],
  vv_monitoring_pct: ['vv_monitoring_conform', 'vv_monitoring_verwacht'],
  monitoring_3m_pct: ['monitoring_3m_tijdig', 'monitoring_3m_gepland'],
  monitoring_12m_pct: ['monitoring_12m_tijdig', 'monitoring_12m_gepland'],
  onderzoeken_gestart_pct: ['onderzoeken_gestart_binnen_termijn', 'onderzoeken_gestart'],
};

const DOORLOOPTIJDEN: Record<string, HistogramSleutel> = {
  doorlooptijd_vb_werkdagen: 'vb_werkdagen', doorlooptijd_onderzoek_dagen: 'onderzoek_dagen', doorlooptijd_vv_dagen: 'vv_dagen',
};

/** Not summed: recomputed (groei, per 1,000) or only meaningful per quarter (the weeks of a quarter). */
const NIET_OPTELLEN = new Set(['groei', 'per_1000_inwoners', 'histogrammen', 'vb_per_week']);

/** Sum of numbers and of objects of numbers, key by key; anything else (hidden, unknown) makes the sum null. */
function optellen(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)
    && !('onderdrukt' in a) && !('onderdrukt' in b)) {
    const uit: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) uit[k] = optellen((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
    return uit;
  }
  return null;
}

const isLeeg = (w: Waarden) => Object.keys(w).length === 0;

/**
 * The period's values of one gebied from its quarters' stored values (in time order; quarters
 * without data are empty objects). `inwoners`: for the per-1,000 figures (null: none).
 */
export function periodeWaarden(perKwartaal: Waarden[], inwoners: number | null): Waarden {
  const met = perKwartaal.filter((w) => !isLeeg(w));
  if (met.length === 0) return {};
  const laatste = met.at(-1)!;
  const uit: Waarden = {};
  for (const sleutel of new Set(met.flatMap((w) => Object.keys(w)))) {
    if (VOORRADEN.has(sleutel)) uit[sleutel] = laatste[sleutel] ?? null;
    else if (sleutel in PERIODE_PERCENTAGES || sleutel in DOORLOOPTIJDEN || NIET_OPTELLEN.has(sleutel)) continue;
    else if (sleutel.endsWith('_pct')) uit[sleutel] = null; // a percentage this module does not know: never a wrong one
    else uit[sleutel] = met.reduce<unknown>((som, w) => optellen(som, w[sleutel] ?? (typeof som === 'number' ? 0 : undefined)), undefined);
  }
  for (const [pct, [teller, noemer]] of Object.entries(PERIODE_PERCENTAGES)) {
    if (!met.some((w) => pct in w)) continue;
    const t = uit[teller];
    const n = uit[noemer];
    uit[pct] = typeof t === 'number' && typeof n === 'number' ? percentage(t, n) : null;
  }
  const histogrammen = met.map((w) => w.histogrammen as OpgeslagenHistogrammen | undefined);
  for (const [sleutel, h] of Object.entries(DOORLOOPTIJDEN)) {
    if (met.some((w) => sleutel in w)) uit[sleutel] = periodeMediaan(histogrammen, h);
  }
  uit.vb_per_week = met.flatMap((w) => (Array.isArray(w.vb_per_week) ? w.vb_per_week : []));
  if (inwoners !== null) {
    uit.per_1000_inwoners = Object.fromEntries(PER_1000_INDICATOREN.map((k) => [k, typeof uit[k] === 'number' ? per1000(uit[k] as number, inwoners) : null]));
  }
  return uit;
}

/** Growth of the period against the same period a year earlier (`_yoy`) and against the period before (`_vorige`). */
export function periodeGroei(nu: Waarden, vorigJaar: Waarden, vorige: Waarden): Record<string, number | null> {
  const a = (w: Waarden, k: string) => (typeof w[k] === 'number' ? (w[k] as number) : null);
  const totaal = (w: Waarden) => { const x = a(w, 'adviezen'); const y = a(w, 'meldingen'); return x === null || y === null ? null : x + y; };
  return {
    meldingen_yoy: groei(a(nu, 'meldingen'), a(vorigJaar, 'meldingen')),
    adviezen_yoy: groei(a(nu, 'adviezen'), a(vorigJaar, 'adviezen')),
    totaal_yoy: groei(totaal(nu), totaal(vorigJaar)),
    meldingen_vorige: groei(a(nu, 'meldingen'), a(vorige, 'meldingen')),
    adviezen_vorige: groei(a(nu, 'adviezen'), a(vorige, 'adviezen')),
    totaal_vorige: groei(totaal(nu), totaal(vorige)),
  };
}
