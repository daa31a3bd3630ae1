/**
 * Protection of small numbers for what a gemeente user sees or downloads and for the gemeente
 * factsheets (as CBS does for Veilig Thuis figures). Pure functions on the stored indicator
 * values of one kwartaal × gebied, driven by the indicator catalogue.
 *
 * Method (see docs/privacy.md): every count — a count in the quarter, a stock on its last day,
 * every part of a distribution — is rounded to the nearest multiple of the grondtal (5). Shares,
 * per-1,000 figures and growth are computed again from those rounded counts, so no figure carries
 * more than the rounded counts do; a share, growth or median on a rounded base below `minNoemer`
 * is not shown (`.`). Rounding is the same for every quarter and every identity between counts
 * (stocks, distributions, region and gemeenten, series): differences of rounded counts never give
 * an exact small count back, which suppression cannot promise across quarters.
 *
 * A key figure's share whose quarter is too small (`kwartaalNoemer`) is also given over the last
 * four quarters together (`laatste_4_kwartalen`), from the rounded sums.
 */
import { beschermklasse, PER_SLEUTEL, type Indicator } from '../indicatoren/catalogus.js';
import { percentage, per1000 } from '../shared/getallen.js';
import { verbergVastgepind } from './controle.js';

export interface Beleid {
  methode: 'afronden';
  /** counts are rounded to a multiple of this */
  grondtal: number;
  /** a share, growth or median on a (rounded) base below this is not shown */
  minNoemer: number;
  /** a key figure's share on a smaller quarter base is given over the last four quarters */
  kwartaalNoemer: number;
}

export const STANDAARD_BELEID: Beleid = { methode: 'afronden', grondtal: 5, minNoemer: 10, kwartaalNoemer: 50 };

export const ONDERDRUKT = Object.freeze({ onderdrukt: true as const });
export type Onderdrukt = typeof ONDERDRUKT;
export const isOnderdrukt = (v: unknown): v is Onderdrukt => typeof v === 'object' && v !== null && (v as { onderdrukt?: unknown }).onderdrukt === true;

type Waarden = Record<string, unknown>;

/** Nearest multiple of the grondtal (halves up): with 5, 0–2 → 0, 3–7 → 5, 8–12 → 10. */
export function rondAf(n: number, grondtal: number): number {
  return Math.floor(n / grondtal + 0.5) * grondtal;
}

function rondAfDiep(v: unknown, grondtal: number): unknown {
  if (typeof v === 'number') return rondAf(v, grondtal);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return Object.fromEntries(Object.entries(v as Waarden).map(([k, x]) => [k, rondAfDiep(x, grondtal)]));
  }
  return v === null ? null : ONDERDRUKT;
}

/** The value at a dotted path; undefined when absent. */
export function waardeOp(w: Waarden, pad: string): unknown {
  let v: unknown = w;
  for (const p of pad.split('.')) v = v !== null && typeof v === 'object' ? (v as Waarden)[p] : undefined;
  return v;
}

const getal = (w: Waarden, pad: string): number | null => {
  const v = waardeOp(w, pad);
  return typeof v === 'number' ? v : null;
};

const verbergAlles = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !isOnderdrukt(v) ? Object.fromEntries(Object.entries(v as Waarden).map(([k, x]) => [k, verbergAlles(x)])) : ONDERDRUKT;

/** The share from rounded counts, or hidden on a small base. */
function aandeel(r: Waarden, i: Indicator, beleid: Beleid): unknown {
  const [teller, noemer] = i.uit as [string, string];
  const t = getal(r, teller);
  const n = getal(r, noemer);
  if (t === null || n === null || n < beleid.minNoemer) return ONDERDRUKT;
  return percentage(Math.min(t, n), n);
}

/**
 * The protected copy of one gebied's values: counts rounded, the rest recomputed from the rounded
 * counts or hidden (`{ "onderdrukt": true }`). `historie`: the unprotected values of the three
 * quarters before (newest first), for the four-quarter key figures. A key the catalogue does not
 * know never leaves: it is dropped.
 */
