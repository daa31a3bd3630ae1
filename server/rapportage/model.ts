/**
 * The view model of a printed report: chapters of sentences, duiding, figures (SVG) and
 * tables with ready-formatted cells. Built by pure functions; templates in `reports/` only lay
 * it out.
 */
import { markeerVoorlopig, type Grafiek } from '../charts/grafiek.js';
import { formatteerDatum, formatteerGetal, formatteerGroei, formatteerPercentage, TEKEN_GEHEIM } from '../shared/formaat.js';
import { kleinTeken, kleinUitleg, type Beleid } from '../privacy/onderdrukking.js';
import type { Duiding } from './duiding-repository.js';
import { drukHoogte, grafiekNaarSvg, PAGINABREEDTE_PX } from './svg.js';
import { isTotaalRij } from '../shared/tabel.js';

export interface RapportTabel {
  soort: 'tabel';
  id: string;
  nummer: number;
  titel: string;
  definitie: string;
  bron: string;
  kolommen: string[];
  rijen: { kop: string; cellen: string[]; totaal?: boolean }[];
  /** short enough to keep on one page */
  kort: boolean;
  /** half the page's width, beside the next half-width block (`reports/rapport.css`, `.naast`) */
  half?: boolean;
  /** set in a smaller type with narrow rows (a long table beside its figure) */
  compact?: boolean;
  /** the definition refers to a figure or table beside it that names the source: no "Bron:" of its own */
  bronElders?: boolean;
}

export interface RapportFiguur {
  soort: 'figuur';
  id: string;
  nummer: number;
  titel: string;
  definitie: string;
  bron: string;
  svg: string;
  /** half the page's width, beside the next half-width block; the SVG is drawn at HALVE_BREEDTE_PX */
  half?: boolean;
  /** the definition refers to a table beside it that names the source: no "Bron:" of its own */
  bronElders?: boolean;
}

export type Blok = RapportTabel | RapportFiguur;

export interface DuidingModel {
  alineas: string[];
  door: string;
  datum: string;
}

export interface Hoofdstuk {
  id: string;
  /** the duiding section key (`instroom`, …) */
  sectie: string;
  titel: string;
  zinnen: string[];
  duiding: DuidingModel | null;
  blokken: Blok[];
}

export interface Kerncijfer {
  label: string;
  waarde: string;
  toelichting: string;
}

export interface RapportModel {
  soort: 'kwartaalrapportage' | 'halfjaarrapportage' | 'jaarrapportage' | 'factsheet';
  titel: string;
  ondertitel: string;
  /** the text in the page header */
  kop: string;
  kwartaalLabel: string;
  dataDatum: string;
  definitieversie: string;
  gemaaktOp: string;
  kerncijfers: Kerncijfer[];
  voorlegger: { zinnen: string[]; duiding: DuidingModel | null };
  /** the small-numbers policy the figures were protected with (factsheets), for the colofon */
  privacy?: string;
  /** the verklaring van tekens of a protected report (with the sign of a count rounded to 0); absent: the general one */
  tekens?: readonly [string, string][];
  /** the quarter has not ended: provisional figures (cover, header, every figure with *) */
  voorlopig?: boolean;
  /** set when the quarter has no data: the report says so instead of showing chapters */
  geenGegevens: string | null;
  hoofdstukken: Hoofdstuk[];
  /** the duiding is not signed off yet: every page says CONCEPT (set by the service) */
  concept?: boolean;
  /**
   * set on a model for printing only: its figures' `svg` are same-size placeholders, drawn by `rapportPdf`
   * while Chromium loads, measures and makes the first print (see `Figuurwerk`)
   */
  figuren?: Figuurwerk;
}

/** A figure not drawn yet: an empty SVG of the figure's size (the CSS gives it the same box), and its key. */
const plaatsvervanger = (sleutel: string, breedte: number, hoogte: number) =>
  `<svg data-vt-figuur="${sleutel}" width="${breedte}" height="${hoogte}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${breedte} ${hoogte}"></svg>`;

/**
 * The figures of a report for printing, drawn later: each figure of the model is a placeholder with
 * exactly the figure's box, so the chapters measure and the headings print on the same pages as with
 * the SVGs; `teken` draws them, one per turn of the event loop (Chromium's messages wait for one figure
 * at most), once. The print puts them in the page before its final print (server/rapportage/pdf.ts).
 */
export class Figuurwerk {
  private readonly figuren: { sleutel: string; breedte: number; hoogte: number; teken: () => string }[] = [];
  private getekend: Promise<Map<string, string>> | null = null;

