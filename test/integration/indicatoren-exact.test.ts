import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indicatorenVoorKwartaal, indicatorReeks } from '../../server/indicatoren/service.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding } from '../helpers/registraties.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await testContext();
});
afterEach(async () => {
  await ctx.close();
});

const regio = async (kwartaal: string) => (await indicatorenVoorKwartaal(ctx.db, ctx.regio, kwartaal)).regio;

describe('instroom', () => {
  it('31 March counts in Q1, 1 April in Q2; overige zorgmeldingen; per melder, beroepsgroep, eerdere betrokkenheid', async () => {
    await importeerRijen(ctx, [
      advies({ binnenkomst: '2019-03-31' }),
      advies({ binnenkomst: '2019-03-30', melder: 'niet_professional' }),
      advies({ binnenkomst: '2019-04-01' }),
      melding({ binnenkomst: '2019-03-31', melder: 'overige_professional', beroepsgroep: 'onderwijs', eerdere: 'hermelding' }),
      melding({ binnenkomst: '2019-03-01', melder: 'overige_professional', eerdere: 'eerste_melding' }),
      melding({ binnenkomst: '2019-03-02', melder: 'niet_professional' }),
      melding({ binnenkomst: '2019-04-01' }),
    ]);
    const q1 = await regio('2019-Q1');
    // a politie advies before 1 April 2021 (overige_zorgmelding_vanaf of Gelderland-Zuid) is an advies, not an overige zorgmelding
    expect(q1).toMatchObject({ adviezen: 2, adviezen_overige_zorgmelding: 0, meldingen: 3, meldingen_totaal_instroom: 5 });
    expect(q1.meldingen_per_melder).toEqual({ politie: 0, overige_professional: 2, niet_professional: 1 });
    expect(q1.meldingen_per_beroepsgroep).toMatchObject({ onderwijs: 1, onbekend: 1, huisarts: 0 });
    expect(q1.meldingen_per_eerdere_betrokkenheid).toEqual({ eerste_melding: 1, hermelding: 1, vervolgmelding: 0, onbekend: 1 });
    expect(await regio('2019-Q2')).toMatchObject({ adviezen: 1, meldingen: 1, meldingen_totaal_instroom: 2 });
  });

  it('gemeenten: former codes roll up, outside the region and unknown are own rows and count in the region', async () => {
    await importeerRijen(ctx, [
      melding({ binnenkomst: '2019-01-10', gemeente: 'GM0236' }), // Geldermalsen → West Betuwe
      melding({ binnenkomst: '2019-01-10', gemeente: 'GM1960' }),
      melding({ binnenkomst: '2019-01-10', gemeente: 'GM0344' }), // Utrecht
      melding({ binnenkomst: '2019-01-10', gemeente: '' }),
      advies({ binnenkomst: '2019-01-11', gemeente: '', gemeente_naam: '' }),
    ]);
    const data = await indicatorenVoorKwartaal(ctx.db, ctx.regio, '2019-Q1');
    expect(data.gemeenten.GM1960).toMatchObject({ naam: 'West Betuwe', meldingen: 2 });
    expect(data.gemeenten.buiten_regio).toMatchObject({ meldingen: 1 });
    expect(data.gemeenten.onbekend).toMatchObject({ meldingen: 1, adviezen: 1 });
    expect(data.regio).toMatchObject({ meldingen: 4, adviezen: 1 });
    // per 1,000: West Betuwe 2 / 52,961 × 1,000 = 0,0378 → 0,04; the region only over its own gemeenten
    expect(data.gemeenten.GM1960!.per_1000_inwoners).toMatchObject({ meldingen: 0.04 });
    expect(data.regio.per_1000_inwoners).toMatchObject({ meldingen: 0 });
    expect(data.gemeenten.buiten_regio!.per_1000_inwoners).toBeNull();
  });
});

