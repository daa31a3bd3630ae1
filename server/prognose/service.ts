import { telDagenOp } from '../calendar/dates.js';
import { eersteDag } from '../calendar/kwartaal.js';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import { metTotaal } from '../financien/compute.js';
import { leesFormatie } from '../financien/repository.js';
import { leesBereik } from '../indicatoren/service.js';
import { leesBeleid } from '../privacy/instellingen.js';
import { rondAf } from '../privacy/onderdrukking.js';
import { prognoseGrafiek, scenarioGrafiek } from '../charts/prognose.js';
import type { Grafiek } from '../charts/grafiek.js';
import { afronden } from '../shared/getallen.js';
import { rondVoorspelling, scenarioPad, voorspel, type Dagreeks, type ScenarioNaam, type Voorspelling } from './compute.js';
import { leesDagreeksen } from './repository.js';

export const METHODE =
  'Het deel van het jaar na de peildatum volgt uit het seizoenspatroon van eerdere complete jaren: ' +
  'verwacht = waargenomen / het gemiddelde aandeel van hun jaartotaal dat die jaren op dezelfde dag bereikt hadden. ' +
  ('Het 80%-interval komt uit de relatieve fouten van dezelfde methode op de eerdere jaren (backtest, ' +
    'elk jaar vanaf zijn eigen peildatum met alleen gegevens tot die dag). ') +
  'Geen norm of doel.';

type Soort = 'meldingen' | 'adviezen';

export interface PrognoseJson {
  jaar: number;
  meldingen: { waargenomen: number; verwacht: number | null; ondergrens: number | null; bovengrens: number | null };
  adviezen: PrognoseJson['meldingen'];
  fte: { huidig: number | null; nodig: number | null; meldingen_per_fte: number | null; reden: string | null };
  scenarios: Record<ScenarioNaam, { meldingen: number | null; adviezen: number | null } | null> & {
    gekozen: ScenarioNaam | null;
    bron: string | null;
    voorbeeld: boolean | null;
    basisjaar: number | null;
  };
  methode: { beschrijving: string; peildatum: string; referentiejaren: number[]; interval: Record<Soort, string> };
  backtest: Record<Soort, ReturnType<typeof rondVoorspelling>['backtest']> & { gemiddelde_absolute_fout_pct: Record<Soort, number | null> };
}

const jaarSom = (reeks: Dagreeks, jaar: number) => {
  let s = 0;
  for (const [d, n] of reeks) if (d.startsWith(`${jaar}-`)) s += n;
  return s;
};

/**
 * The peildatum: the last day certainly complete — yesterday, and never after the last day with a
 * registration in the database; for a year that has ended, its last day.
 */
export function peildatumVoor(jaar: number, vandaag: string, laatsteDataDag: string | null): string {
  const gisteren = telDagenOp(vandaag, -1);
  const pd = laatsteDataDag !== null && laatsteDataDag < gisteren ? laatsteDataDag : gisteren;
  return pd > `${jaar}-12-31` ? `${jaar}-12-31` : pd;
}

/** The instroom of each year from the base year to `tot` on the three paths (unrounded), and realised. */
export function scenarioReeks(regio: Regio, reeksen: Record<Soort, Dagreeks>, tot: number) {
  const s = regio.scenarios;
  if (!s) return null;
  const basis = (soort: Soort) => s.basis[soort] ?? jaarSom(reeksen[soort], s.basisjaar);
  const jaren: number[] = [];
  for (let j = s.basisjaar; j <= tot; j++) jaren.push(j);
  const pad = (soort: Soort, naam: ScenarioNaam) => jaren.map((j) => scenarioPad(basis(soort), s.basisjaar, s.groei[naam], j)!);
  return {
    jaren,
    meldingen: {
      laag: pad('meldingen', 'laag'),
      midden: pad('meldingen', 'midden'),
      hoog: pad('meldingen', 'hoog'),
      gerealiseerd: jaren.map((j) => jaarSom(reeksen.meldingen, j)),
    },
    adviezen: {
      laag: pad('adviezen', 'laag'),
      midden: pad('adviezen', 'midden'),
      hoog: pad('adviezen', 'hoog'),
      gerealiseerd: jaren.map((j) => jaarSom(reeksen.adviezen, j)),
    },
  };
}

