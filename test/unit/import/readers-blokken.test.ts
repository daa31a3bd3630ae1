/**
 * leesTabelBlokken gives the lines of leesTabel, in blocks: the same records, line numbers and
 * errors, for CSV (UTF-8, Windows-1252, quotes and line breaks across the 64 KiB chunks) and XLSX.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { leesTabel, leesTabelBlokken, type TableRow } from '../../../server/import/readers.js';

const dir = mkdtempSync(join(tmpdir(), 'blokken-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function perRegel(pad: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of leesTabel(pad)) rows.push(row);
  return rows;
}

async function perBlok(pad: string): Promise<{ rows: TableRow[]; blokken: number }> {
  const rows: TableRow[] = [];
  let blokken = 0;
  for await (const blok of leesTabelBlokken(pad)) {
    expect(blok.length).toBeGreaterThan(0);
    blokken++;
    rows.push(...blok);
  }
  return { rows, blokken };
}

/** 3.000 lines of about 60 characters, some with a quoted field holding `;`, `""` and a line break. */
function tekst(eol: string): string {
  const regels = ['registratie_id;soort;gemeente;datum_binnenkomst'];
  for (let i = 1; i <= 3000; i++) {
    const gemeente = i % 7 === 0 ? `"Maas ""en"" Waal;${eol}regel ${i}"` : i % 11 === 0 ? '' : 'Nijmegen é€';
    regels.push(`VT-${String(i).padStart(6, '0')};melding;${gemeente};2024-03-01`);
    if (i % 500 === 0) regels.push('');
  }
  return regels.join(eol) + eol;
}

describe('leesTabelBlokken', () => {
  for (const [naam, maak] of [
    ['UTF-8 with BOM, LF', () => Buffer.from(`\uFEFF${tekst('\n')}`, 'utf8')],
    ['UTF-8, CRLF', () => Buffer.from(tekst('\r\n'), 'utf8')],
    ['Windows-1252, CRLF', () => iconv.encode(tekst('\r\n'), 'win1252')],
  ] as const) {
    it(`CSV ${naam}: the lines of leesTabel, in more than one block`, async () => {
      const pad = join(dir, `${naam.replace(/\W+/g, '-')}.csv`);
      writeFileSync(pad, maak());
      const verwacht = await perRegel(pad);
      const { rows, blokken } = await perBlok(pad);
      expect(verwacht).toHaveLength(3001);
      expect(rows).toEqual(verwacht);
      expect(blokken).toBeGreaterThan(1);
    });
  }

  it('CSV: the same Dutch error for an unclosed quote', async () => {
    const pad = join(dir, 'open.csv');
    writeFileSync(pad, 'registratie_id;soort\nR1;"melding\nR2;advies\n');
    const fout = async (lees: () => Promise<unknown>) => lees().then(() => null, (e: Error) => e.message);
    const verwacht = await fout(() => perRegel(pad));
    expect(verwacht).toContain('open.csv: regel 2');
    expect(await fout(() => perBlok(pad))).toBe(verwacht);
  });

  it('XLSX: the rows of leesTabel', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('export');
    ws.addRow(['registratie_id', 'soort', 'datum_binnenkomst', 'spoed']);
    for (let i = 1; i <= 2500; i++) ws.addRow([`R${i}`, 'melding', new Date(Date.UTC(2024, 2, 1 + (i % 28))), i % 2 === 0]);
    const pad = join(dir, 'export.xlsx');
    await wb.xlsx.writeFile(pad);
    const verwacht = await perRegel(pad);
    const { rows, blokken } = await perBlok(pad);
    expect(verwacht).toHaveLength(2501);
    expect(rows).toEqual(verwacht);
    expect(blokken).toBe(3);
  });
});
