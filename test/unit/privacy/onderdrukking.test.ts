import { describe, expect, it } from 'vitest';
import { CATALOGUS, beschermklasse, isTelling } from '../../../server/indicatoren/catalogus.js';
import { beschermWaarden, ONDERDRUKT, rondAf, STANDAARD_BELEID } from '../../../server/privacy/onderdrukking.js';

const beleid = STANDAARD_BELEID;

describe('protection of small numbers: rounding to multiples of 5', () => {
  it('rounds to the nearest multiple of 5 (0–2 → 0, 3–7 → 5, 8–12 → 10)', () => {
    expect([0, 1, 2, 3, 7, 8, 12, 13, 1527, 1528].map((n) => rondAf(n, 5))).toEqual([0, 0, 0, 5, 5, 10, 10, 15, 1525, 1530]);
  });

  it('every count, stock and part of a distribution is rounded; a key the catalogue does not know is dropped', () => {
    const b = beschermWaarden(
      {
        adviezen: 4,
        meldingen: 36,
        open_vb: 1,
        meldingen_per_melder: { politie: 20, overige_professional: 13, niet_professional: 3 },
        onbekende_sleutel: 3,
        vb_per_week: [{ week: '2026-07-06', meldingen_vb: 3 }],
        overdracht_per_moment: { na_vb: { lokaal_team: 2, melder: 9 } },
      },
      beleid,
    );
    expect(b).toEqual({
      adviezen: 5,
      meldingen: 35,
      open_vb: ONDERDRUKT,
      meldingen_per_melder: { politie: 20, overige_professional: 15, niet_professional: 5 },
      overdracht_per_moment: { na_vb: { lokaal_team: 0, melder: 10 } },
    });
  });

  it('a stock on the last day: rounded for the region, not shown per gemeente', () => {
    expect(beschermWaarden({ open_vb: 3, in_monitoring: 41 }, beleid, [], true)).toEqual({ open_vb: 5, in_monitoring: 40 });
    expect(beschermWaarden({ open_vb: 3, in_monitoring: 41 }, beleid)).toEqual({ open_vb: ONDERDRUKT, in_monitoring: ONDERDRUKT });
  });

  it('shares from the rounded counts; on a rounded base below 10 hidden, also when the base is 0 (never "niet te berekenen")', () => {
    // Tiel, 2026-Q3: 33 of 37 on time → 35 of 35
    expect(beschermWaarden({ meldingen_vb: 37, vb_binnen_termijn: 33, vb_binnen_termijn_pct: 89.2 }, beleid).vb_binnen_termijn_pct).toBe(100);
    expect(beschermWaarden({ meldingen_vb: 44, vb_binnen_termijn: 38, vb_binnen_termijn_pct: 86.4 }, beleid).vb_binnen_termijn_pct).toBe(88.9);
    for (const n of [0, 2, 7]) {
      expect(
        beschermWaarden({ onderzoeken_afgerond: n, onderzoeken_binnen_termijn: 0, onderzoeken_binnen_termijn_pct: n ? 0 : null }, beleid)
          .onderzoeken_binnen_termijn_pct,
      ).toEqual(ONDERDRUKT);
    }
  });

  it('per 1,000 from the published count and the population; growth from the published counts of Q−1 and Q−4; medians on a small base hidden', () => {
    const historie = [{ adviezen: 10, meldingen: 12, meldingen_totaal_instroom: 22 }, {}, {}, { adviezen: 8, meldingen: 6, meldingen_totaal_instroom: 14 }];
    const b = beschermWaarden(
      {
        meldingen: 13,
        adviezen: 40,
        meldingen_totaal_instroom: 53,
        meldingen_vb: 7,
        per_1000_inwoners: { meldingen: 0.31, adviezen: 0.95 },
        groei: { adviezen_qoq: 300, adviezen_yoy: 400, meldingen_qoq: 30, meldingen_yoy: null, totaal_qoq: 6, totaal_yoy: -10 },
        doorlooptijd_vb_werkdagen: { mediaan: 3, p90: 6 },
      },
      beleid,
      { historie, inwoners: 42_000 },
    );
    // published 15 and 40 of 42,000 inhabitants: 15,000 / 42,000 = 0.357 → 0.36; 0.952 → 0.95 (the stored exact 0.31 is not used)
    expect(b.per_1000_inwoners).toEqual({ meldingen: 0.36, adviezen: 0.95 });
    // published now 15 / 40 / 55; Q−1 10 / 10 / 20; Q−4 5 (below 10: hidden) / 10 / 15 — the stored growth figures are not used
    expect(b.groei).toEqual({ adviezen_qoq: 300, adviezen_yoy: 300, meldingen_qoq: 50, meldingen_yoy: ONDERDRUKT, totaal_qoq: 175, totaal_yoy: 266.7 });
    expect(b.doorlooptijd_vb_werkdagen).toEqual({ mediaan: ONDERDRUKT, p90: ONDERDRUKT });
    // the same published count gives the same rate, whatever the exact count (the leak of issue 24: exact 4 gave 0.11, 5 gave 0.12)
    const rate = (n: number) =>
      (
        beschermWaarden({ vv_afgerond: n, per_1000_inwoners: { vv_afgerond: n / 41.9 } }, beleid, { inwoners: 41_900 }).per_1000_inwoners as Record<
          string,
          unknown
        >
      ).vv_afgerond;
    expect([3, 4, 5, 6, 7].map(rate)).toEqual([0.12, 0.12, 0.12, 0.12, 0.12]);
    // without a population no rate; a hidden count has no rate
    expect(beschermWaarden({ vv_afgerond: 4, per_1000_inwoners: { vv_afgerond: 0.1 } }, beleid).per_1000_inwoners).toEqual({ vv_afgerond: null });
    // one rounding rule: −6.25 % is −6.3 (half away from zero), as for the region (Tiel adviezen 2019-Q4: 75 against 80)
    expect(beschermWaarden({ adviezen: 75, groei: { adviezen_qoq: -6.25 } }, beleid, { historie: [{ adviezen: 80 }] }).groei).toEqual({ adviezen_qoq: -6.3 });
    // the waiting lists are stocks: their ages only where the stock itself is shown (the region), on a large enough list
    expect(
      beschermWaarden({ wacht_op_start_onderzoek: 30, wacht_op_vervolgkeuze: 2, wacht_dagen: { start_onderzoek: { mediaan: 12, max: 40 } } }, beleid)
        .wacht_dagen,
    ).toEqual({ start_onderzoek: { mediaan: ONDERDRUKT, max: ONDERDRUKT } });
    expect(
      beschermWaarden(
        {
          wacht_op_start_onderzoek: 30,
          wacht_op_vervolgkeuze: 2,
          wacht_dagen: { start_onderzoek: { mediaan: 12, max: 40 }, vervolgkeuze: { mediaan: 3, max: 4 }, nieuw: { mediaan: 1, max: 1 } },
        },
        beleid,
        [],
        true,
      ).wacht_dagen,
    ).toEqual({
      start_onderzoek: { mediaan: 12, max: 40 },
      vervolgkeuze: { mediaan: ONDERDRUKT, max: ONDERDRUKT },
      nieuw: { mediaan: ONDERDRUKT, max: ONDERDRUKT },
    });
  });

  it('a key figure on a small quarter base is also given over the last four quarters, from the rounded sums', () => {
    const kwartaal = (vb: number, binnen: number) => ({ meldingen_vb: vb, vb_binnen_termijn: binnen, vb_binnen_termijn_pct: null });
    const b = beschermWaarden(kwartaal(37, 33), beleid, [kwartaal(40, 36), kwartaal(35, 30), kwartaal(39, 36)]);
    // 151 VB's, 135 on time → 150 and 135: 90.0 %
    expect(b.laatste_4_kwartalen).toEqual({ vb_binnen_termijn_pct: { pct: 90, n: 150 } });
    // fewer than four quarters of data: hidden, not a share of fewer quarters
    expect(beschermWaarden(kwartaal(3, 3), beleid, [kwartaal(2, 2)]).laatste_4_kwartalen).toEqual({
      vb_binnen_termijn_pct: { pct: ONDERDRUKT, n: ONDERDRUKT },
    });
    // four quarters of 2 each: the rounded sum (10, so 8–12) would pin all four to 2; the sum of the published quarters is given
    const twee = [kwartaal(2, 2), kwartaal(2, 2), kwartaal(2, 2)];
    expect(beschermWaarden(kwartaal(12, 12), beleid, twee).laatste_4_kwartalen).toEqual({ vb_binnen_termijn_pct: { pct: 100, n: 10 } });
    expect(beschermWaarden(kwartaal(2, 2), beleid, twee).laatste_4_kwartalen).toEqual({ vb_binnen_termijn_pct: { pct: ONDERDRUKT, n: ONDERDRUKT } });
    // a large quarter needs no four-quarter figure
    expect(beschermWaarden(kwartaal(400, 390), beleid, []).laatste_4_kwartalen).toBeUndefined();
  });

  it('every count in the catalogue is protected: a value of 1–4 never leaves as itself (mutation guard)', () => {
    const vrij: string[] = [];
    for (const i of CATALOGUS.filter(isTelling)) {
      const k = beschermklasse(i);
      if (typeof k === 'object') vrij.push(i.sleutel);
      const waarde = i.soort === 'verdeling' ? { x: 3, y: { z: 4 } } : 3;
      for (const isRegio of [false, true]) {
        const uit = beschermWaarden({ [i.sleutel]: waarde }, beleid, [], isRegio)[i.sleutel];
        expect(JSON.stringify(uit), i.sleutel).not.toContain('3');
        expect(JSON.stringify(uit), i.sleutel).not.toContain('4');
      }
    }
    // a count shown unrounded must be a deliberate, reviewed exception: today there is none
    expect(vrij).toEqual([]);
  });
});
