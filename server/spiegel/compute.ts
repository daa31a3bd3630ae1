/**
 * The spiegel as pure computation: CBS's figures for this VT region and for Nederland in one
 * period, per 1.000 inwoners of one population year, the region's rank among the VT regions,
 * the same figures from our own registrations (rounded like CBS) with the difference, and the
 * gemeenten of the region where CBS publishes gemeente rows. A figure CBS does not give is null
 * (shown as '.'), never 0.
 */
import { rondAf } from '../privacy/onderdrukking.js';
import { normaliseerNaam } from '../config/regio.js';
import { per1000 } from '../shared/getallen.js';
import type { CbsCijfer } from './cbs-bestand.js';
import { BEVOLKING, SPIEGEL_MATEN, voorrang, type Maat, type SpiegelMaat } from './maten.js';

export type Waarden = Record<SpiegelMaat, number | null>;

export interface SpiegelGebied extends Waarden {
  code: string;
  naam: string;
  /** population on 1 January of `inwoners_jaar` (CBS), or null */
  inwoners: number | null;
  /** the year whose 1 January population divides the per-1.000 figures (the spiegel's bevolkingsjaar); null without a population */
  inwoners_jaar: number | null;
  per_1000_inwoners: Waarden;
  /** the figures CBS marks voorlopig (*) */
  voorlopig: SpiegelMaat[];
  /** per figure: the CBS table and the page it was read from */
  bronnen: Partial<Record<SpiegelMaat | 'inwoners', { tabel: string; url: string }>>;
}

export interface SpiegelGemeente {
  code: string;
  naam: string;
  meldingen: number | null;
  adviezen: number | null;
  inwoners: number | null;
  inwoners_jaar: number | null;
  per_1000_inwoners: { meldingen: number | null; adviezen: number | null };
  nederland_per_1000_inwoners: { meldingen: number | null; adviezen: number | null };
  voorlopig: boolean;
}

/** The region's place among the VT-regions by ontvangen meldingen per 1.000 inwoners in one period. */
export interface Rang {
  maat: 'meldingen';
  /** 1 = the most meldingen per 1.000 inwoners (regions with an equal rate share a place); null: no place, see `reden` */
  positie: number | null;
  /** how many VT-regions are ranked: CBS publishes their meldingen of the period and they have a population */
  van: number;
  /** the year whose population on 1 January divides every rate of the ranking */
  bevolkingsjaar: number;
  /** VT-regions with CBS meldingen in the period but without a population of that year: not ranked */
  zonder_inwoners: string[];
  /** why there is no place: CBS has no meldingen of the region, the region has no population, or no other region is ranked */
  reden: 'geen_meldingen' | 'geen_inwoners' | 'geen_andere_regio' | null;
  /** the place or why there is none, as the page, the CLI and the reports say it */
  tekst: string;
  toelichting: string;
}

export interface Spiegel {
  periode: string;
  periode_label: string;
  cbs_periode: string;
  van: string;
  tot: string;
  regio: SpiegelGebied;
  nederland: SpiegelGebied;
  rang: Rang;
  eigen: Waarden & { afgerond_op: number; verschil: Waarden };
  gemeenten: SpiegelGemeente[];
}

/** `2023` → 2023JJ00, `2023-H1` → 2023HJ01; null when the text is neither. */
export function spiegelPeriode(tekst: string): { periode: string; cbs: string; label: string; van: string; tot: string } | null {
  const m = /^(\d{4})(?:-H([12]))?$/i.exec(tekst.trim());
  if (!m) return null;
  const j = m[1]!;
  if (!m[2]) return { periode: j, cbs: `${j}JJ00`, label: j, van: `${j}-01-01`, tot: `${j}-12-31` };
  const h = m[2];
  return {
    periode: `${j}-H${h}`,
    cbs: `${j}HJ0${h}`,
    label: `${h === '1' ? '1e' : '2e'} halfjaar ${j}`,
    van: h === '1' ? `${j}-01-01` : `${j}-07-01`,
    tot: h === '1' ? `${j}-06-30` : `${j}-12-31`,
  };
}

