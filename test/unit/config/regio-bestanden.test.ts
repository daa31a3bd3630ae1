import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alsRegels } from '../../../server/config/genereer-gemeenten.js';
import { bepaalRegioPerGemeente, genereerRegios, leesInvoer, type CbsInwoners, type VtLidmaatschap } from '../../../server/config/genereer-regios.js';
import { bouwGemeentenNederland, gemeentenNederland, type GemeentenBestand } from '../../../server/config/gemeenten-nederland.js';
import { bepaalLidmaatschap, leesVtVlakken } from '../../../server/config/leid-vt-lidmaatschap-af.js';
import { projectPath } from '../../../server/config/paths.js';
import { bestandsdeel } from '../../../server/shared/tekst.js';
import { bouwRegio, laadRegio } from '../../../server/config/regio.js';

const MAP = projectPath('config', 'regio');
const bestanden = readdirSync(MAP).filter((f) => f.endsWith('.json')).sort();
const json = (f: string) => JSON.parse(readFileSync(join(MAP, f), 'utf8')) as Record<string, unknown> & { gemeenten: Record<string, unknown>[] };
const nl = gemeentenNederland();
const lidmaatschap = JSON.parse(readFileSync(projectPath('config', 'cbs', 'vt-lidmaatschap.json'), 'utf8')) as VtLidmaatschap;