export function beschermWaarden(origineel: Waarden, beleid: Beleid, historie: Waarden[] = [], isRegio = false): Waarden {
  const g = beleid.grondtal;
  const r: Waarden = {};
  // first every count, so that the derived figures can be computed from the rounded ones
  for (const [k, v] of Object.entries(origineel)) {
    const i = PER_SLEUTEL.get(k);
    if (!i) continue;
    const klasse = beschermklasse(i);
    if (klasse === 'afronden' || (klasse === 'alleen_regio' && isRegio)) r[k] = rondAfDiep(v, g);
    else if (klasse === 'alleen_regio') r[k] = verbergAlles(v);
    else if (typeof klasse === 'object') r[k] = structuredClone(v);
  }
  // what the identities of this quarter would pin down among the rounded counts is hidden (controle.ts)
  verbergVastgepind(r, g, isRegio, ONDERDRUKT);
  for (const [k, v] of Object.entries(origineel)) {
    const i = PER_SLEUTEL.get(k);
    if (!i || k in r) continue;
    if (beschermklasse(i) === 'niet_openbaar') continue;
    if (i.soort === 'aandeel') r[k] = aandeel(r, i, beleid);
    else if (i.soort === 'mediaan') r[k] = mediaan(v, i, r, beleid);
    else if (i.soort === 'per1000') r[k] = per1000Waarden(v, origineel, r);
    else if (i.soort === 'groei') r[k] = groeiWaarden(v, i, origineel, r, beleid);
    else r[k] = verbergAlles(v);
  }
  const vier = vierKwartalen(origineel, r, historie, beleid);
  if (vier) r.laatste_4_kwartalen = vier;
  return r;
}

function mediaan(v: unknown, i: Indicator, r: Waarden, beleid: Beleid): unknown {
  const groot = (basis: string | undefined) => basis !== undefined && (getal(r, basis) ?? 0) >= beleid.minNoemer;
  if (v === null || typeof v !== 'object') return ONDERDRUKT;
  if (i.delen) {
    // an object per list, each with its own base (wacht_dagen)
    return Object.fromEntries(Object.entries(v as Waarden).map(([k, x]) => [k, groot(i.delen![k]) ? structuredClone(x) : verbergAlles(x)]));
  }
  return groot(i.uit[0]) ? structuredClone(v) : verbergAlles(v);
}

/** Per 1,000 from the rounded count: the value scaled by rounded/exact (exact for a gemeente; the region's own gemeenten are near enough). */
function per1000Waarden(v: unknown, origineel: Waarden, r: Waarden): unknown {
  if (v === null || typeof v !== 'object') return v === null ? null : ONDERDRUKT;
  const uit: Waarden = {};
  for (const [k, x] of Object.entries(v as Waarden)) {
    const exact = getal(origineel, k);
    const rond = getal(r, k);
    if (typeof x !== 'number' || exact === null || rond === null) uit[k] = x === null ? null : ONDERDRUKT;
    else if (exact === 0) uit[k] = rond === 0 ? 0 : ONDERDRUKT;
    else {
      const inwoners = (exact * 1000) / x;
      uit[k] = per1000(rond, inwoners) ?? ONDERDRUKT;
    }
  }
  return uit;
}

/** Growth from the rounded counts; the comparison quarter's count is recovered from the growth (one decimal suffices below 2,000). */
function groeiWaarden(v: unknown, i: Indicator, origineel: Waarden, r: Waarden, beleid: Beleid): unknown {
  if (v === null || typeof v !== 'object') return ONDERDRUKT;
  const g = beleid.grondtal;
  const uit: Waarden = {};
  for (const [k, x] of Object.entries(v as Waarden)) {
    const naam = k.replace(/_(qoq|yoy)$/, '');
    const telling = i.delen?.[naam];
    const nu = telling ? getal(origineel, telling) : null;
    // a count the auditor hid has no growth either (it would give the rounded count back)
    if (typeof x !== 'number' || nu === null || getal(r, telling!) === null) {
      uit[k] = ONDERDRUKT;
      continue;
    }
    const vorig = Math.round((nu * 100) / (100 + x));
    const rNu = rondAf(nu, g);
    const rVorig = rondAf(vorig, g);
    uit[k] = rNu < beleid.minNoemer || rVorig < beleid.minNoemer ? ONDERDRUKT : Math.round(((rNu - rVorig) / rVorig) * 1000) / 10;
  }
  return uit;
}

