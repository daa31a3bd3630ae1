import { describe, expect, it } from 'vitest';
import type { Paneel } from '../../../server/indicatoren/paneel.js';
import { maakTegels } from '../../../server/dashboard/tegels.js';

const paneel: Paneel = new Map([
  [
    '2019-Q1',
    new Map([
      [
        'regio',
        {
          adviezen: 1195,
          meldingen: 1527,
          vb_binnen_termijn_pct: 91.2,
          onderzoeken_binnen_termijn_pct: null,
          vv_binnen_termijn_pct: 50,
          overdracht_na_vb: 10,
          overdracht_na_vervolgkeuze: 2,
        },
      ],
    ]),
  ],
  [
    '2018-Q4',
    new Map([
      [
        'regio',
        {
          adviezen: 950,
          meldingen: 1374,
          vb_binnen_termijn_pct: 93.4,
          onderzoeken_binnen_termijn_pct: 40,
          vv_binnen_termijn_pct: 50,
          overdracht_na_vb: 0,
          overdracht_na_vervolgkeuze: 0,
        },
      ],
    ]),
  ],
  ['2018-Q1', new Map([['regio', { adviezen: 853, meldingen: 1180 }]])],
]);
const normen = { vb: 90, onderzoek: 80, vv: 80 };

describe('tegels', () => {
  it('counts: growth in %; shares: difference in procentpunt; norms; null bases', () => {
    const t = Object.fromEntries(maakTegels(paneel, '2019-Q1', 'regio', normen).map((x) => [x.id, x]));
    expect(t.meldingen).toMatchObject({
      waarde: '1.527',
      vorigKwartaal: '+11,1% t.o.v. Q4 2018',
      vorigJaar: '+29,4% t.o.v. Q1 2018',
      norm: null,
      voorlopig: false,
    });
    expect(t.adviezen).toMatchObject({ vorigKwartaal: '+25,8% t.o.v. Q4 2018', vorigJaar: '+40,1% t.o.v. Q1 2018' });
    expect(t.vb).toMatchObject({
      waarde: '91,2%',
      vorigKwartaal: '−2,2 procentpunt t.o.v. Q4 2018',
      vorigJaar: 'niet te berekenen t.o.v. Q1 2018',
      norm: 'norm 90%',
      normGehaald: true,
    });
    expect(t.onderzoek).toMatchObject({ waarde: '.', normGehaald: null, vorigKwartaal: 'niet te berekenen t.o.v. Q4 2018', zichtbaar: false });
    expect(t.vv).toMatchObject({ vorigKwartaal: '±0,0 procentpunt t.o.v. Q4 2018', normGehaald: false });
    expect(t.overdrachten).toMatchObject({ waarde: '12', vorigKwartaal: 'niet te berekenen t.o.v. Q4 2018' });
  });

  it('protected: a hidden value is "niet getoond (.)", never "niet te berekenen"; a small quarter shows its last four quarters', () => {
    const beschermd: Paneel = new Map([
      [
        '2026-Q3',
        new Map([
          [
            'GM0281',
            {
              adviezen: 85,
              meldingen: 35,
              vb_binnen_termijn_pct: 100,
              onderzoeken_binnen_termijn_pct: null,
              vv_binnen_termijn_pct: null,
              laatste_4_kwartalen: {
                vb_binnen_termijn_pct: { pct: 90, n: 150 },
                onderzoeken_binnen_termijn_pct: { pct: 80, n: 25 },
                vv_binnen_termijn_pct: { pct: null, n: null },
              },
              overdracht_na_vb: 20,
              overdracht_na_vervolgkeuze: 0,
            },
          ],
        ]),
      ],
      ['2026-Q2', new Map([['GM0281', { adviezen: 80, meldingen: 40, laatste_4_kwartalen: { vb_binnen_termijn_pct: { pct: 88.2, n: 145 } } }]])],
    ]);
    const t = Object.fromEntries(maakTegels(beschermd, '2026-Q3', 'GM0281', normen, { beschermd: true, vandaag: '2026-12-01' }).map((x) => [x.id, x]));
    expect(t.vb).toMatchObject({
      waarde: '90,0%',
      toelichting: 'laatste 4 kwartalen: 90,0%, n = 150',
      periode: 'Q4 2025 t/m Q3 2026',
      vorigKwartaal: '+1,8 procentpunt t.o.v. Q2 2026',
      normGehaald: true,
    });
    expect(t.onderzoek).toMatchObject({ waarde: '80,0%', toelichting: 'laatste 4 kwartalen: 80,0%, n = 25', vorigKwartaal: 'niet getoond (.) t.o.v. Q2 2026' });
    expect(t.vv).toMatchObject({ waarde: '.', zichtbaar: false, toelichting: 'niet getoond (.): ook over 4 kwartalen te weinig' });
    expect(t.adviezen).toMatchObject({ vorigJaar: 'niet getoond (.) t.o.v. Q3 2025' });
    // the running quarter is provisional
    const lopend = maakTegels(beschermd, '2026-Q3', 'GM0281', normen, { beschermd: true, vandaag: '2026-09-15' });
    expect(lopend.find((x) => x.id === 'meldingen')).toMatchObject({ waarde: '35*', voorlopig: true });
  });
});