  /** registers a figure; its placeholder SVG */
  voeg(breedte: number, hoogte: number, teken: () => string): string {
    const sleutel = String(this.figuren.length + 1);
    this.figuren.push({ sleutel, breedte, hoogte, teken });
    return plaatsvervanger(sleutel, breedte, hoogte);
  }

  get aantal(): number {
    return this.figuren.length;
  }

  /** every figure's SVG by key (drawn on the first call; a figure that fails to draw rejects it) */
  teken(): Promise<Map<string, string>> {
    this.getekend ??= (async () => {
      const svgs = new Map<string, string>();
      for (const f of this.figuren) {
        await new Promise<void>((klaar) => setImmediate(klaar));
        const svg = f.teken();
        // the box the placeholder held: the chapters were measured and the first print made with it
        if (!svg.startsWith(`<svg width="${f.breedte}" height="${f.hoogte}" `))
          throw new Error(`Figuur ${f.sleutel} heeft niet de maat van zijn plaats in het rapport.`);
        svgs.set(f.sleutel, svg);
      }
      return svgs;
    })();
    return this.getekend;
  }
}

/** The model with its figures drawn (`svgs` from `Figuurwerk.teken`): what every reader but the print gets. */
export function metFiguren(model: RapportModel, svgs: Map<string, string>): RapportModel {
  const { figuren: _, ...rest } = model;
  const sleutel = /^<svg data-vt-figuur="([^"]+)"/;
  const blok = (b: Blok): Blok => {
    if (b.soort !== 'figuur') return b;
    const k = sleutel.exec(b.svg)?.[1];
    if (k === undefined) return b;
    const svg = svgs.get(k);
    if (svg === undefined) throw new Error(`Figuur ${b.nummer} (${b.titel}) is niet getekend.`);
    return { ...b, svg };
  };
  return { ...rest, hoofdstukken: model.hoofdstukken.map((h) => ({ ...h, blokken: h.blokken.map(blok) })) };
}

/** The gap between two half-width blocks (`.naast` in reports/rapport.css: column-gap 6mm). */
export const NAAST_TUSSENRUIMTE_MM = 6;
/** Width of a half-width figure in CSS pixels: half of A4's content width (174 mm) less the gap. */
export const HALVE_BREEDTE_PX = Math.floor((((174 - NAAST_TUSSENRUIMTE_MM) / 2) * 96) / 25.4);

/** The block at half the page's width: two in a row stand side by side. */
export const half = <B extends Blok>(b: B): B => ({ ...b, half: true });

/** Section titles of docs/indicatoren.md by anchor, to cite the definition's source. */
const BRONSECTIE: Record<string, string> = {
  'instroom-onderdeel-a': 'Instroom (onderdeel a)',
  'veiligheidsbeoordeling-onderdeel-b': 'Veiligheidsbeoordeling (onderdeel b)',
  'overdracht-onderdeel-c': 'Overdracht (onderdeel c)',
  'onderzoek-onderdeel-d-en-voorwaarden-en-vervolg-onderdeel-e': 'Onderzoek (onderdeel d) en voorwaarden en vervolg (onderdeel e)',
  'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal': 'Doorstroom',
  'per-1000-inwoners': 'Per 1.000 inwoners',
  groei: 'Groei',
  'financien-en-formatie': 'Financiën en formatie',
  'toegevoegd-in-20271-beleidsmonitoring-samenwerkingsafspraken-71-en-8-kwaliteitskader-focusblad': 'Toegevoegd in 2027.1: beleidsmonitoring',
};

export function bronVan(anker: string, definitieversie: string): string {
  return `Registraties Veilig Thuis; definitie: VT Monitor, Indicatoren ${definitieversie}, § ${BRONSECTIE[anker] ?? anker}`;
}

/** Numbers figures and tables in reading order, as the report shows them. */
export class Nummering {
  private figuren = 0;
  private tabellen = 0;
  /** every id given out in this document: two blocks never share one (a chart's table may meet a chapter's own) */
  private readonly ids = new Set<string>();
  /**
   * `voorlopig`: the labels of the running quarter (`Q4 2026`), starred in every figure and table;
   * `werk`: the figures are drawn later, by it (a report for printing); without it, at once
   */
  constructor(
    private readonly definitieversie: string,
    private readonly voorlopig: string[] = [],
    private readonly werk?: Figuurwerk,
  ) {}

