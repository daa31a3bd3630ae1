import { describe, expect, it } from 'vitest';
import { CATALOGUS, isIndicatorSleutel, type IndicatorSleutel } from '../../../server/indicatoren/catalogus.js';
import { getal, type Waarden } from '../../../server/indicatoren/paneel.js';
import { monitoringAfspraken } from '../../../server/charts/monitoring.js';
import { periodeWaarden } from '../../../server/rapportage/periode.js';

/**
 * A misspelled indicator key must fail `tsc` (which runs over test/ in `npm test`): every
 * `@ts-expect-error` below is a typo in a page model, a download (the chart table a CSV/XLSX is
 * made of) and a report. Should a reader take any string again, the directive is unused and
 * `tsc --noEmit` fails with TS2578. The correctly spelled line beside each one runs and is checked.
 */
describe('indicator keys are a type', () => {
  const w: Waarden = { meldingen: 12, vb_binnen_termijn_pct: 80, onderzoeken_monitoring_pct: 50 };

  it('a page model reads only catalogue keys', () => {
    expect(getal(w, 'meldingen')).toBe(12);
    // @ts-expect-error a typo in a tile's key
    expect(getal(w, 'meldingen_vbb')).toBeNull();
    expect(w.vb_binnen_termijn_pct).toBe(80);
    // @ts-expect-error a typo in a property of the stored values
    expect(w.vb_binen_termijn_pct).toBeUndefined();
  });

  it('a download (chart table) takes only catalogue keys in its values', () => {
    const g = monitoringAfspraken([{ kwartaal: '2024-Q3', w }], 'Regio');
    expect(g.tabel!.rijen[0]![3]).toBe(50);
    // @ts-expect-error a typo in the values a chart table is made of
    expect(monitoringAfspraken([{ kwartaal: '2024-Q3', w: { onderzoeken_monitorings_pct: 50 } }], 'Regio').tabel!.rijen[0]![3]).toBeNull();
  });

  it('a report reads only catalogue keys from a period', () => {
    const p = periodeWaarden([{ meldingen: 3 }, { meldingen: 4 }], null);
    expect(getal(p, 'meldingen')).toBe(7);
    // @ts-expect-error a typo in a report's key
    expect(getal(p, 'meldingen_totaal')).toBeNull();
    // @ts-expect-error a typo in a report's property
    expect(p.adviezen_overige_zorgmeldingen).toBeUndefined();
  });

  it('the key type is exactly the catalogue, and a string from data is narrowed by it', () => {
    const sleutels: IndicatorSleutel[] = CATALOGUS.map((i) => i.sleutel);
    expect(sleutels).toHaveLength(68);
    expect(isIndicatorSleutel('vb_binnen_termijn')).toBe(true);
    expect(isIndicatorSleutel('vb_binnen_termijnn')).toBe(false);
    // @ts-expect-error a key the catalogue does not have
    const fout: IndicatorSleutel = 'vb_binnen_termijnn';
    expect(fout).toBe('vb_binnen_termijnn');
  });
});
