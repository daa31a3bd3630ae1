/**
 * The forecast of a year's instroom and the scenario paths: pure functions, no I/O.
 *
 * Method (docs/indicatoren.md#prognose): on the peildatum (cut-off day, inclusive) the part of the
 * year still to come follows from the seasonal pattern of earlier complete years: each earlier
 * year's share of its own year total that it had reached by the same month-day. The forecast is
 * `waargenomen / mean share`. The 80 % interval comes from the errors of the same method on the
 * earlier years (backtest: year X forecast from X's own cut-off with only data dated up to it).
 */
import { afronden } from '../shared/getallen.js';

/** Registrations per day of binnenkomst (ISO date → count) of one soort. */
export type Dagreeks = ReadonlyMap<string, number>;

export interface BacktestJaar {
  jaar: number;
  peildatum: string;
  verwacht: number;
  gerealiseerd: number;
  /** (verwacht − gerealiseerd) / gerealiseerd, as a fraction */
  relatieve_fout: number;
}

export interface Voorspelling {
  waargenomen: number;
  /** null: no earlier complete year, or the year has not begun */
  verwacht: number | null;
  ondergrens: number | null;
  bovengrens: number | null;
  /** mean share of the year total reached by the cut-off's month-day in the reference years */
  aandeel: number | null;
  referentiejaren: number[];
  backtest: BacktestJaar[];
  /** how the interval was found, or why there is none */
  interval: string;
}

/** Fewer backtest years than this: the interval is ± the largest error seen (percentiles need a few years). */
export const MIN_JAREN_PERCENTIEL = 5;

const som = (reeks: Dagreeks, van: string, tot: string): number => {
  let s = 0;
  for (const [d, n] of reeks) if (d >= van && d <= tot) s += n;
  return s;
};

/** Only what is dated on or before the cut-off: the backtest sees nothing else. */
export function tot(reeks: Dagreeks, peildatum: string): Dagreeks {
  return new Map([...reeks].filter(([d]) => d <= peildatum));
}

/** Empirical percentile with linear interpolation between order statistics (type 7). */
export function percentiel(waarden: number[], p: number): number {
  const s = [...waarden].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!);
}

/**
 * The point forecast of `jaar` from `reeks` (which must hold nothing after `peildatum`), with the
 * complete years from `eersteDag` (first day of the data) on as reference. No interval.
 */
export function puntVoorspelling(
  reeks: Dagreeks,
  jaar: number,
  peildatum: string,
  eersteDag: string,
): { waargenomen: number; verwacht: number | null; aandeel: number | null; referentiejaren: number[] } {
  const begin = `${jaar}-01-01`;
  const eind = `${jaar}-12-31`;
  const waargenomen = som(reeks, begin, peildatum < eind ? peildatum : eind);
  if (peildatum >= eind) return { waargenomen, verwacht: waargenomen, aandeel: 1, referentiejaren: [] };
  if (peildatum < begin) return { waargenomen: 0, verwacht: null, aandeel: null, referentiejaren: [] };
  const md = peildatum.slice(4);
  const eersteJaar = Number(eersteDag.slice(0, 4)) + (eersteDag.slice(5) === '01-01' ? 0 : 1);
  const referentiejaren: number[] = [];
  const aandelen: number[] = [];
  for (let x = eersteJaar; x < jaar; x++) {
    const totaal = som(reeks, `${x}-01-01`, `${x}-12-31`);
    if (totaal === 0) continue;
    referentiejaren.push(x);
    aandelen.push(som(reeks, `${x}-01-01`, `${x}${md}`) / totaal);
  }
  if (aandelen.length === 0) return { waargenomen, verwacht: null, aandeel: null, referentiejaren };
  const aandeel = aandelen.reduce((a, b) => a + b, 0) / aandelen.length;
  const verwacht = aandeel === 0 ? (waargenomen === 0 ? 0 : null) : Math.max(waargenomen, waargenomen / aandeel);
  return { waargenomen, verwacht, aandeel, referentiejaren };
}

