import { describe, expect, it } from 'vitest';
import { groeiVan, procentpunt } from '../../../server/rapportage/perioderapportage.js';
import { vbTijdigheid } from '../../../server/charts/veiligheidsbeoordeling.js';

// One rounding rule (shared/getallen.ts): half away from zero, for the region and every gemeente,
// quarter and period alike. The half-year and year reports rounded growth with Math.round
// (halves towards +infinity): Tiel adviezen 75 against 80 read −6,2 % there and −6,3 % elsewhere.
describe('the reports round as everything else', () => {
  it('growth in a period report: −6,25 % is −6,3 %, +6,25 % is +6,3 %', () => {
    expect(groeiVan(75, 80)).toBe('−6,3%');
    expect(groeiVan(85, 80)).toBe('+6,3%');
    expect(groeiVan(5, 0)).toBe(groeiVan(null, 5));
  });

  it('a difference in procentpunt and the chart share outside the term use the same rule', () => {
    expect(procentpunt(-0.25)).toBe('−0,3 %-punt');
    expect(procentpunt(80.3 - 80.1)).toBe('+0,2 %-punt');
    const g = vbTijdigheid([{ kwartaal: '2024-Q3', meldingen_vb: 40, vb_binnen_termijn: 33, vb_binnen_termijn_pct: 82.5 }], 80, 'Regio');
    expect(JSON.stringify(g.option)).toContain('17.5');
  });
});
