import { createHash } from 'node:crypto';
import type { Kwartaal } from '../calendar/kwartaal.js';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Regio } from '../config/regio.js';
import { AFGELEIDE_KOLOMMEN, VOORRADEN, type Afgeleid, type Voorraad } from './derive.js';
import type { Registratie } from './schema.js';

/**
 * The counts the indicators are made of, kept at import instead of grouped from the table.
 *
 * Every count is a grouping "these columns, how many registrations": a family. A family has a
 * quarter (a derived `kw_…` column) or a stock interval (`…_van`, `…_tot`), the gebied
 * (gemeente_sleutel) and its own columns, each read from the registration as stored (export
 * column) or from what is derived of it. A registration adds one to the group of each family
 * whose quarter (or interval start) it has. The table `tellingen` holds the sums; an import adds
 * the groups of what it writes and subtracts those of the versions it replaces. This catalogue is
 * the only place that knows which families exist: the import, the full rebuild and the read side
 * (registraties/tellingen-repository.ts) all take it from here.
 */
export type Waarde = string | number | null;
type Bron = keyof Registratie | keyof Afgeleid;

export interface TelFamilie {
  /** stored in `tellingen.familie` */
  naam: string;
  /** the quarter column (point families) or the stock prefix (`<prefix>_van`, `<prefix>_tot`) */
  kwartaal?: keyof Afgeleid;
  interval?: Voorraad;
  /** output field -> column; `getal` columns come back as numbers */
  velden: readonly { veld: string; kolom: Bron; getal?: boolean }[];
  /** only registrations whose column has one of these values count (SQL `whereIn`) */
  alleen?: { kolom: Bron; waarden: readonly string[] };
}

const tekst = (veld: string, kolom: Bron = veld as Bron) => ({ veld, kolom });
const getal = (veld: string, kolom: Bron = veld as Bron) => ({ veld, kolom, getal: true });

const afronding = (soort: 'onderzoek' | 'vv'): TelFamilie => ({
  naam: soort,
  kwartaal: `kw_einde_${soort}`,
  velden: [getal('binnen_termijn', `${soort}_binnen_termijn`), getal('monitoring'), getal('dagen', `${soort}_dagen`)],
});
const vlag = (naam: string, kwartaal: keyof Afgeleid, kolom: keyof Afgeleid): TelFamilie => ({ naam, kwartaal, velden: [getal('vlag', kolom)] });

export const TELFAMILIES: readonly TelFamilie[] = [
  /** received per quarter and soort: the computed range, plausibility jumps, quarter totals */
  { naam: 'binnenkomst', kwartaal: 'kw_binnenkomst', velden: [tekst('soort')] },
  { naam: 'laatste', kwartaal: 'kw_laatste', velden: [] },
  {
    naam: 'instroom',
    kwartaal: 'kw_binnenkomst',
    velden: [tekst('soort'), tekst('melder_categorie'), tekst('beroepsgroep'), tekst('eerdere_betrokkenheid'), getal('nog_niet_beoordeeld')],
  },
  {
    naam: 'vb',
    kwartaal: 'kw_vb',
    velden: [tekst('besluit', 'besluit_veiligheidsbeoordeling'), getal('binnen_termijn', 'vb_binnen_termijn'), getal('werkdagen', 'vb_werkdagen')],
  },
  { naam: 'vervolg', kwartaal: 'kw_besluit_vervolg', velden: [tekst('vervolg'), tekst('overdracht_aan')] },
  afronding('onderzoek'),
  afronding('vv'),
  ...VOORRADEN.map((v): TelFamilie => ({ naam: `voorraad:${v}`, interval: v, velden: [] })),
  { naam: 'vbPerWeek', kwartaal: 'kw_vb', velden: [tekst('week', 'week_vb'), getal('binnen_termijn', 'vb_binnen_termijn')] },
  { naam: 'openWerk:vb', interval: 'open_vb', velden: [tekst('vanaf', 'datum_binnenkomst')] },
  { naam: 'openWerk:onderzoek', interval: 'open_onderzoek', velden: [tekst('vanaf', 'datum_veiligheidsbeoordeling')] },
  { naam: 'openWerk:vv', interval: 'open_vv', velden: [tekst('vanaf', 'datum_veiligheidsbeoordeling')] },
  // --- definitions 2027.1 ---
  {
    naam: 'kenmerken',
    kwartaal: 'kw_binnenkomst',
    velden: [tekst('soort'), getal('spoed'), getal('vb_zelfde_dag'), getal('overige_zorgmelding'), tekst('aard_geweld'), tekst('kanaal')],
  },
  {
    naam: 'overdracht',
    kwartaal: 'kw_overdracht',
    velden: [tekst('vervolg'), tekst('overdracht_aan')],
    alleen: { kolom: 'vervolg', waarden: ['onderzoek', 'voorwaarden_en_vervolg'] },
  },
  vlag('startOnderzoek', 'kw_start_onderzoek', 'onderzoek_start_binnen_termijn'),
  vlag('monitoring3m', 'kw_monitoring_3m', 'monitoring_3m_tijdig'),
  vlag('monitoring12m', 'kw_monitoring_12m', 'monitoring_12m_tijdig'),
  {
    naam: 'onderzoekAfspraken',
    kwartaal: 'kw_einde_onderzoek',
    velden: [tekst('uitkomst', 'uitkomst_onderzoek'), tekst('overdracht_aan'), getal('monitoring')],
  },
  { naam: 'vvAfspraken', kwartaal: 'kw_einde_vv', velden: [tekst('overdracht_aan'), getal('monitoring')] },
  { naam: 'wacht:vervolgkeuze', interval: 'wacht_vervolgkeuze', velden: [tekst('vanaf', 'datum_veiligheidsbeoordeling')] },
  { naam: 'wacht:start_onderzoek', interval: 'wacht_start_onderzoek', velden: [tekst('vanaf', 'datum_besluit_vervolg')] },
  { naam: 'wacht:start_vv', interval: 'wacht_start_vv', velden: [tekst('vanaf', 'datum_besluit_vervolg')] },
];