describe('veiligheidsbeoordeling', () => {
  it.each([
    ['Goede Vrijdag/Tweede Paasdag 2019', '2019-04-16', '2019-04-25', '2019-04-26'],
    ['Koningsdag 2023 and 28 April 2023 (Besluit gelijkstelling)', '2023-04-24', '2023-05-03', '2023-05-04'],
    ['5 mei 2023', '2023-05-01', '2023-05-09', '2023-05-10'],
    ['Tweede Pinksterdag 2024', '2024-05-14', '2024-05-22', '2024-05-23'],
  ])('%s: VB on the 5th werkdag is on time, on the 6th not', async (_naam, binnenkomst, vijfde, zesde) => {
    await importeerRijen(ctx, [melding({ binnenkomst, vb: vijfde }), melding({ binnenkomst, vb: zesde })]);
    const q = await regio(`${binnenkomst.slice(0, 4)}-Q2`);
    expect(q).toMatchObject({ meldingen_vb: 2, vb_binnen_termijn: 1, vb_binnen_termijn_pct: 50 });
    expect(q.doorlooptijd_vb_werkdagen).toEqual({ mediaan: 5.5, p90: 6 });
  });

  it('Christmas and New Year: VB counted in the quarter of the VB date', async () => {
    await importeerRijen(ctx, [
      melding({ binnenkomst: '2023-12-21', vb: '2024-01-02' }),
      melding({ binnenkomst: '2023-12-21', vb: '2024-01-03' }),
      melding({ binnenkomst: '2023-12-21', vb: '2023-12-22', besluit: 'vervolg_veilig_thuis' }),
    ]);
    expect(await regio('2023-Q4')).toMatchObject({ meldingen: 3, meldingen_vb: 1, vb_binnen_termijn: 1, nog_niet_beoordeeld: 2 });
    expect(await regio('2024-Q1')).toMatchObject({ meldingen: 0, meldingen_vb: 2, vb_binnen_termijn: 1, vb_binnen_termijn_pct: 50 });
  });

  it('besluit distribution and overdracht na VB / na vervolgkeuze', async () => {
    await importeerRijen(ctx, [
      melding({ binnenkomst: '2019-02-01', vb: '2019-02-04', besluit: 'overdracht_melder' }),
      melding({ binnenkomst: '2019-02-01', vb: '2019-02-04', besluit: 'overdracht_lokaal_team' }),
      melding({ binnenkomst: '2019-02-01', vb: '2019-02-04', besluit: 'overdracht_betrokken_hulpverlening' }),
      melding({ binnenkomst: '2019-02-01', vb: '2019-02-04', besluit: 'regionaal_maatwerk' }),
      melding({ binnenkomst: '2019-02-01', vb: '2019-02-04', besluit: 'afsluiten_geen_vervolg' }),
      melding({
        binnenkomst: '2019-02-01',
        vb: '2019-02-04',
        besluit: 'vervolg_veilig_thuis',
        besluitVervolg: '2019-03-31',
        vervolg: 'overdracht',
        overdracht: '2019-03-31',
        overdrachtAan: 'lokaal_team',
      }),
      melding({ binnenkomst: '2019-02-01', vb: '2019-02-04', besluit: 'vervolg_veilig_thuis', besluitVervolg: '2019-04-01', vervolg: 'overdracht' }),
      melding({ binnenkomst: '2019-02-01', vb: '2019-02-04', besluit: 'vervolg_veilig_thuis', besluitVervolg: '2019-03-01', vervolg: 'onderzoek' }),
    ]);
    const q1 = await regio('2019-Q1');
    expect(q1.vb_besluit).toEqual({
      afsluiten_geen_vervolg: 1,
      overdracht_melder: 1,
      overdracht_lokaal_team: 1,
      overdracht_betrokken_hulpverlening: 1,
      vervolg_veilig_thuis: 3,
      regionaal_maatwerk: 1,
    });
    expect(q1).toMatchObject({ overdracht_na_vb: 3, overdracht_na_vervolgkeuze: 1 });
    expect(await regio('2019-Q2')).toMatchObject({ overdracht_na_vb: 0, overdracht_na_vervolgkeuze: 1 });
    // per ontvanger: Q1's went to the lokaal team, Q2's has no ontvanger (onbekend); all codes present
    expect(q1.overdracht_na_vervolgkeuze_aan).toMatchObject({ lokaal_team: 1, onbekend: 0, raad_kinderbescherming: 0 });
    expect((await regio('2019-Q2')).overdracht_na_vervolgkeuze_aan).toMatchObject({ lokaal_team: 0, onbekend: 1 });
  });
});

