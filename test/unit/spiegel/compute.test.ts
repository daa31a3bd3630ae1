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

  it('rank: an equal rate shares a place; no population or no other region gives no place, each said so', () => {
    const s = (cijfers: CbsCijfer[]) =>
      berekenSpiegel({
        cijfers,
        periode: spiegelPeriode('2023-H2')!,
        cbsRegio: { code: 'VT06', naam: 'Gelderland-Zuid' },
        eigen: [],
        grondtal: 5,
        gemeenten: [],
        bevolkingsjaar: 2022,
      }).rang;
    const bev = (regio: string, waarde: number) => cel(regio, 'bevolking', waarde, '2022JJ00', '70072ned');
    const meld = (regio: string, waarde: number | null) => cel(regio, 'meldingen', waarde, '2023HJ02');
    // 3,00 / 3,00 / 4,00 per 1.000: VT06 and VT05 share place 2, nobody is 3rd
    const gelijk = s([meld('VT06', 300), bev('VT06', 100000), meld('VT05', 600), bev('VT05', 200000), meld('VT14', 400), bev('VT14', 100000)]);
    expect(gelijk).toMatchObject({ positie: 2, van: 3, bevolkingsjaar: 2022, reden: null });
    // a population of the period's own year (2023) is not the one chosen (2022): no rate, never a mix of years
    const anderJaar = s([meld('VT06', 300), bev('VT06', 100000), meld('VT05', 600), cel('VT05', 'bevolking', 200000, '2023JJ00', '70072ned')]);
    expect(anderJaar).toMatchObject({ positie: null, van: 1, reden: 'geen_andere_regio', zonder_inwoners: ['VT05'] });
    expect(anderJaar.tekst).toBe(
      'geen plaats: CBS publiceert voor 2e halfjaar 2023 van geen andere VT-regio met een bevolking op 1 januari 2022 de ontvangen meldingen' +
        '; niet gerangschikt, zonder bevolking: VT05',
    );
    const zonder = s([meld('VT06', 300), meld('VT05', 600), bev('VT05', 200000), meld('VT14', 400), bev('VT14', 100000)]);
    expect(zonder).toMatchObject({ positie: null, van: 2, reden: 'geen_inwoners', zonder_inwoners: ['VT06'] });
    expect(zonder.tekst).toMatch(/^geen plaats: de bevolking van VT06 op 1 januari 2022 is niet bekend/);
    // CBS's '.' is no figure: the region is not published, whatever its population
    expect(s([meld('VT06', null), bev('VT06', 100000), meld('VT05', 600), bev('VT05', 200000)])).toMatchObject({
      positie: null,
      van: 1,
      reden: 'geen_meldingen',
    });
  });
});