/**
 * Raised when the catalogue or the way a group key is written changes: the kept counts are then
 * of another catalogue and are rebuilt from the stored registrations (see `tellingBasis`).
 */
export const CATALOGUSVERSIE = '1';

/** One group of a family: `sleutel` is its values joined (the quarter or interval first, then gebied). */
export interface Groep {
  familie: string;
  sleutel: string;
  /** the quarter (point family) or the interval's start */
  kwartaal: Kwartaal;
  /** the interval's end (null: open, or a point family) */
  tot: Kwartaal | null;
  aantal: number;
}

const SCHEIDING = '\u001f';
const LEEG = '';

/** The group key of one registration in one family, or null when it does not count there. */
type Sleutelfunctie = (r: Registratie, a: Afgeleid) => string | null;

const AFGELEID = new Set<string>(AFGELEIDE_KOLOMMEN as readonly string[]);
const lees = (kolom: string) => `${AFGELEID.has(kolom) ? 'a' : 'r'}[${JSON.stringify(kolom)}]`;

/**
 * Each family's key function, generated once from the catalogue: a fixed property read per column
 * (what the JIT makes fast) instead of a lookup by name per registration, which cost the importing
 * thread more than writing the row (measured in issue 18). Only catalogue constants go into the code.
 */
function sleutelfunctie(f: TelFamilie): Sleutelfunctie {
  const van = f.interval ? `${f.interval}_van` : f.kwartaal!;
  const delen = ['q', f.interval ? `(${lees(`${f.interval}_tot`)} ?? '')` : "''", lees('gemeente_sleutel'), ...f.velden.map((v) => `(${lees(v.kolom)} ?? '')`)];
  const filter = f.alleen
    ? `const f = ${lees(f.alleen.kolom)}; if (${f.alleen.waarden.map((w) => `f !== ${JSON.stringify(w)}`).join(' && ')}) return null;`
    : '';
  return new Function(
    'r',
    'a',
    `const q = ${lees(van)}; if (q === null || q === undefined) return null; ${filter}
    return ${delen.join(` + ${JSON.stringify(SCHEIDING)} + `)};`,
  ) as Sleutelfunctie;
}

const SLEUTELFUNCTIES = TELFAMILIES.map(sleutelfunctie);

/**
 * The sums an import (or a rebuild) adds to `tellingen`: per family and group, the number of
 * registrations added minus those taken away.
 */
export class Tellingdelta {
  private readonly perFamilie = TELFAMILIES.map(() => new Map<string, number>());

  /** Adds (teken 1) or takes away (teken -1) a registration with what is derived of it. */
  tel(r: Registratie, a: Afgeleid, teken: 1 | -1): void {
    for (let i = 0; i < SLEUTELFUNCTIES.length; i++) {
      const sleutel = SLEUTELFUNCTIES[i]!(r, a);
      if (sleutel === null) continue;
      const groepen = this.perFamilie[i]!;
      groepen.set(sleutel, (groepen.get(sleutel) ?? 0) + teken);
    }
  }

  /** The groups whose count changed (a group added and taken away as often is left out). */
  groepenMetVerschil(): Groep[] {
    const uit: Groep[] = [];
    this.perFamilie.forEach((groepen, i) => {
      for (const [sleutel, aantal] of groepen) {
        if (aantal === 0) continue;
        const [kwartaal, tot] = sleutel.split(SCHEIDING, 2) as [Kwartaal, string];
        uit.push({ familie: TELFAMILIES[i]!.naam, sleutel, kwartaal, tot: tot === LEEG ? null : tot, aantal });
      }
    });
    return uit;
  }
}

/** A stored group read back as the fields of its family (the shape the indicator computation takes). */
export function leesGroep(familie: TelFamilie, sleutel: string, aantal: number): Record<string, Waarde> {
  const delen = sleutel.split(SCHEIDING);
  const uit: Record<string, Waarde> = {};
  if (familie.interval) {
    uit.van = delen[0]!;
    uit.tot = delen[1] === LEEG ? null : delen[1]!;
  } else uit.kwartaal = delen[0]!;
  uit.gebied = delen[2]!;
  familie.velden.forEach((v, i) => {
    const d = delen[3 + i]!;
    uit[v.veld] = d === LEEG ? null : v.getal ? Number(d) : d;
  });
  uit.aantal = aantal;
  return uit;
}

export const familie = (naam: string): TelFamilie => {
  const f = TELFAMILIES.find((x) => x.naam === naam);
  if (!f) throw new Error(`onbekende telfamilie ${naam}`);
  return f;
};

/**
 * What the kept counts depend on besides the registrations: the catalogue (its version and the
 * families themselves, so a changed family rebuilds without anyone remembering to raise the
 * version), the werkdag calendar's extra days and the region's gemeenten (the gebied of a registration). Stored beside the counts;
 * when it differs, the counts are rebuilt from the stored registrations before anything is added.
 */
export function tellingBasis(regio: Regio, kalender: Werkdagkalender): string {
  const basis = {
    catalogus: [CATALOGUSVERSIE, TELFAMILIES],
    extraFeestdagen: [...kalender.extraFeestdagen].sort(),
    gemeenten: regio.gemeenten.map((g) => g.code).sort(),
    voormalig: regio.voormaligeGemeenten,
    vanaf: regio.overige_zorgmelding_vanaf,
  };
  return createHash('sha1').update(JSON.stringify(basis)).digest('hex');
}
