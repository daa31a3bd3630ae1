/**
 * The region on a map: its gemeenten as a choropleth of one published figure (ECharts map series
 * on the boundaries of config/kaart/<slug>.geo.json). Like every chart, pure: the values come as
 * the publication step left them (protected ones are null), the colours, the legend and the
 * tooltips are decided here, as plain JSON, so the browser and the SVG of a report draw the same.
 *
 * A gemeente is in one of four states: a value (one of four classes), `beschermd` (the published
 * figure is hidden: grey and hatched, never a number), `geen gegevens` (no figure: no CBS
 * population for a per-1.000 figure, or nothing to measure) and `niet getoond` (a gemeente whose
 * figures this account may not see: only its outline, white, without a tooltip).
 */
import { kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import type { Kaart } from '../config/kaartbestand.js';
import { PER_SLEUTEL, type IndicatorSleutel } from '../indicatoren/catalogus.js';
import { getal, type Waarden } from '../indicatoren/paneel.js';
import { formatteerGetal, formatteerPercentage } from '../shared/formaat.js';
import type { Cel } from '../shared/tabel.js';
import { basisOptie, type Grafiek } from './grafiek.js';
import { metJaar, metNoot, type BevolkingLabel } from './bevolking.js';

export interface KaartCijfer {
  id: 'meldingen-per-1000' | 'adviezen-per-1000' | 'vb-binnen-termijn';
  label: string;
  /** the catalogue key the figure is read from (and its part, for per 1.000) */
  sleutel: IndicatorSleutel;
  deel?: 'meldingen' | 'adviezen';
  formaat: 'getal' | 'procent';
  /** a per-1.000 figure: a gemeente without a CBS population has no figure */
  perInwoners: boolean;
  anker: string;
}

const VB_PCT: IndicatorSleutel = 'vb_binnen_termijn_pct';

/** The figures the map can show, read from the stored (published) indicators, never recomputed. */
export const KAART_CIJFERS: readonly KaartCijfer[] = [
  {
    id: 'meldingen-per-1000',
    label: 'Meldingen per 1.000 inwoners',
    sleutel: 'per_1000_inwoners',
    deel: 'meldingen',
    formaat: 'getal',
    perInwoners: true,
    anker: 'per-1000-inwoners',
  },
  {
    id: 'adviezen-per-1000',
    label: 'Adviezen per 1.000 inwoners',
    sleutel: 'per_1000_inwoners',
    deel: 'adviezen',
    formaat: 'getal',
    perInwoners: true,
    anker: 'per-1000-inwoners',
  },
  {
    id: 'vb-binnen-termijn',
    label: PER_SLEUTEL.get(VB_PCT)!.label,
    sleutel: VB_PCT,
    formaat: 'procent',
    perInwoners: false,
    anker: 'veiligheidsbeoordeling-onderdeel-b',
  },
];
export type KaartCijferId = KaartCijfer['id'];
export const KAART_CIJFER_IDS = KAART_CIJFERS.map((c) => c.id) as [KaartCijferId, ...KaartCijferId[]];
export const kaartCijfer = (id: string | undefined): KaartCijfer => KAART_CIJFERS.find((c) => c.id === id) ?? KAART_CIJFERS[0]!;

/** The figure of one gemeente's published values (a hidden value is null). */
export function leesKaartwaarde(w: Waarden, cijfer: KaartCijfer): number | null {
  if (cijfer.deel) {
    const v = (w[cijfer.sleutel] ?? {}) as Record<string, unknown>;
    return typeof v[cijfer.deel] === 'number' ? (v[cijfer.deel] as number) : null;
  }
  return getal(w, cijfer.sleutel);
}

export interface KaartGemeenteInvoer {
  code: string;
  naam: string;
  /** the published values of the quarter; null: this account may not see this gemeente's figures */
  waarden: Waarden | null;
  /** the gemeente has a CBS population (per-1.000 figures exist) */
  inwonersBekend: boolean;
}

export interface KaartInvoer {
  kaart: Kaart;
  /** the name the map is registered under (browser and server) */
  kaartNaam: string;
  regioNaam: string;
  gemeenten: KaartGemeenteInvoer[];
  cijfer: KaartCijfer;
  kwartaal: Kwartaal;
  /** the figures passed the publication step: a missing value is (maybe) hidden */
  beschermd: boolean;
  /** this gemeente is drawn with a thick border and named in the title */
  gemarkeerd?: string;
  /** clicking a gemeente opens its page */
  metLinks?: boolean;
  /** the CBS population year of a per-1.000 figure (privacy/service.ts bevolkingsjaarVan): named in table, tooltip and description */
  bevolking?: BevolkingLabel | null;
  /** where the legend stands: beside the map (default) or under it, in two columns (a half-width figure) */
  legenda?: 'rechts' | 'onder';
}

/** Four classes, light to dark (the darkest 11:1 on white); the legend names each class, so colour is never the only cue. */
export const KLASSEKLEUREN = ['#deebf7', '#9ecae1', '#4a90c6', '#154273'] as const;
export const KLEUR_BESCHERMD = '#b8b8b8';
export const KLEUR_GEEN_GEGEVENS = '#ffffff';
export const LABEL_BESCHERMD = 'beschermd';
export const LABEL_GEEN_GEGEVENS = 'geen gegevens';
const RAND = '#5c5c5c';
const LEGENDA_RIJ = 22;
/** a legend label of at most this many characters fits a third of a half-width figure (12 px Arimo, with its swatch) */
const KORT_LABEL = 13;
/** where the boundaries come from, under every map */
export const KAART_GRENZEN = 'Grenzen: CBS-gemeentegrenzen 2025 (gegeneraliseerd), CC BY 4.0.';

type Toestand = { soort: 'waarde'; waarde: number } | { soort: 'beschermd' } | { soort: 'geen' } | { soort: 'niet-getoond' };

function toestand(g: KaartGemeenteInvoer, cijfer: KaartCijfer, beschermd: boolean): Toestand {
  if (g.waarden === null) return { soort: 'niet-getoond' };
  const v = leesKaartwaarde(g.waarden, cijfer);
  if (v !== null) return { soort: 'waarde', waarde: v };
  // no CBS population: the figure does not exist, nothing is hidden
  if (cijfer.perInwoners && !g.inwonersBekend) return { soort: 'geen' };
  return beschermd ? { soort: 'beschermd' } : { soort: 'geen' };
}

/** Class bounds: equal steps between the least and the greatest value, on a round step. */
export function klassegrenzen(waarden: number[]): number[] {
  if (waarden.length === 0) return [];
  const min = Math.min(...waarden);
  const max = Math.max(...waarden);
  if (max === min) return [];
  const ruw = (max - min) / KLASSEKLEUREN.length;
  const orde = 10 ** Math.floor(Math.log10(ruw));
  const stap = [1, 2, 2.5, 5, 10].map((f) => f * orde).find((s) => s >= ruw)!;
  const begin = Math.floor(min / stap) * stap;
  const grenzen = [begin];
  while (grenzen.at(-1)! < max) grenzen.push(Math.round((grenzen.at(-1)! + stap) * 1e6) / 1e6);
  return grenzen;
}

function klasse(v: number, grenzen: number[]): number {
  const n = grenzen.length - 1;
  for (let i = 0; i < n; i++) if (v < grenzen[i + 1]!) return Math.min(i, KLASSEKLEUREN.length - 1);
  return Math.max(0, Math.min(n - 1, KLASSEKLEUREN.length - 1));
}

const fmt = (v: number, c: KaartCijfer) => (c.formaat === 'procent' ? formatteerPercentage(v) : formatteerGetal(v, 2));

/** The choropleth of one figure over the region's gemeenten, with its table (gemeente, value) and a Dutch description. */
export function regioKaart(inv: KaartInvoer): Grafiek {
  const { cijfer } = inv;
  const bevolking = cijfer.perInwoners ? inv.bevolking : null;
  // "Meldingen per 1.000 inwoners (CBS, 1 januari 2024)": the figure with the population year it divides by
  const cijferLabel = metJaar(cijfer.label, bevolking);
  const perGemeente = inv.gemeenten.map((g) => ({ g, t: toestand(g, cijfer, inv.beschermd) }));
  const getoond = perGemeente.filter((x) => x.t.soort !== 'niet-getoond');
  const waarden = getoond.flatMap((x) => (x.t.soort === 'waarde' ? [x.t.waarde] : []));
  const grenzen = klassegrenzen(waarden);
  const klassen = grenzen.length < 2 ? [] : grenzen.slice(0, -1).map((van, i) => ({ van, tot: grenzen[i + 1]!, kleur: KLASSEKLEUREN[i]! }));
  const klasseLabel = (k: { van: number; tot: number }) => `${fmt(k.van, cijfer)} tot ${fmt(k.tot, cijfer)}`;
  const gemarkeerdNaam = inv.gemarkeerd ? inv.gemeenten.find((g) => g.code === inv.gemarkeerd)?.naam : undefined;

  const data = perGemeente.map(({ g, t }) => {
    const gemarkeerd = g.code === inv.gemarkeerd;
    const rand = gemarkeerd ? { borderColor: '#1a1a1a', borderWidth: 3 } : { borderColor: RAND, borderWidth: 0.8 };
    if (t.soort === 'waarde') {
      const kleur = klassen.length > 0 ? klassen[klasse(t.waarde, grenzen)]!.kleur : KLASSEKLEUREN[2];
      return {
        name: g.naam,
        value: t.waarde,
        itemStyle: { areaColor: kleur, ...rand },
        tooltip: { formatter: `${g.naam}: ${fmt(t.waarde, cijfer)}${bevolking ? ` per 1.000 inwoners (${bevolking.label})` : ''}` },
      };
    }
    if (t.soort === 'beschermd') {
      return {
        name: g.naam,
        itemStyle: {
          areaColor: KLEUR_BESCHERMD,
          decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: '#6e6e6e' },
          ...rand,
        },
        tooltip: { formatter: `${g.naam}: ${LABEL_BESCHERMD} (bescherming kleine aantallen)` },
      };
    }
    if (t.soort === 'geen')
      return {
        name: g.naam,
        itemStyle: { areaColor: KLEUR_GEEN_GEGEVENS, ...rand },
        tooltip: { formatter: `${g.naam}: ${LABEL_GEEN_GEGEVENS}` },
      };
    return { name: g.naam, silent: true, itemStyle: { areaColor: '#ffffff', ...rand }, tooltip: { show: false } };
  });

  // the legend: one row per class and per state that occurs, drawn as plain shapes (the same in browser and SVG)
  const legenda: { kleur: string; tekst: string; gearceerd?: boolean; dikkeRand?: boolean }[] = [
    // the highlighted gemeente is named in the legend beside a swatch with its thick border (its own colour stays visible on the map)
    ...(gemarkeerdNaam ? [{ kleur: '#ffffff', tekst: gemarkeerdNaam, dikkeRand: true }] : []),
    ...klassen.map((k) => ({ kleur: k.kleur, tekst: klasseLabel(k) })),
    ...(klassen.length === 0 && waarden.length > 0 ? [{ kleur: KLASSEKLEUREN[2] as string, tekst: fmt(waarden[0]!, cijfer) }] : []),
    ...(getoond.some((x) => x.t.soort === 'beschermd') ? [{ kleur: KLEUR_BESCHERMD, tekst: LABEL_BESCHERMD, gearceerd: true }] : []),
    ...(getoond.some((x) => x.t.soort === 'geen') ? [{ kleur: KLEUR_GEEN_GEGEVENS, tekst: LABEL_GEEN_GEGEVENS }] : []),
    ...(perGemeente.some((x) => x.t.soort === 'niet-getoond') ? [{ kleur: '#ffffff', tekst: 'andere gemeenten van de regio' }] : []),
  ];
  const item = (l: (typeof legenda)[number], i: number) => [
    {
      type: 'rect',
      x: 0,
      y: i * LEGENDA_RIJ,
      shape: { width: 16, height: 14 },
      style: { fill: l.kleur, stroke: l.dikkeRand ? '#1a1a1a' : RAND, lineWidth: l.dikkeRand ? 3 : 1 },
    },
    ...(l.gearceerd
      ? [{ type: 'line', x: 2, y: i * LEGENDA_RIJ + 2, shape: { x1: 0, y1: 10, x2: 12, y2: 0 }, style: { stroke: '#4b4b4b', lineWidth: 1.5 } }]
      : []),
    { type: 'text', x: 24, y: i * LEGENDA_RIJ + 1, style: { text: l.tekst, fontSize: 12, fill: '#1a1a1a' } },
  ];
  const onder = inv.legenda === 'onder';
  // under the map: in columns, top to bottom and then left to right; three when the labels are short ("1,00 tot 1,20")
  const kolommen = Math.max(...legenda.map((l) => l.tekst.length)) <= KORT_LABEL ? 3 : 2;
  const perKolom = Math.ceil(legenda.length / kolommen);
  const graphic = {
    elements: onder
      ? Array.from({ length: kolommen }, (_, j) => legenda.slice(j * perKolom, (j + 1) * perKolom))
          .filter((k) => k.length > 0)
          .map((k, j) => ({ type: 'group', left: j === 0 ? 8 : `${Math.round((100 * j) / kolommen)}%`, bottom: 4, silent: true, children: k.flatMap(item) }))
      : [{ type: 'group', right: 8, top: 12, silent: true, children: legenda.flatMap(item) }],
  };
  const kaartVlak = onder ? { left: 8, top: 8, right: 8, bottom: perKolom * LEGENDA_RIJ + 12 } : { left: 8, top: 8, bottom: 8, right: 180 };

  const rijen: Cel[][] = getoond.map(({ g, t }) => [
    g.naam,
    t.soort === 'waarde' ? t.waarde : null,
    t.soort === 'beschermd' ? LABEL_BESCHERMD : t.soort === 'geen' ? LABEL_GEEN_GEGEVENS : '',
  ]);
  const zonderToelichting = rijen.every((r) => r[2] === '');
  // a half-width map names the highlighted gemeente on the map and in its description, not in its title
  const metNaam = gemarkeerdNaam && !onder;
  const titel = `${cijfer.label} per gemeente${metNaam ? `, ${gemarkeerdNaam} gemarkeerd` : ''} — ${kwartaalKort(inv.kwartaal)}`;
  return {
    id: `kaart-${cijfer.id}`,
    blad: 'Kaart per gemeente',
    titel,
    definitie: [
      metNoot(PER_SLEUTEL.get(cijfer.sleutel)!.definitie, bevolking),
      KAART_GRENZEN,
      // the states that occur, as the legend names them
      ...(getoond.some((x) => x.t.soort === 'beschermd') ? ['Grijs gearceerd: beschermd (bescherming kleine aantallen).'] : []),
      ...(getoond.some((x) => x.t.soort === 'geen') ? ['Wit: geen gegevens.'] : []),
    ].join(' '),
    anker: cijfer.anker,
    formaat: cijfer.formaat,
    hoogte: 420,
    option: basisOptie({
      legend: { show: false },
      // no automatic patterns: here a hatch means "beschermd" only
      aria: { enabled: true, decal: { show: false } },
      tooltip: { trigger: 'item' },
      graphic,
      series: [
        {
          type: 'map',
          name: cijfer.label,
          map: inv.kaartNaam,
          ...kaartVlak,
          roam: false,
          selectedMode: false,
          showLegendSymbol: false,
          label: { show: false },
          emphasis: { disabled: true },
          data,
        },
      ],
    }),
    tabel: {
      kolommen: zonderToelichting ? ['Gemeente', cijferLabel] : ['Gemeente', cijferLabel, 'Toelichting'],
      rijen: zonderToelichting ? rijen.map((r) => r.slice(0, 2)) : rijen,
    },
    beschrijving: kaartBeschrijving(inv.regioNaam, { ...cijfer, label: cijferLabel }, getoond.length, perGemeente.length, waarden, getoond, gemarkeerdNaam),
    kaart: { naam: inv.kaartNaam, geojson: inv.kaart },
    ...(inv.metLinks ? { links: Object.fromEntries(getoond.map(({ g }) => [g.naam, `/gemeente/${g.code}`])) } : {}),
  };
}

