import { createRequire } from 'node:module';
import type { ECharts } from 'echarts';
import { pasFormaatToe } from '../../public/js/grafiek-formaat.js';
import type { Grafiek } from '../charts/grafiek.js';
import { LETTERTYPE, meetTekst } from './lettertype.js';

// ECharts' one-file CommonJS build: the ES module entry loads ~1.000 files, 3,0 s against 0,4 s on
// this machine, paid by every process that renders a chart (each test fork, each CLI command)
const echarts = createRequire(import.meta.url)('echarts') as typeof import('echarts');

/** Printable width of a chart on A4 portrait with 18 mm margins, in CSS pixels. */
export const PAGINABREEDTE_PX = 660;

// ECharts lays out text with these widths; the print page sets the text in the same font file
echarts.setPlatformAPI({ measureText: (tekst: string, font?: string) => ({ width: meetTekst(tekst ?? '', font) }) } as Parameters<
  typeof echarts.setPlatformAPI
>[0]);

type Optie = Record<string, unknown>;
const lijst = (x: unknown): Optie[] => (Array.isArray(x) ? x : x ? [x] : []) as Optie[];

/** ECharts' legend: icon 25 × 14, 5 px to the text, 10 px between items and rows, 5 px padding. */
const LEGENDA = { icoon: 25, tekstAfstand: 5, tussen: 10, rij: 14, rand: 5 };
/** Room under the legend for the value axis's name above the plot, and without a name. */
const ASNAAM_RUIMTE = 32;
const GEEN_ASNAAM_RUIMTE = 14;
/** The least height (px) between two value-axis labels: a 12 px label is 13,4 px high in Arimo. */
const LABELAFSTAND = 28;

/** The legend's height when its items wrap at the chart's width, as ECharts lays them out. */
export function legendaHoogte(namen: string[], breedte: number, fontGrootte = 12): number {
  if (namen.length === 0) return 0;
  const max = breedte - 2 * LEGENDA.rand;
  let rijen = 1;
  let x = 0;
  for (const naam of namen) {
    const w = LEGENDA.icoon + LEGENDA.tekstAfstand + meetTekst(naam, `${fontGrootte}px ${LETTERTYPE}`);
    if (x > 0 && x + w > max) {
      rijen++;
      x = 0;
    }
    x += w + LEGENDA.tussen;
  }
  return 2 * LEGENDA.rand + rijen * LEGENDA.rij + (rijen - 1) * LEGENDA.tussen;
}

/**
 * The print's layout on top of the dashboard's option (the data stay as they are): the font of
 * the print, the grid's top below the legend as it wraps in this font at this width, and no
 * more value-axis labels than the plot's height holds.
 */
function drukOptie(option: Optie, breedte: number, hoogte: number): Optie {
  const uit: Optie = { ...option, textStyle: { ...(option.textStyle as Optie | undefined), fontFamily: LETTERTYPE } };
  const grid = { ...(option.grid as Optie | undefined) };
  const legenda = option.legend as Optie | undefined;
  const series = lijst(option.series);
  const yNaam = lijst(option.yAxis).some((a) => a.type === 'value' && a.name && a.nameLocation !== 'middle');
  const metLegenda = legenda !== undefined && legenda.show !== false && series.length > 0;
  const namen = !metLegenda
    ? []
    : (Array.isArray(legenda.data) ? legenda.data : series.map((s) => s.name)).map((n) => String(typeof n === 'object' && n ? (n as Optie).name : (n ?? '')));
  grid.top = legendaHoogte(namen, breedte) + (yNaam ? ASNAAM_RUIMTE : GEEN_ASNAAM_RUIMTE);
  uit.grid = grid;
  // shapes with text (a map's legend) do not take the option's textStyle: they get the print's font too
  if (option.graphic) uit.graphic = inLettertype(option.graphic);
  // no white halo around labels: Chromium prints stroked text as Type 3 glyphs, not as text in the report's font
  const zonderRand = (l: unknown) => (l && typeof l === 'object' ? { ...(l as Optie), textBorderWidth: 0, textBorderColor: 'none' } : l);
  uit.series = series.map((s) => ({
    ...s,
    // no hatching in print (patterns are rasterised, see below): a protected gemeente is plain grey
    ...(s.type === 'map' && Array.isArray(s.data) ? { data: (s.data as Optie[]).map((d) => ({ ...d, itemStyle: zonderPatroon(d.itemStyle) })) } : {}),
    label: zonderRand(s.label ?? {}),
    ...(s.markPoint ? { markPoint: { ...(s.markPoint as Optie), label: zonderRand((s.markPoint as Optie).label) } } : {}),
    ...(s.markLine ? { markLine: { ...(s.markLine as Optie), label: zonderRand((s.markLine as Optie).label) } } : {}),
  }));
  const plot = hoogte - Number(grid.top ?? 60) - Number(grid.bottom ?? 60) - 24;
  uit.yAxis = Array.isArray(option.yAxis)
    ? (option.yAxis as Optie[]).map((a) => metSplitsing(a, plot))
    : option.yAxis && metSplitsing(option.yAxis as Optie, plot);
  return uit;
}

