import { describe, expect, it } from 'vitest';
import { dekkingVan, kalenderWaarschuwingen, laadKalender, leesKalender } from '../../../server/calendar/besluiten.js';
import { telDagenOp } from '../../../server/calendar/dates.js';
import { maakWerkdagkalender } from '../../../server/calendar/werkdagen.js';
import { projectPath } from '../../../server/config/paths.js';
import { bouwRegio } from '../../../server/config/regio.js';
import { leidRegistratieAf } from '../../../server/registraties/derive.js';
import { kolomObject, type Registratie } from '../../../server/registraties/schema.js';
import { readFileSync } from 'node:fs';

const bestand = laadKalender(projectPath('config', 'kalender.json'));
const kalender = maakWerkdagkalender(bestand.extraFeestdagen, dekkingVan(bestand.besluiten));
const regio = bouwRegio(JSON.parse(readFileSync(projectPath('config', 'regio', 'gelderland-zuid.json'), 'utf8')));

/** The decree days the catalogue names (the contract); the shipped file must hold every one. */
const BEKEND = [
  '2017-04-28',
  '2017-05-26',
  '2018-05-11',
  '2018-12-24',
  '2018-12-31',
  '2019-05-31',
  '2019-12-27',
  '2023-04-28',
  '2023-05-19',
  '2024-05-10',
  '2024-12-27',
  '2025-05-30',
  '2026-01-02',
  '2026-05-15',
  '2027-05-07',
  '2028-04-28',
  '2028-05-26',
];

function melding(binnenkomst: string, vb: string): Registratie {
  return {
    ...kolomObject(null),
    registratie_id: 'X',
    soort: 'melding',
    datum_binnenkomst: binnenkomst,
    gemeente_code: 'GM0268',
    melder_categorie: 'politie',
    datum_veiligheidsbeoordeling: vb,
    besluit_veiligheidsbeoordeling: 'overdracht_lokaal_team',
  } as Registratie;
}

describe('Royal-Decree days (config/kalender.json)', () => {
  it('ships every decree day the catalogue lists, and one decree per three years 2017–2028', () => {
    for (const d of BEKEND) expect(bestand.extraFeestdagen).toContain(d);
    expect(bestand.besluiten.map((b) => b.jaren)).toEqual([
      [2017, 2019],
      [2020, 2022],
      [2023, 2025],
      [2026, 2028],
    ]);
    for (const b of bestand.besluiten) {
      expect(b.bron).toMatch(/^https:\/\//);
      for (const d of b.dagen) expect([1, 2, 3, 4, 5]).toContain(new Date(`${d}T12:00:00Z`).getUTCDay());
    }
    // what could not be confirmed is said in the file
    expect(bestand.besluiten[1]!.onbevestigdeJaren).toEqual([2020, 2021]);
  });

  // one test per decree day, generated from the shipped list
  it.each(bestand.extraFeestdagen)('a VB on the 5th werkdag across %s is on time, on the 6th late', (dag) => {
    const binnenkomst = telDagenOp(dag, -1);
    const vijfde = kalender.nteWerkdagNa(binnenkomst, 5);
    const zesde = kalender.nteWerkdagNa(binnenkomst, 6);
    expect(kalender.isWerkdag(dag)).toBe(false);
    expect(leidRegistratieAf(melding(binnenkomst, vijfde), regio, kalender).vb_binnen_termijn).toBe(1);
    expect(leidRegistratieAf(melding(binnenkomst, zesde), regio, kalender).vb_binnen_termijn).toBe(0);
    // without the decree the same VB on the "5th" werkdag would be late: the day matters
    const zonder = maakWerkdagkalender(bestand.extraFeestdagen.filter((d) => d !== dag));
    if (zonder.isWerkdag(dag)) expect(leidRegistratieAf(melding(binnenkomst, vijfde), regio, zonder).vb_binnen_termijn).toBe(0);
  });

  it('the example of the issue: received Monday 26 May 2025, VB Wednesday 4 June 2025 is on time', () => {
    expect(kalender.werkdagenTussen('2025-05-26', '2025-06-04')).toBe(5);
    expect(leidRegistratieAf(melding('2025-05-26', '2025-06-04'), regio, kalender).vb_binnen_termijn).toBe(1);
    expect(leidRegistratieAf(melding('2025-05-26', '2025-06-05'), regio, kalender).vb_binnen_termijn).toBe(0);
  });

  it('warns in Dutch when data dates pass the last decree year, and for unconfirmed years', () => {
    const dekking = dekkingVan(bestand.besluiten);
    expect(dekking.totJaar).toBe(2028);
    expect(kalenderWaarschuwingen(dekking, 2023, 2028)).toEqual([]);
    const na = kalenderWaarschuwingen(dekking, 2023, 2029);
    expect(na).toHaveLength(1);
    expect(na[0]).toContain('tot in 2029');
    expect(na[0]).toContain('tot en met 2028');
    const onbevestigd = kalenderWaarschuwingen(dekking, 2019, 2022);
    expect(onbevestigd).toHaveLength(1);
    expect(onbevestigd[0]).toContain('2020 en 2021');
    expect(kalenderWaarschuwingen(dekkingVan([]), 2020, 2020)[0]).toContain('geen Koninklijk Besluit');
    // data from before the first decree year (2015-2016) warn as data past the last one do
    expect(dekking.vanJaar).toBe(2017);
    expect(kalenderWaarschuwingen(dekking, 2017, 2019)).toEqual([]);
    const voor = kalenderWaarschuwingen(dekking, 2015, 2019);
    expect(voor).toEqual([
      'Let op: de gegevens beginnen in 2015, maar de gelijkgestelde dagen (Koninklijk Besluit, Algemene termijnenwet art. 3 lid 3) zijn bekend vanaf 2017. ' +
        ('Werkdagen vóór 2017 zijn berekend zonder gelijkgestelde dagen; vul config/kalender.json aan ' +
          'met het besluit over die jaren en draai "vt-monitor herbereken --afleiden".'),
    ]);
  });

  it('refuses a decree day outside its years, or a non-date, with a Dutch message', () => {
    const besluit = { jaren: [2026, 2028], besluit: 'B', staatscourant: null, bron: 'https://x', dagen: ['2029-05-11'] };
    expect(() => leesKalender({ besluiten: [besluit] })).toThrow(/valt buiten de jaren 2026–2028/);
    expect(() => leesKalender({ besluiten: [{ ...besluit, dagen: ['15-5-2026'] }] })).toThrow(/ongeldig/);
  });
});
