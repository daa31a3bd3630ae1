import { describe, expect, it } from 'vitest';
import { laadRegio } from '../../../server/config/regio.js';
import { projectPath } from '../../../server/config/paths.js';
import { beschermklasse, CATALOGUS, IDENTITEITEN, OPENBARE_SLEUTELS, PER_SLEUTEL } from '../../../server/indicatoren/catalogus.js';
import { legeTelling } from '../../../server/indicatoren/compute.js';
import { indicatorRijen } from '../../../server/indicatoren/herbereken.js';
import { REGIO } from '../../../server/indicatoren/gebieden.js';
import { INDICATOR_SLEUTELS } from '../../../server/indicatoren/service.js';

const regio = laadRegio(projectPath('config', 'regio', 'gelderland-zuid.json'));

/** Every key compute yields for one quarter (a gemeente and the region), plus groei (stored by the refresh). */
function berekendeSleutels(): string[] {
  const perGebied = new Map([
    [regio.gemeenten[0]!.code, legeTelling()],
    ['onbekend', legeTelling()],
  ]);
  const rijen = indicatorRijen('2024-Q1', perGebied, regio);
  expect(rijen.some((r) => r.gebied === REGIO)).toBe(true);
  return [...new Set([...rijen.map((r) => r.indicator), 'groei'])];
}

describe('the indicator catalogue', () => {
  it('knows and classifies every key compute yields', () => {
    const sleutels = berekendeSleutels();
    expect(sleutels.length).toBeGreaterThan(30);
    const onbekend = sleutels.filter((k) => !PER_SLEUTEL.has(k));
    expect(onbekend, 'keys compute yields that the catalogue lacks').toEqual([]);
    for (const k of sleutels) {
      const i = PER_SLEUTEL.get(k)!;
      expect(i.label.length, k).toBeGreaterThan(2);
      expect(i.definitie.length, k).toBeGreaterThan(10);
      expect(beschermklasse(i), k).toBeTruthy();
    }
  });

  it('has no entry that nothing yields (groei comes from the refresh, laatste_4_kwartalen from the privacy layer)', () => {
    const sleutels = new Set(berekendeSleutels());
    expect(CATALOGUS.map((i) => i.sleutel).filter((k) => !sleutels.has(k) && k !== 'laatste_4_kwartalen')).toEqual([]);
  });

  it('the kind matches the value compute yields, so a count cannot be declared something unprotected', () => {
    const perGebied = new Map([[regio.gemeenten[0]!.code, legeTelling()]]);
    const waarden = new Map(
      indicatorRijen('2024-Q1', perGebied, regio)
        .filter((r) => r.gebied !== REGIO)
        .map((r) => [r.indicator, r.waarde]),
    );
    const bladeren = (v: unknown): [string, unknown][] =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
            x !== null && typeof x === 'object' ? bladeren(x).map(([kk, xx]) => [`${k}.${kk}`, xx] as [string, unknown]) : [[k, x] as [string, unknown]],
          )
        : [];
    for (const [k, v] of waarden) {
      const i = PER_SLEUTEL.get(k)!;
      if (typeof v === 'number' || v === null) {
        // a plain number is a count or stock (rounded), or a share named *_pct (recomputed from rounded counts)
        expect(i.soort === 'aantal' || i.soort === 'voorraad' || (i.soort === 'aandeel' && k.endsWith('_pct')), `${k} is a number but of kind ${i.soort}`).toBe(
          true,
        );
      } else if (i.soort === 'mediaan') {
        for (const [pad] of bladeren(v)) expect(['mediaan', 'p90', 'max'], `${k}.${pad}`).toContain(pad.split('.').at(-1));
      } else if (i.soort === 'per1000') {
        for (const [pad] of bladeren(v)) expect(PER_SLEUTEL.get(pad)?.soort, `${k}.${pad}`).toMatch(/aantal|voorraad/);
      } else {
        expect(['verdeling', 'groei', 'intern'], k).toContain(i.soort);
      }
    }
  });

  it('one entry per key, a board part a–e or none, counts it is built from exist in the catalogue', () => {
    expect(new Set(CATALOGUS.map((i) => i.sleutel)).size).toBe(CATALOGUS.length);
    for (const i of CATALOGUS) {
      expect([null, 'a', 'b', 'c', 'd', 'e']).toContain(i.onderdeel);
      for (const u of i.uit.filter(Boolean)) expect(PER_SLEUTEL.has(u.split('.')[0]!), `${i.sleutel} ← ${u}`).toBe(true);
      if (i.soort === 'aandeel' && i.sleutel !== 'laatste_4_kwartalen') expect(i.uit, i.sleutel).toHaveLength(2);
    }
    // the JSON service and the API answer exactly the catalogue's public keys
    expect(INDICATOR_SLEUTELS).toEqual(OPENBARE_SLEUTELS);
  });

  it('carries the keys of the second wave already (kinds, identities), so they are protected when compute yields them', () => {
    for (const k of [
      'overdracht_na_onderzoek',
      'overdracht_na_vv',
      'overdracht_per_moment',
      'onderzoeken_monitoring_verwacht',
      'onderzoeken_monitoring_conform',
      'onderzoeken_monitoring_pct',
      'vv_monitoring_verwacht',
      'vv_monitoring_conform',
      'vv_monitoring_pct',
      'monitoring_na_weerlegd',
      'monitoring_na_overdracht_gi',
      'monitoring_3m_gepland',
      'monitoring_3m_tijdig',
      'monitoring_3m_pct',
      'monitoring_12m_gepland',
      'monitoring_12m_tijdig',
      'monitoring_12m_pct',
      'wacht_op_vervolgkeuze',
      'wacht_op_start_onderzoek',
      'wacht_op_start_vv',
      'wacht_dagen',
      'onderzoeken_gestart',
      'onderzoeken_gestart_binnen_termijn',
      'onderzoeken_gestart_pct',
      'meldingen_spoed',
      'spoed_vb_zelfde_dag',
      'meldingen_per_aard_geweld',
      'adviezen_per_aard_geweld',
      'adviezen_per_kanaal',
    ]) {
      expect(PER_SLEUTEL.has(k), k).toBe(true);
    }
    expect(IDENTITEITEN).toContainEqual({ soort: 'voorraad', voorraad: 'open_vb', in: ['meldingen'], uit: ['meldingen_vb'] });
    expect(IDENTITEITEN).toContainEqual({ soort: 'som', totaal: 'adviezen', delen: ['adviezen_per_kanaal.*'] });
  });
});
