import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indicatorenVoorKwartaal } from '../../server/indicatoren/service.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { advies, melding, type Kenmerken } from '../helpers/registraties.js';

/** Definitions 2027.1 ("Added in the second wave"): exact values on hand-made registrations, boundaries included. */
let ctx: TestContext;
beforeEach(async () => {
  ctx = await testContext();
});
afterEach(async () => {
  await ctx.close();
});

const data = (kwartaal: string) => indicatorenVoorKwartaal(ctx.db, ctx.regio, kwartaal);
const regio = async (kwartaal: string) => (await data(kwartaal)).regio;
/** a melding Veilig Thuis takes on after the VB */
const vt = (k: Kenmerken) => melding({ besluit: 'vervolg_veilig_thuis', ...k });
const ONTVANGERS_NUL = {
  lokaal_team: 0,
  betrokken_hulpverlening: 0,
  gecertificeerde_instelling: 0,
  raad_kinderbescherming: 0,
  melder: 0,
  clientsysteem: 0,
  politie_justitie: 0,
  overig: 0,
  onbekend: 0,
};

describe('overdracht per moment (§ 8 A–C)', () => {
  it('after onderzoek and after V&V in the quarter of datum_overdracht; na VB by the besluit; na vervolgkeuze by overdracht_aan', async () => {
    const onderzoek = {
      binnenkomst: '2024-01-10',
      vb: '2024-01-12',
      besluitVervolg: '2024-01-15',
      vervolg: 'onderzoek',
      startOnderzoek: '2024-01-16',
      eindeOnderzoek: '2024-03-20',
    };
    const vv = {
      binnenkomst: '2024-01-10',
      vb: '2024-01-12',
      besluitVervolg: '2024-01-15',
      vervolg: 'voorwaarden_en_vervolg',
      startVv: '2024-01-16',
      eindeVv: '2024-06-01',
    };
    await importeerRijen(ctx, [
      vt({ ...onderzoek, overdracht: '2024-04-01', overdrachtAan: 'lokaal_team' }), // first day of Q2
      vt({ ...onderzoek, overdracht: '2024-03-31', overdrachtAan: 'lokaal_team' }), // last day of Q1
      vt({ ...vv, gemeente: 'GM0281', overdracht: '2024-06-30', overdrachtAan: 'gecertificeerde_instelling' }), // last day of Q2
      vt({
        binnenkomst: '2024-04-01',
        vb: '2024-04-02',
        besluitVervolg: '2024-05-02',
        vervolg: 'overdracht',
        overdracht: '2024-05-03',
        overdrachtAan: 'lokaal_team',
      }),
      melding({ binnenkomst: '2024-04-08', vb: '2024-04-10', besluit: 'overdracht_melder' }),
      melding({ binnenkomst: '2024-04-08', vb: '2024-04-11', besluit: 'overdracht_lokaal_team', overdracht: '2024-04-11', overdrachtAan: 'lokaal_team' }),
    ]);
    const q2 = await data('2024-Q2');
    expect(q2.regio).toMatchObject({ overdracht_na_onderzoek: 1, overdracht_na_vv: 1, overdracht_na_vb: 2, overdracht_na_vervolgkeuze: 1 });
    expect(q2.regio.overdracht_per_moment).toEqual({
      na_vb: { ...ONTVANGERS_NUL, melder: 1, lokaal_team: 1 },
      na_vervolgkeuze: { ...ONTVANGERS_NUL, lokaal_team: 1 },
      na_onderzoek: { ...ONTVANGERS_NUL, lokaal_team: 1 },
      na_vv: { ...ONTVANGERS_NUL, gecertificeerde_instelling: 1 },
    });
    expect(q2.gemeenten.GM0281).toMatchObject({ overdracht_na_vv: 1, overdracht_na_onderzoek: 0 });
    expect(q2.gemeenten.GM0268).toMatchObject({ overdracht_na_vv: 0, overdracht_na_onderzoek: 1 });
    expect(await regio('2024-Q1')).toMatchObject({ overdracht_na_onderzoek: 1, overdracht_na_vv: 0 });
  });
});

