import { telKwartalenOp, kwartaalKort, kwartaalVoluit, laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import { markeerVoorlopig, type Grafiek } from '../charts/grafiek.js';
import { doorlooptijden, leeftijdOpenWerk, openWerk } from '../charts/doorstroom.js';
import { gemeenteVsRegio, overdrachtLokaalTeam } from '../charts/gemeente.js';
import { instroomPerKwartaal, perBeroepsgroep, perGemeente, perMelder } from '../charts/instroom.js';
import { vbBesluiten, vbPerWeek, vbTijdigheid } from '../charts/veiligheidsbeoordeling.js';
import { aardGeweld, monitoringAfspraken, monitoringAfwijkingen, overdrachtPerMoment, spoed, wachtlijst, wachttijden } from '../charts/monitoring.js';
import { gebiedNaam, type Regio } from '../config/regio.js';
import { kaartCijfer, regioKaart, type KaartCijferId } from '../charts/kaart.js';
import { laadKaart } from '../config/kaartbestand.js';
import type { Db } from '../db/connection.js';
import { REGIO } from '../indicatoren/gebieden.js';
import { bevolkingsjaarVan, inwonersVan } from '../privacy/service.js';
import { getal, leesKeuze, leesPaneel, waarden, type Bescherm, type Keuze, type Paneel, type Periode, type Waarden } from '../indicatoren/paneel.js';
import type { IndicatorSleutel } from '../indicatoren/catalogus.js';
import { maakTegels, type Tegel } from './tegels.js';
import { instroomReeks, overdrachtLokaalTeamReeks, tijdigheidReeks, type WaardenVan } from '../charts/reeksen.js';
import { prognoseGrafieken } from '../prognose/service.js';

/** The page service of the dashboards: what a page route calls (the choice of quarter and period, the page models). */
export { PERIODES, type Keuze, type Periode } from '../indicatoren/paneel.js';

/** The quarter and period a page shows (kwartaal default: the last complete quarter; periode: quarters in the trend charts). */
export function leesPaginakeuze(db: Db, gevraagd: { kwartaal?: Kwartaal; periode?: Periode }, vandaag: string): Promise<Keuze> {
  return leesKeuze(db, gevraagd, vandaag);
}

export interface Normen {
  vb: number;
  onderzoek: number;
  vv: number;
}

export interface PaginaModel {
  titel: string;
  kwartaal: Kwartaal;
  kwartaalLabel: string;
  tegels: Tegel[];
  grafieken: Grafiek[];
  /** the section "Monitoring" (samenwerkingsafspraken § 7.1): agreements met, deviations, contacts */
  monitoring: Grafiek[];
  /** the section "Prognose en scenario's" (region and doorstroom pages): the year ahead, no target */
  prognose?: Grafiek[];
  /** the region on a map (region and gemeente pages; absent without a map file for the region) */
  kaart?: Grafiek;
}

/**
 * The map of a page: every gemeente in `zichtbaar` coloured by its published figure, the others
 * (a gemeente page: all but its own) only as outline, without their values ever being read.
 */
function paginaKaart(
  bron: Bron,
  keuze: Keuze,
  paneel: Paneel,
  zichtbaar: Set<string>,
  cijfer: KaartCijferId | undefined,
  gemarkeerd?: string,
): Grafiek | undefined {
  const kaart = laadKaart(bron.regio);
  if (!kaart) return undefined;
  const inwoners = inwonersVan(bron.regio);
  const g = regioKaart({
    kaart: kaart.kaart,
    kaartNaam: kaart.naam,
    regioNaam: bron.regio.naam,
    gemeenten: bron.regio.gemeenten.map((x) => ({
      code: x.code,
      naam: x.naam,
      waarden: zichtbaar.has(x.code) ? waarden(paneel, keuze.kwartaal, x.code) : null,
      inwonersBekend: inwoners(x.code, keuze.kwartaal) !== null,
    })),
    cijfer: kaartCijfer(cijfer),
    kwartaal: keuze.kwartaal,
    beschermd: bron.bescherm !== undefined,
    gemarkeerd,
    metLinks: gemarkeerd === undefined,
    bevolking: bevolkingsjaarVan(bron.regio)(keuze.kwartaal),
  });
  return metVoorlopig([g], [keuze.kwartaal], bron.vandaag)[0];
}

/** The year the forecast is for: the last year with data. */
const prognoseJaar = (keuze: Keuze) => Number(keuze.bereik.tot.slice(0, 4));

/** The Monitoring section of a page: its charts over the trend quarters of one gebied. */
function monitoringSectie(paneel: Paneel, keuze: Keuze, gebied: string, naam: string): Grafiek[] {
  const reeks = keuze.trend.map((k) => ({ kwartaal: k, w: waarden(paneel, k, gebied) }));
  return [monitoringAfspraken(reeks, naam), monitoringAfwijkingen(reeks, naam)];
}

export interface Bron {
  db: Db;
  regio: Regio;
  normen: Normen;
  /** protection of small numbers, for what a gemeente user sees */
  bescherm?: Bescherm;
  /** today, for the provisional (running) quarter */
  vandaag?: string;
}

/** Every chart of a page or report: the running quarter's labels get `*` (voorlopig). */
export function metVoorlopig(grafieken: Grafiek[], kwartalen: Kwartaal[], vandaag: string | undefined): Grafiek[] {
  const lopend = vandaag === undefined ? [] : kwartalen.filter((k) => laatsteDag(k) > vandaag).map(kwartaalKort);
  return grafieken.map((g) => markeerVoorlopig(g, lopend));
}

const tegelOpties = (bron: Bron) => ({ beschermd: bron.bescherm !== undefined, vandaag: bron.vandaag });

const obj = (w: Waarden, key: IndicatorSleutel) => (w[key] ?? {}) as Record<string, number>;

function trendKwartalen(keuze: Keuze): Kwartaal[] {
  const extra = [telKwartalenOp(keuze.kwartaal, -1), telKwartalenOp(keuze.kwartaal, -4)];
  return [...new Set([...keuze.trend, ...extra])];
}

const reeksVan =
  (paneel: Paneel, gebied: string): WaardenVan =>
  (k) =>
    waarden(paneel, k, gebied);

export async function regioPagina(bron: Bron, keuze: Keuze, kaartcijfer?: KaartCijferId): Promise<PaginaModel> {
  const { kwartaal } = keuze;
  const gemeenten = bron.regio.gemeenten;
  const paneel = await leesPaneel(bron.db, trendKwartalen(keuze), [REGIO, ...gemeenten.map((g) => g.code)], bron.bescherm);
  const nu = waarden(paneel, kwartaal, REGIO);
  const label = kwartaalKort(kwartaal);
  const perGem = (modus: 'aantal' | 'per1000') =>
    gemeenten.map((g) => {
      const w = waarden(paneel, kwartaal, g.code);
      const bronW = modus === 'aantal' ? w : ((w.per_1000_inwoners ?? {}) as Waarden);
      return { code: g.code, naam: g.naam, adviezen: getal(bronW, 'adviezen'), meldingen: getal(bronW, 'meldingen') };
    });
  return {
    titel: `Regio ${bron.regio.naam}`,
    kwartaal,
    kwartaalLabel: kwartaalVoluit(kwartaal),
    tegels: maakTegels(paneel, kwartaal, REGIO, bron.normen, tegelOpties(bron)),
    grafieken: metVoorlopig(
      [
        instroomPerKwartaal(instroomReeks(keuze.trend, reeksVan(paneel, REGIO)), 'regio'),
        perGemeente(perGem('aantal'), 'aantal', kwartaal),
        perGemeente(perGem('per1000'), 'per1000', kwartaal, bevolkingsjaarVan(bron.regio)(kwartaal)),
        perMelder(obj(nu, 'meldingen_per_melder'), label),
        perBeroepsgroep(obj(nu, 'meldingen_per_beroepsgroep'), label),
        vbBesluiten(obj(nu, 'vb_besluit'), label),
        vbTijdigheid(tijdigheidReeks(keuze.trend, reeksVan(paneel, REGIO)), bron.normen.vb, 'regio'),
        overdrachtPerMoment(nu.overdracht_per_moment, label),
        aardGeweld(nu.meldingen_per_aard_geweld, nu.adviezen_per_aard_geweld, label),
        spoed(
          keuze.trend.map((k) => ({ kwartaal: k, w: waarden(paneel, k, REGIO) })),
          'regio',
        ),
      ],
      keuze.trend,
      bron.vandaag,
    ),
    monitoring: metVoorlopig(monitoringSectie(paneel, keuze, REGIO, 'regio'), keuze.trend, bron.vandaag),
    prognose: await prognoseGrafieken(bron.db, bron.regio, prognoseJaar(keuze), bron.vandaag ?? '9999-12-31'),
    kaart: paginaKaart(bron, keuze, paneel, new Set(gemeenten.map((g) => g.code)), kaartcijfer),
  };
}

export async function gemeentePagina(bron: Bron, keuze: Keuze, code: string, kaartcijfer?: KaartCijferId): Promise<PaginaModel> {
  const { kwartaal } = keuze;
  const naam = gebiedNaam(bron.regio, code);
  const paneel = await leesPaneel(bron.db, trendKwartalen(keuze), [REGIO, code], bron.bescherm);
  const nu = waarden(paneel, kwartaal, code);
  const label = `${naam}, ${kwartaalKort(kwartaal)}`;
  return {
    titel: `Gemeente ${naam}`,
    kwartaal,
    kwartaalLabel: kwartaalVoluit(kwartaal),
    tegels: maakTegels(paneel, kwartaal, code, bron.normen, tegelOpties(bron)),
    grafieken: metVoorlopig(
      [
        gemeenteVsRegio(
          obj(nu, 'per_1000_inwoners'),
          obj(waarden(paneel, kwartaal, REGIO), 'per_1000_inwoners'),
          naam,
          kwartaal,
          bevolkingsjaarVan(bron.regio)(kwartaal),
        ),
        instroomPerKwartaal(instroomReeks(keuze.trend, reeksVan(paneel, code)), naam),
        overdrachtLokaalTeam(overdrachtLokaalTeamReeks(keuze.trend, reeksVan(paneel, code)), naam),
        perMelder(obj(nu, 'meldingen_per_melder'), label),
        vbBesluiten(obj(nu, 'vb_besluit'), label),
        vbTijdigheid(tijdigheidReeks(keuze.trend, reeksVan(paneel, code)), bron.normen.vb, naam),
        overdrachtPerMoment(nu.overdracht_per_moment, label),
        aardGeweld(nu.meldingen_per_aard_geweld, nu.adviezen_per_aard_geweld, label),
        spoed(
          keuze.trend.map((k) => ({ kwartaal: k, w: waarden(paneel, k, code) })),
          naam,
        ),
      ],
      keuze.trend,
      bron.vandaag,
    ),
    monitoring: metVoorlopig(monitoringSectie(paneel, keuze, code, naam), keuze.trend, bron.vandaag),
    // the page reads only this gemeente and the region: the other gemeenten are outlines
    kaart: paginaKaart(bron, keuze, paneel, new Set([code]), kaartcijfer, code),
  };
}

export async function doorstroomPagina(bron: Bron, keuze: Keuze): Promise<PaginaModel> {
  const { kwartaal } = keuze;
  const paneel = await leesPaneel(bron.db, trendKwartalen(keuze), [REGIO], bron.bescherm);
  const nu = waarden(paneel, kwartaal, REGIO);
  const reeks = keuze.trend.map((k) => ({ kwartaal: k, w: waarden(paneel, k, REGIO) }));
  const mp = (w: Waarden, key: IndicatorSleutel) => (w[key] ?? null) as { mediaan: number | null; p90: number | null } | null;
  return {
    titel: 'Doorstroom',
    kwartaal,
    kwartaalLabel: kwartaalVoluit(kwartaal),
    tegels: [],
    grafieken: metVoorlopig(
      [
        openWerk(
          reeks.map(({ kwartaal: k, w }) => ({
            kwartaal: k,
            open_vb: getal(w, 'open_vb'),
            open_vb_over_termijn: getal(w, 'open_vb_over_termijn'),
            open_onderzoeken: getal(w, 'open_onderzoeken'),
            open_onderzoeken_over_termijn: getal(w, 'open_onderzoeken_over_termijn'),
            open_vv: getal(w, 'open_vv'),
            open_vv_over_termijn: getal(w, 'open_vv_over_termijn'),
          })),
        ),
        vbPerWeek((nu.vb_per_week ?? []) as Parameters<typeof vbPerWeek>[0], bron.normen.vb, kwartaal),
        leeftijdOpenWerk((nu.leeftijd_open_werk ?? { vb: {}, onderzoek: {}, vv: {} }) as Parameters<typeof leeftijdOpenWerk>[0], kwartaal),
        doorlooptijden(
          reeks.map(({ kwartaal: k, w }) => ({ kwartaal: k, vb: mp(w, 'doorlooptijd_vb_werkdagen'), onderzoek: null, vv: null })),
          'vb',
        ),
        doorlooptijden(
          reeks.map(({ kwartaal: k, w }) => ({ kwartaal: k, vb: null, onderzoek: mp(w, 'doorlooptijd_onderzoek_dagen'), vv: mp(w, 'doorlooptijd_vv_dagen') })),
          'tienweken',
        ),
        wachtlijst(reeks),
        wachttijden(nu, kwartaal),
        overdrachtPerMoment(nu.overdracht_per_moment, `regio, ${kwartaalKort(kwartaal)}`),
      ],
      keuze.trend,
      bron.vandaag,
    ),
    monitoring: metVoorlopig(monitoringSectie(paneel, keuze, REGIO, 'regio'), keuze.trend, bron.vandaag),
    prognose: (await prognoseGrafieken(bron.db, bron.regio, prognoseJaar(keuze), bron.vandaag ?? '9999-12-31')).slice(0, 1),
  };
}
