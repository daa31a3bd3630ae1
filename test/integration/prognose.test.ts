import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';
import { prognoseVoorJaar } from '../../server/prognose/service.js';
import { leesHalfjaar } from '../../server/rapportage/periode.js';
import { maakRapportdiensten, perioderapportageModel } from '../../server/rapportage/service.js';
import { importeerRijen, testContext, type TestContext } from '../helpers/context.js';
import { melding } from '../helpers/registraties.js';
import { draaiOk } from '../helpers/proces.js';

/** `perMaand[i]` meldingen on the 15th of month i+1 of the year. */
const maanden = (jaar: number, perMaand: number[]) =>
  perMaand.flatMap((n, i) => Array.from({ length: n }, () => melding({ binnenkomst: `${jaar}-${String(i + 1).padStart(2, '0')}-15` })));

// 2024: 30 of 90 by 30 June (1/3); 2025: 60 of 120 (1/2); 2026: 42 by 30 June
const RIJEN = [
  ...maanden(2024, [5, 5, 5, 5, 5, 5, 10, 10, 10, 10, 10, 10]),
  ...maanden(2025, Array(12).fill(10) as number[]),
  ...maanden(2026, [7, 7, 7, 7, 7, 7]),
];

describe('prognose on hand-made registrations', () => {
  let ctx: TestContext;
  let regioBestand: string;
  beforeAll(async () => {
    const regio = JSON.parse(readFileSync(projectPath('config', 'regio', 'gelderland-zuid.json'), 'utf8')) as Record<string, unknown>;
    regio.scenarios = {
      bron: 'test',
      voorbeeld: true,
      basisjaar: 2024,
      basis: { meldingen: null, adviezen: 200 },
      groei: { laag: 0, midden: 10, hoog: { 2025: 20, 2026: 50 } },
      gekozen: 'hoog',
    };
    regioBestand = join(mkdtempSync(join(tmpdir(), 'vt-regio-')), 'regio.json');
    writeFileSync(regioBestand, JSON.stringify(regio));
    ctx = await testContext('2026-07-01', { REGIO_BESTAND: regioBestand });
    await importeerRijen(ctx, RIJEN);
  });
  afterAll(async () => ctx?.close());

  it('is exact: 42 / mean share 5/12 = 100.8, ± the one backtest error (+50%), counts rounded to 5; scenarios from the region file', async () => {
    const p = await prognoseVoorJaar(ctx.db, ctx.regio, 2026, ctx.vandaag());
    expect(Object.keys(p)).toEqual(['jaar', 'meldingen', 'adviezen', 'fte', 'scenarios', 'methode', 'backtest']);
    // the last day with a registration (before yesterday)
    expect(p.methode.peildatum).toBe('2026-06-15');
    expect(p.methode.referentiejaren).toEqual([2024, 2025]);
    // 100.8 → 100; 100.8 / 1.5 = 67.2 → 65; 100.8 / 0.5 = 201.6 → 200; observed 42 → 40
    expect(p.meldingen).toEqual({ waargenomen: 40, verwacht: 100, ondergrens: 65, bovengrens: 200 });
    expect(p.backtest.meldingen).toEqual([{ jaar: 2025, peildatum: '2025-06-15', verwacht: 180, gerealiseerd: 120, relatieve_fout_pct: 50 }]);
    expect(p.adviezen).toEqual({ waargenomen: 0, verwacht: null, ondergrens: null, bovengrens: null });
    // base meldingen from the registrations of 2024 (90), adviezen configured (200)
    expect(p.scenarios).toMatchObject({
      laag: { meldingen: 90, adviezen: 200 },
      midden: { meldingen: 110, adviezen: 240 },
      hoog: { meldingen: 160, adviezen: 360 },
      gekozen: 'hoog',
      voorbeeld: true,
      basisjaar: 2024,
    });
    expect(p.fte).toEqual({ huidig: null, nodig: null, meldingen_per_fte: null, reden: 'geen gerealiseerde formatie in de 12 maanden tot de peildatum' });
  });

  it('the half-year report has the chapter, with the forecast as on the last day of the period', async () => {
    const d = maakRapportdiensten({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag, normen: { vb: 90, onderzoek: 80, vv: 80 } });
    const model = await perioderapportageModel(d, leesHalfjaar('2025-H1'));
    const h = model.hoofdstukken.find((x) => x.id === 'h-prognose')!;
    expect(model.hoofdstukken.at(-1)!.sectie).toBe('gemeenten');
    expect(h.zinnen[0]).toContain('geen norm of doel');
    // as on 30 June 2025 with 2024 as the only pattern: 60 / (1/3) = 180 (the backtest figure above)
    expect(h.zinnen[1]).toBe('Tot en met 30 juni 2025 kwamen 60 meldingen binnen; verwacht voor 2025: 180 (80%-interval . tot .).');
    expect(h.blokken.map((b) => b.soort)).toEqual(['figuur', 'tabel', 'figuur', 'tabel', 'figuur', 'tabel']);
  });

  it('no leak: registrations dated after the peildatum do not change the forecast', async () => {
    // a registration today: the peildatum becomes yesterday, 30 June
    await importeerRijen(ctx, [melding({ binnenkomst: '2026-07-01' })]);
    const voor = await prognoseVoorJaar(ctx.db, ctx.regio, 2026, ctx.vandaag());
    expect(voor.methode.peildatum).toBe('2026-06-30');
    expect(voor.meldingen.verwacht).toBe(100);
    await importeerRijen(ctx, [...Array.from({ length: 25 }, () => melding({ binnenkomst: '2026-07-01' }))]);
    expect(await prognoseVoorJaar(ctx.db, ctx.regio, 2026, ctx.vandaag())).toEqual(voor);
  });

  it('npx vt-monitor prognose --jaar 2026 --json prints exactly the documented keys', async () => {
    const env = { ...process.env, DATABASE_URL: ctx.databaseUrl, REGIO_BESTAND: regioBestand, LOG_LEVEL: 'silent' };
    const json = JSON.parse(await draaiOk('node', ['bin/vt-monitor.js', 'prognose', '--jaar', '2026', '--json'], { env })) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(json)).toEqual(['jaar', 'meldingen', 'adviezen', 'fte', 'scenarios', 'methode', 'backtest']);
    expect(Object.keys(json.meldingen!)).toEqual(['waargenomen', 'verwacht', 'ondergrens', 'bovengrens']);
    expect(Object.keys(json.adviezen!)).toEqual(['waargenomen', 'verwacht', 'ondergrens', 'bovengrens']);
    expect(Object.keys(json.fte!)).toEqual(expect.arrayContaining(['huidig', 'nodig']));
    expect(Object.keys(json.scenarios!)).toEqual(expect.arrayContaining(['laag', 'midden', 'hoog']));
    expect(json.backtest!.meldingen).toHaveLength(1);
  });
});
