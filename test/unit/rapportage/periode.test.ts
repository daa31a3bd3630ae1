import { describe, expect, it } from 'vitest';
import { beschermWaarden, STANDAARD_BELEID } from '../../../server/privacy/onderdrukking.js';
import { leesHalfjaar, leesJaar, periodeGroei, periodeVorige, periodeVorigJaar, periodeWaarden } from '../../../server/rapportage/periode.js';

describe('periods', () => {
  it('parses half years and years, with their quarters, and names the Dutch error', () => {
    expect(leesHalfjaar('2026-H1').kwartalen).toEqual(['2026-Q1', '2026-Q2']);
    expect(leesHalfjaar('2026-H2').kwartalen).toEqual(['2026-Q3', '2026-Q4']);
    expect(leesJaar('2025').kwartalen).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(periodeVorigJaar(leesHalfjaar('2026-H2')).sleutel).toBe('2025-H2');
    expect(periodeVorige(leesHalfjaar('2026-H1')).sleutel).toBe('2025-H2');
    expect(periodeVorige(leesHalfjaar('2026-H2')).sleutel).toBe('2026-H1');
    expect(() => leesHalfjaar('2026-H3')).toThrow('Parameter --halfjaar moet een halfjaar zijn zoals 2026-H1 (gekregen: 2026-H3)');
    expect(() => leesJaar('25')).toThrow('--jaar moet een jaar zijn');
  });
});

describe('period values from quarter values', () => {
  const q1 = {
    meldingen: 3,
    meldingen_vb: 3,
    vb_binnen_termijn: 3,
    vb_binnen_termijn_pct: 100,
    open_vb: 7,
    meldingen_per_melder: { politie: 2, niet_professional: 1 },
    doorlooptijd_vb_werkdagen: { mediaan: 1, p90: 1 },
    histogrammen: { vb_werkdagen: [[1, 3]], onderzoek_dagen: [], vv_dagen: [] },
    wacht_dagen: { wacht_op_start_vv: { mediaan: 10, max: 12 } },
    nieuw_pct: 50,
  };
  const q2 = {
    meldingen: 2,
    meldingen_vb: 2,
    vb_binnen_termijn: 1,
    vb_binnen_termijn_pct: 50,
    open_vb: 1,
    meldingen_per_melder: { politie: 1, overige_professional: 1 },
    doorlooptijd_vb_werkdagen: { mediaan: 5.5, p90: 9 },
    histogrammen: {
      vb_werkdagen: [
        [2, 1],
        [9, 1],
      ],
      onderzoek_dagen: [],
      vv_dagen: [],
    },
    wacht_dagen: { wacht_op_start_vv: { mediaan: 3, max: 4 } },
    nieuw_pct: 10,
  };

  it('sums flows and distributions, recomputes percentages, stocks of the last quarter, median of the union', () => {
    const p = periodeWaarden([q1, q2], 10_000);
    expect(p).toMatchObject({ meldingen: 5, meldingen_vb: 5, vb_binnen_termijn: 4, vb_binnen_termijn_pct: 80, open_vb: 1 });
    expect(p.meldingen_per_melder).toEqual({ politie: 3, niet_professional: 1, overige_professional: 1 });
    expect(p.doorlooptijd_vb_werkdagen).toEqual({ mediaan: 1, p90: 9 });
    expect(p.wacht_dagen).toEqual({ wacht_op_start_vv: { mediaan: 3, max: 4 } });
    // a percentage this module does not know is not averaged or summed
    expect((p as Record<string, unknown>).nieuw_pct).toBeNull();
    expect((p.per_1000_inwoners as Record<string, number>).meldingen).toBe(0.5);
  });

  it('a quarter without data (before the first import) adds nothing; stocks come from the last quarter with data', () => {
    expect(periodeWaarden([{}, q1], null)).toMatchObject({ meldingen: 3, open_vb: 7 });
    expect(periodeWaarden([{}, {}], null)).toEqual({});
  });

  it('a hidden value makes the sum hidden (null), never 0; a missing distribution gives no median', () => {
    const verborgen = { ...q2, meldingen_per_melder: { onderdrukt: true }, meldingen: { onderdrukt: true } };
    const p = periodeWaarden([q1, verborgen], null);
    expect(p.meldingen).toBeNull();
    expect(p.meldingen_per_melder).toBeNull();
    const zonder = { ...q2, histogrammen: undefined };
    expect(periodeWaarden([q1, zonder], null).doorlooptijd_vb_werkdagen).toEqual({ mediaan: null, p90: null });
  });

  it('growth against the same period a year earlier and the period before', () => {
    expect(periodeGroei({ meldingen: 6, adviezen: 2 }, { meldingen: 4, adviezen: 1 }, { meldingen: 6, adviezen: 0 })).toEqual({
      meldingen_yoy: 50,
      adviezen_yoy: 100,
      totaal_yoy: 60,
      meldingen_vorige: 0,
      adviezen_vorige: null,
      totaal_vorige: 33.3,
    });
  });

  it('a protected period is made of the published quarters: sums of published counts, every share, rate, median and growth from those sums', () => {
    const beleid = STANDAARD_BELEID;
    const kw = (vb: number, binnen: number, vv: number) => ({
      meldingen_vb: vb,
      vb_binnen_termijn: binnen,
      vb_binnen_termijn_pct: null,
      vv_afgerond: vv,
      doorlooptijd_vb_werkdagen: { mediaan: 2, p90: 4 },
      histogrammen: { vb_werkdagen: [[2, vb]], onderzoek_dagen: [], vv_dagen: [] },
      per_1000_inwoners: { meldingen_vb: 0, vv_afgerond: 0 },
    });
    // exact 2 + 2 + 2 + 2 afgeronde V&V: each quarter published 0; the year is 0 + 0 + 0 + 0 = 0,
    // not the rounded exact 8 → 10 that would pin every quarter to 2
    const gepubliceerd = [kw(13, 12, 2), kw(12, 11, 2), kw(14, 13, 2), kw(11, 9, 2)].map((w) => beschermWaarden(w, beleid, { inwoners: 40_000 }));
    const jaar = periodeWaarden(gepubliceerd, 40_000, beleid);
    expect(jaar).toMatchObject({ meldingen_vb: 50, vb_binnen_termijn: 45, vb_binnen_termijn_pct: 90, vv_afgerond: 0 });
    expect(jaar.per_1000_inwoners).toMatchObject({ meldingen_vb: 1.25, vv_afgerond: 0 });
    // the published quarters carry no distributions (never published): no median, never one from exact counts
    expect(jaar.doorlooptijd_vb_werkdagen).toEqual({ mediaan: null, p90: null });
    expect(jaar.vb_per_week).toEqual([]);
    // a hidden quarter hides the sum (never counted as 0)
    const verborgen = [...gepubliceerd.slice(0, 3), { ...gepubliceerd[3]!, meldingen_vb: null }];
    expect(periodeWaarden(verborgen, 40_000, beleid)).toMatchObject({ meldingen_vb: null, vb_binnen_termijn_pct: null });
    // growth from published sums, half away from zero, hidden below minNoemer: 75 against 80 → −6.3
    expect(periodeGroei({ meldingen: 75, adviezen: 5 }, { meldingen: 80, adviezen: 10 }, {}, beleid)).toEqual({
      meldingen_yoy: -6.3,
      adviezen_yoy: null,
      totaal_yoy: -11.1,
      meldingen_vorige: null,
      adviezen_vorige: null,
      totaal_vorige: null,
    });
  });
});
