import ExcelJS from 'exceljs';
import type { Cel, Tabel } from '../charts/grafiek.js';
import { csvVeld } from '../shared/csv.js';
import { TEKEN_GEHEIM, TEKEN_NIHIL } from '../shared/formaat.js';

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

/** CBS's signs for a download: a hidden or unknown value is `.`, an exact zero `–` (nihil); a rounded zero of a protected table stays 0. */
export function metTekens(tabel: Tabel, beschermd: boolean): Tabel {
  return {
    kolommen: tabel.kolommen,
    rijen: tabel.rijen.map((rij) => rij.map((c, i) => (i === 0 ? c : c === null ? TEKEN_GEHEIM : c === 0 && !beschermd ? TEKEN_NIHIL : c))),
  };
}

/** `;`-separated, decimal comma, UTF-8 with BOM: opens correctly in Dutch Excel. `legenda`: the verklaring van tekens after a blank line. */
export function alsCsv(tabel: Tabel, legenda?: readonly (readonly [string, string])[]): string {
  const regels = [tabel.kolommen, ...tabel.rijen].map((rij) => rij.map(csvCel).join(';'));
  if (legenda) regels.push('', 'Verklaring van tekens', ...legenda.map(([t, u]) => [t, u].map((x) => csvCel(x)).join(';')));
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}

export async function alsXlsx(tabel: Tabel, bladnaam: string, legenda?: readonly (readonly [string, string])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VT Monitor';
  const ws = wb.addWorksheet(bladnaam.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  ws.addRow(tabel.kolommen).font = { bold: true };
  for (const rij of tabel.rijen) ws.addRow(rij.map(neutraliseer));
  ws.columns.forEach((c) => {
    c.width = 22;
  });
  if (legenda) {
    const l = wb.addWorksheet('Verklaring van tekens');
    l.addRow(['Teken', 'Betekenis']).font = { bold: true };
    for (const [t, u] of legenda) l.addRow([t, u]);
    l.getColumn(1).width = 8;
    l.getColumn(2).width = 70;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
