import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { herkenScheidingsteken, herkenCodering } from '../../../server/import/detect.js';
import { leesJaNee, leesDatum } from '../../../server/import/values.js';

describe('file conventions', () => {
  it('encoding: BOM, plain UTF-8, Windows-1252', () => {
    expect(herkenCodering(Buffer.from('\uFEFFa;b', 'utf8'))).toEqual({ encoding: 'utf8', bom: true });
    expect(herkenCodering(Buffer.from('café;b', 'utf8'))).toEqual({ encoding: 'utf8', bom: false });
    expect(herkenCodering(iconv.encode('café;b', 'win1252'))).toEqual({ encoding: 'windows-1252', bom: false });
  });
  it('delimiter from the header line', () => {
    expect(herkenScheidingsteken('registratie_id;soort;datum_binnenkomst')).toBe(';');
    expect(herkenScheidingsteken('registratie_id,soort,datum_binnenkomst')).toBe(',');
    expect(herkenScheidingsteken('"a;b",c,d')).toBe(',');
  });
  it('dates: ISO, Dutch, XLSX date cells', () => {
    expect(leesDatum('2019-01-05')).toEqual({ ok: true, value: '2019-01-05' });
    expect(leesDatum('05-01-2019')).toEqual({ ok: true, value: '2019-01-05' });
    expect(leesDatum('5-1-2019')).toEqual({ ok: true, value: '2019-01-05' });
    expect(leesDatum(new Date(Date.UTC(2019, 0, 5)))).toEqual({ ok: true, value: '2019-01-05' });
    expect(leesDatum('2019-13-01').ok).toBe(false);
  });
  it('booleans', () => {
    for (const ja of ['ja', 'J', '1', 'true', 'TRUE']) expect(leesJaNee(ja)).toEqual({ ok: true, value: 1 });
    for (const nee of ['nee', 'n', '0', 'false']) expect(leesJaNee(nee)).toEqual({ ok: true, value: 0 });
  });
});
