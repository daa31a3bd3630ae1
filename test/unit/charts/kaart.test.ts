import { describe, expect, it } from 'vitest';
import { KLEUR_BESCHERMD, KLASSEKLEUREN, klassegrenzen, regioKaart, kaartCijfer, type KaartGemeenteInvoer } from '../../../server/charts/kaart.js';
import type { Kaart } from '../../../server/config/kaartbestand.js';
import { ONDERDRUKT } from '../../../server/privacy/onderdrukking.js';
import { grafiekNaarSvg } from '../../../server/rapportage/svg.js';

/** A country of three square gemeenten side by side. */
const vierkant = (x: number) => [
  [
    [x, 51],
    [x + 0.1, 51],
    [x + 0.1, 51.1],
    [x, 51.1],
    [x, 51],
  ] as [number, number][],
];
const KAART: Kaart = {
  type: 'FeatureCollection',
  regio: { code: 'VT99', naam: 'Proef' },
  bron: 'test',
  licentie: 'CC BY 4.0',
  bewerking: 'test',
  features: ['GM0001', 'GM0002', 'GM0003'].map((code, i) => ({
    type: 'Feature',
    id: code,
    properties: { name: `G${i + 1}`, code },
    geometry: { type: 'Polygon', coordinates: vierkant(5 + i * 0.1) },
  })),
};
const gem = (code: string, naam: string, per1000: unknown, inwonersBekend = true): KaartGemeenteInvoer => ({
  code,
  naam,
  waarden: { per_1000_inwoners: { meldingen: per1000 }, vb_binnen_termijn_pct: 87.5 },
  inwonersBekend,
});
const kaart = (gemeenten: KaartGemeenteInvoer[], extra: { beschermd?: boolean; gemarkeerd?: string; cijfer?: string } = {}) =>
  regioKaart({
    kaart: KAART,
    kaartNaam: 'vt-proef',
    regioNaam: 'Proef',
    gemeenten,
    cijfer: kaartCijfer(extra.cijfer),
    kwartaal: '2024-Q3',
    beschermd: extra.beschermd ?? false,
    gemarkeerd: extra.gemarkeerd,
    metLinks: true,
  });
type Item = { name: string; value?: number; itemStyle: { areaColor: string; decal?: unknown }; tooltip: { formatter?: string; show?: boolean } };
const items = (g: ReturnType<typeof kaart>) => (g.option.series as { data: Item[] }[])[0]!.data;

describe('regioKaart', () => {
  it('class bounds on a round step: 0,88 to 1,42 gives 0,8 – 1,0 – 1,2 – 1,4 – 1,6', () => {
    expect(klassegrenzen([0.88, 1.42, 1.0])).toEqual([0.8, 1, 1.2, 1.4, 1.6]);
    expect(klassegrenzen([74.4, 100])).toEqual([70, 80, 90, 100]);
    expect(klassegrenzen([2, 2])).toEqual([]);
  });

  it('a value is coloured by its class, the tooltip and table carry it in Dutch', () => {
    const g = kaart([gem('GM0001', 'G1', 0.88), gem('GM0002', 'G2', 1.42), gem('GM0003', 'G3', 1.0)]);
    const [a, b, c] = items(g);
    expect(a).toMatchObject({ name: 'G1', value: 0.88, itemStyle: { areaColor: KLASSEKLEUREN[0] }, tooltip: { formatter: 'G1: 0,88' } });
    expect(b).toMatchObject({ value: 1.42, itemStyle: { areaColor: KLASSEKLEUREN[3] }, tooltip: { formatter: 'G2: 1,42' } });
    expect(c).toMatchObject({ value: 1.0, itemStyle: { areaColor: KLASSEKLEUREN[1] } });
    expect(g.tabel).toEqual({
      kolommen: ['Gemeente', 'Meldingen per 1.000 inwoners'],
      rijen: [
        ['G1', 0.88],
        ['G2', 1.42],
        ['G3', 1.0],
      ],
    });
    expect(g.links).toEqual({ G1: '/gemeente/GM0001', G2: '/gemeente/GM0002', G3: '/gemeente/GM0003' });
    expect(g.beschrijving).toBe(
      'Kaart van de regio Proef met 3 gemeenten; de kleur geeft meldingen per 1.000 inwoners. Het ' +
        'hoogst is G2 (1,42), het laagst G1 (0,88). De gegevens staan in de tabel.',
    );
  });

  it('a protected value is drawn as "beschermd", never as a number: not in the data, the tooltip, the table, the legend or the SVG', () => {
    // both forms the publication step gives: null (pages) and {"onderdrukt": true} (JSON)
    for (const verborgen of [null, ONDERDRUKT]) {
      const g = kaart([gem('GM0001', 'G1', verborgen), gem('GM0002', 'G2', 1.42), gem('GM0003', 'G3', 1.0)], { beschermd: true });
      const g1 = items(g)[0]!;
      expect('value' in g1).toBe(false);
      expect(g1.itemStyle.areaColor).toBe(KLEUR_BESCHERMD);
      expect(g1.itemStyle.decal).toBeDefined();
      expect(g1.tooltip.formatter).toBe('G1: beschermd (bescherming kleine aantallen)');
      expect(g.tabel.rijen[0]).toEqual(['G1', null, 'beschermd']);
      expect(JSON.stringify(g.option.graphic)).toContain('"text":"beschermd"');
      const svg = grafiekNaarSvg(g);
      expect(svg).toContain('beschermd');
      expect(svg).not.toContain('G1: ');
      expect(g.beschrijving).toContain('1 gemeente is beschermd');
    }
  });

  it('a gemeente without a CBS population has "geen gegevens", also when the view is protected', () => {
    const g = kaart([gem('GM0001', 'G1', null, false), gem('GM0002', 'G2', 1.42), gem('GM0003', 'G3', null)], { beschermd: true });
    const [g1, , g3] = items(g);
    expect(g1!.tooltip.formatter).toBe('G1: geen gegevens');
    expect(g1!.itemStyle.areaColor).toBe('#ffffff');
    expect(g3!.tooltip.formatter).toBe('G3: beschermd (bescherming kleine aantallen)');
    // without protection a missing value is just missing
    expect(items(kaart([gem('GM0001', 'G1', null), gem('GM0002', 'G2', 1), gem('GM0003', 'G3', 2)]))[0]!.tooltip.formatter).toBe('G1: geen gegevens');
  });

  it("one gemeente's view: the others are outlines without value or tooltip, and out of the table and the links", () => {
    const g = kaart(
      [
        { code: 'GM0001', naam: 'G1', waarden: null, inwonersBekend: true },
        gem('GM0002', 'G2', 1.42),
        { code: 'GM0003', naam: 'G3', waarden: null, inwonersBekend: true },
      ],
      { beschermd: true, gemarkeerd: 'GM0002', cijfer: 'vb-binnen-termijn' },
    );
    const [g1, g2, g3] = items(g);
    for (const x of [g1!, g3!]) {
      expect('value' in x).toBe(false);
      expect(x.tooltip).toEqual({ show: false });
    }
    expect(g2).toMatchObject({ value: 87.5, tooltip: { formatter: 'G2: 87,5%' }, itemStyle: { borderWidth: 3 } });
    expect(g.tabel.rijen).toEqual([['G2', 87.5]]);
    expect(g.titel).toBe('% VB binnen 5 werkdagen per gemeente, G2 gemarkeerd — Q3 2024');
    expect(g.beschrijving).toContain('Alleen de eigen gemeente is ingekleurd');
  });
});
