import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import {
  aardGeweld,
  monitoringAfspraken,
  monitoringAfwijkingen,
  overdrachtPerMoment,
  spoed,
  wachtlijst,
  wachttijden,
} from '../../../server/charts/monitoring.js';
import { pasFormaatToe } from '../../../public/js/grafiek-formaat.js';

const ONDERDRUKT = { onderdrukt: true };
const q2 = {
  onderzoeken_monitoring_verwacht: 20,
  onderzoeken_monitoring_conform: 19,
  onderzoeken_monitoring_pct: 95,
  vv_monitoring_verwacht: 10,
  vv_monitoring_conform: 10,
  vv_monitoring_pct: 100,
  monitoring_na_weerlegd: 1,
  monitoring_na_overdracht_gi: 0,
  monitoring_3m_gepland: 8,
  monitoring_3m_tijdig: 6,
  monitoring_3m_pct: 75,
  monitoring_12m_gepland: 4,
  monitoring_12m_tijdig: 4,
  monitoring_12m_pct: 100,
  wacht_op_vervolgkeuze: 5,
  wacht_op_start_onderzoek: 2,
  wacht_op_start_vv: 0,
  wacht_dagen: {
    wacht_op_vervolgkeuze: { mediaan: 6, max: 19 },
    wacht_op_start_onderzoek: { mediaan: 3.5, max: 7 },
    wacht_op_start_vv: { mediaan: null, max: null },
  },
  meldingen_spoed: 8,
  spoed_vb_zelfde_dag: 7,
};
/** a quarter whose values are hidden (a gemeente user) or missing */
const q3 = { ...Object.fromEntries(Object.keys(q2).map((k) => [k, ONDERDRUKT])), monitoring_na_weerlegd: null };
const reeks = [
  { kwartaal: '2024-Q2', w: q2 },
  { kwartaal: '2024-Q3', w: q3 },
  { kwartaal: '2024-Q4', w: {} },
];

describe('charts of definitions 2027.1', () => {
  it('a hidden or missing value is a gap (null) in the chart and the table, never 0', () => {
    const a = monitoringAfspraken(reeks, 'regio');
    expect((a.option.series as { data: unknown[] }[])[0]!.data).toEqual([95, null, null]);
    expect(a.tabel.rijen[0]).toEqual(['Q2 2024', 20, 19, 95, 10, 10, 100, 8, 6, 75, 4, 4, 100]);
    expect(a.tabel.rijen[1]!.slice(1).every((c) => c === null)).toBe(true);
    const af = monitoringAfwijkingen(reeks, 'regio');
    expect(af.tabel.rijen.map((r) => r.slice(1))).toEqual([
      [1, 0, 1, 0],
      [null, null, null, null],
      [null, null, null, null],
    ]);
    const w = wachtlijst(reeks);
    expect(w.tabel.rijen[0]).toEqual(['Q2 2024', 5, 6, 19, 2, 3.5, 7, 0, null, null]);
    expect((w.option.series as { data: unknown[] }[])[2]!.data).toEqual([0, null, null]);
    expect(spoed(reeks, 'regio').tabel.rijen).toEqual([
      ['Q2 2024', 8, 7, 87.5],
      ['Q3 2024', null, null, null],
      ['Q4 2024', null, null, null],
    ]);
    expect(wachttijden(q3, '2024-Q3').tabel.rijen.every((r) => r.slice(1).every((c) => c === null))).toBe(true);
  });

  it('overdracht per moment: ontvangers with an overdracht, totals per moment; a hidden cell keeps its total unknown', () => {
    const nul = {
      lokaal_team: 0,
      betrokken_hulpverlening: 0,
      gecertificeerde_instelling: 0,
      raad_kinderbescherming: 0,
      melder: 0,
      clientsysteem: 0,
      politie_justitie: 0,
      overig: 0,
      onbekend: 0,
    };
    const g = overdrachtPerMoment(
      {
        na_vb: { ...nul, lokaal_team: 30, melder: 5 },
        na_vervolgkeuze: { ...nul, lokaal_team: 4, gecertificeerde_instelling: ONDERDRUKT },
        na_onderzoek: { ...nul, lokaal_team: 7 },
        na_vv: { ...nul, lokaal_team: 12, betrokken_hulpverlening: 3 },
      },
      'regio, Q2 2024',
    );
    expect(g.tabel.kolommen).toEqual([
      'Ontvanger',
      'Na de veiligheidsbeoordeling',
      'Na de keuze voor vervolgstappen',
      'Na onderzoek',
      'Na voorwaarden en vervolg',
    ]);
    expect(g.tabel.rijen).toEqual([
      ['Lokaal team', 30, 4, 7, 12],
      ['Betrokken hulpverlening', 0, 0, 0, 3],
      ['Gecertificeerde instelling', 0, null, 0, 0],
      ['Melder', 5, 0, 0, 0],
      ['Totaal', 35, null, 7, 15],
    ]);
    const leeg = overdrachtPerMoment(ONDERDRUKT, 'Tiel');
    expect(leeg.tabel.rijen.every((r) => r.slice(1).every((c) => c === null))).toBe(true);
  });

  it('aard van het geweld: all six codes and onbekend, meldingen beside adviezen', () => {
    const g = aardGeweld({ kindermishandeling: 10, partnergeweld: 8, onbekend: 0 }, null, 'Q2 2024');
    expect(g.tabel.rijen).toHaveLength(7);
    expect(g.tabel.rijen[0]).toEqual(['Kindermishandeling', 10, null]);
    expect(g.tabel.rijen[6]).toEqual(['Onbekend', 0, null]);
  });

  it.each(
    [
      monitoringAfspraken(reeks, 'regio'),
      monitoringAfwijkingen(reeks, 'regio'),
      wachtlijst(reeks),
      wachttijden(q2, '2024-Q2'),
      spoed(reeks, 'regio'),
      aardGeweld({ kindermishandeling: 10 }, { kindermishandeling: 4 }, 'Q2 2024'),
      overdrachtPerMoment({ na_vb: { lokaal_team: 3 } }, 'Q2 2024'),
    ].map((g) => [g.id, g] as const),
  )('%s renders to SVG on the server (plain JSON option)', (_id, g) => {
    expect(JSON.parse(JSON.stringify(g.option))).toEqual(g.option);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 360 });
    chart.setOption(pasFormaatToe(JSON.parse(JSON.stringify(g.option)), g.formaat));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('<path');
  });
});

describe('the charts point at their definition', () => {
  it('the anchor of the new charts is a heading of docs/indicatoren.md', async () => {
    const { readFileSync } = await import('node:fs');
    const { slug } = await import('../../../server/web/routes/docs.js');
    const koppen = readFileSync('docs/indicatoren.md', 'utf8')
      .split('\n')
      .filter((r) => r.startsWith('#'))
      .map((r) => slug(r.replace(/^#+\s*/, '')));
    const g = monitoringAfspraken(reeks, 'regio');
    expect(koppen).toContain(g.anker);
  });
});
