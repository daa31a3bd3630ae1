import ExcelJS from 'exceljs';
import type { Cel, Kolomsoort, Tabel } from '../shared/tabel.js';
import { isAantalKop } from '../charts/grafiek.js';
import { csvVeld, neutraliseer } from '../shared/csv.js';
import { TEKEN_GEHEIM, TEKEN_NIHIL } from '../shared/formaat.js';

/**
 * Tables as downloads that open natively in Dutch office tools: CSV with `;` and a decimal
 * comma, XLSX with real numbers, number formats, dates and Dutch sheet names. Pure: a table in,
 * bytes out; what goes in the Toelichting is given by the caller (server/export/downloads.ts).
 */

/** The rule for formula-like text lives with the CSV helpers (shared by the afgewezen file). */
export { neutraliseer };

function csvCel(cel: Cel): string {
  const v = neutraliseer(cel);
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return csvVeld(text);
}

/**
 * CBS's signs for a table: a hidden or unknown value is `.`, an exact zero `–` (nihil). In a
 * protected table a count rounded to 0 is `klein` ("< 3", never a plain 0 that reads as none);
 * a 0 in any other column (a share, a rate, a median) stays 0.
 */
export function metTekens(tabel: Tabel, beschermd: boolean, klein: string | null = null): Tabel {
  const telt = kolomsoorten(tabel).map((s, i) => s === 'aantal' && isAantalKop(tabel.kolommen[i] ?? ''));
  return {
    ...tabel,
    rijen: tabel.rijen.map((rij) =>
      rij.map((c, i) => {
        if (i === 0) return c;
        if (c === null) return TEKEN_GEHEIM;
        if (c === 0 && !beschermd) return TEKEN_NIHIL;
        if (c === 0 && klein !== null && telt[i]) return klein;
        return c;
      }),
    ),
  };
}

/**
 * Headers that say what they are on their own: a header that repeats in the table (the open
 * work's three "waarvan over termijn") is named by its group, the nearest header before it that
 * does not repeat, up to its colon: "Open VB: waarvan over termijn". Whatever still repeats gets
 * a number.
 */
export function uniekeKoppen(kolommen: readonly string[]): string[] {
  const aantal = new Map<string, number>();
  for (const k of kolommen) aantal.set(k, (aantal.get(k) ?? 0) + 1);
  let groep = '';
  const uit = kolommen.map((k) => {
    if (aantal.get(k) === 1) {
      groep = k.split(':')[0]!.trim();
      return k;
    }
    return groep ? `${groep}: ${k}` : k;
  });
  const gezien = new Map<string, number>();
  return uit.map((k) => {
    const n = (gezien.get(k) ?? 0) + 1;
    gezien.set(k, n);
    return n === 1 ? k : `${k} (${n})`;
  });
}

const ISO_DATUM = /^\d{4}-\d{2}-\d{2}$/;
const isSign = (c: Cel) => c === TEKEN_GEHEIM || c === TEKEN_NIHIL || c === '*' || (typeof c === 'string' && /^< \d+$/.test(c));

/**
 * The kind of every column: what the table says, else read from the column. A column of ISO
 * dates is a date; a header with `%` a share; a number with decimals a decimal figure; other
 * numbers counts; the rest text. Signs ('.', '–') do not decide a kind.
 */
export function kolomsoorten(tabel: Tabel): Kolomsoort[] {
  return tabel.kolommen.map((kop, i) => {
    const gegeven = tabel.soorten?.[i];
    if (gegeven) return gegeven;
    const waarden = tabel.rijen.map((r) => r[i] ?? null).filter((c) => c !== null && !isSign(c));
    if (waarden.length > 0 && waarden.every((c) => typeof c === 'string' && ISO_DATUM.test(c))) return 'datum';
    if (waarden.some((c) => typeof c === 'string')) return 'tekst';
    if (i === 0 && waarden.length === 0) return 'tekst';
    if (kop.includes('%')) return 'aandeel';
    if (waarden.some((c) => typeof c === 'number' && !Number.isInteger(c))) return 'decimaal';
    return 'aantal';
  });
}

/** Decimals a column's figures have (at most 2), for its number format. */
function decimalenVan(tabel: Tabel, i: number): number {
  let d = 0;
  for (const r of tabel.rijen) {
    const c = r[i];
    if (typeof c === 'number' && Number.isFinite(c)) {
      const tekst = String(c);
      const punt = tekst.indexOf('.');
      if (punt >= 0) d = Math.max(d, tekst.length - punt - 1);
    }
  }
  return Math.min(d, 2);
}