/** `npx vt-monitor prognose --jaar 2026 --json`, the region and doorstroom pages and the reports all use this. */
export async function prognoseVoorJaar(
  db: Db,
  regio: Regio,
  jaar: number,
  vandaag: string,
  gelezen?: Awaited<ReturnType<typeof leesDagreeksen>>,
): Promise<PrognoseJson> {
  const data = gelezen ?? (await leesDagreeksen(db));
  const bereik = await leesBereik(db);
  const eerste = bereik ? eersteDag(bereik.van) : (data.eersteDag ?? `${jaar}-01-01`);
  const peildatum = peildatumVoor(jaar, vandaag, data.laatsteDag);
  const { grondtal } = await leesBeleid(db);
  const rond = (n: number) => rondAf(n, grondtal);
  const v: Record<Soort, Voorspelling> = {
    meldingen: voorspel(data.meldingen, jaar, peildatum, eerste),
    adviezen: voorspel(data.adviezen, jaar, peildatum, eerste),
  };
  const r = { meldingen: rondVoorspelling(v.meldingen, rond), adviezen: rondVoorspelling(v.adviezen, rond) };
  const punt = (x: typeof r.meldingen) => ({ waargenomen: x.waargenomen, verwacht: x.verwacht, ondergrens: x.ondergrens, bovengrens: x.bovengrens });
  const mae = (b: Voorspelling['backtest']) => (b.length === 0 ? null : afronden((b.reduce((s, x) => s + Math.abs(x.relatieve_fout), 0) / b.length) * 100, 1));
  const sr = scenarioReeks(regio, data, jaar);
  const inJaar = (soort: Soort, naam: ScenarioNaam) => {
    const pad = sr?.[soort][naam];
    return pad && sr!.jaren.includes(jaar) ? rond(pad[sr!.jaren.indexOf(jaar)]!) : null;
  };
  const scenario = (naam: ScenarioNaam) => (sr ? { meldingen: inJaar('meldingen', naam), adviezen: inJaar('adviezen', naam) } : null);
  return {
    jaar,
    meldingen: punt(r.meldingen),
    adviezen: punt(r.adviezen),
    fte: await fteVoor(db, data.meldingen, peildatum, v.meldingen.verwacht),
    scenarios: {
      laag: scenario('laag'),
      midden: scenario('midden'),
      hoog: scenario('hoog'),
      gekozen: regio.scenarios?.gekozen ?? null,
      bron: regio.scenarios?.bron ?? null,
      voorbeeld: regio.scenarios?.voorbeeld ?? null,
      basisjaar: regio.scenarios?.basisjaar ?? null,
    },
    methode: {
      beschrijving: METHODE,
      peildatum,
      referentiejaren: v.meldingen.referentiejaren,
      interval: { meldingen: v.meldingen.interval, adviezen: v.adviezen.interval },
    },
    backtest: {
      meldingen: r.meldingen.backtest,
      adviezen: r.adviezen.backtest,
      gemiddelde_absolute_fout_pct: { meldingen: mae(v.meldingen.backtest), adviezen: mae(v.adviezen.backtest) },
    },
  };
}

/**
 * fte: `huidig` = the last realised month up to the peildatum; `nodig` = expected meldingen /
 * (meldingen per fte over the 12 complete months up to the peildatum, at their mean realised fte).
 */
async function fteVoor(db: Db, meldingen: Dagreeks, peildatum: string, verwacht: number | null): Promise<PrognoseJson['fte']> {
  // the last complete month on the peildatum
  const laatsteMaand = telDagenOp(peildatum, 1).slice(8) === '01' ? peildatum.slice(0, 7) : telDagenOp(`${peildatum.slice(0, 7)}-01`, -1).slice(0, 7);
  const eersteMaand = telDagenOp(`${laatsteMaand}-01`, -334).slice(0, 7);
  const maanden = metTotaal(await leesFormatie(db, eersteMaand, laatsteMaand)).filter((m) => m.status === 'realisatie');
  if (maanden.length === 0)
    return { huidig: null, nodig: null, meldingen_per_fte: null, reden: 'geen gerealiseerde formatie in de 12 maanden tot de peildatum' };
  const huidig = maanden[maanden.length - 1]!.fte_totaal;
  const gemiddeld = maanden.reduce((s, m) => s + m.fte_totaal, 0) / maanden.length;
  // meldingen of the months with a realised formatie only, as a rate per year
  const metFormatie = new Set(maanden.map((m) => m.maand));
  let aantal = 0;
  for (const [d, n] of meldingen) if (metFormatie.has(d.slice(0, 7))) aantal += n;
  const perFte = gemiddeld === 0 ? null : (aantal * 12) / maanden.length / gemiddeld;
  if (perFte === null || perFte === 0 || verwacht === null)
    return {
      huidig,
      nodig: null,
      meldingen_per_fte: perFte === null ? null : afronden(perFte, 1),
      reden: verwacht === null ? 'geen prognose' : 'geen meldingen per fte',
    };
  return { huidig, nodig: afronden(verwacht / perFte, 1), meldingen_per_fte: afronden(perFte, 1), reden: null };
}

/** The region and doorstroom pages' charts: the forecast of `jaar` and, when configured, the scenario paths (all counts rounded). */
export async function prognoseGrafieken(db: Db, regio: Regio, jaar: number, vandaag: string): Promise<Grafiek[]> {
  return (await prognoseMetGrafieken(db, regio, jaar, vandaag)).grafieken;
}

export async function prognoseMetGrafieken(db: Db, regio: Regio, jaar: number, vandaag: string): Promise<{ prognose: PrognoseJson; grafieken: Grafiek[] }> {
  const data = await leesDagreeksen(db);
  const p = await prognoseVoorJaar(db, regio, jaar, vandaag, data);
  const uit = [prognoseGrafiek(jaar, p.methode.peildatum, p.meldingen, p.adviezen)];
  const s = regio.scenarios;
  if (!s || jaar < s.basisjaar) return { prognose: p, grafieken: uit };
  const sr = scenarioReeks(regio, data, jaar)!;
  const { grondtal } = await leesBeleid(db);
  const rond = (n: number) => rondAf(n, grondtal);
  const lopend = p.methode.peildatum < `${jaar}-12-31`;
  for (const soort of ['meldingen', 'adviezen'] as const) {
    const x = sr[soort];
    uit.push(
      scenarioGrafiek(
        soort,
        {
          jaren: sr.jaren,
          laag: x.laag.map(rond),
          midden: x.midden.map(rond),
          hoog: x.hoog.map(rond),
          gerealiseerd: x.gerealiseerd.map((n, i) => (lopend && i === sr.jaren.length - 1 ? p[soort].waargenomen : rond(n))),
          verwacht: p[soort].verwacht,
          lopend,
        },
        s.gekozen,
        s.bron,
        s.voorbeeld,
      ),
    );
  }
  return { prognose: p, grafieken: uit };
}
