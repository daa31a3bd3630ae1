import { describe, expect, it } from 'vitest';
import { beschermWaarden, isOnderdrukt, STANDAARD_BELEID } from '../../../server/privacy/onderdrukking.js';

const kanalen = (t: number, m: number, c: number, o: number) => ({ telefoon: t, mail: m, chat: c, op_locatie: o, meldformulier: 0, corv: 0, onbekend: 0 });

describe('the auditor of the rounded figures', () => {
  it(
    'hides what independent rounding would pin (a demo quarter: 32 adviezen, shown 30 so 28–32, ' +
      'over channels 23, 3, 3, 3 shown 25, 5, 5, 5 so at least 32)',
    () => {
      // without the auditor: the lower bounds of the parts add up to the total's upper bound, so every part is exact
      const w = { adviezen: 32, adviezen_per_kanaal: { telefoon: 23, mail: 3, chat: 3, op_locatie: 0, meldformulier: 0, corv: 3, onbekend: 0 } };
      const r = beschermWaarden(w, STANDAARD_BELEID);
      const delen = r.adviezen_per_kanaal as Record<string, unknown>;
      // the attacker's bounds on what is left: a hidden count is [0, ∞), a shown one v ± 2
      const lo = (v: unknown) => (typeof v === 'number' ? Math.max(0, v - 2) : 0);
      const hi = (v: unknown) => (typeof v === 'number' ? v + 2 : Infinity);
      const som = (f: (v: unknown) => number) => Object.values(delen).reduce<number>((s, v) => s + f(v), 0);
      expect(Object.values(delen).some(isOnderdrukt) || isOnderdrukt(r.adviezen)).toBe(true);
      // no part is pinned any more: the others can no longer fill the total's bounds exactly
      for (const [k, v] of Object.entries(delen)) {
        if (typeof v !== 'number' || v === 0) continue;
        const restLo = som(lo) - lo(v);
        const restHi = som(hi) - hi(v);
        const deelLo = Math.max(lo(v), lo(r.adviezen) - restHi);
        const deelHi = Math.min(hi(v), hi(r.adviezen) - restLo);
        expect(deelLo < deelHi, `${k}: [${deelLo}, ${deelHi}]`).toBe(true);
      }
    },
  );

  it('leaves figures alone where the identities pin nothing (40 adviezen over channels of 10, 12, 9 and 9)', () => {
    const w = { adviezen: 40, adviezen_per_kanaal: kanalen(10, 12, 9, 9) };
    const r = beschermWaarden(w, STANDAARD_BELEID);
    expect(r.adviezen).toBe(40);
    expect(r.adviezen_per_kanaal).toEqual(kanalen(10, 10, 10, 10));
  });
});
