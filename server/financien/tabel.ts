import type { Tabel } from '../shared/tabel.js';
import { formatteerKeuro, TEKEN_NIHIL } from '../shared/formaat.js';
import type { FinancienJson } from './service.js';

export interface FinancienTabelRij<T = string> {
  naam: string;
  totaal: boolean;
  cellen: T[];
}

/** How the table marks a post whose realisation has the unusual sign. */
export function afwijking(groep: string): string {
  return groep === 'inkomsten' ? 'negatief: terugbetaling of correctie' : 'vrijval';
}

export const FINANCIEN_KOLOMMEN_TABEL = ['Post', 'Realisatie', 'Begroting', 'Verschil', 'Begroting jaar', 'Realisatie jaar t/m kwartaal'];

/** The rows of the finance table in euros: posts with their totals after each group (null: no budget). */
function financienRijen(f: FinancienJson): FinancienTabelRij<number | null>[] {
  const rij = (naam: string, b: FinancienJson['posten'][number] | FinancienJson['totalen'][number], totaal: boolean): FinancienTabelRij<number | null> => ({
    naam, totaal, cellen: [b.realisatie, b.begroting, b.verschil, b.begroting_jaar, b.realisatie_jaar_tot_nu],
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

/** Realisation vs budget vs difference, in k€, posts with their totals after each group; used by the page and the report. */
export function financienTabel(f: FinancienJson): FinancienTabelRij[] {
  return financienRijen(f).map((r) => ({ ...r, cellen: r.cellen.map(formatteerKeuro) }));
}

/** The same table for a download: whole euros (a spreadsheet shows them as `€ 2.083.750`), '–' where there is no budget. */
export function financienExportTabel(f: FinancienJson): Tabel {
  return {
    kolommen: FINANCIEN_KOLOMMEN_TABEL.map((k, i) => (i === 0 ? k : `${k} (€)`)),
    rijen: financienRijen(f).map((r) => [r.naam, ...r.cellen.map((c) => c ?? TEKEN_NIHIL)]),
    soorten: ['tekst', 'bedrag', 'bedrag', 'bedrag', 'bedrag', 'bedrag'],
  };
}
