import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bouwRegio, type Regio } from '../../server/config/regio.js';
import { importeerCbs, spiegelVoorPeriode } from '../../server/spiegel/service.js';
import { testContext, type TestContext } from '../helpers/context.js';

/**
 * The rank and the region's rate per period on hand-made CBS data (not CBS's figures), imported
 * through the real StatLine import, with hand-made region files for the populations of 1 January
 * 2019 (the only year they have):
 *
 *   region                     inwoners 2019       2019-H1      2019-H2      2019         2020-H1
 *   VT06 Gelderland-Zuid (own) 60.000 + 40.000     300 (3,00)   350 (3,50)   .            200 (2,00)
 *   VT02 Drenthe               150.000 + 50.000    800 (4,00)   500 (2,50)   1.300 (6,50) 600 (3,00)
 *   VT03 Flevoland             50.000              100 (2,00)   .            250 (5,00)   .
 *   VT07 Gooi en Vechtstreek   30.000 + (none)     150          .            .            .
 *   VT04 Friesland             no region file      999          .            .            .
 *
 * VT07 lacks one gemeente's figure and VT04 has no region: both have meldingen but no population,
 * so they are named, never ranked (a partial sum would be an estimate). 2020 has no population
 * yet: the region's bevolkingsjaar (2019) divides every rate of 2020-H1, and the rank says so.
 */
const BRON = 'https://opendata.cbs.nl/statline/#/CBS/en/dataset/37259eng/table';
const inw = (per: Record<string, number>) => Object.fromEntries(Object.entries(per).map(([j, aantal]) => [j, { aantal, tabel: '37259eng', bron: BRON }]));
const regio = (code: string, naam: string, gemeenten: [string, Record<string, number>][]): Regio =>
  bouwRegio({
    naam,
    organisatie: `Veilig Thuis ${naam}`,
    cbs_vt_regio: { code, naam },
    gemeenten: gemeenten.map(([gm, per], i) => ({ code: gm, naam: `${naam} ${i + 1}`, inwonersPerJaar: inw(per) })),
  });

const eigen = regio('VT06', 'Gelderland-Zuid', [
  ['GM9601', { 2019: 60000 }],
  ['GM9602', { 2019: 40000 }],
]);
const andere = [
  regio('VT02', 'Drenthe', [
    ['GM9201', { 2019: 150000 }],
    ['GM9202', { 2019: 50000 }],
  ]),
  regio('VT03', 'Flevoland', [['GM9301', { 2019: 50000 }]]),
  regio('VT07', 'Gooi en Vechtstreek', [
    ['GM9701', { 2019: 30000 }],
    ['GM9702', {}],
  ]),
  // the own region's code in another file never counts twice
  regio('VT06', 'Gelderland-Zuid', [['GM9609', { 2019: 1 }]]),
];

const rij = (regioNaam: string, periode: string, waarde: string) => `"Totaal";"Totaal";"${regioNaam}";"${periode}";"${waarde}"`;
const CSV = [
  '"Huiselijk geweld; veiligheidsbeoordeling en -taxatie Veilig Thuis, regio"',
  '"Veiligheidstaxatie";"Veiligheidsbeoordeling";"Regio\'s";"Perioden";"Ontvangen meldingen"',
  '"";"";"";"";"aantal"',
  rij('Gelderland-Zuid (VT)', '1e halfjaar 2019', '300'),
  rij('Drenthe (VT)', '1e halfjaar 2019', '800'),
  rij('Flevoland (VT)', '1e halfjaar 2019', '100'),
  rij('Gooi en Vechtstreek (VT)', '1e halfjaar 2019', '150'),
  rij('Friesland (VT)', '1e halfjaar 2019', '999'),
  rij('Gelderland-Zuid (VT)', '2e halfjaar 2019', '350'),
  rij('Drenthe (VT)', '2e halfjaar 2019', '500'),
  rij('Flevoland (VT)', '2e halfjaar 2019', '.'),
  rij('Gelderland-Zuid (VT)', '2019', '.'),
  rij('Drenthe (VT)', '2019', '1.300'),
  rij('Flevoland (VT)', '2019', '250'),
  rij('Gelderland-Zuid (VT)', '1e halfjaar 2020', '200'),
  rij('Drenthe (VT)', '1e halfjaar 2020', '600'),
].join('\n');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext('2024-12-31');
  await importeerCbs(ctx.db, ctx.regio, { bestand: '84852NED-drie-regios.csv', sha256: 'h', tekst: CSV }, { door: 'test' });
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const spiegel = (p: string) => spiegelVoorPeriode(ctx.db, eigen, p, andere);

describe('spiegel: the rank among VT-regions on hand-made CBS data with 3 ranked regions', () => {
  it('2019-H1: all three ranked, the region 2 van 3; regions without a confirmed population named, not ranked', async () => {
    const s = await spiegel('2019-H1');
    expect(s.regio).toMatchObject({ meldingen: 300, inwoners: 100000, inwoners_jaar: 2019, per_1000_inwoners: expect.objectContaining({ meldingen: 3 }) });
    expect(s.rang).toEqual({
      maat: 'meldingen',
      positie: 2,
      van: 3,
      bevolkingsjaar: 2019,
      zonder_inwoners: ['Friesland (VT)', 'Gooi en Vechtstreek (VT)'],
      reden: null,
      tekst:
        '2 van 3 (VT-regio’s waarvan CBS de meldingen van 1e halfjaar 2019 publiceert, per 1.000 inwoners op 1 januari 2019); ' +
        'niet gerangschikt, zonder bevolking: Friesland (VT), Gooi en Vechtstreek (VT)',
      toelichting: expect.stringContaining('(1 = de meeste)'),
    });
  });

  it('2019-H2: Flevoland publishes no meldingen (.): the region is ranked among the other two, 1 van 2', async () => {
    const s = await spiegel('2019-H2');
    expect(s.regio.per_1000_inwoners.meldingen).toBe(3.5);
    expect(s.rang).toMatchObject({ positie: 1, van: 2, zonder_inwoners: [], reden: null });
    expect(s.rang.tekst).toMatch(/^1 van 2 /);
  });

  it('2019: the region itself has no CBS meldingen: no rank and no rate, and the page sentence says why', async () => {
    const s = await spiegel('2019');
    expect(s.regio).toMatchObject({ meldingen: null, inwoners: 100000, per_1000_inwoners: expect.objectContaining({ meldingen: null }) });
    expect(s.rang).toMatchObject({ positie: null, van: 2, reden: 'geen_meldingen' });
    expect(s.rang.tekst).toBe(
      'geen plaats: CBS publiceert voor 2019 geen ontvangen meldingen van Gelderland-Zuid (VT) (wel van 2 VT-regio’s met een bevolking op 1 januari 2019)',
    );
  });

  it('2020-H1: no population of 2020 yet, so every rate divides by 1 January 2019, and the rank names that year', async () => {
    const s = await spiegel('2020-H1');
    expect(s.regio).toMatchObject({ inwoners: 100000, inwoners_jaar: 2019, per_1000_inwoners: expect.objectContaining({ meldingen: 2 }) });
    // Nederland divides by the same year: CBS's 70072ned figure of 1 January 2019 (shipped)
    expect(s.nederland).toMatchObject({ inwoners: 17282163, inwoners_jaar: 2019 });
    expect(s.rang).toMatchObject({ positie: 2, van: 2, bevolkingsjaar: 2019 });
    expect(s.rang.tekst).toContain('per 1.000 inwoners op 1 januari 2019');
  });
});
