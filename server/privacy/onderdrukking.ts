/**
 * Protection of small numbers for what a gemeente user sees or downloads and for the gemeente
 * factsheets (as CBS does for Veilig Thuis figures). Pure functions on the stored indicator
 * values of one kwartaal × gebied, driven by the indicator catalogue.
 *
 * Method (see docs/privacy.md): the publication step has two stages. First every count — a count
 * in the quarter, a stock on its last day, every part of a distribution — is rounded to the nearest
 * multiple of the grondtal (5) and the auditor (controle.ts) hides what the identities would pin
 * down (`beschermTellingen`). Then every dependent figure is derived from those published counts
 * only (`beschermWaarden`): a share is round(100 × teller / noemer, 1) of the published teller and
 * noemer, a per-1,000 figure is published count × 1,000 / inwoners, growth is the change of the
 * published counts of this quarter and the one it is compared with. Nothing derived from an exact
 * count leaves; one rounding rule (half away from zero, `shared/getallen.ts`). A share, growth or
 * median on a published base below `minNoemer` is not shown (`.`). Rounding is the same for every quarter and every identity between counts
 * (stocks, distributions, region and gemeenten, series): differences of rounded counts never give
 * an exact small count back, which suppression cannot promise across quarters.
 *
 * A key figure's share whose quarter is too small (`kwartaalNoemer`) is also given over the last
 * four quarters together (`laatste_4_kwartalen`), from the rounded sums.
 */
import { beschermklasse, PER_SLEUTEL, type Indicator } from '../indicatoren/catalogus.js';
import { afrondenOp, groei, percentage, per1000 } from '../shared/getallen.js';
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

