import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportAfgewezen } from '../../server/import/importer.js';
import type { RapportTabel } from '../../server/rapportage/model.js';
import { leesHalfjaar, leesJaar } from '../../server/rapportage/periode.js';
import { maakRapportdiensten, perioderapportageModel } from '../../server/rapportage/service.js';
import { importeerCbs, laadVerzondenCbs, spiegelPerioden, spiegelVoorPeriode } from '../../server/spiegel/service.js';
import { importeerRijen, testContext, type Rij, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';
import { draaiOk } from '../helpers/proces.js';

let ctx: TestContext;
const vijf = (maak: () => Rij): Rij[] => Array.from({ length: 5 }, maak);
const fixture = (naam: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'cbs', naam), 'utf8');

beforeAll(async () => {
  ctx = await testContext('2024-12-31');
  const s = await importeerRijen(ctx, [
    // the boundary of the half years: 30 June in H1, 1 July in H2
    ...vijf(() => melding({ binnenkomst: '2023-06-30', vb: '2023-07-03', besluit: 'overdracht_lokaal_team' })),
    ...vijf(() => melding({ binnenkomst: '2023-07-01', vb: '2023-07-03', besluit: 'vervolg_veilig_thuis', spoed: 'ja' })),
    ...vijf(() => advies({ binnenkomst: '2023-12-31' })),
    // just outside 2023 on both sides
    ...vijf(() => melding({ binnenkomst: '2022-12-31' })),
    ...vijf(() => melding({ binnenkomst: '2024-01-01', vb: '2024-01-02', besluit: 'afsluiten_geen_vervolg' })),
  ]);
  expect(s.fouten).toEqual([]);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('spiegel: shipped CBS figures (held-in checks)', () => {
  it('VT06 2023 equals CBS 84852NED 2023*', async () => {
    const s = await spiegelVoorPeriode(ctx.db, ctx.regio, '2023');
    expect(s.regio).toMatchObject({
      code: 'VT06',
      naam: 'Gelderland-Zuid (VT)',
      meldingen: 2695,
      overdracht: 1495,
      vervolgstappen_veilig_thuis: 815,
      geen_vervolgstappen: 85,
      regionaal_maatwerk: 55,
      nog_niet_beoordeeld: 245,
      acute_onveiligheid: 110,
      adviezen: null,
      // the sum of its 15 gemeenten on 1 January 2023 (37259eng, config/cbs/inwoners.json)
      inwoners: 585042,
    });
    expect(s.regio.voorlopig).toContain('meldingen');
    expect(s.regio.bronnen.meldingen).toEqual({ tabel: '84852NED', url: 'https://www.cbs.nl/nl-nl/cijfers/detail/84852NED?q=gelderland' });
    expect(s.regio.bronnen.inwoners).toEqual({
      tabel: '37259eng (som van de 15 gemeenten)',
      url: 'https://opendata.cbs.nl/statline/#/CBS/en/dataset/37259eng/table',
    });
    expect(s.regio.per_1000_inwoners.meldingen).toBe(4.61); // 2.695 × 1.000 / 585.042
    expect(s.nederland).toMatchObject({ meldingen: 127340, adviezen: 143210, overdracht: null, inwoners: 17815508 });
    expect(s.nederland.per_1000_inwoners.meldingen).toBe(7.15);
    expect(s.regio.inwoners_jaar).toBe(2023);
    expect(s.nederland.inwoners_jaar).toBe(2023);
    // the shipped CBS meldingen of 2023 name four VT-regions (84852NED, 84849NED); each divides by the sum of its
    // gemeenten on 1 January 2023 (the shipped region files): Gelderland-Zuid 2.695 / 585.042 = 4,61 per 1.000,
    // Gelderland-Midden 3.060 / 714.644 = 4,28, Drenthe 1.905 / 502.051 = 3,79, Noord- en Oost-Gelderland 2.810 / 842.065 = 3,34
    expect(s.rang).toMatchObject({ positie: 1, van: 4, bevolkingsjaar: 2023, zonder_inwoners: [], reden: null });
    // a period without CBS meldingen of any VT-region: no place, and no "0 VT-regio's"
    expect((await spiegelVoorPeriode(ctx.db, ctx.regio, '2022-H1')).rang).toMatchObject({
      positie: null,
      van: 0,
      reden: 'geen_meldingen',
      tekst: 'geen plaats: CBS publiceert voor 1e halfjaar 2022 geen ontvangen meldingen van Gelderland-Zuid (VT)',
    });
  });

  it('Nederland per half year from 84852NED and the Impactmonitor; a population CBS did not confirm is null', async () => {
    expect((await spiegelVoorPeriode(ctx.db, ctx.regio, '2020-H1')).nederland).toMatchObject({ meldingen: 64505, adviezen: 58575, inwoners: 17407585 });
    expect((await spiegelVoorPeriode(ctx.db, ctx.regio, '2020-H1')).nederland.bronnen.meldingen?.tabel).toBe('84852NED');
    const h = await spiegelVoorPeriode(ctx.db, ctx.regio, '2022-H1');
    expect(h.nederland).toMatchObject({ meldingen: 59985, adviezen: 66155, inwoners: null });
    expect(h.nederland.per_1000_inwoners.meldingen).toBeNull();
    expect(h.nederland.voorlopig).toEqual(['meldingen', 'adviezen']);
    expect(h.regio.meldingen).toBeNull();
  });

  it('lists every period with shipped figures, newest first', async () => {
    expect(await spiegelPerioden(ctx.db, ctx.regio)).toEqual(['2023', '2022-H1', '2021-H2', '2021-H1', '2020', '2020-H2', '2020-H1', '2019-H2', '2019-H1']);
  });
});

describe('spiegel: eigen, from hand-made registrations', () => {
  it('counts by datum binnenkomst: 30 June is H1, 1 July is H2, nothing outside the year', async () => {
    const h1 = await spiegelVoorPeriode(ctx.db, ctx.regio, '2023-H1');
    expect(h1.eigen).toMatchObject({
      meldingen: 5,
      overdracht: 5,
      vervolgstappen_veilig_thuis: 0,
      acute_onveiligheid: 0,
      adviezen: 0,
      nog_niet_beoordeeld: 0,
      afgerond_op: 5,
    });
    const h2 = await spiegelVoorPeriode(ctx.db, ctx.regio, '2023-H2');
    expect(h2.eigen).toMatchObject({ meldingen: 5, overdracht: 0, vervolgstappen_veilig_thuis: 5, acute_onveiligheid: 5, adviezen: 5 });
    const jaar = await spiegelVoorPeriode(ctx.db, ctx.regio, '2023');
    expect(jaar.eigen).toMatchObject({
      meldingen: 10,
      overdracht: 5,
      vervolgstappen_veilig_thuis: 5,
      geen_vervolgstappen: 0,
      regionaal_maatwerk: 0,
      nog_niet_beoordeeld: 0,
      acute_onveiligheid: 5,
      adviezen: 5,
    });
    expect(jaar.eigen.verschil).toMatchObject({ meldingen: 10 - 2695, overdracht: 5 - 1495, adviezen: null });
    const ervoor = await spiegelVoorPeriode(ctx.db, ctx.regio, '2022-H2');
    expect(ervoor.eigen).toMatchObject({ meldingen: 5, nog_niet_beoordeeld: 5 });
    expect((await spiegelVoorPeriode(ctx.db, ctx.regio, '2024')).eigen).toMatchObject({ meldingen: 5, geen_vervolgstappen: 5 });
  });

  it('the CLI prints exactly the keys of the brief', async () => {
    const env = { ...process.env, DATABASE_URL: ctx.databaseUrl, LOG_LEVEL: 'silent' };
    const json = JSON.parse(await draaiOk('node', ['bin/vt-monitor.js', 'spiegel', '--periode', '2023', '--json'], { env }));
    expect(Object.keys(json)).toEqual(['periode', 'periode_label', 'cbs_periode', 'van', 'tot', 'regio', 'nederland', 'rang', 'eigen', 'gemeenten']);
    for (const g of [json.regio, json.nederland]) {
      for (const k of [
        'meldingen',
        'overdracht',
        'vervolgstappen_veilig_thuis',
        'geen_vervolgstappen',
        'regionaal_maatwerk',
        'nog_niet_beoordeeld',
        'adviezen',
        'acute_onveiligheid',
        'per_1000_inwoners',
        'inwoners_jaar',
      ])
        expect(g).toHaveProperty(k);
    }
    expect(json.regio.meldingen).toBe(2695);
    expect(json.regio.adviezen).toBeNull();
    expect(json.eigen.meldingen).toBe(10);
    const tekst = await draaiOk('node', ['bin/vt-monitor.js', 'spiegel', '--periode', '2023'], { env });
    expect(tekst).toMatch(/Ontvangen meldingen\*\s+2\.695\s+4,6\s+127\.340\s+7,2\s+10\s+-2\.685/);
    expect(tekst).toContain('Regio per 1.000 inw. (CBS, 1 januari 2023)');
    expect(tekst).toContain('Plaats onder de VT-regio’s (ontvangen meldingen per 1.000 inwoners): 1 van 4 ');
  });
});

describe('spiegel chapter in the half-year and annual reports', () => {
  it('the annual report 2023 has the chapter with table, figure and source line; a half year without CBS figures says so', async () => {
    const diensten = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
    const model = await perioderapportageModel(diensten, leesJaar('2023'));
    const h = model.hoofdstukken.find((x) => x.sectie === 'spiegel')!;
    expect(h.titel).toBe('Spiegel: de regio en Nederland');
    const tabel = h.blokken.find((b) => b.soort === 'tabel') as RapportTabel;
    expect(tabel.rijen.find((r) => r.kop === 'Ontvangen meldingen*')!.cellen).toEqual(['2.695', '4,6', '127.340', '7,2', '10', '-2.685']);
    expect(h.blokken.some((b) => b.soort === 'figuur')).toBe(true);
    expect(h.zinnen.at(-1)).toContain('CBS 84852NED (https://www.cbs.nl/nl-nl/cijfers/detail/84852NED?q=gelderland)');
    const half = await perioderapportageModel(diensten, leesHalfjaar('2023-H2'));
    expect(half.hoofdstukken.find((x) => x.sectie === 'spiegel')!.zinnen[0]).toBe(
      'CBS publiceert (in de opgeslagen tabellen) voor 2e halfjaar 2023 geen meldingen van Gelderland-Zuid (VT) en ook niet van Nederland.',
    );
  });
});

describe('importeer --soort cbs', () => {
  it('a file with an error loads nothing, and is recorded', async () => {
    const voor = await ctx.db('cbs_cijfers').count({ n: '*' }).first();
    await expect(
      importeerCbs(ctx.db, ctx.regio, { bestand: '84852NED-fout.csv', sha256: 'x', tekst: fixture('84852NED-fout.csv') }, { door: 'test' }),
    ).rejects.toBeInstanceOf(ImportAfgewezen);
    expect(await ctx.db('cbs_cijfers').count({ n: '*' }).first()).toEqual(voor);
    expect(Number((await ctx.db('importbatches').where({ soort: 'cbs', status: 'afgewezen' }).count({ n: '*' }).first())!.n)).toBe(1);
  });

  it('adds and replaces figures; a restart does not put the shipped figure back', async () => {
    const s = await importeerCbs(
      ctx.db,
      ctx.regio,
      { bestand: '84852NED-statline.csv', sha256: 'y', tekst: fixture('84852NED-statline.csv') },
      { door: 'test' },
    );
    expect(s).toMatchObject({ geladen: true, rijen: 8, nieuw: 6, gewijzigd: 2, niet_in_spiegel: 0 });
    await laadVerzondenCbs(ctx.db);
    const jaar = await spiegelVoorPeriode(ctx.db, ctx.regio, '2023');
    expect(jaar.regio).toMatchObject({ meldingen: 2700, acute_onveiligheid: 115, overdracht: 1495 });
    expect(jaar.regio.voorlopig).not.toContain('meldingen');
    expect(jaar.gemeenten).toEqual([
      expect.objectContaining({
        code: 'GM0268',
        naam: 'Nijmegen',
        meldingen: 1105,
        inwoners: 182480,
        inwoners_jaar: 2023,
        per_1000_inwoners: { meldingen: 6.06, adviezen: null },
      }),
    ]);
    const h1 = await spiegelVoorPeriode(ctx.db, ctx.regio, '2023-H1');
    expect(h1.regio).toMatchObject({ meldingen: 1340, overdracht: 745, nog_niet_beoordeeld: null });
    expect(h1.nederland.meldingen).toBe(63105);
    expect(Number((await ctx.db('audit_log').where({ actie: 'import' }).whereLike('details', '%84852NED-statline.csv%').count({ n: '*' }).first())!.n)).toBe(1);
  });
});
