/**
 * Derives config/cbs/vt-lidmaatschap.json: in which Veilig Thuis-region of CBS's gebiedsindeling
 * each gemeente of 1 January 2015 lies. The VT-region polygons carry no gemeente codes, so the
 * link is spatial: CBS's own label point of each 2015 gemeente (a point CBS places inside the
 * gemeente) is looked up in the VT-region polygons. The generator of the region files
 * (genereer-regios.ts) carries this forward over the herindelingen. One command (docs/regio.md):
 *
 *   npx tsx server/config/leid-vt-lidmaatschap-af.ts <veiligthuisregio_JJJJ.topojson> <Gemeente_2015_label_point.json> \
 *     --vt-herkomst "<repository, pad, commit, licentie>" --punten-herkomst "<repository, pad, commit, licentie>"
 *
 * The two input files are not shipped (docs/regio.md says where they come from); their sha256 is
 * written into the output. Only the small derived table is committed, so the region files can be
 * regenerated offline.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { alsRegels } from './genereer-gemeenten.js';
import { projectPath } from './paths.js';

type Punt = [number, number];

const topologieSchema = z.object({
  type: z.literal('Topology'),
  arcs: z.array(z.array(z.tuple([z.number(), z.number()]))),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }),
  objects: z.record(
    z.string(),
    z.object({
      geometries: z.array(
        z.object({
          type: z.enum(['Polygon', 'MultiPolygon']),
          arcs: z.union([z.array(z.array(z.number().int())), z.array(z.array(z.array(z.number().int())))]),
          properties: z.object({ statcode: z.string().regex(/^VT\d{2}$/), statnaam: z.string().min(1) }),
        }),
      ),
    }),
  ),
});

const labelpuntenSchema = z.object({
  features: z.array(
    z.object({
      properties: z.object({ statcode: z.string().regex(/^gm\d{4}$/i), statnaam: z.string() }),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    }),
  ),
});

export interface VtVlak {
  code: string;
  naam: string;
  /** rings in lon/lat; a point is inside when it is inside an odd number of them (holes included) */
  ringen: Punt[][];
}

/**
 * The VT-regions of a TopoJSON topology (quantized, delta-encoded arcs) as lon/lat rings. Refuses
 * a topology whose rings do not close: each arc must start where the one before it ended, which
 * also catches a corrupted coordinate in a copied file.
 */
export function leesVtVlakken(tekst: string): VtVlak[] {
  const t = topologieSchema.parse(JSON.parse(tekst));
  const [sx, sy] = t.transform.scale;
  const [tx, ty] = t.transform.translate;
  const bogen = t.arcs.map((boog) => {
    let x = 0;
    let y = 0;
    return boog.map(([dx, dy]): Punt => [(x += dx), (y += dy)]);
  });
  const boog = (i: number): Punt[] => {
    const b = bogen[i >= 0 ? i : ~i];
    if (!b) throw new Error(`De topologie verwijst naar boog ${i}, die niet bestaat`);
    return i >= 0 ? b : [...b].reverse();
  };
  const vlakken: VtVlak[] = [];
  for (const object of Object.values(t.objects)) {
    for (const g of object.geometries) {
      const polygonen = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
      const ringen: Punt[][] = [];
      for (const polygoon of polygonen) {
        for (const ring of polygoon) {
          const delen = ring.map(boog);
          const punten: Punt[] = [];
          delen.forEach((deel, k) => {
            const volgend = delen[(k + 1) % delen.length]!;
            const eind = deel[deel.length - 1]!;
            if (eind[0] !== volgend[0]![0] || eind[1] !== volgend[0]![1])
              throw new Error(`${g.properties.statcode}: de ring sluit niet aan bij boog ${ring[(k + 1) % ring.length]}`);
            punten.push(...(k === 0 ? deel : deel.slice(1)));
          });
          ringen.push(punten.map(([x, y]) => [x * sx + tx, y * sy + ty]));
        }
      }
      vlakken.push({ code: g.properties.statcode, naam: g.properties.statnaam, ringen });
    }
  }
  return vlakken;
}

function inRing([px, py]: Punt, ring: Punt[]): boolean {
  let binnen = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) binnen = !binnen;
  }
  return binnen;
}

/** Distance in km from a point to the nearest edge of a region (equirectangular; fine at this scale). */
function afstandTotRandKm([px, py]: Punt, vlak: VtVlak): number {
  const kx = 111.32 * Math.cos((py * Math.PI) / 180);
  const ky = 110.57;
  let min = Infinity;
  for (const ring of vlak.ringen) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1]!;
      const [bx, by] = ring[i]!;
      const [x1, y1, x2, y2, x, y] = [ax * kx, ay * ky, bx * kx, by * ky, px * kx, py * ky];
      const l = (x2 - x1) ** 2 + (y2 - y1) ** 2;
      const t = l === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / l));
      min = Math.min(min, Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))));
    }
  }
  return min;
}

