import { kwartaalKort, kwartaalVoluit, type Kwartaal } from '../calendar/kwartaal.js';
import type { Grafiek } from '../charts/grafiek.js';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { DEFINITIEVERSIE } from '../indicatoren/gebieden.js';
import { leesMeta } from '../db/metagegevens.js';
import { beleidTekst, type Beleid } from '../privacy/onderdrukking.js';
import { kleinTeken } from '../privacy/onderdrukking.js';
import { verklaringVanTekens } from '../rapportage/model.js';
import { formatteerDatum } from '../shared/formaat.js';
import { nietGevonden } from '../shared/fouten.js';
import { alsCsv, alsWerkboek, metTekens, type ExportTabel, type Toelichting } from './tabel-export.js';

/**
 * The downloads of the pages: one table as CSV or XLSX, every table of a page in one workbook
 * ("alle tabellen"), each workbook with its sheet Toelichting. What leaves the server here has
 * been protected before (the page model), and the signs are set once, by `metTekens`.
 */

export interface Download {
  bestandsnaam: string;
  type: string;
  inhoud: Buffer | string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
export type Formaat = 'csv' | 'xlsx';

export function leesFormaat(formaat: unknown): Formaat {
  if (formaat === 'csv' || formaat === 'xlsx') return formaat;
  throw nietGevonden('Download als .csv of .xlsx');
}

/** What the Toelichting says about the protection of small numbers. */
export function beschermingTekst(beleid: Beleid | null): string {
  if (beleid) return beleidTekst(beleid);
  return (
    'Geen afronding: deze cijfers zijn voor medewerkers van Veilig Thuis en het bestuur. Wat een ' +
    'gemeente downloadt is beschermd: aantallen afgerond op veelvouden van 5, percentages en cijfers ' +
    'per 1.000 inwoners uit de afgeronde aantallen, en niet getoond (.) op een kleine basis.'
  );
}

export interface Context {
  db: Db;
  regio: Regio;
  /** ISO date of today */
  vandaag: string;
}

/** The period a download covers, as the Toelichting names it. */
export type Periode = { kwartaal: Kwartaal; periode?: number } | { datum: string };

function periodeRegels(p: Periode): [string, string][] {
  if ('datum' in p) return [['Peildatum', formatteerDatum(p.datum)]];
  const regels: [string, string][] = [['Kwartaal', `${kwartaalVoluit(p.kwartaal)} (${kwartaalKort(p.kwartaal)})`]];
  if (p.periode) regels.push(['Periode', `de trendgrafieken beslaan ${p.periode} kwartalen tot en met ${kwartaalKort(p.kwartaal)}`]);
  return regels;
}

export async function toelichting(c: Context, onderwerp: string, periode: Periode, beleid: Beleid | null, bron?: string): Promise<Toelichting> {
  return {
    onderwerp,
    periode: periodeRegels(periode),
    bron: bron ?? `VT Monitor, registraties van ${c.regio.organisatie}`,
    organisatie: c.regio.organisatie,
    exportdatum: c.vandaag,
    exportdatumTekst: formatteerDatum(c.vandaag),
    definitieversie: (await leesMeta(c.db, 'definitieversie')) ?? DEFINITIEVERSIE,
    bescherming: beschermingTekst(beleid),
    tekens: verklaringVanTekens(beleid),
  };
}

/**
 * A chart's table with CBS's signs, as the page shows it. A table that sets its own signs
 * (`tekensGezet`, the finance table, where '–' means "no budget") is left as it is.
 */
function metTekensVan(g: ExportTabel & { tekensGezet?: boolean }, beleid: Beleid | null): ExportTabel {
  return {
    titel: g.titel,
    blad: g.blad,
    definitie: g.definitie,
    tabel: g.tekensGezet ? g.tabel : metTekens(g.tabel, beleid !== null, beleid ? kleinTeken(beleid) : null),
  };
}

/** One table as CSV or XLSX (a workbook of that table and its Toelichting). */
export async function tabelDownload(
  c: Context,
  t: ExportTabel & { tekensGezet?: boolean },
  naam: string,
  formaat: unknown,
  opties: { onderwerp: string; periode: Periode; beleid: Beleid | null; bron?: string },
): Promise<Download> {
  const f = leesFormaat(formaat);
  const tabel = metTekensVan(t, opties.beleid);
  if (f === 'csv') return { bestandsnaam: `${naam}.csv`, type: CSV_TYPE, inhoud: alsCsv(tabel.tabel, verklaringVanTekens(opties.beleid)) };
  const uitleg = await toelichting(c, `${t.titel} (${opties.onderwerp})`, opties.periode, opties.beleid, opties.bron);
  return { bestandsnaam: `${naam}.xlsx`, type: XLSX_TYPE, inhoud: await alsWerkboek([tabel], uitleg) };
}

/** Every table of a page in one workbook, one sheet each, in the order of the page, plus Toelichting. */
export async function alleTabellenDownload(
  c: Context,
  tabellen: (ExportTabel & { tekensGezet?: boolean })[],
  naam: string,
  opties: { onderwerp: string; periode: Periode; beleid: Beleid | null; bron?: string },
): Promise<Download> {
  const uitleg = await toelichting(c, `${opties.onderwerp}: alle tabellen`, opties.periode, opties.beleid, opties.bron);
  return {
    bestandsnaam: `${naam}.xlsx`,
    type: XLSX_TYPE,
    inhoud: await alsWerkboek(
      tabellen.map((t) => metTekensVan(t, opties.beleid)),
      uitleg,
    ),
  };
}

/** The tables of a dashboard page in its order: its charts, the prognose section, the Monitoring section. */
export function tabellenVanPagina(m: { grafieken: Grafiek[]; monitoring: Grafiek[]; prognose?: Grafiek[]; kaart?: Grafiek }): Grafiek[] {
  return [...(m.kaart ? [m.kaart] : []), ...m.grafieken, ...(m.prognose ?? []), ...m.monitoring]; // the order of the page
}
