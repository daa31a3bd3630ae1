import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alsKaartRegels, genereerKaarten, isRing, leesKaartInvoer } from '../../../server/config/genereer-kaarten.js';
import type { Kaart } from '../../../server/config/kaartbestand.js';
import { laadKaart } from '../../../server/config/kaartbestand.js';
import { laadRegio } from '../../../server/config/regio.js';
import { projectPath } from '../../../server/config/paths.js';

/** The shipped maps (config/kaart/) against the shipped region files (config/regio/). */
const regioMap = projectPath('config', 'regio');
const slugs = readdirSync(regioMap)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const kaartPad = (slug: string) => projectPath('config', 'kaart', `${slug}.geo.json`);
const leesKaart = (slug: string) => JSON.parse(readFileSync(kaartPad(slug), 'utf8')) as Kaart;
const ringen = (k: Kaart) => k.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()));

describe(`the ${slugs.length} region maps`, () => {
  it('there is one map per region file and no other', () => {
    expect(slugs).toHaveLength(25);
    const kaarten = readdirSync(projectPath('config', 'kaart')).sort();
    expect(kaarten).toEqual(slugs.map((s) => `${s}.geo.json`));
  });

  it.each(slugs)('%s: every gemeente of the region has exactly one shape, and there is no other shape', (slug) => {
    const regio = JSON.parse(readFileSync(join(regioMap, `${slug}.json`), 'utf8')) as { gemeenten: { code: string; naam: string }[] };
    const kaart = leesKaart(slug);
    const ids = kaart.features.map((f) => f.id);
    expect(new Set(ids).size, 'a gemeente twice').toBe(ids.length);
    expect([...ids].sort()).toEqual(regio.gemeenten.map((g) => g.code).sort());
    for (const f of kaart.features) {
      expect(f.properties.code).toBe(f.id);
      expect(f.properties.name).toBe(regio.gemeenten.find((g) => g.code === f.id)!.naam);
    }
    // every ring closed, at least four positions, with an area; coordinates inside the Netherlands
    for (const r of ringen(kaart)) {
      expect(isRing(r)).toBe(true);
      for (const [x, y] of r) {
        expect(x).toBeGreaterThan(3.3);
        expect(x).toBeLessThan(7.3);
        expect(y).toBeGreaterThan(50.7);
        expect(y).toBeLessThan(53.6);
      }
    }
    expect(statSync(kaartPad(slug)).size).toBeLessThan(60_000);
    expect(kaart.bron).toContain('commit 01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6');
    expect(kaart.bron).toContain('wgs84/gemeente_2025.topojson');
    expect(kaart.licentie).toMatch(/^CC BY 4\.0/);
  });

  it('the shipped maps are what the generator makes of the committed input', () => {
    const { grenzen, regios } = leesKaartInvoer();
    const gemaakt = genereerKaarten(grenzen, regios);
    expect(gemaakt.map((k) => k.slug)).toEqual(slugs);
    for (const { slug, kaart } of gemaakt) expect(alsKaartRegels(kaart), slug).toBe(readFileSync(kaartPad(slug), 'utf8'));
  });

  it('the generator writes nothing for a region with a gemeente that has no shape, and names it', () => {
    const { grenzen, regios } = leesKaartInvoer();
    const kapot = regios.map((r) =>
      r.slug === 'zeeland' ? { ...r, regio: { ...r.regio, gemeenten: [...r.regio.gemeenten, { code: 'GM9999', naam: 'Nergenshuizen' }] } } : r,
    );
    expect(() => genereerKaarten(grenzen, kapot)).toThrow('GM9999 Nergenshuizen (zeeland): geen vlak in de CBS-grenzen');
  });

  it('the committed boundaries are one closed topology: every ring of the 342 gemeenten closes arc to arc', () => {
    const { grenzen } = leesKaartInvoer();
    const topo = grenzen.topologie;
    const abs = topo.arcs.map((a) => {
      let x = 0;
      let y = 0;
      return a.map(([dx, dy]) => [(x += dx!), (y += dy!)] as const);
    });
    const boog = (i: number) => (i >= 0 ? abs[i]! : [...abs[~i]!].reverse());
    const geos = topo.objects.gemeente_2025.geometries;
    expect(geos).toHaveLength(342);
    let gesloten = 0;
    for (const g of geos) {
      const { type, arcs } = g as unknown as { type: string; arcs: number[][] | number[][][] };
      const polys = (type === 'Polygon' ? [arcs] : arcs) as number[][][];
      for (const ring of polys.flat()) {
        for (let k = 0; k < ring.length; k++) {
          const eind = boog(ring[k]!).at(-1)!;
          const begin = boog(ring[(k + 1) % ring.length]!)[0]!;
          expect([eind[0], eind[1]]).toEqual([begin[0], begin[1]]);
        }
        gesloten++;
      }
    }
    expect(gesloten).toBe(350);
  });

  it('laadKaart gives the map of the chosen region, and none when it lacks a gemeente of the region', () => {
    const regio = laadRegio(projectPath('config', 'regio', 'gelderland-zuid.json'));
    const k = laadKaart(regio)!;
    expect(k.naam).toBe('vt-gelderland-zuid');
    expect(k.kaart.features).toHaveLength(15);
    expect(laadKaart({ ...regio, gemeenten: [...regio.gemeenten, { ...regio.gemeenten[0]!, code: 'GM0363' }] })).toBeNull();
  });
});