export interface VierKwartalen {
  /** the share over the four quarters, from the rounded sums */
  pct: number | Onderdrukt;
  /** the rounded sum of the base */
  n: number | Onderdrukt;
}

/** What a published rounded count tells: the true count lies in [lo, hi]. */
function interval(gepubliceerd: number, grondtal: number): [number, number] {
  const half = Math.floor((grondtal - 1) / 2);
  return [Math.max(0, gepubliceerd - half), gepubliceerd + half];
}

/**
 * Whether the rounded sum of four quarters narrows none of their published intervals: each
 * quarter's interval must stay whole when the others range over theirs and the sum over its own
 * (the check of statistical disclosure control on a derived cell). Four quarters of 2 (each
 * published 0, so [0, 2]) sum to 8, rounded 10, [8, 12]: that would pin all four to 2, and is not
 * published.
 */
function somVeilig(exact: number[], grondtal: number): boolean {
  const iv = exact.map((n) => interval(rondAf(n, grondtal), grondtal));
  const [sLo, sHi] = interval(rondAf(exact.reduce((s, n) => s + n, 0), grondtal), grondtal);
  const somLo = iv.reduce((s, [lo]) => s + lo, 0);
  const somHi = iv.reduce((s, [, hi]) => s + hi, 0);
  return iv.every(([lo, hi]) => sLo - (somHi - hi) <= lo && sHi - (somLo - lo) >= hi);
}

/**
 * Key-figure shares whose quarter base is below `kwartaalNoemer`, over this and the three quarters
 * before. Teller and noemer are each the rounded sum of the four quarters when that narrows no
 * quarter's published interval (`somVeilig`), else the sum of the four published (rounded)
 * quarters, which tells nothing new. Hidden when the base is below `minNoemer`.
 */
function vierKwartalen(origineel: Waarden, r: Waarden, historie: Waarden[], beleid: Beleid): Record<string, VierKwartalen> | null {
  const uit: Record<string, VierKwartalen> = {};
  const g = beleid.grondtal;
  for (const i of PER_SLEUTEL.values()) {
    if (!i.kern || !(i.sleutel in origineel)) continue;
    const [teller, noemer] = i.uit as [string, string];
    if ((getal(r, noemer) ?? 0) >= beleid.kwartaalNoemer) continue;
    const vier = [origineel, ...historie.slice(0, 3)];
    const tellers = vier.map((w) => getal(w, teller));
    const noemers = vier.map((w) => getal(w, noemer));
    const geheim = { pct: ONDERDRUKT, n: ONDERDRUKT };
    // a teller or noemer the auditor hid in this quarter: a sum with it would give it back
    if (vier.length < 4 || tellers.includes(null) || noemers.includes(null) || getal(r, teller) === null || getal(r, noemer) === null) {
      uit[i.sleutel] = geheim;
      continue;
    }
    const som = (xs: number[]) => (somVeilig(xs, g) ? rondAf(xs.reduce((s, x) => s + x, 0), g) : xs.reduce((s, x) => s + rondAf(x, g), 0));
    const t = som(tellers as number[]);
    const n = som(noemers as number[]);
    uit[i.sleutel] = n < beleid.minNoemer ? geheim : { pct: percentage(Math.min(t, n), n)!, n };
  }
  return Object.keys(uit).length > 0 ? uit : null;
}

/** For display: suppressed values become null (`.` in tables, a gap in charts). */
export function alsNull(w: Waarden): Waarden {
  const uit: Waarden = {};
  for (const [k, v] of Object.entries(w)) {
    if (isOnderdrukt(v)) uit[k] = null;
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) uit[k] = alsNull(v as Waarden);
    else uit[k] = v;
  }
  return uit;
}

export function beleidTekst(b: Beleid): string {
  return `Alle aantallen zijn afgerond op veelvouden van ${b.grondtal} (0: minder dan ${Math.ceil(b.grondtal / 2)}); percentages, groei en cijfers per 1.000 inwoners uit de afgeronde aantallen, niet getoond (.) op minder dan ${b.minNoemer}; een kerncijfer op minder dan ${b.kwartaalNoemer} in het kwartaal over de laatste 4 kwartalen.`;
}
