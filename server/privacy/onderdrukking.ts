/**
 * Protection of small numbers for what a gemeente user sees or downloads and for the gemeente
 * factsheets (as CBS does for Veilig Thuis figures). Pure functions on the stored indicator
 * values of one kwartaal × gebied.
 *
 * Method `teken`: a count 1 … drempel−1 is suppressed (primary). Counts that add up to a shown
 * total form a group; when a group has exactly one suppressed cell, the smallest other cell is
 * suppressed too (complementary), so no suppressed cell follows from the total minus the
 * others. Parts of a total that are not shown themselves (the late VB's = VB's − on time) are
 * virtual cells: when small they force the shown part to be suppressed. Repeated until stable,
 * because groups share cells (meldingen → melder → beroepsgroep).
 * Method `afronden`: every count is rounded to a multiple of 5 (a non-zero count never to 0).
 * Both: a percentage on a base below `minNoemer`, or whose numerator is suppressed, is not
 * shown; per-1,000 figures and growth follow their counts; medians on a small base are not shown.
 */
export interface Beleid {
  methode: 'teken' | 'afronden';
  drempel: number;
  minNoemer: number;
}

export const STANDAARD_BELEID: Beleid = { methode: 'teken', drempel: 5, minNoemer: 10 };

export const ONDERDRUKT = Object.freeze({ onderdrukt: true as const });
export type Onderdrukt = typeof ONDERDRUKT;
export const isOnderdrukt = (v: unknown): v is Onderdrukt => typeof v === 'object' && v !== null && (v as { onderdrukt?: unknown }).onderdrukt === true;

type Waarden = Record<string, unknown>;

const VERDELINGEN = ['meldingen_per_melder', 'meldingen_per_beroepsgroep', 'meldingen_per_eerdere_betrokkenheid', 'vb_besluit', 'overdracht_na_vervolgkeuze_aan'];
const AANTALLEN = [
  'adviezen', 'adviezen_overige_zorgmelding', 'meldingen', 'meldingen_totaal_instroom', 'meldingen_vb', 'vb_binnen_termijn',
  'nog_niet_beoordeeld', 'overdracht_na_vb', 'overdracht_na_vervolgkeuze', 'onderzoeken_afgerond', 'onderzoeken_binnen_termijn',
  'onderzoeken_met_monitoring', 'vv_afgerond', 'vv_binnen_termijn', 'vv_met_monitoring', 'open_vb', 'open_vb_over_termijn',
  'open_onderzoeken', 'open_onderzoeken_over_termijn', 'open_vv', 'open_vv_over_termijn', 'in_monitoring',
];
const PERCENTAGES: [string, string, string][] = [
  ['vb_binnen_termijn_pct', 'vb_binnen_termijn', 'meldingen_vb'],
  ['onderzoeken_binnen_termijn_pct', 'onderzoeken_binnen_termijn', 'onderzoeken_afgerond'],
  ['vv_binnen_termijn_pct', 'vv_binnen_termijn', 'vv_afgerond'],
];
const DOORLOOPTIJDEN: [string, string][] = [
  ['doorlooptijd_vb_werkdagen', 'meldingen_vb'], ['doorlooptijd_onderzoek_dagen', 'onderzoeken_afgerond'], ['doorlooptijd_vv_dagen', 'vv_afgerond'],
];
const GROEI: [string, string][] = [['meldingen', 'meldingen'], ['adviezen', 'adviezen'], ['totaal', 'meldingen_totaal_instroom']];
/** Stored for the doorstroom dashboard only: never part of a protected answer. */
const INTERN = ['vb_per_week', 'leeftijd_open_werk', 'histogrammen'];

/** A group: `totaal` equals the sum of `delen`; a part not shown anywhere is `virtueel` (total − the others). */
interface Groep {
  totaal: string;
  delen: string[];
  virtueel: boolean;
}

function groepen(w: Waarden): Groep[] {
  const sleutels = (v: string) => Object.keys((w[v] ?? {}) as object).map((k) => `${v}.${k}`);
  const g = (totaal: string, delen: string[], virtueel = false): Groep => ({ totaal, delen, virtueel });
  return [
    g('meldingen_totaal_instroom', ['adviezen', 'meldingen']),
    g('adviezen', ['adviezen_overige_zorgmelding'], true),
    g('meldingen', sleutels('meldingen_per_melder')),
    g('meldingen', sleutels('meldingen_per_eerdere_betrokkenheid')),
    g('meldingen_per_melder.overige_professional', sleutels('meldingen_per_beroepsgroep')),
    g('meldingen_vb', sleutels('vb_besluit')),
    g('overdracht_na_vb', ['vb_besluit.overdracht_melder', 'vb_besluit.overdracht_lokaal_team', 'vb_besluit.overdracht_betrokken_hulpverlening']),
    g('overdracht_na_vervolgkeuze', sleutels('overdracht_na_vervolgkeuze_aan')),
    g('meldingen_vb', ['vb_binnen_termijn'], true),
    g('onderzoeken_afgerond', ['onderzoeken_binnen_termijn'], true),
    g('onderzoeken_afgerond', ['onderzoeken_met_monitoring'], true),
    g('vv_afgerond', ['vv_binnen_termijn'], true),
    g('vv_afgerond', ['vv_met_monitoring'], true),
    g('open_vb', ['open_vb_over_termijn'], true),
    g('open_onderzoeken', ['open_onderzoeken_over_termijn'], true),
    g('open_vv', ['open_vv_over_termijn'], true),
  ];
}

