import ExcelJS from 'exceljs';
import { expect } from 'vitest';

/** Reading a page's chart tables and their CSV downloads back as cells, to compare the two (test/integration/*downloads*). */

/** The cells of a page's tables as the reader sees them, per chart: `<figure data-grafiek=…>`, its header, rows, signs and CSV link. */
export function tabellenVanHtml(html: string) {
  const tekst = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&#x3D;/g, '=')
      .replace(/&#x60;/g, '`')
      .replace(/&amp;/g, '&')
      .trim();
  return [...html.matchAll(/<figure class="grafiek" data-grafiek="([^"]+)"[\s\S]*?<\/figure>/g)].map(([figuur, id]) => {
    const cellen = (rij: string) => [...rij.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => tekst(c[1]!));
    const kop = cellen(/<thead>([\s\S]*?)<\/thead>/.exec(figuur)![1]!);
    const rijen = [.../<tbody>([\s\S]*?)<\/tbody>/.exec(figuur)![1]!.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((r) => cellen(r[0]));
    const tekens = [.../<p class="grafiek__tekens">([\s\S]*?)<\/p>/.exec(figuur)![1]!.matchAll(/<b>([\s\S]*?)<\/b> ([^;<]*?)(?=; <b>|\.$)/g)].map((t) => [
      tekst(t[1]!),
      tekst(t[2]!),
    ]);
    const csv = tekst(/href="([^"]+\.csv\?[^"]*)"/.exec(figuur)![1]!);
    return { id: id!, kop, rijen, tekens, csv };
  });
}

/** A CSV download as rows of cells (`;`, quotes doubled) and the verklaring van tekens after its blank line. */
export function leesCsv(csv: string): { rijen: string[][]; tekens: string[][] } {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const regels = csv
    .slice(1)
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((r) => [...`${r};`.matchAll(/("(?:[^"]|"")*"|[^;]*);/g)].map((c) => (c[1]!.startsWith('"') ? c[1]!.slice(1, -1).replace(/""/g, '"') : c[1]!)));
  const leeg = regels.findIndex((r) => r.length === 1 && r[0] === '');
  return { rijen: leeg < 0 ? regels : regels.slice(0, leeg), tekens: leeg < 0 ? [] : regels.slice(leeg + 2) };
}

/** A cell of the page (`1.234`, `29,4`) and of the CSV (`1234`, `29,4166…`) as the same number where it is one; signs stay text. */
export const alsWaarde = (cel: string, bron: 'pagina' | 'csv'): string | number => {
  const getal = bron === 'pagina' ? cel.replace(/\./g, '').replace(',', '.') : cel.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(getal) ? Math.round(Number(getal) * 10) / 10 : cel;
};

/** A download's bytes as text (BOM kept, so that leesCsv can check it). */
export async function alsTekst(res: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

/** An XLSX download as a workbook (status 200, the spreadsheet content type). */
export async function werkboek(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return wb;
}

/** A worksheet's rows as arrays of cell values, from its first row and column. */
export const bladRijen = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .slice(1)
    .map((r) => (r as ExcelJS.CellValue[]).slice(1));

/**
 * Asserts that a chart's CSV download equals its table on the page: the header (word for word with `kopLetterlijk`;
 * else its width, for a page that groups its columns under a second header row), every cell (as a value) and the
 * signs; gives the cell count.
 */
export function csvIsTabel(t: ReturnType<typeof tabellenVanHtml>[number], csv: string, kopLetterlijk = false): number {
  const { rijen, tekens } = leesCsv(csv);
  expect(rijen.length, t.id).toBe(t.rijen.length + 1);
  if (kopLetterlijk) expect(rijen[0], t.id).toEqual(t.kop);
  else expect(rijen[0]!.length, t.id).toBe(t.kop.length);
  expect(
    rijen.slice(1).map((r) => r.map((c) => alsWaarde(c, 'csv'))),
    t.id,
  ).toEqual(t.rijen.map((r) => r.map((c) => alsWaarde(c, 'pagina'))));
  expect(tekens, t.id).toEqual(t.tekens);
  return t.rijen.flat().length;
}