describe('monitoring agreements (§ 7.1)', () => {
  it('expected after onderzoek unless weerlegd, always after V&V, never after overdracht to a GI', async () => {
    const o = (einde: string, uitkomst: string, monitoring: string, aan = 'lokaal_team', gemeente = 'GM0268') =>
      vt({
        gemeente,
        binnenkomst: '2024-01-02',
        vb: '2024-01-03',
        besluitVervolg: '2024-01-04',
        vervolg: 'onderzoek',
        startOnderzoek: '2024-01-05',
        eindeOnderzoek: einde,
        uitkomst,
        monitoring,
        overdracht: einde,
        overdrachtAan: aan,
      });
    const v = (einde: string, monitoring: string, aan = 'lokaal_team') =>
      vt({
        binnenkomst: '2024-01-02',
        vb: '2024-01-03',
        besluitVervolg: '2024-01-04',
        vervolg: 'voorwaarden_en_vervolg',
        startVv: '2024-01-05',
        eindeVv: einde,
        monitoring,
        overdracht: einde,
        overdrachtAan: aan,
      });
    await importeerRijen(ctx, [
      o('2024-04-01', 'bevestigd', 'ja', 'lokaal_team', 'GM0296'), // expected, conform
      o('2024-06-30', 'geen_oordeel', 'nee'), // expected, not conform
      o('2024-05-01', 'weerlegd', 'ja'), // a deviation: monitored although weerlegd
      o('2024-05-02', 'weerlegd', 'nee'), // as agreed: nothing
      o('2024-05-03', 'bevestigd', 'ja', 'gecertificeerde_instelling'), // a deviation: VT does not monitor after a GI
      o('2024-05-04', 'weerlegd', 'ja', 'gecertificeerde_instelling'), // a deviation under § 7.1 A and D: counts in both
      o('2024-03-31', 'bevestigd', 'ja'), // Q1
      v('2024-04-15', 'ja'),
      v('2024-04-16', 'nee'),
      v('2024-04-17', 'ja', 'gecertificeerde_instelling'),
      v('2024-04-18', 'nee', 'gecertificeerde_instelling'),
    ]);
    const q2 = await data('2024-Q2');
    expect(q2.regio).toMatchObject({
      onderzoeken_afgerond: 6,
      onderzoeken_met_monitoring: 4,
      onderzoeken_monitoring_verwacht: 2,
      onderzoeken_monitoring_conform: 1,
      onderzoeken_monitoring_pct: 50,
      vv_afgerond: 4,
      vv_monitoring_verwacht: 2,
      vv_monitoring_conform: 1,
      vv_monitoring_pct: 50,
      monitoring_na_weerlegd: 2,
      monitoring_na_overdracht_gi: 3,
    });
    expect(q2.gemeenten.GM0296).toMatchObject({ onderzoeken_monitoring_verwacht: 1, onderzoeken_monitoring_conform: 1, onderzoeken_monitoring_pct: 100 });
    expect(q2.gemeenten.GM0209).toMatchObject({ onderzoeken_monitoring_verwacht: 0, onderzoeken_monitoring_pct: null });
    expect(await regio('2024-Q1')).toMatchObject({ onderzoeken_monitoring_verwacht: 1, onderzoeken_monitoring_conform: 1 });
  });

  it('contacts at 3 and 12 months after datum_overdracht: due in the quarter, tijdig within one month either side', async () => {
    const m = (overdracht: string, c3: string, c12: string, monitoring = 'ja') =>
      melding({
        binnenkomst: '2023-12-01',
        vb: '2023-12-04',
        besluit: 'overdracht_lokaal_team',
        overdracht,
        overdrachtAan: 'lokaal_team',
        monitoring,
        datum_monitoring_3m: c3,
        datum_monitoring_12m: c12,
      });
    await importeerRijen(ctx, [
      // due 15 April 2024 (3m) and 15 January 2025 (12m); window 15 March – 15 May 2024, 15 December 2024 – 15 February 2025
      m('2024-01-15', '2024-03-15', '2025-02-15'), // both on the window's edge: tijdig
      m('2024-01-15', '2024-03-14', '2025-02-16'), // one day outside: not tijdig
      m('2024-01-15', '2024-05-15', ''), // 12m contact missing
      m('2024-01-15', '2024-05-16', '2024-12-15'),
      m('2024-01-15', '2024-04-15', '2025-01-15', 'nee'), // no monitoring: no contact due
      m('2023-12-31', '2024-03-31', ''), // 3m due 31 March 2024: Q1
      m('2024-11-30', '2025-03-28', ''), // 3m due 28 February 2025 (month end): window to 28 March
    ]);
    expect(await regio('2024-Q2')).toMatchObject({
      monitoring_3m_gepland: 4,
      monitoring_3m_tijdig: 2,
      monitoring_3m_pct: 50,
      monitoring_12m_gepland: 0,
      monitoring_12m_pct: null,
    });
    expect(await regio('2024-Q1')).toMatchObject({ monitoring_3m_gepland: 1, monitoring_3m_tijdig: 1, monitoring_3m_pct: 100 });
    expect(await regio('2025-Q1')).toMatchObject({
      monitoring_3m_gepland: 1,
      monitoring_3m_tijdig: 1,
      monitoring_12m_gepland: 4,
      monitoring_12m_tijdig: 2,
      monitoring_12m_pct: 50,
    });
  });
});

