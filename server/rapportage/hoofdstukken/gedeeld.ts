/**
 * Pieces more than one chapter or report is made of: the legal terms against the norms, the rows
 * of the bijlage per gemeente, the ratio onderzoek : V&V, growth and procentpunt, and the
 * skeleton of a report (its cover fields, and what it says without data).
 */
import { BUITEN_REGIO, ONBEKEND, gebiedNaam, type Regio } from '../../config/regio.js';
import type { Normen } from '../../dashboard/service.js';
import type { IndicatorSleutel } from '../../indicatoren/catalogus.js';
import { REGIO } from '../../indicatoren/gebieden.js';
import { getal, type Waarden } from '../../indicatoren/paneel.js';
import { formatteerDatum, formatteerGetal } from '../../shared/formaat.js';
import { afronden, groei } from '../../shared/getallen.js';
import { cel, type DuidingModel, type Nummering, type RapportModel, type RapportTabel } from '../model.js';
import type { Termijncijfers } from '../zinnen.js';

export const obj = (w: Waarden, key: IndicatorSleutel) => (w[key] ?? {}) as Record<string, number>;
export const n = (w: Waarden, key: IndicatorSleutel) => getal(w, key) ?? 0;

/** "1 : 2,3": afgeronde V&V per afgerond onderzoek; null without onderzoeken. */
export function verhoudingOnderzoekVv(onderzoeken: number, vv: number): string | null {
  return onderzoeken === 0 ? null : `1 : ${formatteerGetal(afronden(vv / onderzoeken, 1), 1)}`;
}