/** Forecast with its backtest and 80 % interval. `reeks` may hold data after the peildatum: it is cut off first. */
export function voorspel(volledig: Dagreeks, jaar: number, peildatum: string, eersteDag: string): Voorspelling {
  const reeks = tot(volledig, peildatum);
  const punt = puntVoorspelling(reeks, jaar, peildatum, eersteDag);
  const md = peildatum.slice(4);
  const backtest: BacktestJaar[] = [];
  for (const x of punt.referentiejaren) {
    const pd = `${x}${md}` > `${x}-12-31` ? `${x}-12-31` : md === '-02-29' ? `${x}-02-28` : `${x}${md}`;
    // the backtest of year X sees only data dated up to X's own cut-off
    const p = puntVoorspelling(tot(reeks, pd), x, pd, eersteDag);
    const gerealiseerd = som(reeks, `${x}-01-01`, `${x}-12-31`);
    if (p.verwacht === null || gerealiseerd === 0) continue;
    backtest.push({ jaar: x, peildatum: pd, verwacht: p.verwacht, gerealiseerd, relatieve_fout: (p.verwacht - gerealiseerd) / gerealiseerd });
  }
  const basis = { ...punt, backtest };
  if (punt.verwacht === null)
    return { ...basis, ondergrens: null, bovengrens: null, interval: 'geen prognose: geen eerder compleet jaar of het jaar is nog niet begonnen' };
  if (punt.aandeel === 1) return { ...basis, ondergrens: punt.verwacht, bovengrens: punt.verwacht, interval: 'het jaar is compleet' };
  const fouten = backtest.map((b) => b.relatieve_fout);
  if (fouten.length === 0) return { ...basis, ondergrens: null, bovengrens: null, interval: 'geen interval: geen jaar om de methode op te toetsen' };
  let lo: number;
  let hi: number;
  let interval: string;
  if (fouten.length >= MIN_JAREN_PERCENTIEL) {
    lo = percentiel(fouten, 0.1);
    hi = percentiel(fouten, 0.9);
    interval = `10e en 90e percentiel van de relatieve fouten van ${fouten.length} eerdere jaren`;
  } else {
    const m = Math.max(...fouten.map(Math.abs));
    lo = -m;
    hi = m;
    interval =
      `plus en min de grootste relatieve fout van ${fouten.length} eerdere ${fouten.length === 1 ? 'jaar' : 'jaren'} ` + `(te weinig jaren voor percentielen)`;
  }
  // realised = forecast / (1 + error): an over-forecast (error > 0) means the truth is lower
  const ondergrens = Math.max(punt.waargenomen, punt.verwacht / (1 + hi));
  const bovengrens = lo <= -1 ? null : Math.max(ondergrens, punt.verwacht / (1 + lo));
  return { ...basis, ondergrens, bovengrens, interval };
}

export type ScenarioNaam = 'laag' | 'midden' | 'hoog';
export const SCENARIOS: readonly ScenarioNaam[] = ['laag', 'midden', 'hoog'];

/** Growth in percent per year: one figure for every year, or per year (a year not listed takes the latest listed before it, else the first). */
export type Groei = number | Record<string, number>;

export function groeiIn(groei: Groei, jaar: number): number {
  if (typeof groei === 'number') return groei;
  const jaren = Object.keys(groei)
    .map(Number)
    .sort((a, b) => a - b);
  const eerder = jaren.filter((j) => j <= jaar);
  return groei[String(eerder.length > 0 ? eerder[eerder.length - 1]! : jaren[0]!)]!;
}

/** The instroom on a path: basis in the base year, then × (1 + g/100) for every later year. Unrounded. */
export function scenarioPad(basis: number, basisjaar: number, groei: Groei, jaar: number): number | null {
  if (jaar < basisjaar) return null;
  let v = basis;
  for (let j = basisjaar + 1; j <= jaar; j++) v *= 1 + groeiIn(groei, j) / 100;
  return v;
}

/** Rounded for output: counts to the grondtal (as every count that leaves the server), errors to 0.1 %. */
export function rondVoorspelling(v: Voorspelling, rond: (n: number) => number) {
  const r = (n: number | null) => (n === null ? null : rond(n));
  return {
    waargenomen: rond(v.waargenomen),
    verwacht: r(v.verwacht),
    ondergrens: r(v.ondergrens),
    bovengrens: r(v.bovengrens),
    backtest: v.backtest.map((b) => ({
      jaar: b.jaar,
      peildatum: b.peildatum,
      verwacht: rond(b.verwacht),
      gerealiseerd: rond(b.gerealiseerd),
      relatieve_fout_pct: afronden(b.relatieve_fout * 100, 1),
    })),
  };
}