/** Onderzoek and V&V within 10 weken (70 days after the VB of 2019-01-10 is 2019-03-21). */
const vervolg = (soort: 'onderzoek' | 'vv', einde?: string, extra: Record<string, string> = {}) =>
  melding({
    binnenkomst: '2019-01-07',
    vb: '2019-01-10',
    besluit: 'vervolg_veilig_thuis',
    besluitVervolg: '2019-01-20',
    vervolg: soort === 'onderzoek' ? 'onderzoek' : 'voorwaarden_en_vervolg',
    ...(soort === 'onderzoek'
      ? { startOnderzoek: '2019-01-21', eindeOnderzoek: einde, uitkomst: einde ? 'bevestigd' : undefined }
      : { startVv: '2019-01-21', eindeVv: einde }),
    ...extra,
  });

describe('onderzoek en voorwaarden en vervolg', () => {
  it('ending on day 70 is on time, day 71 not; met monitoring; doorlooptijd', async () => {
    await importeerRijen(ctx, [
      vervolg('onderzoek', '2019-03-21', { monitoring: 'ja', overdracht: '2019-03-25', overdrachtAan: 'lokaal_team' }),
      vervolg('onderzoek', '2019-03-22'),
      vervolg('vv', '2019-03-21'),
      vervolg('vv', '2019-03-22', { monitoring: 'ja', overdracht: '2019-03-22', overdrachtAan: 'lokaal_team' }),
      vervolg('vv', '2019-04-30'),
    ]);
    const q1 = await regio('2019-Q1');
    expect(q1).toMatchObject({
      onderzoeken_afgerond: 2,
      onderzoeken_binnen_termijn: 1,
      onderzoeken_binnen_termijn_pct: 50,
      onderzoeken_met_monitoring: 1,
      vv_afgerond: 2,
      vv_binnen_termijn: 1,
      vv_binnen_termijn_pct: 50,
      vv_met_monitoring: 1,
    });
    expect(q1.doorlooptijd_onderzoek_dagen).toEqual({ mediaan: 70.5, p90: 71 });
    expect(await regio('2019-Q2')).toMatchObject({ vv_afgerond: 1, vv_binnen_termijn: 0, vv_binnen_termijn_pct: 0 });
  });
});