/** One Dutch paragraph that says what the map shows, for screen readers and the report. */
function kaartBeschrijving(
  regioNaam: string,
  cijfer: KaartCijfer,
  getoond: number,
  totaal: number,
  waarden: number[],
  rijen: { g: KaartGemeenteInvoer; t: Toestand }[],
  gemarkeerd: string | undefined,
): string {
  const delen = [`Kaart van de regio ${regioNaam} met ${totaal} gemeenten; de kleur geeft ${cijfer.label.charAt(0).toLowerCase()}${cijfer.label.slice(1)}.`];
  if (getoond < totaal)
    delen.push(`Alleen ${getoond === 1 ? 'de eigen gemeente is' : `${getoond} gemeenten zijn`} ingekleurd; de andere gemeenten staan er zonder cijfer.`);
  const metWaarde = rijen.flatMap(({ g, t }) => (t.soort === 'waarde' ? [{ naam: g.naam, v: t.waarde }] : []));
  if (metWaarde.length > 1) {
    const hoog = metWaarde.reduce((a, b) => (b.v > a.v ? b : a));
    const laag = metWaarde.reduce((a, b) => (b.v < a.v ? b : a));
    delen.push(`Het hoogst is ${hoog.naam} (${fmt(hoog.v, cijfer)}), het laagst ${laag.naam} (${fmt(laag.v, cijfer)}).`);
  } else if (metWaarde.length === 1) delen.push(`${metWaarde[0]!.naam}: ${fmt(metWaarde[0]!.v, cijfer)}.`);
  const beschermd = rijen.filter((r) => r.t.soort === 'beschermd').length;
  const geen = rijen.filter((r) => r.t.soort === 'geen').length;
  if (beschermd > 0) delen.push(`${beschermd === 1 ? '1 gemeente is' : `${beschermd} gemeenten zijn`} beschermd (bescherming kleine aantallen).`);
  if (geen > 0) delen.push(`${geen === 1 ? '1 gemeente heeft' : `${geen} gemeenten hebben`} geen gegevens.`);
  if (gemarkeerd) delen.push(`${gemarkeerd} heeft een dikke rand.`);
  if (waarden.length === 0 && beschermd === 0 && geen === 0) delen.push('Er is geen cijfer om te tonen.');
  return `${delen.join(' ')} De gegevens staan in de tabel.`;
}
