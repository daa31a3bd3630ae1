import { describe, expect, it } from 'vitest';
import { berekenSpiegel, eigenWaarden, spiegelPeriode } from '../../../server/spiegel/compute.js';
import type { CbsCijfer } from '../../../server/spiegel/cbs-bestand.js';

const cel = (regio: string, maat: string, waarde: number | null, periode = '2023JJ00', tabel = '84852NED'): CbsCijfer => ({
  tabel,
  periode,
  regio,
  regio_naam: regio,
  maat,
  cbs_maat: maat,
  waarde,
  waarde_tekst: String(waarde ?? '.'),
  voorlopig: false,
  bron: 'test',
});

describe('spiegel computation', () => {
  it('periods: year and half years with their first and last day', () => {
    expect(spiegelPeriode('2023')).toMatchObject({ cbs: '2023JJ00', van: '2023-01-01', tot: '2023-12-31', label: '2023' });
    expect(spiegelPeriode('2023-H1')).toMatchObject({ cbs: '2023HJ01', van: '2023-01-01', tot: '2023-06-30', label: '1e halfjaar 2023' });
    expect(spiegelPeriode('2023-H2')).toMatchObject({ cbs: '2023HJ02', van: '2023-07-01', tot: '2023-12-31' });
    expect(spiegelPeriode('2023-Q1')).toBeNull();
  });

  it('eigen maps every VB besluit onto the CBS categories (grondtal 1: exact)', () => {
    const w = eigenWaarden(
      [
        { soort: 'melding', besluit: null, spoed: null, gemeente: 'GM0268', n: 3 },
        { soort: 'melding', besluit: 'overdracht_melder', spoed: 1, gemeente: 'GM0268', n: 2 },
        { soort: 'melding', besluit: 'overdracht_lokaal_team', spoed: 0, gemeente: 'GM0281', n: 4 },
        { soort: 'melding', besluit: 'overdracht_betrokken_hulpverlening', spoed: null, gemeente: 'onbekend', n: 1 },
        { soort: 'melding', besluit: 'vervolg_veilig_thuis', spoed: 1, gemeente: 'buiten_regio', n: 6 },
        { soort: 'melding', besluit: 'afsluiten_geen_vervolg', spoed: null, gemeente: 'GM0268', n: 7 },
        { soort: 'melding', besluit: 'regionaal_maatwerk', spoed: null, gemeente: 'GM0268', n: 8 },
        { soort: 'advies', besluit: null, spoed: null, gemeente: 'GM0268', n: 9 },
      ],
      1,
    );
    expect(w).toEqual({
      meldingen: 31,
      adviezen: 9,
      vervolgstappen_veilig_thuis: 6,
      overdracht: 7,
      geen_vervolgstappen: 7,
      regionaal_maatwerk: 8,
      nog_niet_beoordeeld: 3,
      acute_onveiligheid: 8,
    });
    expect(eigenWaarden([{ soort: 'melding', besluit: null, spoed: null, gemeente: 'x', n: 7 }], 5)).toMatchObject({
      meldingen: 5,
      nog_niet_beoordeeld: 5,
      overdracht: 0,
    });
  });

  it('rank among VT regions per 1.000 inwoners, only regions with both figures; the first table listed wins', () => {
    const s = berekenSpiegel({
      cijfers: [
        cel('VT06', 'meldingen', 300),
        cel('VT06', 'bevolking', 100000),
        cel('VT05', 'meldingen', 500),
        cel('VT05', 'bevolking', 100000),
        cel('VT14', 'meldingen', 100),
        cel('VT14', 'bevolking', 100000),
        cel('VT02', 'meldingen', 900),
        cel('NL01', 'meldingen', 1000, '2023JJ00', 'IMPACTMONITOR2022-FIG4.1'),
        cel('NL01', 'meldingen', 2000),
      ],
      periode: spiegelPeriode('2023')!,
      cbsRegio: { code: 'VT06', naam: 'Gelderland-Zuid' },
      eigen: [],
      grondtal: 5,
      gemeenten: [],
    });
    expect(s.rang).toMatchObject({ positie: 2, van: 3 });
    expect(s.regio.per_1000_inwoners.meldingen).toBe(3);
    expect(s.nederland.meldingen).toBe(2000);
    expect(s.regio.overdracht).toBeNull();
    expect(s.eigen.verschil.meldingen).toBe(-300);
  });
});
