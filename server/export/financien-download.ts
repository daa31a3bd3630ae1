import type { Grafiek } from '../charts/grafiek.js';
import type { FinancienJson } from '../financien/service.js';
import { financienExportTabel } from '../financien/tabel.js';
import type { ExportTabel } from './tabel-export.js';

/** The tables of the finance page, in its order: realisation and budget (when there is one), then the charts' tables. */
export function financienTabellen(data: FinancienJson, grafieken: Grafiek[]): (ExportTabel & { id: string; tekensGezet?: boolean })[] {
  const begroting = data.heeft_financien
    ? [
        {
          id: 'begroting',
          titel: 'Realisatie en begroting',
          blad: 'Realisatie en begroting',
          tekensGezet: true,
          definitie:
            'Bedragen in euro, inkomsten positief, kosten negatief. Verschil = realisatie − begroting: ' +
            'positief is gunstig, voor inkomsten en kosten. – = geen begroting voor deze post.',
          tabel: financienExportTabel(data),
        },
      ]
    : [];
  return [...begroting, ...grafieken];
}

/** The Toelichting's source line of the finance downloads. */
export const FINANCIEN_BRON = (organisatie: string) => `VT Monitor, financiële administratie en formatiebestand van ${organisatie}`;