/** CBS period code → the spiegel's period (`2023JJ00` → `2023`, `2023HJ02` → `2023-H2`). */
export const vanCbsPeriode = (cbs: string): string => (cbs.endsWith('JJ00') ? cbs.slice(0, 4) : `${cbs.slice(0, 4)}-H${cbs.slice(7)}`);

/** An index of the cells: the best source per (periode, regio, maat). */
export class CbsIndex {
  private readonly cel = new Map<string, CbsCijfer>();
  constructor(cijfers: CbsCijfer[]) {
    for (const c of cijfers) {
      if (!c.maat) continue;
      const k = `${c.periode} ${c.regio} ${c.maat}`;
      const er = this.cel.get(k);
      if (!er || voorrang(c.maat as Maat, c.tabel) < voorrang(c.maat as Maat, er.tabel)) this.cel.set(k, c);
    }
  }
  get(periode: string, regio: string, maat: Maat): CbsCijfer | undefined {
    return this.cel.get(`${periode} ${regio} ${maat}`);
  }
  /** the regions with any cell, with their CBS names */
  regios(): Map<string, string> {
    return new Map([...this.cel.values()].map((c) => [c.regio, c.regio_naam]));
  }
  /** spiegel periods with any figure for Nederland or the region (newest first) */
  perioden(regio: string): string[] {
    const set = new Set([...this.cel.values()].filter((c) => c.maat !== BEVOLKING && (c.regio === 'NL01' || c.regio === regio)).map((c) => c.periode));
    return [...set].sort((a, b) =>
      a.slice(0, 4) === b.slice(0, 4) ? (a.endsWith('JJ00') ? -1 : b.endsWith('JJ00') ? 1 : b.localeCompare(a)) : b.localeCompare(a),
    );
  }
}

const leeg = (): Waarden => Object.fromEntries(SPIEGEL_MATEN.map((m) => [m, null])) as Waarden;

/** A gebied's CBS figures of `periode`, per 1.000 inwoners of its population on 1 January of `bevolkingsjaar`. */
export function gebied(index: CbsIndex, periode: string, code: string, naam: string, bevolkingsjaar: number): SpiegelGebied {
  const bev = index.get(`${bevolkingsjaar}JJ00`, code, BEVOLKING);
  const inwoners = bev?.waarde ?? null;
  const g: SpiegelGebied = {
    ...leeg(),
    code,
    naam,
    inwoners,
    inwoners_jaar: inwoners === null ? null : bevolkingsjaar,
    per_1000_inwoners: leeg(),
    voorlopig: [],
    bronnen: {},
  };
  if (bev) g.bronnen.inwoners = { tabel: bev.tabel, url: bev.bron };
  for (const m of SPIEGEL_MATEN) {
    const c = index.get(periode, code, m);
    if (!c) continue;
    g[m] = c.waarde;
    if (c.voorlopig) g.voorlopig.push(m);
    g.bronnen[m] = { tabel: c.tabel, url: c.bron };
    if (c.waarde !== null && inwoners !== null) g.per_1000_inwoners[m] = per1000(c.waarde, inwoners);
  }
  return g;
}

/** Own registrations of a period, counted per soort, VB besluit, spoed and gemeente (the repository's telEigen). */
export interface EigenTelling {
  soort: string;
  besluit: string | null;
  spoed: number | null;
  gemeente: string;
  n: number;
}

