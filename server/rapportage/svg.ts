import * as echarts from 'echarts';
import { pasFormaatToe } from '../../public/js/grafiek-formaat.js';
import type { Grafiek } from '../charts/grafiek.js';

/** Printable width of a chart on A4 portrait with 18 mm margins, in CSS pixels. */
export const PAGINABREEDTE_PX = 660;

/**
 * The dashboard's chart option rendered to an SVG string on the server (ECharts SSR, no
 * animation), with the same Dutch formatters as the browser: vector output, selectable text.
 * Without the decal patterns of the dashboard: Chromium rasterises SVG patterns when printing,
 * which made a report 5x slower and 5x larger (measured: 5.3 s → 0.8 s, 2.6 MB → 0.5 MB).
 */
export function grafiekNaarSvg(grafiek: Grafiek, breedte = PAGINABREEDTE_PX, hoogte = Math.min(grafiek.hoogte ?? 320, 520)): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: breedte, height: hoogte });
  try {
    const option = pasFormaatToe(structuredClone(grafiek.option), grafiek.formaat) as Record<string, unknown>;
    chart.setOption({ ...option, animation: false, aria: { enabled: true, label: { enabled: false }, decal: { show: false } } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