/** All counts as path → value (`vb_besluit.overdracht_melder`). */
function aantallen(w: Waarden): Map<string, number> {
  const uit = new Map<string, number>();
  for (const k of AANTALLEN) if (typeof w[k] === 'number') uit.set(k, w[k] as number);
  for (const v of VERDELINGEN) {
    for (const [k, n] of Object.entries((w[v] ?? {}) as Record<string, unknown>)) if (typeof n === 'number') uit.set(`${v}.${k}`, n);
  }
  return uit;
}

const klein = (n: number, beleid: Beleid) => n > 0 && n < beleid.drempel;

/** The paths to suppress (method teken): primary, then complementary until stable. */
export function teOnderdrukken(w: Waarden, beleid: Beleid): Set<string> {
  const waarde = aantallen(w);
  const weg = new Set([...waarde].filter(([, n]) => klein(n, beleid)).map(([k]) => k));
  const gr = groepen(w).filter((g) => waarde.has(g.totaal));
  for (let ronde = 0; ronde < 50; ronde++) {
    let gewijzigd = false;
    for (const g of gr) {
      if (weg.has(g.totaal)) continue;
      const delen = g.delen.filter((d) => waarde.has(d));
      const virtueleWaarde = g.virtueel ? waarde.get(g.totaal)! - delen.reduce((s, d) => s + waarde.get(d)!, 0) : null;
      const verborgen = delen.filter((d) => weg.has(d)).length + (virtueleWaarde !== null && klein(virtueleWaarde, beleid) ? 1 : 0);
      if (verborgen !== 1) continue;
      // suppress the smallest shown part, non-zero first (a hidden 0 protects nothing when the rest is known)
      const kandidaten = delen.filter((d) => !weg.has(d)).sort((a, b) => {
        const na = waarde.get(a)!;
        const nb = waarde.get(b)!;
        return (na === 0 ? 1 : 0) - (nb === 0 ? 1 : 0) || na - nb;
      });
      const keuze = kandidaten[0];
      if (keuze !== undefined) {
        weg.add(keuze);
        gewijzigd = true;
      } else if (g.virtueel === false && !weg.has(g.totaal)) {
        weg.add(g.totaal);
        gewijzigd = true;
      }
    }
    if (!gewijzigd) break;
  }
  return weg;
}

export function afrondenOp5(n: number): number {
  if (n === 0) return 0;
  return Math.max(5, Math.round(n / 5) * 5);
}

function zet(w: Waarden, pad: string, waarde: unknown): void {
  const [a, b] = pad.split('.') as [string, string | undefined];
  if (b === undefined) w[a] = waarde;
  else w[a] = { ...((w[a] ?? {}) as object), [b]: waarde };
}

/** The protected copy of one gebied's values: suppressed values become `{ "onderdrukt": true }`. */
export function beschermWaarden(origineel: Waarden, beleid: Beleid): Waarden {
  const w: Waarden = structuredClone(origineel);
  for (const k of INTERN) delete w[k];
  const waarde = aantallen(origineel);
  const weg = beleid.methode === 'teken' ? teOnderdrukken(origineel, beleid) : new Set<string>();
  if (beleid.methode === 'afronden') for (const [pad, n] of waarde) zet(w, pad, afrondenOp5(n));
  else for (const pad of weg) zet(w, pad, ONDERDRUKT);

  for (const [pct, teller, noemer] of PERCENTAGES) {
    if (!(pct in w)) continue;
    if ((waarde.get(noemer) ?? 0) < beleid.minNoemer || weg.has(teller) || weg.has(noemer)) w[pct] = ONDERDRUKT;
  }
  for (const [k, basis] of DOORLOOPTIJDEN) {
    if (k in w && (waarde.get(basis) ?? 0) < beleid.minNoemer) w[k] = { mediaan: ONDERDRUKT, p90: ONDERDRUKT };
  }
  const p1000 = w.per_1000_inwoners as Record<string, unknown> | null | undefined;
  if (p1000) {
    const nieuw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p1000)) {
      const n = waarde.get(k);
      if (typeof v !== 'number' || n === undefined) nieuw[k] = v;
      else if (weg.has(k)) nieuw[k] = ONDERDRUKT;
      // rounded counts: the per-1,000 figure of the rounded count (the exact one would give the count away)
      else if (beleid.methode === 'afronden') nieuw[k] = n === 0 ? 0 : Math.round((v * afrondenOp5(n)) / n * 100) / 100;
      else nieuw[k] = v;
    }
    w.per_1000_inwoners = nieuw;
  }
  const groei = w.groei as Record<string, unknown> | undefined;
  if (groei) {
    const nieuw: Record<string, unknown> = { ...groei };
    for (const [naam, telling] of GROEI) {
      const nu = waarde.get(telling);
      for (const periode of ['qoq', 'yoy']) {
        const g = groei[`${naam}_${periode}`];
        if (typeof g !== 'number' || nu === undefined) continue;
        // the comparison quarter's count follows from the count and the growth: protect it as well
        const vorig = nu * 100 / (100 + g);
        if (weg.has(telling) || nu < beleid.minNoemer || vorig < beleid.minNoemer) nieuw[`${naam}_${periode}`] = ONDERDRUKT;
      }
    }
    w.groei = nieuw;
  }
  return w;
}

/** For display: suppressed values become null ("–" in tables, no bar in charts). */
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
  return b.methode === 'teken'
    ? `Aantallen van 1 tot en met ${b.drempel - 1} en percentages op minder dan ${b.minNoemer} registraties worden niet getoond (–), net als een aantal waaruit zo'n klein aantal terug te rekenen is.`
    : `Alle aantallen zijn afgerond op vijftallen; percentages op minder dan ${b.minNoemer} registraties worden niet getoond (–).`;
}