  /**
   * `hoogte` in CSS pixels overrides the dashboard's height (the factsheet must fit two pages);
   * `halveBreedte`: drawn at half the page's width, to stand beside another half-width block
   */
  figuur(grafiek: Grafiek, hoogte?: number, halveBreedte = false): RapportFiguur {
    const g = markeerVoorlopig(grafiek, this.voorlopig);
    const breedte = halveBreedte ? HALVE_BREEDTE_PX : PAGINABREEDTE_PX;
    const h = hoogte ?? drukHoogte(g);
    return {
      soort: 'figuur',
      id: this.uniek(`figuur-${g.id}`),
      nummer: ++this.figuren,
      titel: g.titel,
      definitie: g.definitie,
      bron: bronVan(g.anker, this.definitieversie),
      svg: this.werk ? this.werk.voeg(breedte, h, () => grafiekNaarSvg(g, breedte, h)) : grafiekNaarSvg(g, breedte, h),
      ...(halveBreedte ? { half: true } : {}),
    };
  }

  tabel(t: Omit<RapportTabel, 'soort' | 'nummer' | 'bron' | 'kort'> & { anker: string }): RapportTabel {
    const { anker, ...rest } = t;
    // a row headed "Totaal" is the table's total, wherever the table comes from (a chart's own table too)
    const rijen = rest.rijen.map((r) => (r.totaal || isTotaalRij(r.kop) ? { ...r, totaal: true } : r));
    return {
      soort: 'tabel',
      nummer: ++this.tabellen,
      bron: bronVan(anker, this.definitieversie),
      kort: t.rijen.length <= 16,
      ...rest,
      id: this.uniek(rest.id),
      rijen,
    };
  }

  /** `id`, or the first free `id-2`, `id-3`, … when a block of this document already has it */
  private uniek(id: string): string {
    let kandidaat = id;
    for (let i = 2; this.ids.has(kandidaat); i++) kandidaat = `${id}-${i}`;
    this.ids.add(kandidaat);
    return kandidaat;
  }

  /** A chart's own data table, formatted, as a report table. */
  /** `decimalen`: for every number column, or per column (after the first, the row heading) */
  tabelVan(grafiek: Grafiek, titel?: string, decimalen?: number | (number | undefined)[]): RapportTabel {
    const g = markeerVoorlopig(grafiek, this.voorlopig);
    titel ??= g.titel;
    const dec = (i: number) => (Array.isArray(decimalen) ? decimalen[i] : decimalen);
    return this.tabel({
      id: `tabel-${g.id}`,
      titel,
      definitie: g.definitie,
      anker: g.anker,
      kolommen: g.tabel.kolommen,
      rijen: g.tabel.rijen.map(([kop, ...cellen]) => ({
        kop: String(kop ?? ''),
        cellen: cellen.map((c, i) =>
          typeof c === 'number' ? (g.formaat === 'procent' ? formatteerPercentage(c) : formatteerGetal(c, dec(i))) : (c ?? TEKEN_GEHEIM),
        ),
      })),
    });
  }
}

export function duidingModel(d: Duiding | undefined): DuidingModel | null {
  if (!d) return null;
  return {
    alineas: d.tekst
      .split(/\n\s*\n/)
      .map((a) => a.trim())
      .filter(Boolean),
    door: d.door,
    datum: formatteerDatum(d.bijgewerkt_op.slice(0, 10)),
  };
}

export const cel = {
  getal: (v: number | null | undefined) => formatteerGetal(v ?? null),
  procent: (v: number | null | undefined) => formatteerPercentage(v ?? null),
  groei: (v: number | null | undefined) => formatteerGroei(v ?? null),
};

/** CBS's verklaring van tekens, under every table and in every report and download. */
export const VERKLARING_VAN_TEKENS: readonly [string, string][] = [
  ['.', 'geheim (bescherming kleine aantallen) of onbekend'],
  ['–', 'nihil'],
  ['*', 'voorlopig cijfer'],
];

/** The signs of a table or report: with the sign of a protected count rounded to 0 when the figures are protected. */
export function verklaringVanTekens(beleid: Beleid | null): readonly [string, string][] {
  return beleid ? [...VERKLARING_VAN_TEKENS, [kleinTeken(beleid), kleinUitleg(beleid)]] : VERKLARING_VAN_TEKENS;
}

/** Marks a report of a quarter that has not ended as provisional: cover and page header. */
export function markeerRapportVoorlopig(model: RapportModel, vandaag: string, laatsteDag: string): RapportModel {
  if (laatsteDag <= vandaag) return { ...model, voorlopig: false };
  return { ...model, voorlopig: true, ondertitel: `${model.ondertitel} — voorlopige cijfers*`, kop: `${model.kop} — VOORLOPIG*` };
}
