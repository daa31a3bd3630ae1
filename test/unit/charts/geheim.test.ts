import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { doorlooptijden, openWerk } from '../../../server/charts/doorstroom.js';
import { gemeenteVsRegio, overdrachtLokaalTeam } from '../../../server/charts/gemeente.js';
import { beschermdeGrafiek, GEHEIM_NOOT, kleinNoot, type Grafiek } from '../../../server/charts/grafiek.js';
import { instroomPerKwartaal, perGemeente, perMelder } from '../../../server/charts/instroom.js';
import { vbBesluiten, vbTijdigheid } from '../../../server/charts/veiligheidsbeoordeling.js';
import { metTekens } from '../../../server/export/tabel-export.js';
import { pasFormaatToe } from '../../../public/js/grafiek-formaat.js';

const kw = ['2026-Q2', '2026-Q3'];
/** Charts with one hidden value each (null: hidden by the protection), as the page builders give them. */
const grafieken: [Grafiek, number][] = [
  [
    instroomPerKwartaal(
      [
        { kwartaal: kw[0]!, adviezen: 85, meldingen: null },
        { kwartaal: kw[1]!, adviezen: 90, meldingen: 35 },
      ],
      'Tiel',
    ),
    1,
  ],
  [
    perGemeente(
      [
        { code: 'GM0281', naam: 'Tiel', adviezen: null, meldingen: 35 },
        { code: 'GM0268', naam: 'Nijmegen', adviezen: 400, meldingen: 180 },
      ],
      'aantal',
      '2026-Q3',
    ),
    1,
  ],
  [perMelder({ politie: 20, overige_professional: null as unknown as number, niet_professional: 5 }, 'Tiel'), 1],
  [vbBesluiten({ overdracht_lokaal_team: 10, vervolg_veilig_thuis: null as unknown as number }, 'Tiel'), 1],
  // the case: a hidden share was drawn as 0 % on time and 100 % late
  [
    vbTijdigheid(
      [
        { kwartaal: kw[0]!, meldingen_vb: 35, vb_binnen_termijn: 35, vb_binnen_termijn_pct: null },
        { kwartaal: kw[1]!, meldingen_vb: 40, vb_binnen_termijn: 35, vb_binnen_termijn_pct: 87.5 },
      ],
      90,
      'Tiel',
    ),
    1,
  ],
  [
    openWerk(
      kw.map((k, i) => ({
        kwartaal: k,
        open_vb: i ? 10 : null,
        open_vb_over_termijn: 5,
        open_onderzoeken: 20,
        open_onderzoeken_over_termijn: 5,
        open_vv: 10,
        open_vv_over_termijn: 0,
      })),
    ),
    1,
  ],
  [gemeenteVsRegio({ meldingen: null, adviezen: 2.1 }, { meldingen: 1.1, adviezen: 2 }, 'Tiel', '2026-Q3'), 1],
  [
    overdrachtLokaalTeam(
      kw.map((k, i) => ({ kwartaal: k, na_vb_lokaal_team: i ? 10 : null, na_vervolgkeuze: 5 })),
      'Tiel',
    ),
    1,
  ],
  [
    doorlooptijden(
      kw.map((k, i) => ({ kwartaal: k, vb: i ? { mediaan: 3, p90: 8 } : { mediaan: null, p90: null }, onderzoek: null, vv: null })),
      'vb',
    ),
    0,
  ],
];

function svg(g: Grafiek): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 360 });
  chart.setOption(pasFormaatToe(JSON.parse(JSON.stringify(g.option)), g.formaat));
  const uit = chart.renderToSVGString();
  chart.dispose();
  return uit;
}