/**
 * Excel's internal format codes: `,` is the thousands separator and `.` the decimal point of the
 * code, shown with the locale's own signs, so `#,##0` reads 1.527 and `0.0%` reads 29,4% in a
 * Dutch Excel or LibreOffice.
 */
export const NUMFMT = {
  aantal: '#,##0',
  aandeel: '0.0%',
  bedrag: '"€" #,##0',
  datum: 'd-m-yyyy',
} as const;

function numFmt(soort: Kolomsoort, decimalen: number): string | undefined {
  if (soort === 'aantal') return NUMFMT.aantal;
  if (soort === 'aandeel') return NUMFMT.aandeel;
  if (soort === 'bedrag') return NUMFMT.bedrag;
  if (soort === 'datum') return NUMFMT.datum;
  if (soort === 'decimaal') return decimalen === 0 ? NUMFMT.aantal : `#,##0.${'0'.repeat(decimalen)}`;
  return undefined;
}

/** A cell's value for the sheet: a share as a real fraction, an ISO date as a date, a sign as text. */
function xlsxWaarde(c: Cel, soort: Kolomsoort): ExcelJS.CellValue {
  if (c === null) return TEKEN_GEHEIM;
  if (typeof c === 'number') return soort === 'aandeel' ? Number((c / 100).toPrecision(12)) : c;
  if (soort === 'datum' && ISO_DATUM.test(c)) {
    const [j, m, d] = c.split('-').map(Number);
    return new Date(Date.UTC(j!, m! - 1, d!));
  }
  return neutraliseer(c);
}

const VERBODEN_IN_BLAD = /[[\]:*?/\\]/g;
/** Words that lead on to what was cut off. */
const SLEEPWOORD_AAN_EIND = /\s+(de|het|een|van|en|of|per|tegen|op|in|met|voor|naar|bij|uit|tot|door|over|na)$/i;

