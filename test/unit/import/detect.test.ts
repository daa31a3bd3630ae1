import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectDelimiter, detectEncoding } from '../../../server/import/detect.js';
import { parseBoolean, parseDate } from '../../../server/import/values.js';

describe('file conventions', () => {
  it('encoding: BOM, plain UTF-8, Windows-1252', () => {
    expect(detectEncoding(Buffer.from('\uFEFFa;b', 'utf8'))).toEqual({ encoding: 'utf8', bom: true });
    expect(detectEncoding(Buffer.from('café;b', 'utf8'))).toEqual({ encoding: 'utf8', bom: false });
    expect(detectEncoding(iconv.encode('café;b', 'win1252'))).toEqual({ encoding: 'windows-1252', bom: false });
  });
  it('delimiter from the header line', () => {
    expect(detectDelimiter('registratie_id;soort;datum_binnenkomst')).toBe(';');
    expect(detectDelimiter('registratie_id,soort,datum_binnenkomst')).toBe(',');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
  });
  it('dates: ISO, Dutch, XLSX date cells', () => {
    expect(parseDate('2019-01-05')).toEqual({ ok: true, value: '2019-01-05' });
    expect(parseDate('05-01-2019')).toEqual({ ok: true, value: '2019-01-05' });
    expect(parseDate('5-1-2019')).toEqual({ ok: true, value: '2019-01-05' });
    expect(parseDate(new Date(Date.UTC(2019, 0, 5)))).toEqual({ ok: true, value: '2019-01-05' });
    expect(parseDate('2019-13-01').ok).toBe(false);
  });
  it('booleans', () => {
    for (const ja of ['ja', 'J', '1', 'true', 'TRUE']) expect(parseBoolean(ja)).toEqual({ ok: true, value: 1 });
    for (const nee of ['nee', 'n', '0', 'false']) expect(parseBoolean(nee)).toEqual({ ok: true, value: 0 });
  });
});