describe('wachtlijst on the last day of the quarter', () => {
  it('waiting for the vervolgkeuze (since the VB) and for the start of an onderzoek or V&V (since the besluit vervolg), with ages', async () => {
    await importeerRijen(ctx, [
      vt({ binnenkomst: '2024-06-28', vb: '2024-06-30' }), // VB on the last day: waits, age 0
      vt({ binnenkomst: '2024-06-05', vb: '2024-06-10', besluitVervolg: '2024-07-01', vervolg: 'onderzoek' }), // age 20; in Q3 waits for the start
      // chosen on the last day: waits for the start, age 0
      vt({ binnenkomst: '2024-04-29', vb: '2024-05-01', besluitVervolg: '2024-06-30', vervolg: 'onderzoek' }),
      // started on the last day
      vt({ binnenkomst: '2024-04-01', vb: '2024-04-01', besluitVervolg: '2024-06-01', vervolg: 'onderzoek', startOnderzoek: '2024-06-30' }),
      vt({ binnenkomst: '2024-04-01', vb: '2024-04-02', besluitVervolg: '2024-06-20', vervolg: 'voorwaarden_en_vervolg' }), // age 10
      vt({ binnenkomst: '2024-04-01', vb: '2024-04-03', besluitVervolg: '2024-06-10', vervolg: 'voorwaarden_en_vervolg', startVv: '2024-07-05' }), // age 20
    ]);
    const q2 = await regio('2024-Q2');
    expect(q2).toMatchObject({ wacht_op_vervolgkeuze: 2, wacht_op_start_onderzoek: 1, wacht_op_start_vv: 2 });
    expect(q2.wacht_dagen).toEqual({
      wacht_op_vervolgkeuze: { mediaan: 10, max: 20 },
      wacht_op_start_onderzoek: { mediaan: 0, max: 0 },
      wacht_op_start_vv: { mediaan: 15, max: 20 },
    });
    const q3 = await regio('2024-Q3'); // 30 September 2024
    expect(q3).toMatchObject({ wacht_op_vervolgkeuze: 1, wacht_op_start_onderzoek: 2, wacht_op_start_vv: 1 });
    expect(q3.wacht_dagen).toEqual({
      wacht_op_vervolgkeuze: { mediaan: 92, max: 92 },
      wacht_op_start_onderzoek: { mediaan: 91.5, max: 92 },
      wacht_op_start_vv: { mediaan: 102, max: 102 },
    });
  });
});