const inLettertype = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(inLettertype)
    : x && typeof x === 'object'
      ? Object.fromEntries(
          Object.entries(x as Optie).map(([k, v]) => [
            k,
            k === 'style' && v && typeof v === 'object' && 'text' in v ? { ...(v as Optie), fontFamily: LETTERTYPE } : inLettertype(v),
          ]),
        )
      : x;

const zonderPatroon = (stijl: unknown): Optie => {
  const { decal: _, ...rest } = (stijl ?? {}) as Optie;
  return rest;
};

const metSplitsing = (as: Optie, plot: number): Optie =>
  as.type === 'value' && as.splitNumber === undefined ? { ...as, splitNumber: Math.max(2, Math.min(5, Math.floor(plot / LABELAFSTAND))) } : as;

interface Rand {
  links: number;
  rechts: number;
  boven: number;
  onder: number;
}

/** How far the chart's text reaches outside its canvas on each side (px; 0 where it stays inside). */
function buitenCanvas(chart: ECharts, breedte: number, hoogte: number): Rand {
  const rand: Rand = { links: 0, rechts: 0, boven: 0, onder: 0 };
  // zrender's display list: every text is drawn as TSpans, with their transform (rotation) computed
  const zr = chart.getZr() as unknown as {
    storage: { getDisplayList(update: boolean): { type: string; getBoundingRect(): { clone(): Rect }; getComputedTransform(): number[] | null }[] };
  };
  for (const el of zr.storage.getDisplayList(true)) {
    if (el.type !== 'tspan') continue;
    const r = el.getBoundingRect().clone();
    const m = el.getComputedTransform();
    if (m) r.applyTransform(m);
    rand.links = Math.max(rand.links, -r.x);
    rand.rechts = Math.max(rand.rechts, r.x + r.width - breedte);
    rand.boven = Math.max(rand.boven, -r.y);
    rand.onder = Math.max(rand.onder, r.y + r.height - hoogte);
  }
  return rand;
}
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  applyTransform(m: number[]): void;
}

/** A chart's height in print (px) when the report does not set one: the dashboard's, at most 520. */
export const drukHoogte = (grafiek: Grafiek): number => Math.min(grafiek.hoogte ?? 320, 520);

/**
 * The dashboard's chart option rendered to an SVG string on the server (ECharts SSR, no
 * animation), with the same Dutch formatters as the browser: vector output, selectable text.
 * Text is measured in the print's font (Arimo, see lettertype.ts); text that still reaches
 * outside the canvas (a rotated first label, a label beside the plot) widens the grid's margin
 * on that side by as much, and the chart is laid out once more (the new margins merged into the same instance).
 * Without the decal patterns of the dashboard: Chromium rasterises SVG patterns when printing,
 * which made a report 5x slower and 5x larger (measured: 5.3 s → 0.8 s, 2.6 MB → 0.5 MB).
 */
export function grafiekNaarSvg(grafiek: Grafiek, breedte = PAGINABREEDTE_PX, hoogte = drukHoogte(grafiek)): string {
  // a map chart draws on its region's boundaries (charts/kaart.ts)
  if (grafiek.kaart) echarts.registerMap(grafiek.kaart.naam, grafiek.kaart.geojson as Parameters<typeof echarts.registerMap>[1]);
  const option = drukOptie(pasFormaatToe(structuredClone(grafiek.option), grafiek.formaat) as Optie, breedte, hoogte);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: breedte, height: hoogte });
  try {
    chart.setOption({ ...option, animation: false, aria: { enabled: true, label: { enabled: false }, decal: { show: false } } });
    const rand = buitenCanvas(chart, breedte, hoogte);
    if (Object.values(rand).some((v) => v > 0.5)) {
      // only the grid's margins change: merged into the chart as it stands, not a new chart from the whole option
      const grid = option.grid as Optie;
      const verruim = (kant: 'left' | 'right' | 'top' | 'bottom', v: number) => (v > 0.5 ? { [kant]: Number(grid[kant] ?? 0) + Math.ceil(v) + 2 } : {});
      chart.setOption({
        grid: { ...verruim('left', rand.links), ...verruim('right', rand.rechts), ...verruim('top', rand.boven), ...verruim('bottom', rand.onder) },
      });
    }
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