/** Our registrations counted as CBS counts them (docs/spiegel.md), each count rounded to the grondtal. */
export function eigenWaarden(tellingen: EigenTelling[], grondtal: number): Waarden {
  const w = Object.fromEntries(SPIEGEL_MATEN.map((m) => [m, 0])) as Record<SpiegelMaat, number>;
  for (const t of tellingen) {
    if (t.soort === 'advies') {
      w.adviezen += t.n;
      continue;
    }
    if (t.soort !== 'melding') continue;
    w.meldingen += t.n;
    if (t.spoed === 1) w.acute_onveiligheid += t.n;
    const b = t.besluit;
    if (b === null) w.nog_niet_beoordeeld += t.n;
    else if (b === 'vervolg_veilig_thuis') w.vervolgstappen_veilig_thuis += t.n;
    else if (b === 'afsluiten_geen_vervolg') w.geen_vervolgstappen += t.n;
    else if (b === 'regionaal_maatwerk') w.regionaal_maatwerk += t.n;
    else if (b.startsWith('overdracht_')) w.overdracht += t.n;
  }
  return Object.fromEntries(SPIEGEL_MATEN.map((m) => [m, rondAf(w[m], grondtal)])) as Waarden;
}

const TOELICHTING =
  'Plaats van de regio onder de Veilig Thuis-regio’s naar ontvangen meldingen per 1.000 inwoners (1 = de meeste), ' +
  'alleen regio’s waarvan CBS de meldingen van de periode publiceert en waarvan de bevolking op 1 januari bekend is ' +
  '(de som van de CBS-cijfers van hun gemeenten, of een CBS-cijfer van de regio zelf).';

/**
 * The place of `code` among the VT-regions by ontvangen meldingen per 1.000 inwoners in `periode`:
 * every region with a CBS meldingen figure of the period (never estimated) and a population on 1
 * January of `bevolkingsjaar` is ranked, 1 = the most; an equal rate shares a place. No place when
 * CBS publishes no meldingen of the region, the region has no population, or no other region is
 * ranked (alone, the region is not "1 van 1").
 */
export function rang(index: CbsIndex, invoer: { periode: string; label: string; code: string; naam: string; bevolkingsjaar: number }): Rang {
  const { periode, code, naam, bevolkingsjaar } = invoer;
  const gepubliceerd = [...index.regios()]
    .filter(([r]) => /^VT\d\d$/.test(r))
    .map(([r, n]) => ({ r, g: gebied(index, periode, r, n, bevolkingsjaar) }))
    .filter((x) => x.g.meldingen !== null);
  const gerangschikt = gepubliceerd.map((x) => ({ r: x.r, v: x.g.per_1000_inwoners.meldingen })).filter((x): x is { r: string; v: number } => x.v !== null);
  const zonder_inwoners = gepubliceerd
    .filter((x) => x.g.per_1000_inwoners.meldingen === null)
    .map((x) => x.g.naam)
    .sort((a, b) => a.localeCompare(b, 'nl'));
  const eigen = gerangschikt.find((x) => x.r === code);
  const anderen = gerangschikt.filter((x) => x.r !== code).length;
  const reden: Rang['reden'] = !gepubliceerd.some((x) => x.r === code)
    ? 'geen_meldingen'
    : !eigen
      ? 'geen_inwoners'
      : anderen === 0
        ? 'geen_andere_regio'
        : null;
  const positie = reden === null ? 1 + gerangschikt.filter((x) => x.v > eigen!.v).length : null;
  const regios = (n: number) => `${n} VT-regio${n === 1 ? '' : '’s'}`;
  const bij = `met een bevolking op 1 januari ${bevolkingsjaar}`;
  const tekst =
    reden === null
      ? `${positie} van ${gerangschikt.length} (VT-regio’s waarvan CBS de meldingen van ${invoer.label} publiceert, ` +
        `per 1.000 inwoners op 1 januari ${bevolkingsjaar})`
      : reden === 'geen_meldingen'
        ? `geen plaats: CBS publiceert voor ${invoer.label} geen ontvangen meldingen van ${naam}` + (anderen > 0 ? ` (wel van ${regios(anderen)} ${bij})` : '')
        : reden === 'geen_inwoners'
          ? `geen plaats: de bevolking van ${naam} op 1 januari ${bevolkingsjaar} is niet bekend (niet elke gemeente heeft een CBS-cijfer)`
          : `geen plaats: CBS publiceert voor ${invoer.label} van geen andere VT-regio ${bij} de ontvangen meldingen`;
  const zonder = zonder_inwoners.length > 0 ? `; niet gerangschikt, zonder bevolking: ${zonder_inwoners.join(', ')}` : '';
  return {
    maat: 'meldingen',
    positie,
    van: gerangschikt.length,
    bevolkingsjaar,
    zonder_inwoners,
    reden,
    tekst: `${tekst}${zonder}`,
    toelichting: TOELICHTING,
  };
}

