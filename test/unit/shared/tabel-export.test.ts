import { describe, expect, it } from 'vitest';
import { alsCsv, neutraliseer } from '../../../server/export/tabel-export.js';

describe('table export', () => {
  it('neutralises text that a spreadsheet would run as a formula, never numbers', () => {
    expect(neutraliseer('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseer('+31')).toBe(`'+31`);
    expect(neutraliseer('-1')).toBe(`'-1`);
    expect(neutraliseer('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseer(-3.1)).toBe(-3.1);
    expect(neutraliseer('Nijmegen')).toBe('Nijmegen');
  });
  it('CSV: BOM, semicolons, decimal comma, quoting', () => {
    expect(
      alsCsv({
        kolommen: ['Naam', 'Waarde'],
        rijen: [
          ['a;b', 29.4],
          ['=1+1', -3],
          ['x', null],
        ],
      }),
    ).toBe(`\uFEFFNaam;Waarde\r\n"a;b";29,4\r\n'=1+1;-3\r\nx;\r\n`);
  });
});
