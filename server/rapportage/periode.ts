/**
 * The board's longer periods: the half year (MARAP t/m juni, `2026-H1`, `2026-H2`) and the year
 * (`2025`), and how a period's figures are made of its stored quarters (pure):
 * - flows (adviezen, afgeronde onderzoeken, …) and their distributions are summed;
 * (each key by its rule in the catalogue, `periodeRegel`)
 * - percentages are recomputed on the summed counts, never averaged;
 * - stocks (open work, the waiting lists, in monitoring) are those of the period's last day;
 * - doorlooptijden (median, p90) come from the summed stored distributions (`histogrammen`), so
 *   they are the median of every registration of the period, not an average of quarter medians.
 */
import { telKwartalenOp, kwartaalKort, kwartaalReeks, kwartaalVoluit, type Kwartaal } from '../calendar/kwartaal.js';
import type { Waarden } from '../indicatoren/paneel.js';
import { CATALOGUS, IDENTITEITEN, PER_SLEUTEL, periodeRegel, type Indicator } from '../indicatoren/catalogus.js';
import { periodeMediaan, type OpgeslagenHistogrammen } from '../indicatoren/histogrammen.js';
import { isOnderdrukt, publiceerAandeel, publiceerGroei, publiceerPer1000, type Beleid, type Onderdrukt } from '../privacy/onderdrukking.js';
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
  p.soort === 'kwartaal'
    ? kwartaalPeriode(telKwartalenOp(p.sleutel, -4))
    : p.soort === 'jaar'
      ? jaar(p.jaar - 1)
      : halfjaar(p.jaar - 1, p.sleutel.endsWith('H1') ? 1 : 2);

/** The period just before: the previous half year or year. */
export const periodeVorige = (p: Periode): Periode =>
  p.soort === 'kwartaal'
    ? kwartaalPeriode(telKwartalenOp(p.sleutel, -1))
    : p.soort === 'jaar'
      ? jaar(p.jaar - 1)
      : p.sleutel.endsWith('H2')
        ? halfjaar(p.jaar, 1)
        : halfjaar(p.jaar - 1, 2);

/** `januari t/m juni 2026`, `juli t/m december 2026`, `2025` */
export function periodeVoluit(p: Periode): string {
  if (p.soort === 'kwartaal') return kwartaalVoluit(p.sleutel);
  if (p.soort === 'jaar') return String(p.jaar);
  return p.sleutel.endsWith('H1') ? `januari t/m juni ${p.jaar}` : `juli t/m december ${p.jaar}`;
}

/** `H1 2026`, `2025` */
export const periodeKort = (p: Periode): string =>
  p.soort === 'kwartaal' ? kwartaalKort(p.sleutel) : p.soort === 'jaar' ? String(p.jaar) : `${p.sleutel.slice(5)} ${p.jaar}`;

/** `het eerste halfjaar van 2026`, `2025` (in a sentence: "In … kwamen …") */
export const periodeInZin = (p: Periode): string =>
  p.soort === 'kwartaal'
    ? `het ${kwartaalVoluit(p.sleutel)}`
    : p.soort === 'jaar'
      ? String(p.jaar)
      : `het ${p.sleutel.endsWith('H1') ? 'eerste' : 'tweede'} halfjaar van ${p.jaar}`;

export const rapportSoortNaam = (p: Periode): string => (p.soort === 'jaar' ? 'Jaarrapportage' : 'Halfjaarrapportage');

/** The shares, recomputed on the period's counts: from the catalogue (teller and noemer of every `aandeel`). */
export const PERIODE_AANDELEN: readonly Indicator[] = CATALOGUS.filter((i) => i.soort === 'aandeel' && i.uit.length === 2);
const GROEI = CATALOGUS.find((i) => i.soort === 'groei')!;

/** Sum of numbers and of objects of numbers, key by key; anything else (hidden, unknown) makes the sum null. */
function optellen(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b) && !('onderdrukt' in a) && !('onderdrukt' in b)) {
    const uit: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) uit[k] = optellen((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
    return uit;
  }
  return null;
}

const isLeeg = (w: Waarden) => Object.keys(w).length === 0;

/**
 * The period's values of one gebied from its quarters' values (in time order; quarters without
 * data are empty objects), each key by its catalogue rule (`periodeRegel`). `inwoners`: for the
 * per-1,000 figures (null: none).
 *
 * `beleid`: the quarters are published values (the publication step, hidden values null or
 * `{onderdrukt}`), and so is the period: its counts are the sums of the published quarters (a
 * hidden quarter hides the sum), every share, rate and median derived from those sums by the
 * same functions as a quarter's (privacy/onderdrukking.ts). A year minus its quarters then tells
 * nothing the quarters did not (the same protection in every period).
 */
