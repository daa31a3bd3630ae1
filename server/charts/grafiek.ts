/**
 * A chart = one ECharts option (plain JSON, no functions) + the same data as a table for
 * screen readers and downloads. Built by pure functions from stored indicator values; the
 * browser renders it interactively, the PDF renders the same option to SVG on the server.
 */
import type { Cel, Tabel } from '../shared/tabel.js';

export interface Grafiek {
  id: string;
  titel: string;
  /** the sheet name in a workbook (Dutch, at most 31 characters); absent: derived from the title */
  blad?: string;
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
  /** a Dutch description of what the chart shows (maps: the table alone does not say where) */
  beschrijving?: string;
  /** a map chart: the boundaries its map series is drawn on, registered under `naam` before drawing */
  kaart?: { naam: string; geojson: object };
}

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11); decals make series distinct without colour. */
export const KLEUREN = ['#154273', '#b34700', '#00676b', '#6a3d9a', '#5c5c5c', '#8a6d00', '#a3195b'];

type Optie = Record<string, unknown>;
const categorieen = (as: unknown): unknown[] | null => {
  const a = (Array.isArray(as) ? as[0] : as) as { type?: string; data?: unknown[] } | undefined;
  return a?.type === 'category' && Array.isArray(a.data) ? a.data : null;
};

/**
 * A bar whose value is hidden or unknown (null) is a gap, never a 0: the gap carries CBS's sign
 * `.` as a mark at the axis, so a reader sees that a value is missing rather than small.
 */
function markeerOntbrekend(extra: Optie): Optie {
  const opX = categorieen(extra.xAxis);
  const opY = categorieen(extra.yAxis);
  const labels = opX ?? opY;
  if (!labels || !Array.isArray(extra.series)) return extra;
  const series = (extra.series as Optie[]).map((s) => {
    if (s.type !== 'bar' || !Array.isArray(s.data)) return s;
    const gaten = (s.data as unknown[]).map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0);
    if (gaten.length === 0) return s;
    return {
      ...s,
      markPoint: {
        symbol: 'circle',
        symbolSize: 1,
        silent: true,
        label: { show: true, formatter: '.', fontSize: 16, fontWeight: 'bold', color: '#1a1a1a', position: opX ? 'top' : 'right' },
        data: gaten.map((i) => ({ name: 'geheim', coord: opX ? [labels[i], 0] : [0, labels[i]] })),
      },
    };
  });
  return { ...extra, series };
}

/** A table column of whole numbers that are not counts: medians, maxima and days, rates, shares. */
export const isAantalKop = (kop: string): boolean => !/mediaan|p90|maximum|dagen|per 1\.000|%/i.test(kop);

export const GEHEIM_NOOT = 'Alle waarden van deze grafiek zijn geheim\n(bescherming kleine aantallen): er is niets te tekenen.';

/** The note of a count chart whose counts are all rounded to 0 (or hidden): its bars have no height. */
export const kleinNoot = (klein: string): string => `Alle aantallen van deze grafiek zijn ${klein}\n(bescherming kleine aantallen): zie de tabel.`;

const waardeVan = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? ((v as { value?: unknown }).value ?? null) : Array.isArray(v) ? (v[1] ?? null) : v;

/**
 * A chart for an account that sees protected figures: a count rounded to 0 reads as `klein`
 * ("< 3") in its labels and tooltip (the option's `kleinTeken`, applied by the formatter in the
 * browser and the SVG render alike), and a chart whose values are all hidden says so in the plot
 * instead of drawing an empty one. Only a chart of counts gets the sign: a 0 % or a rate of 0 stays 0.
 */
export function beschermdeGrafiek(g: Grafiek, klein: string): Grafiek {
  // a map draws a protected value as its own class (charts/kaart.ts), never as a count
  if (g.kaart) return g;
  const series = Array.isArray(g.option.series) ? (g.option.series as Optie[]) : [];
  const waarden = series.flatMap((s) => (Array.isArray(s.data) ? (s.data as unknown[]).map(waardeVan) : []));
  const option: Optie = { ...g.option };
  if (series.length > 0 && waarden.every((v) => v === null)) {
    option.graphic = {
      type: 'text',
      left: 'center',
      top: 'middle',
      silent: true,
      style: { text: GEHEIM_NOOT, fontSize: 14, fill: '#1a1a1a', align: 'center' },
    };
  }
  const telt =
    g.formaat === 'getal' && g.tabel.kolommen.slice(1).every(isAantalKop) && waarden.every((v) => v === null || (typeof v === 'number' && Number.isInteger(v)));
  if (!telt) return { ...g, option };
  option.kleinTeken = klein;
  // every count rounded to 0 (some perhaps hidden): an empty plot with no word, unless it says so
  if (option.graphic === undefined && waarden.some((v) => v === 0) && waarden.every((v) => v === 0 || v === null)) {
    option.graphic = {
      type: 'text',
      left: 'center',
      top: 'middle',
      silent: true,
      style: { text: kleinNoot(klein), fontSize: 14, fill: '#1a1a1a', align: 'center' },
    };
  }
  // the table too (the report's tables print it as is; the page's and downloads' signs keep it)
  const rijen = g.tabel.rijen.map((rij) => rij.map((c, i) => (i > 0 && c === 0 ? klein : c)));
  return { ...g, option, tabel: { ...g.tabel, rijen } };
}

/** The running quarter's labels (and table cells) get CBS's `*` (voorlopig). */
export function markeerVoorlopig(g: Grafiek, voorlopigeLabels: string[]): Grafiek {
  if (voorlopigeLabels.length === 0) return g;
  const set = new Set(voorlopigeLabels);
  const ster = (x: unknown): unknown => (typeof x === 'string' && set.has(x) ? `${x}*` : x);
  const as = (a: unknown): unknown => {
    if (Array.isArray(a)) return a.map(as);
    const o = a as { data?: unknown[] } | undefined;
    return o && Array.isArray(o.data) ? { ...o, data: o.data.map(ster) } : a;
  };
  const titel = voorlopigeLabels.some((l) => g.titel.endsWith(l)) ? `${g.titel}* (voorlopig)` : g.titel;
  const series = Array.isArray(g.option.series)
    ? (g.option.series as Optie[]).map((s) =>
        s.markPoint
          ? {
              ...s,
              markPoint: {
                ...(s.markPoint as Optie),
                data: ((s.markPoint as Optie).data as Optie[]).map((d) => ({ ...d, coord: (d.coord as unknown[]).map(ster) })),
              },
            }
          : s,
      )
    : g.option.series;
  return {
    ...g,
    titel,
    option: { ...g.option, xAxis: as(g.option.xAxis), yAxis: as(g.option.yAxis), series },
    tabel: { ...g.tabel, rijen: g.tabel.rijen.map((r) => r.map((c, i) => (i === 0 ? (ster(c) as Cel) : c))) },
    links: g.links ? Object.fromEntries(Object.entries(g.links).map(([k, v]) => [ster(k) as string, v])) : undefined,
  };
}

export function basisOptie(extra: Record<string, unknown>): Record<string, unknown> {
  extra = markeerOntbrekend(extra);
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