export interface Lidmaatschap {
  code: string;
  naam: string;
  /** the VT-region whose polygon holds the label point; null: none or more than one */
  vt: string | null;
  /** km from the label point to the region's edge in the generalised polygons (a small value deserves a look) */
  randKm: number | null;
}

/** Each label point in exactly one region, or vt null. */
export function bepaalLidmaatschap(vlakken: VtVlak[], punten: { code: string; naam: string; punt: Punt }[]): Lidmaatschap[] {
  return punten
    .map(({ code, naam, punt }) => {
      const raak = vlakken.filter((v) => v.ringen.filter((r) => inRing(punt, r)).length % 2 === 1);
      const vlak = raak.length === 1 ? raak[0]! : null;
      return { code, naam, vt: vlak?.code ?? null, randKm: vlak ? Math.round(afstandTotRandKm(punt, vlak) * 100) / 100 : null };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function leesLabelpunten(tekst: string): { code: string; naam: string; punt: Punt }[] {
  return labelpuntenSchema.parse(JSON.parse(tekst)).features.map((f) => ({
    code: f.properties.statcode.toUpperCase(),
    naam: f.properties.statnaam,
    punt: f.geometry.coordinates,
  }));
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function main(argv: string[]): void {
  const optie = (naam: string) => {
    const i = argv.indexOf(naam);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const [vtPad, puntenPad] = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!vtPad || !puntenPad) {
    process.stderr.write(
      'Gebruik: npx tsx server/config/leid-vt-lidmaatschap-af.ts <veiligthuisregio_JJJJ.topojson> ' +
        '<Gemeente_2015_label_point.json> [--vt-herkomst "…"] [--punten-herkomst "…"]\n',
    );
    process.exit(2);
  }
  const vtBytes = readFileSync(vtPad);
  const puntBytes = readFileSync(puntenPad);
  const vlakken = leesVtVlakken(vtBytes.toString('utf8'));
  // the label point file is Latin-1 (its names carry mangled accents); only codes and coordinates are used
  const leden = bepaalLidmaatschap(vlakken, leesLabelpunten(puntBytes.toString('latin1')));
  const jaar = /(\d{4})/.exec(vtPad.split('/').pop() ?? '')?.[1] ?? null;
  const uit = {
    toelichting:
      `In welke Veilig Thuis-regio van de CBS-gebiedsindeling ${jaar ?? ''} elke gemeente van 1 ` +
      `januari 2015 ligt, afgeleid door server/config/leid-vt-lidmaatschap-af.ts: ` +
      "het CBS-labelpunt van de gemeente (een punt dat CBS binnen de gemeente legt) ligt in het VT-regiovlak. 'vt' null: in geen of meer dan één vlak. " +
      "'randKm': afstand van het labelpunt tot de rand van dat vlak in de gegeneraliseerde grenzen. Gegenereerd; niet met de hand bewerken. " +
      'genereer-regios.ts rekent dit door over de herindelingen (config/cbs-gemeentecodes.json) naar de gemeenten van elk jaar.',
    indelingsjaar: jaar === null ? null : Number(jaar),
    bronnen: [
      {
        wat: `VT-regiovlakken (CBS-gebiedsindeling 'veiligthuisregio' ${jaar ?? ''}, gegeneraliseerd, via PDOK)`,
        bestand: vtPad.split('/').pop(),
        herkomst: optie('--vt-herkomst') ?? `het bestand ${vtPad}`,
        sha256: sha256(vtBytes),
      },
      {
        wat: "CBS-labelpunten van de gemeenten van 2015 (laag 'cbs_gemeente_2015_labelpoint' van de CBS-gebiedsindelingen, nationaal georegister/PDOK)",
        bestand: puntenPad.split('/').pop(),
        herkomst: optie('--punten-herkomst') ?? `het bestand ${puntenPad}`,
        sha256: sha256(puntBytes),
      },
    ],
    regios: vlakken.map((v) => ({ code: v.code, naam: v.naam })).sort((a, b) => a.code.localeCompare(b.code)),
    gemeenten: leden,
  };
  const pad = projectPath('config', 'cbs', 'vt-lidmaatschap.json');
  writeFileSync(pad, alsRegels(uit));
  const zonder = leden.filter((l) => l.vt === null);
  process.stdout.write(`${pad}: ${leden.length} gemeenten in ${vlakken.length} regio's; zonder regio: ${zonder.map((l) => l.code).join(', ') || 'geen'}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main(process.argv.slice(2));
