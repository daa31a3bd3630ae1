import { describe, expect, it } from 'vitest';
import { verhoudingOnderzoekVv } from '../../../server/rapportage/kwartaalrapportage.js';
import { aantal, instroomZinnen, openWerkZin, overdrachtZin, termijnZin, verandering } from '../../../server/rapportage/zinnen.js';

describe('generated sentences', () => {
  it('the Hollands Midden opening sentence, with Dutch number formats', () => {
    const [eerste, jaar, kwartaal] = instroomZinnen('2019-Q1', {
      meldingen: 1527,
      adviezen: 1195,
      groei: { meldingen_yoy: 29.4, adviezen_yoy: 40.1, meldingen_qoq: 11.1, adviezen_qoq: 25.8 },
    });
    expect(eerste).toBe('In het eerste kwartaal van 2019 kwamen 1.527 meldingen en 1.195 adviezen binnen.');
    expect(jaar).toBe('Ten opzichte van het eerste kwartaal van 2018 steeg het aantal meldingen met 29,4% en steeg het aantal adviezen met 40,1%.');
    expect(kwartaal).toBe('Ten opzichte van het vorige kwartaal steeg het aantal meldingen met 11,1% en steeg het aantal adviezen met 25,8%.');
  });

  it('singular, plural and none', () => {
    expect(aantal(1, 'melding', 'meldingen')).toBe('1 melding');
    expect(aantal(0, 'advies', 'adviezen')).toBe('geen adviezen');
    expect(aantal(2000, 'advies', 'adviezen')).toBe('2.000 adviezen');
    expect(instroomZinnen('2020-Q3', { meldingen: 1, adviezen: 0, groei: null })[0]).toBe(
      'In het derde kwartaal van 2020 kwamen 1 melding en geen adviezen binnen.',
    );
  });

  it('rising, falling, equal and not computable', () => {
    expect(verandering('meldingen', -3.04)).toBe('daalde het aantal meldingen met 3,0%');
    expect(verandering('meldingen', 0)).toBe('bleef het aantal meldingen gelijk');
    expect(verandering('adviezen', null)).toBe('is de verandering van het aantal adviezen niet te berekenen');
    expect(instroomZinnen('2019-Q1', { meldingen: 5, adviezen: 5, groei: null })[1]).toBe(
      'Ten opzichte van het eerste kwartaal van 2018 is de verandering van het aantal meldingen ' +
        'niet te berekenen en is de verandering van het aantal adviezen niet te berekenen.',
    );
  });

  it('legal terms against the norm', () => {
    const vb = { enkelvoud: 'veiligheidsbeoordeling', meervoud: 'veiligheidsbeoordelingen', termijn: 'binnen 5 werkdagen', norm: 90 };
    expect(termijnZin({ ...vb, afgerond: 1480, binnen: 1350, pct: 91.2 })).toBe(
      'Van de 1.480 afgeronde veiligheidsbeoordelingen waren er 1.350 binnen 5 werkdagen klaar: 91,2%. De norm van 90% is gehaald.',
    );
    expect(termijnZin({ ...vb, afgerond: 10, binnen: 1, pct: 10 })).toBe(
      'Van de 10 afgeronde veiligheidsbeoordelingen was er 1 binnen 5 werkdagen klaar: 10,0%. De norm van 90% is niet gehaald.',
    );
    expect(termijnZin({ ...vb, afgerond: 1, binnen: 1, pct: 100 })).toBe(
      'Er is in dit kwartaal 1 veiligheidsbeoordeling afgerond; die was binnen 5 werkdagen klaar (100,0%). De norm van 90% is gehaald.',
    );
    expect(termijnZin({ ...vb, afgerond: 0, binnen: 0, pct: null })).toBe(
      'Er zijn in dit kwartaal geen veiligheidsbeoordelingen afgerond; het aandeel binnen 5 werkdagen is niet te berekenen.',
    );
    // exactly at the norm counts as met
    expect(termijnZin({ ...vb, afgerond: 10, binnen: 9, pct: 90 })).toContain('is gehaald');
  });

  it('overdracht and open work', () => {
    expect(overdrachtZin({ na_vb: 458, na_vb_lokaal_team: 257, na_vervolgkeuze: 43 })).toBe(
      'Na de veiligheidsbeoordeling werden 458 meldingen overgedragen, 257 aan het lokaal team; na de keuze voor vervolgstappen werden er 43 overgedragen.',
    );
    expect(overdrachtZin({ na_vb: 1, na_vb_lokaal_team: 1, na_vervolgkeuze: 0 })).toBe(
      'Na de veiligheidsbeoordeling werd 1 melding overgedragen, 1 aan het lokaal team; na de keuze voor vervolgstappen werden er geen overgedragen.',
    );
    expect(openWerkZin({ open_vb: 0, open_vb_over_termijn: 0 })).toBe('Aan het einde van het kwartaal wachtte geen melding op een veiligheidsbeoordeling.');
    expect(openWerkZin({ open_vb: 1, open_vb_over_termijn: 1 })).toBe(
      'Aan het einde van het kwartaal wachtte 1 melding op een veiligheidsbeoordeling, 1 daarvan langer dan 5 werkdagen.',
    );
    expect(openWerkZin({ open_vb: 48, open_vb_over_termijn: 19 })).toBe(
      'Aan het einde van het kwartaal wachtten 48 meldingen op een veiligheidsbeoordeling, 19 daarvan langer dan 5 werkdagen.',
    );
  });

  it('onderzoek : V&V ratio', () => {
    expect(verhoudingOnderzoekVv(63, 128)).toBe('1 : 2,0');
    expect(verhoudingOnderzoekVv(4, 10)).toBe('1 : 2,5');
    expect(verhoudingOnderzoekVv(0, 10)).toBeNull();
  });
});
