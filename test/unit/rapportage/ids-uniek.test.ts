import { describe, expect, it } from 'vitest';
import { overdrachtPerMoment } from '../../../server/charts/monitoring.js';
import { Nummering } from '../../../server/rapportage/model.js';

/**
 * Every figure and table of one document gets an id no other block of it has: the quarterly report
 * printed `tabel-overdracht-per-moment` twice (the chart's own table in the chapter Overdracht and
 * the half-year chapter's table of the same name) and `tabel-monitoring` twice (the half-year
 * chapter and the bijlage). The ids are the PDF's and the preview's anchors; a duplicate is
 * invalid HTML and an anchor that lands on the wrong table.
 */
const pm = { na_vb: { lokaal_team: 4 }, na_vervolgkeuze: {}, na_onderzoek: {}, na_vv: {} };

describe('ids of a document are unique', () => {
  it("a chart's table and a chapter's table with the same id: the second gets -2, the third -3", () => {
    const nr = new Nummering('2027.2');
    const eerst = nr.tabelVan(overdrachtPerMoment(pm, 'regio, Q4 2024'));
    const hand = nr.tabel({ id: 'tabel-overdracht-per-moment', titel: 'T', definitie: 'D', anker: 'groei', kolommen: ['', 'Q4'], rijen: [] });
    const derde = nr.tabelVan(overdrachtPerMoment(pm, 'Q4 2024'));
    expect([eerst.id, hand.id, derde.id]).toEqual(['tabel-overdracht-per-moment', 'tabel-overdracht-per-moment-2', 'tabel-overdracht-per-moment-3']);
    expect([eerst.nummer, hand.nummer, derde.nummer]).toEqual([1, 2, 3]);
  });

  it('figures too, and a suffix never takes an id a block was given by name', () => {
    const nr = new Nummering('2027.2');
    const g = overdrachtPerMoment(pm, 'Q4 2024');
    const a = nr.figuur(g);
    const vooraf = nr.tabel({ id: 'tabel-x-2', titel: 'T', definitie: 'D', anker: 'groei', kolommen: ['', 'Q4'], rijen: [] });
    const b = nr.figuur(g);
    const x1 = nr.tabel({ id: 'tabel-x', titel: 'T', definitie: 'D', anker: 'groei', kolommen: ['', 'Q4'], rijen: [] });
    const x2 = nr.tabel({ id: 'tabel-x', titel: 'T', definitie: 'D', anker: 'groei', kolommen: ['', 'Q4'], rijen: [] });
    expect([a.id, b.id]).toEqual([`figuur-${g.id}`, `figuur-${g.id}-2`]);
    expect([vooraf.id, x1.id, x2.id]).toEqual(['tabel-x-2', 'tabel-x', 'tabel-x-3']);
  });

  it('two documents number their ids apart: a new Nummering starts clean', () => {
    const g = overdrachtPerMoment(pm, 'Q4 2024');
    expect(new Nummering('2027.2').tabelVan(g).id).toBe(new Nummering('2027.2').tabelVan(g).id);
  });
});
