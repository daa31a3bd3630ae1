import { describe, expect, it } from 'vitest';
import { BUITEN_REGIO, bouwRegio } from '../../../server/config/regio.js';
import regioJson from '../../../config/regio/gelderland-zuid.json' with { type: 'json' };

// hand-made figures, not CBS's: the test is about the lookup, not the numbers
const bron = 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/03759ned/table';
const metCijfers = structuredClone(regioJson) as { gemeenten: Record<string, unknown>[] };
metCijfers.gemeenten = metCijfers.gemeenten.map((g) => ({ ...g, inwonersPerJaar: { 2023: { aantal: 1000, tabel: '03759ned', bron } } }));
(metCijfers.gemeenten[0]!.inwonersPerJaar as Record<string, unknown>)['2024'] = { aantal: 1234, tabel: '03759ned', bron };
const regio = bouwRegio(metCijfers);

describe('inwonersOp: the CBS population of 1 January of the year, or null', () => {
  it('gives the figure of that year with its table; another year, a code outside the region or a former code is null', () => {
    const eerste = regio.gemeenten[0]!.code;
    expect(regio.inwonersOp(eerste, 2024)).toBe(1234);
    expect(regio.inwonersCijferOp(eerste, 2024)).toEqual({ aantal: 1234, peildatum: '2024-01-01', tabel: '03759ned', bron });
    expect(regio.inwonersOp(eerste, 2023)).toBe(1000);
    expect(regio.inwonersOp(eerste, 2022)).toBeNull();
    expect(regio.inwonersOp('GM0202', 2023)).toBeNull(); // Arnhem: buiten de regio
    expect(regio.inwonersOp(BUITEN_REGIO, 2023)).toBeNull();
    expect(regio.inwonersOp('GM0236', 2023)).toBeNull(); // Geldermalsen, former: its figures belong to West Betuwe
  });

  it('the region is the sum of its gemeenten only when CBS gives every one of them', () => {
    expect(regio.inwonersRegioOp(2023)).toBe(1000 * regio.gemeenten.length);
    expect(regio.inwonersRegioOp(2024)).toBeNull();
  });

  it('the shipped file has CBS figures for 2019–2024 only: every other year is missing, none estimated', () => {
    const geleverd = bouwRegio(regioJson);
    for (const g of geleverd.gemeenten) {
      for (let jaar = 2015; jaar <= 2026; jaar++) {
        if (jaar >= 2019 && jaar <= 2024) expect(geleverd.inwonersOp(g.code, jaar), `${g.code} ${jaar}`).toBeGreaterThan(0);
        else expect(geleverd.inwonersOp(g.code, jaar), `${g.code} ${jaar}`).toBeNull();
      }
    }
    // Berg en Dal on 1 January 2019 (37259eng) and 2024 (85755NED); the hand-made file said 35000, an estimate
    expect(geleverd.inwonersCijferOp('GM1945', 2019)).toMatchObject({ aantal: 34798, tabel: '37259eng' });
    expect(geleverd.inwonersCijferOp('GM1945', 2024)).toMatchObject({ aantal: 35474, tabel: '85755NED' });
  });

  it('a figure without its StatLine table or address is refused', () => {
    const zonder = structuredClone(regioJson) as { gemeenten: Record<string, unknown>[] };
    zonder.gemeenten[0]!.inwonersPerJaar = { 2024: { aantal: 1234, tabel: '', bron } };
    expect(() => bouwRegio(zonder)).toThrow();
    zonder.gemeenten[0]!.inwonersPerJaar = { 2024: { aantal: 1234, tabel: '03759ned', bron: 'schatting' } };
    expect(() => bouwRegio(zonder)).toThrow();
  });
});