/** Nearest multiple of the grondtal (the one rounding rule, half away from zero): with 5, 0–2 → 0, 3–7 → 5, 8–12 → 10. */
export function rondAf(n: number, grondtal: number): number {
  return afrondenOp(n, grondtal);
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

// Stage 2 of the publication step: the derived figures, each from published counts only (null:
// hidden or unknown). Quarter (beschermWaarden) and period (rapportage/periode.ts) use the same three.

/** A share: round(100 × teller / noemer, 1) of the published counts; hidden when the published noemer is below `minNoemer`. */
export function publiceerAandeel(t: number | null, n: number | null, beleid: Beleid): number | Onderdrukt {
  if (t === null || n === null || n < beleid.minNoemer) return ONDERDRUKT;
  return percentage(Math.min(t, n), n) ?? ONDERDRUKT;
}

/** Per 1,000 inwoners: published count × 1,000 / inwoners, two decimals; null without a population, hidden for a hidden count. */
export function publiceerPer1000(aantal: number | null, inwoners: number | null): number | null | Onderdrukt {
  if (inwoners === null) return null;
  return aantal === null ? ONDERDRUKT : (per1000(aantal, inwoners) ?? ONDERDRUKT);
}

/** Growth of one published count against another, one decimal; hidden when either is hidden or below `minNoemer`. */
export function publiceerGroei(nu: number | null, oud: number | null, beleid: Beleid): number | Onderdrukt {
  if (nu === null || oud === null || nu < beleid.minNoemer || oud < beleid.minNoemer) return ONDERDRUKT;
  return groei(nu, oud) ?? ONDERDRUKT;
}

function aandeel(r: Waarden, i: Indicator, beleid: Beleid): unknown {
  const [teller, noemer] = i.uit as [string, string];
  return publiceerAandeel(getal(r, teller), getal(r, noemer), beleid);
}

/** What the publication step needs besides the values of the quarter itself. */
export interface Publicatiecontext {
  /**
   * The unprotected values of the four quarters before, newest first, by position (an empty
   * object where a quarter has no data): [Q−1, Q−2, Q−3, Q−4]. Growth compares with the published
   * counts of Q−1 and Q−4; the four-quarter key figures sum Q and Q−1 … Q−3.
   */
  historie?: Waarden[];
  isRegio?: boolean;
  /** the population a per-1,000 figure divides by (null: none, the figure is null) */
  inwoners?: number | null;
}

const tellingCache = new WeakMap<object, Map<string, Waarden>>();

/**
 * Stage 1 of the publication step: the published counts of one kwartaal × gebied. Every count is
 * rounded (a stock is hidden per gemeente), then the auditor hides what the identities of this
 * quarter pin down. Only counts: nothing derived. Memoized per values object (a quarter is the
 * comparison quarter of several others).
 */
export function beschermTellingen(origineel: Waarden, beleid: Beleid, isRegio = false): Waarden {
  const cacheSleutel = `${beleid.grondtal}|${isRegio}`;
  const cached = tellingCache.get(origineel)?.get(cacheSleutel);
  if (cached) return cached;
  const g = beleid.grondtal;
  const r: Waarden = {};
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
  const perBeleid = tellingCache.get(origineel) ?? new Map<string, Waarden>();
  perBeleid.set(cacheSleutel, r);
  tellingCache.set(origineel, perBeleid);
  return r;
}

/**
 * The publication step for one gebied and quarter: the protected copy of its values. Stage 1
 * publishes the counts (`beschermTellingen`); stage 2 derives every other figure from the
 * published counts only — shares, per-1,000, growth (against the published counts of the quarter
 * before and a year before), medians shown or hidden by their published base — or hides it
 * (`{ "onderdrukt": true }`). A key the catalogue does not know never leaves: it is dropped.
 * `historie` may also be given as the third argument (the unprotected quarters before, newest first).
 */
export function beschermWaarden(origineel: Waarden, beleid: Beleid, context: Publicatiecontext | Waarden[] = {}, isRegioArg = false): Waarden {
  const ctx: Publicatiecontext = Array.isArray(context) ? { historie: context, isRegio: isRegioArg } : context;
  const isRegio = ctx.isRegio ?? false;
  const historie = ctx.historie ?? [];
  const r: Waarden = { ...beschermTellingen(origineel, beleid, isRegio) };
  for (const [k, v] of Object.entries(r)) if (v !== null && typeof v === 'object') r[k] = structuredClone(v);
  const vergelijk = (d: number): Waarden | null => {
    const w = historie[d - 1];
    return w && Object.keys(w).length > 0 ? beschermTellingen(w, beleid, isRegio) : null;
  };
  for (const [k, v] of Object.entries(origineel)) {
    const i = PER_SLEUTEL.get(k);
    if (!i || k in r) continue;
    if (beschermklasse(i) === 'niet_openbaar') continue;
    if (i.soort === 'aandeel') r[k] = aandeel(r, i, beleid);
    else if (i.soort === 'mediaan') r[k] = mediaan(v, i, r, beleid);
    else if (i.soort === 'per1000')
      r[k] =
        v === null || typeof v !== 'object'
          ? null
          : per1000Waarden(
              Object.keys(v as Waarden).filter((x) => i.uit.includes(x)),
              r,
              ctx.inwoners ?? null,
            );
    else if (i.soort === 'groei') r[k] = groeiWaarden(v, i, r, vergelijk(1), vergelijk(4), beleid);
    else r[k] = verbergAlles(v);
  }
  const vier = vierKwartalen(
    origineel,
    r,
    historie.slice(0, 3).filter((w) => Object.keys(w).length > 0),
    beleid,
  );
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

/**
 * Per 1,000 inwoners from the published count only: published × 1,000 / inwoners (two decimals,
 * half away from zero). Equal published counts give equal rates; a hidden count has no rate.
 */
function per1000Waarden(sleutels: string[], r: Waarden, inwoners: number | null): Waarden {
  const uit: Waarden = {};
  for (const k of sleutels) uit[k] = publiceerPer1000(getal(r, k), inwoners);
  return uit;
}

/**
 * Growth from the published counts only: this quarter's published count against the published
 * count of the quarter before (`_qoq`) or a year before (`_yoy`), one decimal, half away from
 * zero. Hidden when either is hidden, missing or below `minNoemer`.
 */
function groeiWaarden(v: unknown, i: Indicator, r: Waarden, vorigKwartaal: Waarden | null, vorigJaar: Waarden | null, beleid: Beleid): unknown {
  if (v === null || typeof v !== 'object') return ONDERDRUKT;
  const uit: Waarden = {};
  for (const k of Object.keys(v as Waarden)) {
    const m = /^(.*)_(qoq|yoy)$/.exec(k);
    const telling = m ? i.delen?.[m[1]!] : undefined;
    const toen = m?.[2] === 'qoq' ? vorigKwartaal : vorigJaar;
    const nu = telling ? getal(r, telling) : null;
    const oud = telling && toen ? getal(toen, telling) : null;
    uit[k] = publiceerGroei(nu, oud, beleid);
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
  const [sLo, sHi] = interval(
    rondAf(
      exact.reduce((s, n) => s + n, 0),
      grondtal,
    ),
    grondtal,
  );
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
    const som = (xs: number[]) =>
      somVeilig(xs, g)
        ? rondAf(
            xs.reduce((s, x) => s + x, 0),
            g,
          )
        : xs.reduce((s, x) => s + rondAf(x, g), 0);
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

/** The one sign of a protected count rounded to 0 (with grondtal 5: 0, 1 or 2): "< 3", in tables, chart labels, tooltips and PDFs. */
export const kleinTeken = (b: Beleid): string => `< ${Math.ceil(b.grondtal / 2)}`;

/** Its line in the verklaring van tekens. */
export const kleinUitleg = (b: Beleid): string => `beschermd aantal: ${Math.ceil(b.grondtal / 2) - 1} of minder, afgerond op 0 (kan ook 0 zijn)`;

export function beleidTekst(b: Beleid): string {
  return (
    `Alle aantallen zijn afgerond op veelvouden van ${b.grondtal} (${kleinTeken(b)}: afgerond ` +
    `op 0); percentages, groei en cijfers per 1.000 inwoners uit de afgeronde aantallen, niet getoond ` +
    `(.) op minder dan ${b.minNoemer}; een kerncijfer op minder dan ${b.kwartaalNoemer} in het ` +
    `kwartaal over de laatste 4 kwartalen.`
  );
}
