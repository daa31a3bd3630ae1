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
    const fout = async (lees: () => Promise<unknown>) =>
      lees().then(
        () => null,
        (e: Error) => e.message,
      );
    const verwacht = await fout(() => perRegel(pad));
    expect(verwacht).toContain('open.csv: regel 2');
    expect(await fout(() => perBlok(pad))).toBe(verwacht);
  });

  it('UTF-8: ASCII chunks read directly, a character cut by a chunk boundary, a U+FEFF inside the file kept', async () => {
    const KB64 = 1 << 16;
    /** ASCII lines `R<n>;x…` filling exactly `bytes` bytes */
    const vul = (bytes: number, van: number) => {
      const regels: string[] = [];
      let over = bytes;
      for (let n = van; over > 0; n++) {
        const regel = over > 80 ? `R${n};${'x'.repeat(40)}\n` : `R${n};${'x'.repeat(Math.max(over - 3 - String(n).length, 0))}\n`;
        regels.push(regel);
        over -= regel.length;
      }
      return Buffer.from(regels.join(''), 'latin1');
    };
    const kop = Buffer.from('\uFEFFid;tekst\n', 'utf8');
    // chunk 2 is pure ASCII but ends with the first byte of é; chunk 4 starts with U+FEFF
    const deel1 = Buffer.concat([kop, vul(2 * KB64 - 1 - kop.length - 3, 1), Buffer.from('Ra;', 'latin1')]);
    const deel2 = Buffer.concat([Buffer.from('é\n', 'utf8'), vul(KB64 - 2 + 1 - 1 - 3, 5000)]);
    const zwnbsp = Buffer.from('\uFEFFRb;ze\n', 'utf8');
    const bytes = Buffer.concat([deel1, deel2, Buffer.from('R;\n', 'latin1'), zwnbsp, vul(3 * KB64, 9000)]);
    expect(bytes.subarray(2 * KB64 - 1, 2 * KB64 + 1)).toEqual(Buffer.from('é', 'utf8'));
    expect(bytes.subarray(3 * KB64, 3 * KB64 + 3)).toEqual(Buffer.from('\uFEFF', 'utf8'));
    const pad = join(dir, 'grenzen.csv');
    writeFileSync(pad, bytes);
    const verwacht = bytes
      .toString('utf8')
      .slice(1)
      .split('\n')
      .filter((r) => r !== '')
      .map((r) => r.split(';'));
    const { rows } = await perBlok(pad);
    expect(rows.map((r) => r.values)).toEqual(verwacht);
    expect(rows.find((r) => r.values[0] === 'Ra')?.values[1]).toBe('é');
    expect(rows.find((r) => r.values[0] === '\uFEFFRb')?.values[1]).toBe('ze');
    expect(await perRegel(pad)).toEqual(rows);
  });

  it('UTF-8: a character cut off before a chunk of pure ASCII is refused, on its line', async () => {
    const KB64 = 1 << 16;
    const kop = Buffer.from('\uFEFFid;tekst\n', 'utf8');
    const regel = Buffer.from(`R;${'x'.repeat(KB64 - kop.length - 3)}`, 'latin1');
    // byte 65535 is the first byte of a two-byte character whose second byte never comes
    const bytes = Buffer.concat([kop, regel, Buffer.from([0xc3]), Buffer.from('\nR2;y\nR3;z\n', 'latin1')]);
    expect(bytes[KB64 - 1]).toBe(0xc3);
    const pad = join(dir, 'afgekapt.csv');
    writeFileSync(pad, bytes);
    await expect(perBlok(pad)).rejects.toThrow('afgekapt.csv: regel 2: bevat ongeldige UTF-8');
    await expect(perRegel(pad)).rejects.toThrow('afgekapt.csv: regel 2: bevat ongeldige UTF-8');
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