describe('a hidden value is a gap with the sign, never a 0', () => {
  it.each(grafieken.map(([g, staven]) => [g.id, g, staven] as const))('%s', (_id, g, staven) => {
    const series = g.option.series as { type: string; data: unknown[]; markPoint?: { label: { formatter: string }; data: unknown[] } }[];
    const gaten = series.flatMap((s) => s.data.map((v, i) => [s, v, i] as const)).filter(([, v]) => v === null);
    expect(gaten.length).toBeGreaterThan(0);
    // bars: each series with a gap carries CBS's "." on that category, and the SVG draws it
    const metGat = series.filter((s) => s.type === 'bar' && s.data.includes(null));
    expect(metGat.length).toBeGreaterThanOrEqual(staven);
    for (const s of metGat) {
      expect(s.markPoint?.label.formatter).toBe('.');
      expect(s.markPoint?.data).toHaveLength(s.data.filter((v) => v === null).length);
    }
    if (staven > 0) expect(svg(g)).toMatch(/>\.<\/text>/);
    // the table (page and downloads): "." where the value is hidden, never 0 or empty
    const tabel = metTekens(g.tabel, true);
    expect(tabel.rijen.flat()).toContain('.');
    for (const [r, rij] of g.tabel.rijen.entries()) for (const [c, cel] of rij.entries()) if (cel === null) expect(tabel.rijen[r]![c]).toBe('.');
  });

  it('VB binnen termijn: a hidden share is no 0 % on time and no 100 % late', () => {
    const g = grafieken[4]![0];
    const [binnen, buiten] = g.option.series as { data: (number | null)[] }[];
    expect(binnen!.data).toEqual([null, 87.5]);
    expect(buiten!.data).toEqual([null, 12.5]);
    expect(metTekens(g.tabel, true).rijen[0]).toEqual(['Q2 2026', 35, 35, '.']);
  });
});

describe('a protected count rounded to 0 never reads as a true zero (issue 24)', () => {
  it('a count chart: "< 3" in the table, the bar label and the tooltip; the axis keeps its 0', () => {
    const exact = perMelder({ politie: 20, overige_professional: 15, niet_professional: 0 }, 'Tiel');
    const g = beschermdeGrafiek(exact, '< 3');
    expect(metTekens(g.tabel, true, '< 3').rijen.flat()).toContain('< 3');
    expect(metTekens(g.tabel, true, '< 3').rijen.flat()).not.toContain(0);
    const uit = svg(g);
    expect(uit).toContain('&lt; 3');
    const option = pasFormaatToe(JSON.parse(JSON.stringify(g.option)), g.formaat) as { tooltip: { valueFormatter: (v: number) => string } };
    expect([0, 5, 20].map((v) => option.tooltip.valueFormatter(v))).toEqual(['< 3', '5', '20']);
    // unprotected: the exact zero is nihil in the table, 0 in the chart
    expect(metTekens(exact.tabel, false).rijen.flat()).toContain('–');
    expect(metTekens(exact.tabel, false).rijen.flat()).not.toContain('< 3');
  });

  it('a share or a rate of 0 stays 0: the sign is for counts only', () => {
    const rates = beschermdeGrafiek(gemeenteVsRegio({ meldingen: 0, adviezen: 2.1 }, { meldingen: 1.1, adviezen: 2 }, 'Tiel', '2026-Q3'), '< 3');
    expect(rates.option.kleinTeken).toBeUndefined();
    expect(metTekens(rates.tabel, true, '< 3').rijen.flat()).not.toContain('< 3');
    const pct = grafieken[4]![0];
    expect(beschermdeGrafiek(pct, '< 3').option.kleinTeken).toBeUndefined();
  });

  it('a chart whose values are all hidden says so in the plot (page and PDF alike)', () => {
    const g = beschermdeGrafiek(
      overdrachtLokaalTeam(
        kw.map((k) => ({ kwartaal: k, na_vb_lokaal_team: null, na_vervolgkeuze: null })),
        'Tiel',
      ),
      '< 3',
    );
    expect((g.option.graphic as { style: { text: string } }).style.text).toBe(GEHEIM_NOOT);
    expect(svg(g)).toContain('Alle waarden van deze grafiek zijn geheim');
    expect(beschermdeGrafiek(grafieken[7]![0], '< 3').option.graphic).toBeUndefined();
  });

  it("a count chart whose counts are all rounded to 0 (Tiel's monitoring deviations) says so in the plot", () => {
    const nul = beschermdeGrafiek(
      overdrachtLokaalTeam(
        kw.map((k, i) => ({ kwartaal: k, na_vb_lokaal_team: 0, na_vervolgkeuze: i === 0 ? null : 0 })),
        'Tiel',
      ),
      '< 3',
    );
    expect((nul.option.graphic as { style: { text: string } }).style.text).toBe(kleinNoot('< 3'));
    expect(svg(nul)).toContain('Alle aantallen van deze grafiek zijn &lt; 3');
    // one count of 5 is drawn: no note
    const vijf = beschermdeGrafiek(
      overdrachtLokaalTeam(
        kw.map((k, i) => ({ kwartaal: k, na_vb_lokaal_team: i === 0 ? 5 : 0, na_vervolgkeuze: 0 })),
        'Tiel',
      ),
      '< 3',
    );
    expect(vijf.option.graphic).toBeUndefined();
  });
});