export function periodeWaarden(perKwartaal: Waarden[], inwoners: number | null, beleid?: Beleid): Waarden {
  // key by key over whatever is stored (catalogue rules decide); readers take typed keys from the result
  const met = perKwartaal.filter((w) => !isLeeg(w)) as Record<string, unknown>[];
  if (met.length === 0) return {};
  const laatste = met.at(-1)!;
  const uit: Record<string, unknown> = {};
  for (const sleutel of new Set(met.flatMap((w) => Object.keys(w)))) {
    const i = PER_SLEUTEL.get(sleutel);
    // a key the catalogue does not know has no rule: never a wrong sum or average
    const regel = i ? periodeRegel(i) : 'per_kwartaal';
    if (regel === 'laatste') uit[sleutel] = laatste[sleutel] ?? null;
    else if (regel === 'som')
      uit[sleutel] = met.reduce<unknown>((som, w) => optellen(som, sleutel in w ? w[sleutel] : typeof som === 'number' ? 0 : undefined), undefined);
    else if (sleutel.endsWith('_pct') && !i) uit[sleutel] = null;
  }
  const getal = (k: string) => (typeof uit[k] === 'number' ? (uit[k] as number) : null);
  for (const i of PERIODE_AANDELEN) {
    if (!met.some((w) => i.sleutel in w)) continue;
    const [t, n] = i.uit.map(getal) as [number | null, number | null];
    uit[i.sleutel] = beleid ? alsGetal(publiceerAandeel(t, n, beleid)) : t === null || n === null ? null : percentage(t, n);
  }
  const histogrammen = met.map((w) => w.histogrammen as OpgeslagenHistogrammen | undefined);
  for (const i of CATALOGUS) {
    if (i.soort !== 'mediaan' || !i.histogram || !met.some((w) => i.sleutel in w)) continue;
    const m = periodeMediaan(histogrammen, i.histogram);
    // published: only on a published base of at least minNoemer (as a quarter's median)
    const basis = getal(i.uit[0]!);
    uit[i.sleutel] = beleid && (basis === null || basis < beleid.minNoemer) ? { mediaan: null, p90: null } : m;
  }
  uit.vb_per_week = beleid ? [] : met.flatMap((w) => (Array.isArray(w.vb_per_week) ? w.vb_per_week : []));
  if (inwoners !== null) {
    uit.per_1000_inwoners = Object.fromEntries(
      PER_1000_INDICATOREN.map((k) => [k, beleid ? alsGetal(publiceerPer1000(getal(k), inwoners)) : getal(k) === null ? null : per1000(getal(k)!, inwoners)]),
    );
  }
  return uit;
}

/** A hidden published figure as null (the period values hold numbers or null, as the pages read them). */
const alsGetal = (v: number | null | Onderdrukt): number | null => (isOnderdrukt(v) ? null : v);

/**
 * Growth of the period against the same period a year earlier (`_yoy`) and against the period
 * before (`_vorige`), for the counts of the catalogue's `groei`. `beleid`: from published values,
 * hidden (null) on a base below minNoemer.
 */
export function periodeGroei(nu: Waarden, vorigJaar: Waarden, vorige: Waarden, beleid?: Beleid): Record<string, number | null> {
  const a = (w: Record<string, unknown>, k: string) => (typeof w[k] === 'number' ? (w[k] as number) : null);
  /** the count of a part of `groei`: summed where the period values do not carry it (adviezen + meldingen) */
  const telling = (w: Record<string, unknown>, k: string) => {
    if (k in w) return a(w, k);
    const delen = IDENTITEITEN.find((x) => x.soort === 'som' && x.totaal === k);
    if (!delen || delen.soort !== 'som') return null;
    const waarden = delen.delen.map((d) => a(w, d));
    return waarden.includes(null) ? null : (waarden as number[]).reduce((s, x) => s + x, 0);
  };
  const uit: Record<string, number | null> = {};
  for (const [suffix, toen] of [
    ['yoy', vorigJaar],
    ['vorige', vorige],
  ] as const) {
    for (const [naam, k] of Object.entries(GROEI.delen!)) {
      const n = telling(nu, k);
      const o = telling(toen, k);
      uit[`${naam}_${suffix}`] = beleid ? alsGetal(publiceerGroei(n, o, beleid)) : groei(n, o);
    }
  }
  return uit;
}
