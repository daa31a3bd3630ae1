/**
 * The board's three reports as one notion: a quarter (`kwartaal`, `2026-Q3`), a half year
 * (`halfjaar`, `2026-H1`) or a year (`jaar`, `2025`); their duiding sections, model, file name.
 */
import { isKwartaal, kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import { bestandsdeel } from '../shared/tekst.js';
import { SECTIES } from './kwartaalrapportage.js';
import { leesHalfjaar, leesJaar, periodeKort, type Periode } from './periode.js';
import { PERIODE_SECTIES } from './perioderapportage.js';

export type Rapportsoort = 'kwartaal' | 'halfjaar' | 'jaar';
export const RAPPORTSOORTEN: readonly Rapportsoort[] = ['kwartaal', 'halfjaar', 'jaar'];

export interface Rapport {
  soort: Rapportsoort;
  /** the period key as stored with the duiding and the archive */
  periode: string;
}

/** `2026-Q3`, `2026-H1` or `2025` → the report. */
export function rapportVan(periode: unknown): Rapport {
  const p = typeof periode === 'string' ? periode.trim() : '';
  if (isKwartaal(p)) return { soort: 'kwartaal', periode: p };
  if (/^\d{4}-H[12]$/.test(p)) return { soort: 'halfjaar', periode: p };
  if (/^\d{4}$/.test(p)) return { soort: 'jaar', periode: p };
  throw ongeldigeInvoer(
    `Onbekende rapportage: ${String(periode ?? 'niets')} (verwacht een kwartaal zoals 2026-Q3, een halfjaar zoals 2026-H1 of een jaar zoals 2025)`,
  );
}

export const periodeVan = (r: Rapport): Periode => (r.soort === 'halfjaar' ? leesHalfjaar(r.periode) : leesJaar(r.periode));

/** The duiding sections of a report: the voorlegger and every chapter of its list, in reading order. */
export function rapportSecties(r: Rapport): { sectie: string; titel: string }[] {
  return r.soort === 'kwartaal' ? [...SECTIES] : [...PERIODE_SECTIES];
}

export function rapportNaam(r: Rapport): string {
  if (r.soort === 'kwartaal') return `Kwartaalrapportage ${kwartaalKort(r.periode)}`;
  return `${r.soort === 'jaar' ? 'Jaarrapportage' : 'Halfjaarrapportage'} ${periodeKort(periodeVan(r))}`;
}

/** What a PDF holds: one of the board's reports, or the factsheet of one gemeente in a quarter. */
export interface Stuk {
  /** kwartaal | halfjaar | jaar | factsheet (as the archive stores it) */
  rapport: string;
  periode: string;
  /** the factsheet's gemeente (CBS code); empty for the board's reports */
  gemeente?: string | null | undefined;
}

type GemeentenVan = { perCode: ReadonlyMap<string, { naam: string }> };

/** `Kwartaalrapportage Q3 2026`, `Jaarrapportage 2025`, `Factsheet Tiel Q3 2026`: in lists, subjects and mails. */
export function stukNaam(stuk: Stuk, regio: GemeentenVan): string {
  if (stuk.rapport !== 'factsheet') return rapportNaam(rapportVan(stuk.periode));
  const gemeente = stuk.gemeente ?? '';
  return `Factsheet ${regio.perCode.get(gemeente)?.naam ?? gemeente} ${kwartaalKort(rapportVan(stuk.periode).periode as Kwartaal)}`;
}

/**
 * The one file name of a report or factsheet, wherever it leaves the server (download, archive,
 * e-mail attachment, CLI): `kwartaalrapportage-2026-Q3.pdf`, `jaarrapportage-2025.pdf`,
 * `factsheet-tiel-GM0281-2026-Q3.pdf` (the gemeente's name for the reader, its code to keep it unique).
 */
export function stukBestand(stuk: Stuk, regio: GemeentenVan, achtervoegsel = ''): string {
  if (stuk.rapport === 'factsheet') {
    if (!stuk.gemeente) throw new Error('Een factsheet hoort bij een gemeente');
    // a gemeente that has since left the region (an archived factsheet) keeps its code alone
    const naam = regio.perCode.get(stuk.gemeente)?.naam;
    return `factsheet-${naam ? `${bestandsdeel(naam)}-` : ''}${stuk.gemeente}-${stuk.periode}${achtervoegsel}.pdf`;
  }
  // the period says which of the board's reports it is: 2026-Q3, 2026-H1, 2025
  const soort = rapportVan(stuk.periode).soort;
  return `${soort === 'kwartaal' ? 'kwartaalrapportage' : soort === 'jaar' ? 'jaarrapportage' : 'halfjaarrapportage'}-${stuk.periode}${achtervoegsel}.pdf`;
}
