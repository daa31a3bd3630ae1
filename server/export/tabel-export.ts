import ExcelJS from 'exceljs';
import type { Cel, Tabel } from '../charts/grafiek.js';
import { csvVeld } from '../shared/csv.js';

/**
 * Text cells that a spreadsheet would read as a formula (=, +, -, @, and tab or carriage
 * return, as OWASP lists) get a leading apostrophe. Numbers stay numbers: a negative growth is
 * a number, not text, so it is never touched.
 */
export function neutraliseer(cel: Cel): Cel {
  if (typeof cel === 'string' && /^[=+\-@\t\r]/.test(cel)) return `'${cel}`;
  return cel;
}

function csvCel(cel: Cel): string {
  const v = neutraliseer(cel);
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v).replace('.', ',') : v;
  return csvVeld(text);
}

/** `;`-separated, decimal comma, UTF-8 with BOM: opens correctly in Dutch Excel. */
export function alsCsv(tabel: Tabel): string {
  const regels = [tabel.kolommen, ...tabel.rijen].map((rij) => rij.map(csvCel).join(';'));
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}

export async function alsXlsx(tabel: Tabel, bladnaam: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VT Monitor';
  const ws = wb.addWorksheet(bladnaam.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  ws.addRow(tabel.kolommen).font = { bold: true };
  for (const rij of tabel.rijen) ws.addRow(rij.map(neutraliseer));
  ws.columns.forEach((c) => {
    c.width = 22;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
