import { describe, expect, it } from 'vitest';
import { afrondenOp5, beschermWaarden, ONDERDRUKT, STANDAARD_BELEID, teOnderdrukken } from '../../../server/privacy/onderdrukking.js';

const beleid = STANDAARD_BELEID;

describe('protection of small numbers', () => {
  it('suppresses 1–4, keeps 0 and 5; marks the value explicitly, never as 0', () => {
    const w = beschermWaarden({ adviezen: 4, meldingen: 0, nog_niet_beoordeeld: 5, in_monitoring: 1 }, beleid);
    expect(w).toMatchObject({ adviezen: ONDERDRUKT, meldingen: 0, nog_niet_beoordeeld: 5, in_monitoring: ONDERDRUKT });
    expect(JSON.parse(JSON.stringify(w)).adviezen).toEqual({ onderdrukt: true });
  });

  it('complementary: one small melder type would follow from meldingen minus the others', () => {
    const w = { meldingen: 30, meldingen_per_melder: { politie: 20, overige_professional: 8, niet_professional: 2 } };
    const weg = teOnderdrukken(w, beleid);
    // niet_professional (2) primary; overige_professional (8) the smallest other, so 2 cannot be recomputed as 30 − 20 − 8
    expect([...weg].sort()).toEqual(['meldingen_per_melder.niet_professional', 'meldingen_per_melder.overige_professional']);
    const b = beschermWaarden(w, beleid);
    expect(b.meldingen).toBe(30);
    expect(b.meldingen_per_melder).toEqual({ politie: 20, overige_professional: ONDERDRUKT, niet_professional: ONDERDRUKT });
  });

  it('complementary across levels: a hidden beroepsgroep total forces a second beroepsgroep to be hidden', () => {
    const w = {
      meldingen: 40,
      meldingen_per_melder: { politie: 25, overige_professional: 12, niet_professional: 3 },
      meldingen_per_beroepsgroep: { onderwijs: 6, huisarts: 2, ggz: 4, jeugdzorg: 0 },
    };
    const weg = teOnderdrukken(w, beleid);
    // primary: niet_professional 3, huisarts 2, ggz 4; the melder group then hides overige_professional (12),
    // and no group is left with exactly one hidden cell
    expect(weg.has('meldingen_per_melder.overige_professional')).toBe(true);
    for (const groep of [['meldingen_per_melder.politie', 'meldingen_per_melder.overige_professional', 'meldingen_per_melder.niet_professional']]) {
      expect(groep.filter((c) => weg.has(c)).length).not.toBe(1);
    }
    const beroep = ['onderwijs', 'huisarts', 'ggz', 'jeugdzorg'].filter((b) => weg.has(`meldingen_per_beroepsgroep.${b}`));
    expect(beroep.length).toBeGreaterThanOrEqual(2);
  });

  it('a small complement that is not shown (late VBs) hides the shown part and its percentage', () => {
    const b = beschermWaarden({ meldingen_vb: 30, vb_binnen_termijn: 28, vb_binnen_termijn_pct: 93.3 }, beleid);
    expect(b).toMatchObject({ meldingen_vb: 30, vb_binnen_termijn: ONDERDRUKT, vb_binnen_termijn_pct: ONDERDRUKT });
  });

  it('percentages on a base below 10 are not shown; per 1,000 and growth follow their counts', () => {
    const b = beschermWaarden({
      meldingen: 3, adviezen: 40, meldingen_totaal_instroom: 43, onderzoeken_afgerond: 9, onderzoeken_binnen_termijn: 5, onderzoeken_binnen_termijn_pct: 55.6,
      per_1000_inwoners: { meldingen: 0.09, adviezen: 1.14 },
      groei: { adviezen_qoq: 300, adviezen_yoy: 0, meldingen_qoq: 50, meldingen_yoy: null, totaal_qoq: 7.5, totaal_yoy: 2 },
    }, beleid);
    expect(b.onderzoeken_binnen_termijn_pct).toEqual(ONDERDRUKT);
    // meldingen (3) hidden and the total shown: adviezen is hidden too (43 − 40 = 3), with its per 1,000 and growth
    expect(b.adviezen).toEqual(ONDERDRUKT);
    expect(b.per_1000_inwoners).toEqual({ meldingen: ONDERDRUKT, adviezen: ONDERDRUKT });
    expect(b.groei).toMatchObject({ adviezen_qoq: ONDERDRUKT, meldingen_qoq: ONDERDRUKT, meldingen_yoy: null, totaal_qoq: 7.5 });
    // growth gives the comparison quarter away: 40 after +300% means 10 before (shown), after +400% 8 (not shown)
    const g = beschermWaarden({ adviezen: 40, groei: { adviezen_qoq: 300, adviezen_yoy: 400 } }, beleid);
    expect(g.groei).toEqual({ adviezen_qoq: 300, adviezen_yoy: ONDERDRUKT });
  });

  it('method afronden: multiples of 5, a non-zero count never 0', () => {
    expect([0, 1, 2, 3, 7, 8, 12, 13, 1527].map(afrondenOp5)).toEqual([0, 5, 5, 5, 5, 10, 10, 15, 1525]);
    const b = beschermWaarden({ meldingen: 13, per_1000_inwoners: { meldingen: 0.26 } }, { ...beleid, methode: 'afronden' });
    expect(b).toMatchObject({ meldingen: 15, per_1000_inwoners: { meldingen: 0.3 } });
  });
});
