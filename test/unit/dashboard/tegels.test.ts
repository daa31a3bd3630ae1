import { describe, expect, it } from 'vitest';
import type { Paneel } from '../../../server/dashboard/gegevens.js';
import { maakTegels } from '../../../server/dashboard/tegels.js';

const paneel: Paneel = new Map([
  ['2019-Q1', new Map([['regio', { adviezen: 1195, meldingen: 1527, vb_binnen_termijn_pct: 91.2, onderzoeken_binnen_termijn_pct: null, vv_binnen_termijn_pct: 50, overdracht_na_vb: 10, overdracht_na_vervolgkeuze: 2 }]])],
  ['2018-Q4', new Map([['regio', { adviezen: 950, meldingen: 1374, vb_binnen_termijn_pct: 93.4, onderzoeken_binnen_termijn_pct: 40, vv_binnen_termijn_pct: 50, overdracht_na_vb: 0, overdracht_na_vervolgkeuze: 0 }]])],
  ['2018-Q1', new Map([['regio', { adviezen: 853, meldingen: 1180 }]])],
]);

describe('tegels', () => {
  it('counts: growth in %; shares: difference in procentpunt; norms; null bases', () => {
    const t = Object.fromEntries(maakTegels(paneel, '2019-Q1', 'regio', { vb: 90, onderzoek: 80, vv: 80 }).map((x) => [x.id, x]));
    expect(t.meldingen).toMatchObject({ waarde: '1.527', vorigKwartaal: '+11,1% t.o.v. Q4 2018', vorigJaar: '+29,4% t.o.v. Q1 2018', norm: null });
    expect(t.adviezen).toMatchObject({ vorigKwartaal: '+25,8% t.o.v. Q4 2018', vorigJaar: '+40,1% t.o.v. Q1 2018' });
    expect(t.vb).toMatchObject({ waarde: '91,2%', vorigKwartaal: '−2,2 procentpunt t.o.v. Q4 2018', vorigJaar: 'niet te berekenen t.o.v. Q1 2018', norm: 'norm 90%', normGehaald: true });
    expect(t.onderzoek).toMatchObject({ waarde: '–', normGehaald: null, vorigKwartaal: 'niet te berekenen t.o.v. Q4 2018' });
    expect(t.vv).toMatchObject({ vorigKwartaal: '±0,0 procentpunt t.o.v. Q4 2018', normGehaald: false });
    expect(t.overdrachten).toMatchObject({ waarde: '12', vorigKwartaal: 'niet te berekenen t.o.v. Q4 2018' });
  });
});
