import { formatKeuro } from '../shared/formaat.js';
import type { FinancienJson } from './service.js';

export interface FinancienTabelRij {
  naam: string;
  totaal: boolean;
  cellen: string[];
}

/** How the table marks a post whose realisation has the unusual sign. */
export function afwijking(groep: string): string {
  return groep === 'inkomsten' ? 'negatief: terugbetaling of correctie' : 'vrijval';
}

export const FINANCIEN_KOLOMMEN_TABEL = ['Post', 'Realisatie', 'Begroting', 'Verschil', 'Begroting jaar', 'Realisatie jaar t/m kwartaal'];

/** Realisation vs budget vs difference, in k€, posts with their totals after each group; used by the page and the report. */
export function financienTabel(f: FinancienJson): FinancienTabelRij[] {
  const rij = (naam: string, b: FinancienJson['posten'][number] | FinancienJson['totalen'][number], totaal: boolean): FinancienTabelRij => ({
    naam, totaal, cellen: [b.realisatie, b.begroting, b.verschil, b.begroting_jaar, b.realisatie_jaar_tot_nu].map(formatKeuro),
  });
  const totaal = (t: string) => f.totalen.find((x) => x.totaal === t)!;
  const uit: FinancienTabelRij[] = [];
  for (const groep of ['inkomsten', 'personeelskosten', 'overige_kosten'] as const) {
    for (const p of f.posten.filter((x) => x.groep === groep)) uit.push(rij(p.afwijkend_teken ? `${p.naam} (${afwijking(p.groep)})` : p.naam, p, false));
    const t = totaal(groep);
    uit.push(rij(t.naam, t, true));
  }
  for (const t of ['kosten', 'resultaat']) uit.push(rij(totaal(t).naam, totaal(t), true));
  return uit;
}