export function berekenSpiegel(invoer: {
  cijfers: CbsCijfer[];
  periode: NonNullable<ReturnType<typeof spiegelPeriode>>;
  cbsRegio: { code: string; naam: string };
  eigen: EigenTelling[];
  grondtal: number;
  gemeenten: { code: string; naam: string }[];
  /**
   * The year whose population on 1 January divides every per-1.000 figure of the period (region,
   * Nederland, gemeenten, the ranking): the service takes it from the region's bevolkingsjaar, the
   * rule of every other per-1.000 figure. Default: the period's own year.
   */
  bevolkingsjaar?: number;
}): Spiegel {
  const index = new CbsIndex(invoer.cijfers);
  const p = invoer.periode.cbs;
  const jaar = invoer.bevolkingsjaar ?? Number(p.slice(0, 4));
  const namen = index.regios();
  const regio = gebied(index, p, invoer.cbsRegio.code, namen.get(invoer.cbsRegio.code) ?? `${invoer.cbsRegio.naam} (VT)`, jaar);
  const nederland = gebied(index, p, 'NL01', 'Nederland', jaar);
  const eigen = eigenWaarden(invoer.eigen, invoer.grondtal);
  const verschil = Object.fromEntries(SPIEGEL_MATEN.map((m) => [m, regio[m] === null ? null : eigen[m]! - regio[m]!])) as Waarden;
  // a gemeente row is keyed by its code, or by its StatLine label where the import knew no code
  const perNaam = new Map([...namen].map(([k, n]) => [normaliseerNaam(n), k]));
  const gemeenten = invoer.gemeenten.flatMap((g) => {
    const sleutel = namen.has(g.code) ? g.code : perNaam.get(normaliseerNaam(g.naam));
    if (!sleutel) return [];
    const x = gebied(index, p, sleutel, g.naam, jaar);
    if (x.meldingen === null && x.adviezen === null && !index.get(p, sleutel, 'meldingen') && !index.get(p, sleutel, 'adviezen')) return [];
    return [
      {
        code: g.code,
        naam: g.naam,
        meldingen: x.meldingen,
        adviezen: x.adviezen,
        inwoners: x.inwoners,
        inwoners_jaar: x.inwoners_jaar,
        per_1000_inwoners: { meldingen: x.per_1000_inwoners.meldingen, adviezen: x.per_1000_inwoners.adviezen },
        nederland_per_1000_inwoners: { meldingen: nederland.per_1000_inwoners.meldingen, adviezen: nederland.per_1000_inwoners.adviezen },
        voorlopig: x.voorlopig.length > 0,
      },
    ];
  });
  return {
    periode: invoer.periode.periode,
    periode_label: invoer.periode.label,
    cbs_periode: p,
    van: invoer.periode.van,
    tot: invoer.periode.tot,
    regio,
    nederland,
    rang: rang(index, { periode: p, label: invoer.periode.label, code: invoer.cbsRegio.code, naam: regio.naam, bevolkingsjaar: jaar }),
    eigen: { ...eigen, afgerond_op: invoer.grondtal, verschil },
    gemeenten,
  };
}