describe('the shipped region files (config/regio/)', () => {
  const huidig = nl.gemeentenOp(nl.laatsteJaar)!;

  it(`25 files, one per VT-region of the CBS indeling; each of the ${huidig.length} gemeenten of ${nl.laatsteJaar} in exactly one`, () => {
    expect(bestanden).toHaveLength(25);
    const keer = new Map<string, string[]>();
    for (const f of bestanden) for (const g of json(f).gemeenten) keer.set(String(g.code), [...(keer.get(String(g.code)) ?? []), f]);
    const fout = huidig.filter((g) => keer.get(g.code)?.length !== 1).map((g) => `${g.code} ${g.naam}: ${keer.get(g.code)?.join(', ') ?? 'in geen bestand'}`);
    expect(fout).toEqual([]);
    expect([...keer.keys()].sort()).toEqual(huidig.map((g) => g.code).sort()); // nothing that is not a gemeente of that year
    expect(bestanden.map((f) => (json(f).cbs_vt_regio as { code: string }).code).sort()).toEqual(lidmaatschap.regios.map((r) => r.code).sort());
  });

  it('every gemeente of 1 January of each year since 2019 is in exactly one file (gemeentenPerJaar)', () => {
    for (let jaar = 2019; jaar <= nl.laatsteJaar; jaar++) {
      const codes = bestanden.flatMap((f) => (json(f).gemeentenPerJaar as Record<string, string[]>)[String(jaar)] ?? []);
      expect(codes.sort(), String(jaar)).toEqual(nl.gemeentenOp(jaar)!.map((g) => g.code).sort());
    }
  });

  it.each(bestanden)('%s loads with laadRegio; its name is its CBS name', (f) => {
    const regio = laadRegio(join(MAP, f));
    expect(f).toBe(`${bestandsdeel(regio.cbs_vt_regio!.naam)}.json`);
    expect(regio.naam).toBe(regio.cbs_vt_regio!.naam);
    expect(regio.gemeenten.length).toBeGreaterThan(0);
    for (const v of regio.voormaligeGemeenten) expect(regio.perCode.has(v.opgegaanIn), v.code).toBe(true);
  });

  it('no inhabitant figure without its CBS table and source; only the hand-made Gelderland-Zuid still has legacy figures', () => {
    let cijfers = 0;
    for (const f of bestanden) {
      for (const g of json(f).gemeenten) {
        for (const [jaar, c] of Object.entries((g.inwonersPerJaar ?? {}) as Record<string, { aantal: number; tabel: string; bron: string }>)) {
          cijfers++;
          expect(c.tabel, `${f} ${String(g.code)} ${jaar}`).toMatch(/^\w+$/);
          expect(new URL(c.bron).hostname, `${f} ${String(g.code)} ${jaar}`).toMatch(/(^|\.)cbs\.nl$/);
        }
        if (f !== 'gelderland-zuid.json') expect(Object.keys(g).filter((k) => ['inwoners', 'inwonersBron', 'inwonersPeildatum', 'indicatief'].includes(k)), `${f} ${String(g.code)}`).toEqual([]);
      }
    }
    const invoer = JSON.parse(readFileSync(projectPath('config', 'cbs', 'inwoners.json'), 'utf8')) as CbsInwoners;
    expect(cijfers).toBe(invoer.cijfers.filter((c) => c.jaar >= 2015).length);
  });

  it('a region without CBS figures has none: no per-1.000 denominator, never an estimate', () => {
    const hm = laadRegio(join(MAP, 'hollands-midden.json'));
    expect(hm.gemeenten.map((g) => g.inwoners)).toEqual(hm.gemeenten.map(() => null));
    expect(hm.inwonersTotaal).toBeNull();
    expect(hm.inwonersRegioOp(2024)).toBeNull();
    expect(hm.gemeenten.every((g) => g.inwonersBron === 'ontbreekt' && !g.indicatief)).toBe(true);
  });

  it('the shipped files are exactly what npm run regio:genereer makes from the committed inputs', () => {
    const invoer = leesInvoer();
    const uit = genereerRegios(invoer.nederland, invoer.lidmaatschap, invoer.inwoners, invoer.bestaand);
    expect(uit.map((r) => `${r.slug}.json`).sort()).toEqual(bestanden);
    for (const r of uit) expect(readFileSync(join(MAP, `${r.slug}.json`), 'utf8'), r.slug).toBe(alsRegels(r.bestand));
  });

  it('Gelderland-Zuid: the same 15 gemeenten and 6 former ones as the hand-made file, its own fields kept', () => {
    const gz = json('gelderland-zuid.json');
    // the hand-made file before the generator (commit ce6216b), in its order
    expect(gz.gemeenten.map((g) => g.code)).toEqual([
      'GM1945', 'GM0209', 'GM0214', 'GM0216', 'GM0225', 'GM0252', 'GM0263', 'GM1740', 'GM0268', 'GM0281', 'GM1960', 'GM0668', 'GM0296', 'GM0297', 'GM0944',
    ]);
    expect(Object.fromEntries((gz.voormaligeGemeenten as { code: string; opgegaanIn: string }[]).map((v) => [v.code, v.opgegaanIn]))).toEqual({
      GM0241: 'GM1945', GM0265: 'GM1945', GM0282: 'GM1945', GM0236: 'GM1960', GM0733: 'GM1960', GM0304: 'GM1960',
    });
    expect(gz).toMatchObject({ naam: 'Gelderland-Zuid', organisatie: 'Veilig Thuis Gelderland-Zuid', overige_zorgmelding_vanaf: '2021-04-01', cbs_vt_regio: { code: 'VT06', naam: 'Gelderland-Zuid' } });
    expect(gz.scenarios).toMatchObject({ gekozen: 'midden', groei: { laag: 2, midden: 5, hoog: 10 } });
    expect(gz.gemeenten.find((g) => g.code === 'GM0281')).toMatchObject({ inwoners: 42159, inwonersBron: 'CBS', inwonersPeildatum: '2021-01-01' });
    // Groesbeek was renamed Berg en Dal on 1 January 2016 (the hand-made file said 2015)
    expect((gz.herindelingen as { code: string; per: string; soort: string }[]).find((h) => h.code === 'GM0241')).toMatchObject({ per: '2016-01-01', soort: 'naamswijziging' });
  });

  it('Haaren (split in 2021 over two regions) is a herindeling of both, a former gemeente of neither', () => {
    const haaren = (f: string) => (json(f).herindelingen as { code: string; opgegaanIn: string[] }[]).find((h) => h.code === 'GM0788');
    expect(haaren('oost-brabant.json')?.opgegaanIn).toEqual(['GM0757', 'GM0824', 'GM0855', 'GM0865']);
    expect(haaren('midden-brabant.json')?.opgegaanIn).toEqual(['GM0757', 'GM0824', 'GM0855', 'GM0865']);
    for (const f of bestanden) expect((json(f).voormaligeGemeenten as { code: string }[]).map((v) => v.code), f).not.toContain('GM0788');
  });
});

