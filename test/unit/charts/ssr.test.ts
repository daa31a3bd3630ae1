import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { doorlooptijden, leeftijdOpenWerk, openWerk } from '../../../server/charts/doorstroom.js';
import { gemeenteVsRegio, overdrachtLokaalTeam } from '../../../server/charts/gemeente.js';
import type { Grafiek } from '../../../server/charts/grafiek.js';
import { instroomPerKwartaal, perBeroepsgroep, perGemeente, perMelder } from '../../../server/charts/instroom.js';
import { vbBesluiten, vbPerWeek, vbTijdigheid } from '../../../server/charts/veiligheidsbeoordeling.js';
import { pasFormaatToe } from '../../../public/js/grafiek-formaat.js';

const kw = ['2024-Q1', '2024-Q2'];
const grafieken: Grafiek[] = [
  instroomPerKwartaal(
    kw.map((k, i) => ({ kwartaal: k, adviezen: 1195 + i, meldingen: 1527 - i })),
    'regio',
  ),
  perGemeente([{ code: 'GM0268', naam: 'Nijmegen', adviezen: 393, meldingen: 180 }], 'aantal', '2024-Q2'),
  perMelder({ politie: 10, overige_professional: 5, niet_professional: 1 }, 'Q2 2024'),
  perBeroepsgroep({ onderwijs: 3, huisarts: 0 }, 'Q2 2024'),
  vbBesluiten({ overdracht_lokaal_team: 12, vervolg_veilig_thuis: 4 }, 'Q2 2024'),
  vbTijdigheid(
    kw.map((k) => ({ kwartaal: k, meldingen_vb: 8, vb_binnen_termijn: 7, vb_binnen_termijn_pct: 87.5 })),
    90,
    'regio',
  ),
  vbPerWeek([{ week: '2024-04-01', meldingen_vb: 4, binnen_termijn: 3, pct: 75 }], 90, '2024-Q2'),
  openWerk(
    kw.map((k) => ({
      kwartaal: k,
      open_vb: 5,
      open_vb_over_termijn: 1,
      open_onderzoeken: 3,
      open_onderzoeken_over_termijn: 1,
      open_vv: 2,
      open_vv_over_termijn: 0,
    })),
  ),
  leeftijdOpenWerk({ vb: { '0_5': 3 }, onderzoek: { tot_10w: 2 }, vv: { tot_10w: 1 } }, '2024-Q2'),
  doorlooptijden(
    kw.map((k) => ({ kwartaal: k, vb: { mediaan: 3, p90: 8 }, onderzoek: null, vv: null })),
    'vb',
  ),
  gemeenteVsRegio({ meldingen: 1.2 }, { meldingen: 1.1 }, 'Tiel', '2024-Q2'),
  overdrachtLokaalTeam(
    kw.map((k) => ({ kwartaal: k, na_vb_lokaal_team: 3, na_vervolgkeuze: 1 })),
    'Tiel',
  ),
];

describe('chart options render on the server (for the PDF)', () => {
  it.each(grafieken.map((g) => [g.id, g] as const))('%s: plain JSON, rendered to SVG with Dutch formatting', (_id, g) => {
    // the option is data: it survives JSON unchanged (no functions)
    expect(JSON.parse(JSON.stringify(g.option))).toEqual(g.option);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 360 });
    chart.setOption(pasFormaatToe(JSON.parse(JSON.stringify(g.option)), g.formaat));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<path');
    expect(g.tabel.rijen.length).toBeGreaterThan(0);
  });

  it('numbers in the SVG use Dutch formatting', () => {
    const g = instroomPerKwartaal([{ kwartaal: '2024-Q1', adviezen: 1195, meldingen: 1527 }], 'regio');
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 360 });
    chart.setOption(pasFormaatToe(g.option, g.formaat));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toMatch(/>\d\.\d{3}</); // axis labels like 1.500 / 2.500
  });
});
