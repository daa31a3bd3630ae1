import type { Tabel } from '../shared/tabel.js';
import { formatteerDuizendEuro, formatteerEuro, TEKEN_NIHIL } from '../shared/formaat.js';
import type { FinancienJson } from './service.js';
import { kwartaalVoluit, type Kwartaal } from '../calendar/kwartaal.js';

export interface FinancienTabelRij<T = string> {
  naam: string;
  totaal: boolean;
  cellen: T[];
  /** per cell: an amount worse than the budget (a negative Verschil), marked in words, not by colour alone */
  tekort?: boolean[];
}

/** How the table marks a post whose realisation has the unusual sign. */
export function afwijking(groep: string): string {
  return groep === 'inkomsten' ? 'negatief: terugbetaling of correctie' : 'vrijval';
}

/** The unit of every amount column of the table on screen and in the report: thousands of euros. */
export const DUIZEND_EURO = '× € 1.000';
const KOLOMMEN = ['Realisatie', 'Begroting', 'Verschil', 'Begroting jaar', 'Realisatie jaar t/m kwartaal'];
export const FINANCIEN_KOLOMMEN_TABEL = ['Post', ...KOLOMMEN.map((k) => `${k} (${DUIZEND_EURO})`)];
/** the column Verschil in the cells of a row */
const VERSCHIL = 2;
export const TEKORT = 'tekort';

/** The rows of the finance table in euros: posts with their totals after each group (null: no budget). */
function financienRijen(f: FinancienJson): FinancienTabelRij<number | null>[] {
  const rij = (naam: string, b: FinancienJson['posten'][number] | FinancienJson['totalen'][number], totaal: boolean): FinancienTabelRij<number | null> => ({
    naam,
    totaal,
    cellen: [b.realisatie, b.begroting, b.verschil, b.begroting_jaar, b.realisatie_jaar_tot_nu],
  });
  const totaal = (t: string) => f.totalen.find((x) => x.totaal === t)!;
  const uit: FinancienTabelRij<number | null>[] = [];
  for (const groep of ['inkomsten', 'personeelskosten', 'overige_kosten'] as const) {
    for (const p of f.posten.filter((x) => x.groep === groep)) uit.push(rij(p.afwijkend_teken ? `${p.naam} (${afwijking(p.groep)})` : p.naam, p, false));
    const t = totaal(groep);
    uit.push(rij(t.naam, t, true));
  }
  for (const t of ['kosten', 'resultaat']) uit.push(rij(totaal(t).naam, totaal(t), true));
  return uit;
}

/**
 * Realisation vs budget vs difference, × € 1.000 (the header says so, the cells carry no € sign),
 * posts with their totals after each group; a negative Verschil (worse than budgeted, for income and
 * costs alike) reads `−86 (tekort)`. Used by the page, the report and the CLI.
 */
export function financienTabel(f: FinancienJson): FinancienTabelRij[] {
  return financienRijen(f).map((r) => {
    const tekort = r.cellen.map((c, i) => i === VERSCHIL && c !== null && c < 0);
    return { ...r, tekort, cellen: r.cellen.map((c, i) => `${formatteerDuizendEuro(c)}${tekort[i] ? ` (${TEKORT})` : ''}`) };
  });
}

/**
 * The result of a quarter against its budget in whole euros, naming a deficit: one sentence for the
 * page and the report. "Het resultaat over het eerste kwartaal van 2019 was € 564.000, € 86.000
 * slechter dan begroot: een tekort ten opzichte van de begroting."
 */
export function resultaatZin(kwartaal: Kwartaal, realisatie: number, begroting: number | null): string {
  const basis = `Het resultaat over het ${kwartaalVoluit(kwartaal)} was ${formatteerEuro(realisatie)}`;
  if (begroting === null) return `${basis}; er is geen begroting om het mee te vergelijken.`;
  const verschil = realisatie - begroting;
  if (verschil === 0) return `${basis}, gelijk aan de begroting.`;
  if (verschil < 0) return `${basis}, ${formatteerEuro(-verschil)} slechter dan begroot: een ${TEKORT} ten opzichte van de begroting.`;
  return `${basis}, ${formatteerEuro(verschil)} beter dan begroot.`;
}

/** The same table for a download: whole euros (a spreadsheet shows them as `€ 2.083.750`), '–' where there is no budget. */
export function financienExportTabel(f: FinancienJson): Tabel {
  return {
    kolommen: ['Post', ...KOLOMMEN.map((k) => `${k} (€)`)],
    rijen: financienRijen(f).map((r) => [r.naam, ...r.cellen.map((c) => c ?? TEKEN_NIHIL)]),
    soorten: ['tekst', 'bedrag', 'bedrag', 'bedrag', 'bedrag', 'bedrag'],
  };
}
