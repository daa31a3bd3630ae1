/**
 * A chart = one ECharts option (plain JSON, no functions) + the same data as a table for
 * screen readers and downloads. Built by pure functions from stored indicator values; the
 * browser renders it interactively, the PDF renders the same option to SVG on the server.
 */
export type Cel = string | number | null;

export interface Tabel {
  kolommen: string[];
  rijen: Cel[][];
}

export interface Grafiek {
  id: string;
  titel: string;
  /** short definition shown under the "i" */
  definitie: string;
  /** anchor in docs/indicatoren.md */
  anker: string;
  formaat: 'getal' | 'procent';
  option: Record<string, unknown>;
  tabel: Tabel;
  /** category label → URL: clicking that bar navigates there */
  links?: Record<string, string>;
  hoogte?: number;
}

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11); decals make series distinct without colour. */
export const KLEUREN = ['#154273', '#b34700', '#00676b', '#6a3d9a', '#5c5c5c', '#8a6d00', '#a3195b'];

export function basisOptie(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    animation: false,
    color: KLEUREN,
    aria: { enabled: true, decal: { show: true } },
    textStyle: { fontFamily: 'Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif', color: '#1a1a1a' },
    grid: { left: 8, right: 24, top: 56, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    ...extra,
  };
}

export function staafReeks(naam: string, data: (number | null)[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: naam, type: 'bar', data, ...extra };
}

/** One series of horizontal bars with their values as labels (distributions over codes). */
export function horizontaleStaven(labels: string[], waarden: (number | null)[], reeksNaam: string): Record<string, unknown> {
  return basisOptie({
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    yAxis: { type: 'category', data: labels, inverse: true },
    xAxis: { type: 'value', name: 'aantal', nameLocation: 'middle', nameGap: 26 },
    series: [staafReeks(reeksNaam, waarden, { label: { show: true, position: 'right' } })],
  });
}