/** A sheet name Excel accepts: no []:*?/\, no apostrophe at either end, at most 31 characters, cut at a word. */
export function geldigeBladnaam(naam: string): string {
  let n = naam
    .replace(VERBODEN_IN_BLAD, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  if (n.length > 31) {
    const kort = n.slice(0, 32);
    const spatie = kort.lastIndexOf(' ');
    n = (spatie >= 12 ? kort.slice(0, spatie) : n.slice(0, 31)).replace(/[\s,;—–-]+$/, '');
    // a cut name does not end in an opened bracket or a word that leads on ("Prognose (geen", "… per")
    for (let vorige = ''; vorige !== n && n.length > 12;) {
      vorige = n;
      n = n
        .replace(/\s*\([^)]*$/, '')
        .replace(SLEEPWOORD_AAN_EIND, '')
        .replace(/[\s,;—–-]+$/, '');
    }
  }
  return n || 'Tabel';
}

/** A table's sheet name: its own `blad`, else its title without the "— gebied" suffix. */
export function bladnaamVan(t: { blad?: string; titel: string }): string {
  return geldigeBladnaam(t.blad ?? t.titel.split(' — ')[0]!.replace(/\*? \(voorlopig\)$/, ''));
}

/** Unique within a workbook, as Excel compares: case-insensitive; a repeat gets " (2)", still at most 31. */
function uniek(naam: string, bezet: Set<string>): string {
  let kandidaat = naam;
  for (let n = 2; bezet.has(kandidaat.toLowerCase()); n++) {
    const achter = ` (${n})`;
    kandidaat = `${naam.slice(0, 31 - achter.length).trimEnd()}${achter}`;
  }
  bezet.add(kandidaat.toLowerCase());
  return kandidaat;
}

export interface ExportTabel {
  titel: string;
  blad?: string;
  definitie?: string;
  tabel: Tabel;
}

export interface Toelichting {
  /** what the workbook holds, e.g. "Regio Gelderland-Zuid, alle tabellen" */
  onderwerp: string;
  /** "Kwartaal" / "Periode" → the value, in Dutch */
  periode: [string, string][];
  /** where the figures come from, e.g. "VT Monitor, registraties van Veilig Thuis Gelderland-Zuid" */
  bron: string;
  organisatie: string;
  /** ISO date of the export */
  exportdatum: string;
  exportdatumTekst: string;
  definitieversie: string;
  bescherming: string;
  tekens: readonly (readonly [string, string])[];
}

const breedte = (v: ExcelJS.CellValue, soort: Kolomsoort): number => {
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return soort === 'aandeel' ? 7 : soort === 'bedrag' ? String(Math.round(v)).length + 4 : String(v).length + 2;
  return String(v ?? '').length;
};

function vulBlad(ws: ExcelJS.Worksheet, tabel: Tabel): void {
  const soorten = kolomsoorten(tabel);
  const koppen = uniekeKoppen(tabel.kolommen);
  const kop = ws.addRow(koppen);
  kop.font = { bold: true };
  kop.alignment = { vertical: 'top', wrapText: true };
  for (const rij of tabel.rijen) {
    const r = ws.addRow(rij.map((c, i) => xlsxWaarde(c, soorten[i] ?? 'tekst')));
    rij.forEach((c, i) => {
      if (i > 0 && (c === null || (typeof c === 'string' && isSign(c)))) r.getCell(i + 1).alignment = { horizontal: 'right' };
    });
  }
  koppen.forEach((k, i) => {
    const kolom = ws.getColumn(i + 1);
    const fmt = numFmt(soorten[i]!, decimalenVan(tabel, i));
    if (fmt) kolom.numFmt = fmt;
    const inhoud = Math.max(0, ...tabel.rijen.map((r) => breedte(xlsxWaarde(r[i] ?? null, soorten[i]!), soorten[i]!)));
    kolom.width = Math.min(50, Math.max(8, Math.min(k.length, 28) + 2, inhoud + 2));
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  if (koppen.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, tabel.rijen.length + 1), column: koppen.length } };
}

function vulToelichting(ws: ExcelJS.Worksheet, t: Toelichting, bladen: { naam: string; tabel: ExportTabel }[]): void {
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 100;
  const kop = (tekst: string) => {
    const r = ws.addRow([tekst]);
    r.font = { bold: true, size: 12 };
  };
  const regel = (a: string, b: ExcelJS.CellValue) => {
    const r = ws.addRow([a, b]);
    r.getCell(1).font = { bold: true };
    r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    r.getCell(1).alignment = { vertical: 'top' };
    return r;
  };
  ws.addRow([t.onderwerp]).font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const [a, b] of t.periode) regel(a, b);
  regel('Bron', t.bron);
  regel('Organisatie', t.organisatie);
  const datum = regel('Geëxporteerd op', t.exportdatumTekst);
  datum.getCell(2).alignment = { horizontal: 'left' };
  regel('Definitieversie', `VT Monitor, Indicatoren ${t.definitieversie}`);
  regel('Bescherming kleine aantallen', t.bescherming);
  ws.addRow([]);
  kop('Verklaring van tekens');
  for (const [teken, uitleg] of t.tekens) {
    const r = ws.addRow([teken, uitleg]);
    r.getCell(1).alignment = { horizontal: 'left' };
  }
  ws.addRow([]);
  kop('Tabellen');
  for (const b of bladen) regel(b.naam, b.tabel.definitie ? `${b.tabel.titel}. ${b.tabel.definitie}` : b.tabel.titel);
}

export const TOELICHTING = 'Toelichting';

/** A workbook: one sheet per table (Dutch, unique names), then the sheet Toelichting. */
export async function alsWerkboek(tabellen: ExportTabel[], toelichting: Toelichting): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VT Monitor';
  wb.company = toelichting.organisatie;
  wb.title = toelichting.onderwerp;
  const [j, m, d] = toelichting.exportdatum.split('-').map(Number);
  wb.created = new Date(Date.UTC(j!, m! - 1, d!));
  wb.modified = wb.created;
  const bezet = new Set([TOELICHTING.toLowerCase()]);
  const bladen = tabellen.map((t) => ({ naam: uniek(bladnaamVan(t), bezet), tabel: t }));
  for (const b of bladen) vulBlad(wb.addWorksheet(b.naam), b.tabel.tabel);
  vulToelichting(wb.addWorksheet(TOELICHTING), toelichting, bladen);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `;`-separated, decimal comma, UTF-8 with BOM: opens correctly in Dutch Excel. `legenda`: the verklaring van tekens after a blank line. */
export function alsCsv(tabel: Tabel, legenda?: readonly (readonly [string, string])[]): string {
  const regels = [uniekeKoppen(tabel.kolommen), ...tabel.rijen].map((rij) => rij.map(csvCel).join(';'));
  if (legenda) regels.push('', 'Verklaring van tekens', ...legenda.map(([t, u]) => [t, u].map((x) => csvCel(x)).join(';')));
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}