// A hand-made country: A and B (2015) merge into AB in 2019; C splits in 2021 over D (region 1)
// and E (region 2); F ended on 1 January 2015 into D (no label point of its own).
const LAND: GemeentenBestand = {
  toelichting: '', bron: '', naamregel: '',
  jaren: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022],
  gemeenten: [
    { code: 'GM9001', naam: 'A', provincie: 'P', vanaf: '1970-01-01', tot: '2019-01-01' },
    { code: 'GM9002', naam: 'B', provincie: 'P', vanaf: '1970-01-01', tot: '2019-01-01' },
    { code: 'GM9003', naam: 'AB', provincie: 'P', vanaf: '2019-01-01', tot: null },
    { code: 'GM9004', naam: 'C', provincie: 'P', vanaf: '1970-01-01', tot: '2021-01-01' },
    { code: 'GM9005', naam: 'D', provincie: 'P', vanaf: '1970-01-01', tot: null },
    { code: 'GM9006', naam: 'E', provincie: 'Q', vanaf: '1970-01-01', tot: null },
    { code: 'GM9007', naam: 'F', provincie: 'P', vanaf: '1970-01-01', tot: '2015-01-01' },
  ],
  herindelingen: [
    { code: 'GM9001', naam: 'A', per: '2019-01-01', opgegaanIn: ['GM9003'], soort: 'samenvoeging', bron: 'b' },
    { code: 'GM9002', naam: 'B', per: '2019-01-01', opgegaanIn: ['GM9003'], soort: 'samenvoeging', bron: 'b' },
    { code: 'GM9004', naam: 'C', per: '2021-01-01', opgegaanIn: ['GM9005', 'GM9006'], soort: 'splitsing', bron: 'b' },
    { code: 'GM9007', naam: 'F', per: '2015-01-01', opgegaanIn: ['GM9005'], soort: 'samenvoeging', bron: 'b' },
  ],
  codes: ['GM9001', 'GM9002', 'GM9003', 'GM9004', 'GM9005', 'GM9006', 'GM9007'],
};
const punten = (vt: Record<string, string | null>): VtLidmaatschap => ({
  indelingsjaar: 2025,
  bronnen: [{ wat: 'vlakken', herkomst: 'test', sha256: '0'.repeat(64) }, { wat: 'punten', herkomst: 'test', sha256: '1'.repeat(64) }],
  regios: [{ code: 'VT01', naam: 'Een' }, { code: 'VT02', naam: 'Twee-Regio' }],
  gemeenten: Object.entries(vt).map(([code, v]) => ({ code, naam: code, vt: v, randKm: 1 })),
});
const GOED = { GM9001: 'VT01', GM9002: 'VT01', GM9004: 'VT01', GM9005: 'VT01', GM9006: 'VT02' };
const geen: CbsInwoners = { cijfers: [] };

describe('genereerRegios on a hand-made country', () => {
  const [een, twee] = genereerRegios(LAND, punten(GOED), geen, new Map());

  it('merged gemeenten go with their parts, a gemeente without a label point with its successor, a split one where its point lies', () => {
    expect(een!.slug).toBe('een');
    expect(twee!.slug).toBe('twee-regio');
    expect((een!.bestand.gemeenten as { code: string }[]).map((g) => g.code)).toEqual(['GM9003', 'GM9005']);
    expect((twee!.bestand.gemeenten as { code: string }[]).map((g) => g.code)).toEqual(['GM9006']);
    expect(een!.bestand.voormaligeGemeenten).toEqual([
      { code: 'GM9007', naam: 'F', opgegaanIn: 'GM9005', per: '2015-01-01' },
      { code: 'GM9001', naam: 'A', opgegaanIn: 'GM9003', per: '2019-01-01' },
      { code: 'GM9002', naam: 'B', opgegaanIn: 'GM9003', per: '2019-01-01' },
    ]);
    expect(een!.bestand.gemeentenPerJaar).toEqual({ 2019: ['GM9003', 'GM9004', 'GM9005'], 2020: ['GM9003', 'GM9004', 'GM9005'], 2021: ['GM9003', 'GM9005'], 2022: ['GM9003', 'GM9005'] });
    // the split: a herindeling of both regions, a former gemeente of neither
    expect((twee!.bestand.herindelingen as { code: string }[]).map((h) => h.code)).toEqual(['GM9004']);
    expect(twee!.bestand.voormaligeGemeenten).toEqual([]);
  });

  it('merger partners in two regions, or a gemeente in none, stop the generator naming each one', () => {
    expect(() => genereerRegios(LAND, punten({ ...GOED, GM9002: 'VT02' }), geen, new Map())).toThrow(/GM9003 AB: in VT01 en VT02/);
    expect(() => bepaalRegioPerGemeente(LAND, punten({ ...GOED, GM9006: null }))).toThrow(/GM9006 E: in geen enkele VT-regio/);
  });

  it('populations only from the CBS figures given, each with its table; a year without one is missing', () => {
    const bron = 'https://opendata.cbs.nl/#/CBS/nl/dataset/03759ned/table';
    const [r] = genereerRegios(LAND, punten(GOED), { cijfers: [{ code: 'GM9003', jaar: 2022, aantal: 5000, tabel: '03759ned', bron }] }, new Map());
    const regio = bouwRegio(r!.bestand, bouwGemeentenNederland(LAND));
    expect(regio.inwonersCijferOp('GM9003', 2022)).toEqual({ aantal: 5000, peildatum: '2022-01-01', tabel: '03759ned', bron });
    expect(regio.inwonersOp('GM9003', 2021)).toBeNull();
    expect(regio.perCode.get('GM9003')).toMatchObject({ inwoners: 5000, inwonersBron: 'CBS 03759ned', inwonersPeildatum: '2022-01-01', indicatief: false });
    expect(regio.perCode.get('GM9005')?.inwoners).toBeNull();
    expect(regio.inwonersRegioOp(2022)).toBeNull(); // D has no figure
    expect(regio.inwonersTotaal).toBeNull();
  });

  it('keeps what it does not make from an existing file: organisation, scenarios, legacy figures, the order of gemeenten', () => {
    const oud = { organisatie: 'VT Een', overige_zorgmelding_vanaf: '2021-04-01', scenarios: { x: 1 }, gemeenten: [{ code: 'GM9005', inwoners: 7, inwonersBron: 'eigen' }, { code: 'GM9003' }] };
    const [r] = genereerRegios(LAND, punten(GOED), geen, new Map([['een', oud]]));
    expect(r!.bestand).toMatchObject({ organisatie: 'VT Een', overige_zorgmelding_vanaf: '2021-04-01', scenarios: { x: 1 } });
    expect(r!.bestand.gemeenten).toEqual([
      { code: 'GM9005', naam: 'D', inwoners: 7, inwonersBron: 'eigen', inwonersPerJaar: {} },
      { code: 'GM9003', naam: 'AB', inwonersPerJaar: {} },
    ]);
  });
});