/** `+2,5 %-punt`, `−5,6 %-punt` (the minus sign, as formatteerGroei writes it); the one rounding rule (−0,25 → −0,3) */
export const procentpunt = (verschil: number): string => {
  const v = afronden(verschil, 1);
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatteerGetal(Math.abs(v), 1)} %-punt`;
};

/** growth by the one rule (shared/getallen.ts `groei`: half away from zero, −6,25 → −6,3), as the quarter's */
export const groeiVan = (nu: number | null, oud: number | null) => cel.groei(groei(nu, oud));

/** The three legal terms of the figures `nu`, against the region's norms. */
export function termijnen(nu: Waarden, normen: Normen): (Termijncijfers & { kop: string })[] {
  return (
    [
      ['veiligheidsbeoordeling', 'veiligheidsbeoordelingen', 'binnen 5 werkdagen', 'meldingen_vb', 'vb_binnen_termijn', normen.vb, 'Veiligheidsbeoordelingen'],
      ['onderzoek', 'onderzoeken', 'binnen 10 weken', 'onderzoeken_afgerond', 'onderzoeken_binnen_termijn', normen.onderzoek, 'Onderzoeken'],
      [
        'traject voorwaarden en vervolg',
        'trajecten voorwaarden en vervolg',
        'binnen 10 weken',
        'vv_afgerond',
        'vv_binnen_termijn',
        normen.vv,
        'Voorwaarden en vervolg',
      ],
    ] as const
  ).map(([enkelvoud, meervoud, termijn, afgerond, binnen, norm, kop]) => ({
    kop: `${kop} ${termijn}`,
    enkelvoud,
    meervoud,
    termijn,
    afgerond: n(nu, afgerond),
    binnen: n(nu, binnen),
    pct: getal(nu, `${binnen}_pct`),
    norm,
  }));
}

/** The table of the legal terms against the norms, with *gehaald ja/nee*. */
export function termijnenTabel(nr: Nummering, rijen: ReturnType<typeof termijnen>, kort: string): RapportTabel {
  return nr.tabel({
    id: 'tabel-termijnen',
    titel: `Wettelijke termijnen en normen — ${kort}`,
    definitie:
      'Veiligheidsbeoordeling binnen 5 werkdagen na binnenkomst; onderzoek en voorwaarden en vervolg ' +
      'binnen 10 weken (70 dagen) na de veiligheidsbeoordeling. Normen: sectornormen van de regio.',
    anker: 'veiligheidsbeoordeling-onderdeel-b',
    kolommen: ['Termijn', 'Afgerond', 'Binnen termijn', 'Percentage', 'Norm', 'Gehaald'],
    rijen: rijen.map((t) => ({
      kop: t.kop,
      cellen: [
        cel.getal(t.afgerond),
        cel.getal(t.binnen),
        cel.procent(t.pct),
        `${t.norm}%`,
        t.pct === null ? 'niet te berekenen' : t.pct >= t.norm ? 'ja' : 'nee',
      ],
    })),
  });
}

/** One row per gebied of the bijlage: the region's gemeenten by name, then outside the region, unknown, and the total. */
export function gemeentenRijen(regio: Regio, waardenVan: (code: string) => Waarden, kolommen: ((v: Waarden) => string)[]): RapportTabel['rijen'] {
  const gebieden = [...[...regio.gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')).map((g) => g.code), BUITEN_REGIO, ONBEKEND, REGIO];
  return gebieden.map((code) => ({
    kop: code === REGIO ? 'Regio totaal' : gebiedNaam(regio, code),
    totaal: code === REGIO,
    cellen: kolommen.map((f) => f(waardenVan(code))),
  }));
}

/** Parts d and e per gemeente: the same table in the quarter's and the period's bijlage. */
export function gemeentenDeTabel(nr: Nummering, regio: Regio, waardenVan: (code: string) => Waarden, kort: string, wanneer: string): RapportTabel {
  return nr.tabel({
    id: 'tabel-gemeenten-de',
    titel: `Afgeronde onderzoeken en voorwaarden en vervolg per gemeente (onderdelen d en e) — ${kort}`,
    definitie: `Met een einddatum in ${wanneer}; binnen termijn = uiterlijk 70 dagen na de veiligheidsbeoordeling; met monitoring = monitoring ja.`,
    anker: 'onderzoek-onderdeel-d-en-voorwaarden-en-vervolg-onderdeel-e',
    kolommen: ['Gemeente', 'Onderzoeken', '… binnen 10 weken', '… met monitoring', 'V&V', '… binnen 10 weken', '… met monitoring'],
    rijen: gemeentenRijen(
      regio,
      waardenVan,
      (
        ['onderzoeken_afgerond', 'onderzoeken_binnen_termijn', 'onderzoeken_met_monitoring', 'vv_afgerond', 'vv_binnen_termijn', 'vv_met_monitoring'] as const
      ).map((k) => (v: Waarden) => cel.getal(getal(v, k))),
    ),
  });
}

/** What a report says of itself before its chapters: the cover's fields. */
export interface Kop {
  soort: RapportModel['soort'];
  titel: string;
  ondertitel: string;
  kop: string;
  kwartaalLabel: string;
  dataDatum: string | null;
  definitieversie: string;
  /** ISO date */
  gemaaktOp: string;
}

export type Basis = Pick<RapportModel, 'soort' | 'titel' | 'ondertitel' | 'kop' | 'kwartaalLabel' | 'dataDatum' | 'definitieversie' | 'gemaaktOp'>;

export const basisVan = (k: Kop): Basis => ({
  ...k,
  dataDatum: k.dataDatum ? formatteerDatum(k.dataDatum) : 'geen import',
  gemaaktOp: formatteerDatum(k.gemaaktOp),
});

/** A report of a period without data: the cover, the voorlegger's duiding and the sentence that says so. */
export function leegRapport(basis: Basis, geenGegevens: string, voorleggerDuiding: DuidingModel | null): RapportModel {
  return { ...basis, kerncijfers: [], hoofdstukken: [], voorlegger: { zinnen: [], duiding: voorleggerDuiding }, geenGegevens };
}

/** `Eerste kwartaal 2026` from `eerste kwartaal 2026`. */
export const hoofdletter = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
