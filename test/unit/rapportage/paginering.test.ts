import { describe, expect, it } from 'vitest';
import { vervolgHoofdstukken } from '../../../server/rapportage/paginering.js';

const h = (id: string, ...blokken: [number, boolean][]) => ({ id, blokken: blokken.map(([hoogte, heel]) => ({ hoogte, heel })) });

describe('a chapter starts a new page only where that does not leave a page under half full', () => {
  it('continues after a chapter whose last page is under half full, not after one over half full', () => {
    // a: 1.3 pages → last page 30% full: b continues; b ends at 30% + margin + 60% > half: c starts a new page
    expect(vervolgHoofdstukken([h('a', [1300, false]), h('b', [600, false]), h('c', [100, false])], 1000)).toEqual(new Set(['b']));
  });

  it('exactly half full starts a new page; the first chapter always does', () => {
    expect(vervolgHoofdstukken([h('a', [500, false]), h('b', [10, false])], 1000)).toEqual(new Set());
    expect(vervolgHoofdstukken([h('a', [499, false]), h('b', [10, false])], 1000)).toEqual(new Set(['b']));
  });

  it('a block that must stay whole and does not fit moves to the next page, which then counts', () => {
    // 700 + 400 (whole) → the 400 goes to page 2: 40% full → b continues
    expect(vervolgHoofdstukken([h('a', [700, false], [400, true]), h('b', [10, false])], 1000)).toEqual(new Set(['b']));
    // the same 400 flowing over (a long table) leaves page 2 at 10%
    expect(vervolgHoofdstukken([h('a', [700, false], [400, false]), h('b', [10, false])], 1000)).toEqual(new Set(['b']));
    // a whole block that fills the page exactly stays (a pixel of rounding slack)
    expect(vervolgHoofdstukken([h('a', [600, false], [401, true]), h('b', [10, false])], 1000)).toEqual(new Set());
  });
});