describe('start of an onderzoek within 5 days (Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 1)', () => {
  it('the 5th calendar day after the besluit vervolg is on time, the 6th not; counted in the quarter of the start', async () => {
    const s = (besluitVervolg: string, startOnderzoek: string) =>
      vt({ binnenkomst: '2024-03-20', vb: '2024-03-22', besluitVervolg, vervolg: 'onderzoek', startOnderzoek });
    await importeerRijen(ctx, [s('2024-04-01', '2024-04-06'), s('2024-04-01', '2024-04-07'), s('2024-03-29', '2024-04-01'), s('2024-03-25', '2024-03-30')]);
    expect(await regio('2024-Q2')).toMatchObject({ onderzoeken_gestart: 3, onderzoeken_gestart_binnen_termijn: 2, onderzoeken_gestart_pct: 66.7 });
    expect(await regio('2024-Q1')).toMatchObject({ onderzoeken_gestart: 1, onderzoeken_gestart_binnen_termijn: 1, onderzoeken_gestart_pct: 100 });
    expect(await regio('2023-Q4').catch(() => null)).toBeNull(); // no data before 2024
  });
});

describe('spoed, aard van het geweld, kanaal (received in the quarter)', () => {
  it('spoed meldingen and those with the VB on the day of binnenkomst; all codes and onbekend', async () => {
    await importeerRijen(ctx, [
      melding({ binnenkomst: '2024-04-05', vb: '2024-04-05', spoed: 'ja', aard_geweld: 'partnergeweld' }),
      melding({ binnenkomst: '2024-04-05', vb: '2024-04-06', spoed: 'ja', aard_geweld: 'kindermishandeling' }),
      melding({ binnenkomst: '2024-04-05', spoed: 'ja' }),
      melding({ binnenkomst: '2024-04-05', vb: '2024-04-05', spoed: 'nee' }),
      melding({ binnenkomst: '2024-03-31', vb: '2024-03-31', spoed: 'ja', gemeente: 'GM0281' }),
      advies({ binnenkomst: '2024-04-02', kanaal: 'telefoon', aard_geweld: 'ouderenmishandeling' }),
      advies({ binnenkomst: '2024-04-03', kanaal: 'corv' }),
      advies({ binnenkomst: '2024-06-30' }),
    ]);
    const q2 = await regio('2024-Q2');
    expect(q2).toMatchObject({ meldingen_spoed: 3, spoed_vb_zelfde_dag: 1 });
    const aardNul = {
      kindermishandeling: 0,
      partnergeweld: 0,
      ex_partnergeweld: 0,
      ouderenmishandeling: 0,
      eergerelateerd: 0,
      overig_huiselijk_geweld: 0,
      onbekend: 0,
    };
    expect(q2.meldingen_per_aard_geweld).toEqual({ ...aardNul, partnergeweld: 1, kindermishandeling: 1, onbekend: 2 });
    expect(q2.adviezen_per_aard_geweld).toEqual({ ...aardNul, ouderenmishandeling: 1, onbekend: 2 });
    expect(q2.adviezen_per_kanaal).toEqual({ telefoon: 1, mail: 0, chat: 0, op_locatie: 0, meldformulier: 0, corv: 1, onbekend: 1 });
    const q1 = await data('2024-Q1');
    expect(q1.gemeenten.GM0281).toMatchObject({ meldingen_spoed: 1, spoed_vb_zelfde_dag: 1 });
    expect(q1.regio).toMatchObject({ meldingen_spoed: 1, spoed_vb_zelfde_dag: 1 });
  });
});

describe("overige zorgmeldingen from the region's overige_zorgmelding_vanaf (Gelderland-Zuid: 1 April 2021)", () => {
  it('a politie advies of 31 March 2021 is an advies; of 1 April 2021 an overige zorgmelding', async () => {
    await importeerRijen(ctx, [
      advies({ binnenkomst: '2021-03-31' }),
      advies({ binnenkomst: '2021-04-01' }),
      advies({ binnenkomst: '2021-04-02', melder: 'niet_professional' }),
    ]);
    expect(await regio('2021-Q1')).toMatchObject({ adviezen: 1, adviezen_overige_zorgmelding: 0 });
    expect(await regio('2021-Q2')).toMatchObject({ adviezen: 2, adviezen_overige_zorgmelding: 1 });
  });
});