describe('doorstroom op de laatste dag van het kwartaal', () => {
  const rijen = () => [
    melding({ id: 'M1', binnenkomst: '2019-03-25' }), // no VB: 4 werkdagen on 31-3, open and overdue at 30-6
    melding({ id: 'M2', binnenkomst: '2019-03-20', vb: '2019-04-03' }), // 7 werkdagen open on 31-3
    melding({ id: 'M3', binnenkomst: '2019-03-29', vb: '2019-03-29' }),
    vervolg('onderzoek', undefined, { id: 'O3' }), // open, 80 days after the VB on 31-3
    melding({
      id: 'O4',
      binnenkomst: '2019-02-18',
      vb: '2019-02-20',
      besluit: 'vervolg_veilig_thuis',
      besluitVervolg: '2019-02-25',
      vervolg: 'onderzoek',
      startOnderzoek: '2019-03-01',
    }),
    vervolg('vv', undefined, { id: 'V1' }),
    melding({
      id: 'MON',
      binnenkomst: '2019-01-02',
      vb: '2019-01-03',
      overdracht: '2019-01-04',
      overdrachtAan: 'lokaal_team',
      monitoring: 'ja',
      eindeMonitoring: '2019-04-15',
    }),
  ];

  it('open and overdue VB, onderzoek and V&V; in monitoring', async () => {
    await importeerRijen(ctx, rijen());
    expect(await regio('2019-Q1')).toMatchObject({
      open_vb: 2,
      open_vb_over_termijn: 1,
      nog_niet_beoordeeld: 2,
      open_onderzoeken: 2,
      open_onderzoeken_over_termijn: 1,
      open_vv: 1,
      open_vv_over_termijn: 1,
      in_monitoring: 1,
    });
    expect(await regio('2019-Q2')).toMatchObject({
      open_vb: 1,
      open_vb_over_termijn: 1,
      open_onderzoeken: 2,
      open_onderzoeken_over_termijn: 2,
      open_vv: 1,
      in_monitoring: 0,
    });
  });

  it('a later export that ends an onderzoek moves it from open to afgerond', async () => {
    await importeerRijen(ctx, rijen());
    const tweede = await importeerRijen(ctx, [...rijen().filter((r) => r.registratie_id !== 'O3'), vervolg('onderzoek', '2019-05-10', { id: 'O3' })]);
    expect(tweede).toMatchObject({ nieuw: 0, gewijzigd: 1, ongewijzigd: 6 });
    expect(await regio('2019-Q1')).toMatchObject({ open_onderzoeken: 2, onderzoeken_afgerond: 0 });
    expect(await regio('2019-Q2')).toMatchObject({
      open_onderzoeken: 1,
      open_onderzoeken_over_termijn: 1,
      onderzoeken_afgerond: 1,
      onderzoeken_binnen_termijn: 0,
    });
  });
});

describe('groei and empty quarters', () => {
  it('a quarter with no data: zero counts, null percentages, null growth on a zero base', async () => {
    await importeerRijen(ctx, [melding({ binnenkomst: '2019-01-15', vb: '2019-01-16' }), melding({ binnenkomst: '2019-07-15', vb: '2019-07-16' })]);
    const q2 = await regio('2019-Q2');
    expect(q2).toMatchObject({ meldingen: 0, meldingen_vb: 0, vb_binnen_termijn_pct: null, onderzoeken_binnen_termijn_pct: null });
    expect(q2.doorlooptijd_vb_werkdagen).toEqual({ mediaan: null, p90: null });
    expect(q2.groei).toEqual({ meldingen_qoq: -100, adviezen_qoq: null, totaal_qoq: -100, meldingen_yoy: null, adviezen_yoy: null, totaal_yoy: null });
    expect((await regio('2019-Q3')).groei).toMatchObject({ meldingen_qoq: null, totaal_qoq: null });
  });

  it('reproduces the growth figures of the Hollands Midden report Q1 2019', async () => {
    const rijen = [];
    const aantallen: [string, number, number][] = [
      ['2018-02-15', 1180, 853],
      ['2018-11-15', 1374, 950],
      ['2019-02-15', 1527, 1195],
    ];
    for (const [datum, meldingen, adviezen] of aantallen) {
      for (let i = 0; i < meldingen; i++) rijen.push(melding({ binnenkomst: datum }));
      for (let i = 0; i < adviezen; i++) rijen.push(advies({ binnenkomst: datum }));
    }
    await importeerRijen(ctx, rijen);
    const q1 = await regio('2019-Q1');
    expect(q1).toMatchObject({ meldingen: 1527, adviezen: 1195 });
    expect(q1.groei).toEqual({ meldingen_yoy: 29.4, adviezen_yoy: 40.1, totaal_yoy: 33.9, meldingen_qoq: 11.1, adviezen_qoq: 25.8, totaal_qoq: 17.1 });
    const reeks = await indicatorReeks(ctx.db, ctx.regio, 'groei.meldingen_yoy', '2018-Q4', '2019-Q1');
    expect(reeks.reeks).toEqual([
      { kwartaal: '2018-Q4', waarde: null, voorlopig: false },
      { kwartaal: '2019-Q1', waarde: 29.4, voorlopig: false },
    ]);
  });
});
