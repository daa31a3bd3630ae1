/**
 * Totals, differences with the budget and FTE figures: pure functions of the imported rows.
 * Amounts in whole euros, income positive and costs negative, so result = income + costs and a
 * positive difference (realisation − budget) is favourable for income and costs alike.
 */
import { afronden } from '../shared/getallen.js';
import { POSTEN, TOTALEN, type Groep, type Totaal } from './posten.js';
import type { FinancienRij, FormatieRij } from './validate.js';

export interface Bedragen {
  realisatie: number;
  /** null: no budget for this post (or for any post of a total) */
  begroting: number | null;
  verschil: number | null;
  begroting_jaar: number | null;
  /** realisation from the first quarter of the year up to and including this one */
  realisatie_jaar_tot_nu: number;
}

export interface FinancienKwartaal {
  /**
   * `afwijkend_teken`: the realisation has the unusual sign for its post, a positive amount on a
   * cost post (a vrijval, a release) or a negative one on an income post; totalled as given.
   */
  posten: ({ post: string; naam: string; groep: Groep; afwijkend_teken: boolean } & Bedragen)[];
  totalen: ({ totaal: Totaal; naam: string } & Bedragen)[];
}

const GROEPEN_VAN: Record<Totaal, Groep[]> = {
  inkomsten: ['inkomsten'],
  personeelskosten: ['personeelskosten'],
  overige_kosten: ['overige_kosten'],
  kosten: ['personeelskosten', 'overige_kosten'],
  resultaat: ['inkomsten', 'personeelskosten', 'overige_kosten'],
};

/** Sum where at least one value exists; null when none does (a total without any budget). */
function som(waarden: (number | null)[]): number | null {
  const bekend = waarden.filter((w): w is number => w !== null);
  return bekend.length === 0 ? null : bekend.reduce((a, b) => a + b, 0);
}

/**
 * One quarter: every post (0 realisation when the file has no line for it) and the five totals.
 * `jaar` holds the rows of the year's quarters up to and including `kwartaal`.
 */
export function berekenKwartaal(kwartaal: string, jaar: FinancienRij[]): FinancienKwartaal | null {
  const nu = jaar.filter((r) => r.kwartaal === kwartaal);
  if (nu.length === 0) return null;
  const posten = POSTEN.map((p) => {
    const rij = nu.find((r) => r.post === p.post);
    const realisatie = rij?.realisatie ?? 0;
    const begroting = rij?.begroting ?? null;
    // the full-year budget as last given for this post this year
    const begrotingJaar = [...jaar].reverse().find((r) => r.post === p.post && r.begroting_jaar !== null)?.begroting_jaar ?? null;
    return {
      post: p.post,
      naam: p.naam,
      groep: p.groep,
      afwijkend_teken: p.groep === 'inkomsten' ? realisatie < 0 : realisatie > 0,
      realisatie,
      begroting,
      verschil: begroting === null ? null : realisatie - begroting,
      begroting_jaar: begrotingJaar,
      realisatie_jaar_tot_nu: jaar.filter((r) => r.post === p.post).reduce((s, r) => s + r.realisatie, 0),
    };
  });
  const totalen = TOTALEN.map((t) => {
    const deel = posten.filter((p) => GROEPEN_VAN[t.totaal].includes(p.groep));
    const realisatie = deel.reduce((s, p) => s + p.realisatie, 0);
    const begroting = som(deel.map((p) => p.begroting));
    return {
      totaal: t.totaal,
      naam: t.naam,
      realisatie,
      begroting,
      verschil: begroting === null ? null : realisatie - begroting,
      begroting_jaar: som(deel.map((p) => p.begroting_jaar)),
      realisatie_jaar_tot_nu: deel.reduce((s, p) => s + p.realisatie_jaar_tot_nu, 0),
    };
  });
  return { posten, totalen };
}

export interface FormatieMaand extends FormatieRij {
  fte_totaal: number;
}

export function metTotaal(rijen: FormatieRij[]): FormatieMaand[] {
  return rijen.map((r) => ({ ...r, fte_totaal: afronden(r.fte_personeel + r.fte_inhuur, 2) }));
}

/** The months of a quarter (`2019-Q1` → 2019-01, 2019-02, 2019-03). */
export function maandenVan(kwartaal: string): string[] {
  const jaar = kwartaal.slice(0, 4);
  const q = Number(kwartaal.slice(6));
  return [1, 2, 3].map((i) => `${jaar}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
}

export interface DoorstroomPerFte {
  kwartaal: string;
  /** mean FTE (own staff + contractors) over the quarter's months present in the file */
  fte_gemiddeld: number | null;
  /** true when one of those months is a forecast */
  prognose: boolean;
  meldingen: number | null;
  adviezen: number | null;
  meldingen_per_fte: number | null;
  adviezen_per_fte: number | null;
}

export function doorstroomPerFte(kwartaal: string, formatie: FormatieMaand[], meldingen: number | null, adviezen: number | null): DoorstroomPerFte {
  const maanden = maandenVan(kwartaal);
  const rijen = formatie.filter((f) => maanden.includes(f.maand));
  const fte = rijen.length === 0 ? null : afronden(rijen.reduce((s, r) => s + r.fte_totaal, 0) / rijen.length, 2);
  const per = (n: number | null) => (n === null || fte === null || fte === 0 ? null : afronden(n / fte, 1));
  return {
    kwartaal,
    fte_gemiddeld: fte,
    prognose: rijen.some((r) => r.status === 'prognose'),
    meldingen,
    adviezen,
    meldingen_per_fte: per(meldingen),
    adviezen_per_fte: per(adviezen),
  };
}
