import { describe, expect, it } from 'vitest';
import { CATALOGUS, PER_SLEUTEL, type IndicatorSleutel } from '../../../server/indicatoren/catalogus.js';
import { REGIO } from '../../../server/indicatoren/gebieden.js';
import type { Waarden } from '../../../server/indicatoren/paneel.js';
import { KWARTAAL, type KwartaalLezing } from '../../../server/rapportage/hoofdstukken/kwartaal.js';
import { PERIODE, type PeriodeLezing } from '../../../server/rapportage/hoofdstukken/periode.js';
import { cel, Nummering, type Blok, type RapportTabel } from '../../../server/rapportage/model.js';

/**
 * The reports' monitoring tables show every indicator of the catalogue's chapter Monitoring (§ 7.1):
 * its own value, or a share the table shows that it is counted in (a count of contacts on time
 * read as "… tijdig", its base as the share's base). Every catalogue key gets a value of its own,
 * so a cell names the key it came from; an indicator added to the chapter and not shown fails.
 */
const MONITORING = CATALOGUS.filter((i) => i.hoofdstuk === 'Monitoring').map((i) => i.sleutel as IndicatorSleutel);
const isAandeel = (k: string) => PER_SLEUTEL.get(k)!.eenheid === 'procent';
/** a distinct value per key: shares 10,3 %, 11,3 %, …; counts 101, 114, … */
const waarden: Waarden = Object.fromEntries(CATALOGUS.map((i, n) => [i.sleutel, isAandeel(i.sleutel) ? 10.3 + n : 101 + 13 * n]));
const eerder: Waarden = Object.fromEntries(CATALOGUS.map((i, n) => [i.sleutel, isAandeel(i.sleutel) ? 80.7 - n : 9001 + 7 * n]));
const alsCel = (w: Waarden, k: IndicatorSleutel) => (isAandeel(k) ? cel.procent(w[k] as number) : cel.getal(w[k] as number));

/** The monitoring keys a table neither shows nor counts in a share it shows (empty when complete). */
function ontbrekend(t: RapportTabel, w: Waarden): string[] {
  const cellen = new Set(t.rijen.flatMap((r) => r.cellen));
  const getoond = (k: IndicatorSleutel) => cellen.has(alsCel(w, k));
  return MONITORING.filter((k) => !getoond(k) && !CATALOGUS.some((a) => a.soort === 'aandeel' && a.uit.includes(k) && getoond(a.sleutel as IndicatorSleutel)));
}

const basis = { regio: {}, normen: { vb: 90, onderzoek: 80, vv: 80 }, duidingen: new Map(), nr: new Nummering('2027.2') };
const tabel = (blokken: Blok[], id: string) => blokken.find((b): b is RapportTabel => b.soort === 'tabel' && b.id === id)!;

describe(`the monitoring tables show the ${MONITORING.length} indicators of the catalogue's chapter Monitoring`, () => {
  it('half year and year: each beside the same period a year earlier, in catalogue order, then the stock in monitoring', () => {
    const lezing = { ...basis, kort: 'H1 2026', kortEerder: 'H1 2025', invoer: { nu: new Map([[REGIO, waarden]]), eerder: new Map([[REGIO, eerder]]) } };
    const t = tabel(PERIODE.monitoring.maak(lezing as unknown as PeriodeLezing)!.blokken, 'tabel-monitoring');
    expect(ontbrekend(t, waarden)).toEqual([]);
    expect(ontbrekend(t, eerder)).toEqual([]);
    expect(t.kolommen).toEqual(['', 'H1 2026', 'H1 2025']);
    expect(t.rijen.map((r) => r.kop)).toEqual([
      'Onderzoeken waar monitoring hoort',
      '… met monitoring',
      '… percentage',
      'V&V waar monitoring hoort',
      '… met monitoring',
      '… percentage',
      'Monitoring na weerlegd onderzoek',
      'Monitoring na overdracht aan de GI',
      'Contact na 3 maanden gepland',
      '… tijdig',
      'Contact na 12 maanden gepland',
      '… tijdig',
      'In monitoring (laatste dag)',
    ]);
    // each row holds its own indicator's value, this period and the one before
    const rij = (kop: string, n = 0) => t.rijen.filter((r) => r.kop === kop)[n]!.cellen;
    expect(rij('… tijdig', 1)).toEqual([alsCel(waarden, 'monitoring_12m_pct'), alsCel(eerder, 'monitoring_12m_pct')]);
    expect(rij('In monitoring (laatste dag)')).toEqual([alsCel(waarden, 'in_monitoring'), alsCel(eerder, 'in_monitoring')]);
  });

  it('quarter: the overdracht after onderzoek and V&V, then the agreements, per trend quarter', () => {
    const lezing = { ...basis, periode: null, invoer: { trend: ['2026-Q1', '2026-Q2'], paneel: new Map([['2026-Q2', new Map([[REGIO, waarden]])]]) } };
    const t = tabel(KWARTAAL.tabellen.maak(lezing as unknown as KwartaalLezing)!.blokken, 'tabel-monitoring-afspraken');
    expect(ontbrekend(t, waarden)).toEqual([]);
    expect(t.rijen.map((r) => [r.kop, r.cellen[0]])).toEqual(t.rijen.map((r) => [r.kop, '.'])); // Q1 2026 has no data
    expect(t.rijen.map((r) => r.kop)).toEqual([
      'Overdracht na onderzoek',
      'Overdracht na V&V',
      'Onderzoek: monitoring afgesproken',
      '… conform',
      'V&V: monitoring afgesproken',
      '… conform',
      'Monitoring na weerlegd',
      'Monitoring na overdracht aan een GI',
      'Contact na 3 maanden tijdig',
      'Contact na 12 maanden tijdig',
    ]);
    expect(t.rijen.map((r) => r.cellen[1])).toEqual(
      (
        [
          'overdracht_na_onderzoek',
          'overdracht_na_vv',
          'onderzoeken_monitoring_verwacht',
          'onderzoeken_monitoring_pct',
          'vv_monitoring_verwacht',
          'vv_monitoring_pct',
          'monitoring_na_weerlegd',
          'monitoring_na_overdracht_gi',
          'monitoring_3m_pct',
          'monitoring_12m_pct',
        ] as const
      ).map((k) => alsCel(waarden, k)),
    );
  });
});
