/**
 * Generates config/kaart/<slug>.geo.json: the gemeenten of each region file in config/regio/ as a
 * small GeoJSON map (docs/regio.md, "De kaart"). Offline, from committed inputs only:
 *
 *   npm run kaart:genereer            (= npx tsx server/config/genereer-kaarten.ts)
 *
 * - config/cbs/gemeentegrenzen-2025.json: CBS's generalised gemeente boundaries of 1 January 2025
 *   as a TopoJSON topology, with source, commit and licence;
 * - config/regio/*.json: which gemeenten (CBS codes) each region has.
 *
 * The topology is simplified once for the whole country (Visvalingam, topojson-simplify), so two
 * neighbours keep one shared border; then each region takes its gemeenten. A region gemeente
 * without a shape, or a shape that collapses to less than a ring, is an error: nothing is written.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Kaart, KaartGemeente } from './kaartbestand.js';
import { projectPath } from './paths.js';

/** Visvalingam's least triangle area (square degrees) a point must span to stay: about 0,4 km² in the Netherlands. */
export const MIN_GEWICHT = 5e-5;

export interface Grenzenbestand {
  wat: string;
  bron: string;
  uitgever: string;
  licentie: string;
  bewerking: string;
  topologie: Topology<{ gemeente_2025: GeometryCollection<{ statcode: string; statnaam: string }> }>;
}

interface RegioInvoer {
  naam: string;
  cbs_vt_regio?: { code: string; naam: string };
  gemeenten: { code: string; naam: string }[];
}

/** lon on the source's grid of 0,001°; lat to 4 decimals (its grid is 0,0009996°): exact to a metre, no more digits than the data has. */
const rond = ([x, y]: number[]): [number, number] => [Math.round(x! * 1000) / 1000, Math.round(y! * 10000) / 10000];

/** A ring that still encloses something: closed, at least four positions, not all on one line. */
export function isRing(ring: [number, number][]): boolean {
  if (ring.length < 4) return false;
  const [a, b] = [ring[0]!, ring.at(-1)!];
  if (a[0] !== b[0] || a[1] !== b[1]) return false;
  let oppervlak = 0;
  for (let i = 0; i < ring.length - 1; i++) oppervlak += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return Math.abs(oppervlak) > 0;
}

/** Every region's map, in the order of `regios`; throws naming every gemeente without a shape or with a collapsed ring. */
export function genereerKaarten(grenzen: Grenzenbestand, regios: { slug: string; regio: RegioInvoer }[]): { slug: string; kaart: Kaart }[] {
  const topo = simplify(presimplify(grenzen.topologie as unknown as Parameters<typeof presimplify>[0]), MIN_GEWICHT) as unknown as Grenzenbestand['topologie'];
  const laag = topo.objects.gemeente_2025;
  const perCode = new Map(laag.geometries.map((g) => [(g.properties as { statcode: string }).statcode, g]));
  const fouten: string[] = [];
  const uit = regios.map(({ slug, regio }) => {
    const features: KaartGemeente[] = [];
    for (const g of regio.gemeenten) {
      const geo = perCode.get(g.code);
      if (!geo) {
        fouten.push(`${g.code} ${g.naam} (${slug}): geen vlak in de CBS-grenzen`);
        continue;
      }
      const f = feature(topo, geo) as unknown as { geometry: KaartGemeente['geometry'] };
      const polygonen = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const gerond = polygonen.map((p) => p.map((r) => r.map(rond)));
      if (gerond.some((p) => p.some((r) => !isRing(r)))) fouten.push(`${g.code} ${g.naam} (${slug}): een ring valt weg na vereenvoudiging`);
      features.push({
        type: 'Feature',
        id: g.code,
        properties: { name: g.naam, code: g.code },
        geometry: gerond.length === 1 ? { type: 'Polygon', coordinates: gerond[0]! } : { type: 'MultiPolygon', coordinates: gerond },
      });
    }
    const kaart: Kaart = {
      type: 'FeatureCollection',
      regio: { code: regio.cbs_vt_regio?.code ?? null, naam: regio.cbs_vt_regio?.naam ?? regio.naam },
      bron: `${grenzen.wat}. Bron: ${grenzen.bron}; ${grenzen.uitgever}.`,
      licentie: grenzen.licentie,
      bewerking:
        `${grenzen.bewerking} Vereenvoudigd met topojson-simplify (Visvalingam, kleinste driehoek ` +
        `${MIN_GEWICHT} vierkante graad) en afgerond door server/config/genereer-kaarten.ts; alleen ` +
        `de gemeenten van config/regio/${slug}.json.`,
      features,
    };
    return { slug, kaart };
  });
  if (fouten.length > 0) throw new Error(`Geen kaarten geschreven:\n${fouten.join('\n')}`);
  return uit;
}

/** One feature per line: a diff shows which gemeente changed. */
export function alsKaartRegels(kaart: Kaart): string {
  const { features, ...kop } = kaart;
  const velden = Object.entries(kop).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${velden.join(',\n')},\n "features": [\n${features.map((f) => `  ${JSON.stringify(f)}`).join(',\n')}\n ]\n}\n`;
}

export function leesKaartInvoer(): { grenzen: Grenzenbestand; regios: { slug: string; regio: RegioInvoer }[] } {
  const map = projectPath('config', 'regio');
  const regios = readdirSync(map)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ slug: f.replace(/\.json$/, ''), regio: JSON.parse(readFileSync(join(map, f), 'utf8')) as RegioInvoer }));
  const grenzen = JSON.parse(readFileSync(projectPath('config', 'cbs', 'gemeentegrenzen-2025.json'), 'utf8')) as Grenzenbestand;
  return { grenzen, regios };
}

function main(): void {
  const { grenzen, regios } = leesKaartInvoer();
  const kaarten = genereerKaarten(grenzen, regios);
  for (const { slug, kaart } of kaarten) writeFileSync(projectPath('config', 'kaart', `${slug}.geo.json`), alsKaartRegels(kaart));
  const gemeenten = kaarten.reduce((n, k) => n + k.kaart.features.length, 0);
  process.stdout.write(`config/kaart/: ${kaarten.length} kaarten, samen ${gemeenten} gemeenten\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