describe('the VT-region polygons (TopoJSON) and the label points', () => {
  // one square region VT01 (0..10) with a hole (4..6), and VT02 (10..20) sharing the edge x = 10
  const topo = (vierkant: number[][]) =>
    JSON.stringify({
      type: 'Topology',
      transform: { scale: [1, 1], translate: [0, 0] },
      arcs: [
        [[10, 0], [0, 10]], // shared edge, upwards
        [[10, 10], [-10, 0], [0, -10], [10, 0]], // rest of VT01
        vierkant, // the hole
        [[10, 0], [10, 0], [0, 10], [-10, 0]], // rest of VT02, from (10,0) round to (10,10)
      ],
      objects: {
        vt: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0, 1], [2]], properties: { statcode: 'VT01', statnaam: 'Een' } },
            { type: 'Polygon', arcs: [[-1, 3]], properties: { statcode: 'VT02', statnaam: 'Twee' } },
          ],
        },
      },
    });
  const gat = [[4, 4], [2, 0], [0, 2], [-2, 0], [0, -2]];

  it('a point lies in the region around it, not in its hole; each point in exactly one region or none', () => {
    const vlakken = leesVtVlakken(topo(gat));
    const uit = bepaalLidmaatschap(vlakken, [
      { code: 'GM0001', naam: 'a', punt: [1, 1] },
      { code: 'GM0002', naam: 'b', punt: [5, 5] },
      { code: 'GM0003', naam: 'c', punt: [15, 9] },
      { code: 'GM0004', naam: 'd', punt: [25, 5] },
    ]);
    expect(uit.map((l) => [l.code, l.vt])).toEqual([['GM0001', 'VT01'], ['GM0002', null], ['GM0003', 'VT02'], ['GM0004', null]]);
    expect(uit[0]!.randKm).toBeGreaterThan(0);
  });

  it('a corrupted coordinate (a ring that no longer closes) is refused, not silently drawn', () => {
    expect(() => leesVtVlakken(topo([[4, 4], [2, 0], [0, 3], [-2, 0], [0, -2]]))).toThrow(/VT01: de ring sluit niet/);
    const kapot = JSON.parse(topo(gat)) as { arcs: number[][][] };
    kapot.arcs[1]![2] = [0, -9];
    expect(() => leesVtVlakken(JSON.stringify(kapot))).toThrow(/de ring sluit niet/);
  });

  it('the committed table: 393 gemeenten of 2015, each in one of the 25 regions', () => {
    expect(lidmaatschap.gemeenten).toHaveLength(393);
    expect(lidmaatschap.gemeenten.filter((g) => g.vt === null)).toEqual([]);
    expect(lidmaatschap.regios).toHaveLength(25);
    expect(lidmaatschap.bronnen.map((b) => b.sha256)).toEqual([
      '581c1cec3e1c8093afedb65b50a5d5de25a991253662f7d6a87f4311791c667e',
      '40506b340c353fb9add336a3e2712c11454347049a15420fd931693c9dcfdb7d',
    ]);
  });
});
