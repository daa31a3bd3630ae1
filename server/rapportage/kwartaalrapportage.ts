import { kaartFiguur } from './kaart-figuur.js';
import { kwartaalKort, kwartaalVoluit, laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import { instroomPerKwartaal, perBeroepsgroep, perGemeente, perMelder } from '../charts/instroom.js';
import { overdrachtNaVb, overdrachtPerOntvanger } from '../charts/overdracht.js';
import { ANKER_TWEEDE_GOLF, overdrachtPerMoment } from '../charts/monitoring.js';
import { vbBesluiten, vbPerWeek, vbTijdigheid } from '../charts/veiligheidsbeoordeling.js';
import { afgerondPerKwartaal } from '../charts/vervolg.js';
import { BUITEN_REGIO, ONBEKEND, gebiedNaam, type Regio } from '../config/regio.js';
import { getal, waarden, type Waarden } from '../indicatoren/paneel.js';
import type { IndicatorSleutel } from '../indicatoren/catalogus.js';
import type { Normen } from '../dashboard/service.js';
import { maakTegels } from '../dashboard/tegels.js';
import { REGIO } from '../indicatoren/gebieden.js';
import { formatteerDatum, formatteerGetal, formatteerPercentage } from '../shared/formaat.js';
import { afronden } from '../shared/getallen.js';
import type { RapportInvoer } from './invoer.js';
import { cel, duidingModel, markeerRapportVoorlopig, Nummering, type Hoofdstuk, type RapportModel, type RapportTabel } from './model.js';
import { doorstroomPerFteGrafiek, formatiePerMaand } from '../charts/financien.js';
import { FINANCIEN_KOLOMMEN_TABEL, financienTabel } from '../financien/tabel.js';
import { instroomZinnen, openWerkZin, overdrachtZin, resultaatZin, termijnZin } from './zinnen.js';

/** The report's sections that carry a duiding, in order (the keys are stored with the text). */
export const SECTIES = [
  { sectie: 'voorlegger', titel: 'Voorlegger' },
  { sectie: 'samenvatting', titel: 'Samenvatting' },
  { sectie: 'instroom', titel: 'Advies en meldingen' },
  { sectie: 'veiligheidsbeoordeling', titel: 'Veiligheidsbeoordeling' },
  { sectie: 'vervolg', titel: 'Voorwaarden en vervolg en onderzoek' },
  { sectie: 'overdracht', titel: 'Overdracht en monitoring' },
  { sectie: 'financien', titel: 'Financiën en formatie' },
  { sectie: 'gemeenten', titel: 'Bijlage: cijfers per gemeente' },
] as const;

export type Sectie = (typeof SECTIES)[number]['sectie'];

const obj = (w: Waarden, key: IndicatorSleutel) => (w[key] ?? {}) as Record<string, number>;
const n = (w: Waarden, key: IndicatorSleutel) => getal(w, key) ?? 0;

/** "1 : 2,3": afgeronde V&V per afgerond onderzoek; null without onderzoeken. */
export function verhoudingOnderzoekVv(onderzoeken: number, vv: number): string | null {
  return onderzoeken === 0 ? null : `1 : ${formatteerGetal(afronden(vv / onderzoeken, 1), 1)}`;
}

interface Context {
  invoer: RapportInvoer;
  regio: Regio;
  normen: Normen;
  nr: Nummering;
}

const w = (c: Context, k: Kwartaal, gebied = REGIO) => waarden(c.invoer.paneel, k, gebied);

function hoofdstuk(c: Context, sectie: Exclude<Sectie, 'voorlegger'>, zinnen: string[], blokken: Hoofdstuk['blokken']): Hoofdstuk {
  const titel = SECTIES.find((s) => s.sectie === sectie)!.titel;
  return { id: `h-${sectie}`, sectie, titel, zinnen, duiding: duidingModel(c.invoer.duidingen.get(sectie)), blokken };
}

/** A table with one row per indicator and one column per trend quarter. */
function kwartaalTabel(
  c: Context,
  id: string,
  titel: string,
  definitie: string,
  anker: string,
  rijen: { kop: string; waarde: (v: Waarden) => string }[],
): RapportTabel {
  return c.nr.tabel({
    id,
    titel,
    definitie,
    anker,
    kolommen: ['', ...c.invoer.trend.map(kwartaalKort)],
    rijen: rijen.map((r) => ({ kop: r.kop, cellen: c.invoer.trend.map((k) => r.waarde(w(c, k))) })),
  });
}

function samenvatting(c: Context): Hoofdstuk {
  const K = c.invoer.kwartaal;
  const nu = w(c, K);
  const termijnen = [
    {
      enkelvoud: 'veiligheidsbeoordeling',
      meervoud: 'veiligheidsbeoordelingen',
      termijn: 'binnen 5 werkdagen',
      afgerond: n(nu, 'meldingen_vb'),
      binnen: n(nu, 'vb_binnen_termijn'),
      pct: getal(nu, 'vb_binnen_termijn_pct'),
      norm: c.normen.vb,
    },
    {
      enkelvoud: 'onderzoek',
      meervoud: 'onderzoeken',
      termijn: 'binnen 10 weken',
      afgerond: n(nu, 'onderzoeken_afgerond'),
      binnen: n(nu, 'onderzoeken_binnen_termijn'),
      pct: getal(nu, 'onderzoeken_binnen_termijn_pct'),
      norm: c.normen.onderzoek,
    },
    {
      enkelvoud: 'traject voorwaarden en vervolg',
      meervoud: 'trajecten voorwaarden en vervolg',
      termijn: 'binnen 10 weken',
      afgerond: n(nu, 'vv_afgerond'),
      binnen: n(nu, 'vv_binnen_termijn'),
      pct: getal(nu, 'vv_binnen_termijn_pct'),
      norm: c.normen.vv,
    },
  ];
  const zinnen = [
    ...instroomZinnen(K, {
      meldingen: n(nu, 'meldingen'),
      adviezen: n(nu, 'adviezen'),
      groei: (nu.groei ?? null) as Parameters<typeof instroomZinnen>[1]['groei'],
    }),
    ...termijnen.map(termijnZin),
    overdrachtZin({
      na_vb: n(nu, 'overdracht_na_vb'),
      na_vb_lokaal_team: obj(nu, 'vb_besluit').overdracht_lokaal_team ?? 0,
      na_vervolgkeuze: n(nu, 'overdracht_na_vervolgkeuze'),
    }),
    openWerkZin({ open_vb: n(nu, 'open_vb'), open_vb_over_termijn: n(nu, 'open_vb_over_termijn') }),
  ];
  if (!c.invoer.financien?.heeft_financien) {
    zinnen.push('Over dit kwartaal zijn geen financiële gegevens geïmporteerd; het hoofdstuk Financiën en formatie vervalt.');
  }
  const normen = c.nr.tabel({
    id: 'tabel-termijnen',
    titel: `Wettelijke termijnen en normen — ${kwartaalKort(K)}`,
    definitie:
      'Veiligheidsbeoordeling binnen 5 werkdagen na binnenkomst; onderzoek en voorwaarden en vervolg binnen 10 weken (70 dagen) na de veiligheidsbeoordeling. Normen: sectornormen van de regio.',
    anker: 'veiligheidsbeoordeling-onderdeel-b',
    kolommen: ['Termijn', 'Afgerond', 'Binnen termijn', 'Percentage', 'Norm', 'Gehaald'],
    rijen: termijnen.map((t) => ({
      kop: `${t.meervoud.charAt(0).toUpperCase()}${t.meervoud.slice(1)} ${t.termijn}`,
      cellen: [
        cel.getal(t.afgerond),
        cel.getal(t.binnen),
        cel.procent(t.pct),
        `${t.norm}%`,
        t.pct === null ? 'niet te berekenen' : t.pct >= t.norm ? 'ja' : 'nee',
      ],
    })),
  });
  return hoofdstuk(c, 'samenvatting', zinnen, [normen]);
}

function instroom(c: Context): Hoofdstuk {
  const K = c.invoer.kwartaal;
  const nu = w(c, K);
  const reeks = c.invoer.trend.map((k) => ({ kwartaal: k, adviezen: getal(w(c, k), 'adviezen'), meldingen: getal(w(c, k), 'meldingen') }));
  const instroomGrafiek = instroomPerKwartaal(reeks, 'regio');
  const groeiRij = (kop: string, sleutel: string) => ({ kop, waarde: (v: Waarden) => cel.groei(obj(v, 'groei')[sleutel] ?? null) });
  const groeiTabel = (soort: 'qoq' | 'yoy', titel: string) =>
    kwartaalTabel(
      c,
      `tabel-groei-${soort}`,
      titel,
      '(aantal in het kwartaal − aantal in het vergelijkingskwartaal) / aantal in het vergelijkingskwartaal × 100, één decimaal; . = niet te berekenen (het vergelijkingskwartaal telde 0 of heeft geen gegevens).',
      'groei',
      [groeiRij('Meldingen', `meldingen_${soort}`), groeiRij('Adviezen', `adviezen_${soort}`), groeiRij('Totaal', `totaal_${soort}`)],
    );
  const melder = perMelder(obj(nu, 'meldingen_per_melder'), kwartaalKort(K));
  const beroep = perBeroepsgroep(obj(nu, 'meldingen_per_beroepsgroep'), kwartaalKort(K));
  return hoofdstuk(
    c,
    'instroom',
    [],
    [
      c.nr.figuur(instroomGrafiek),
      c.nr.tabelVan(instroomGrafiek, `Adviezen en meldingen per kwartaal — regio`),
      groeiTabel('qoq', '% t.o.v. vorig kwartaal'),
      groeiTabel('yoy', '% t.o.v. zelfde kwartaal vorig jaar'),
      c.nr.figuur(melder),
      c.nr.tabelVan(melder),
      c.nr.figuur(beroep),
      c.nr.tabelVan(beroep),
    ],
  );
}

function veiligheidsbeoordeling(c: Context): Hoofdstuk {
  const K = c.invoer.kwartaal;
  const nu = w(c, K);
  const tijdigheid = vbTijdigheid(
    c.invoer.trend.map((k) => ({
      kwartaal: k,
      meldingen_vb: getal(w(c, k), 'meldingen_vb'),
      vb_binnen_termijn: getal(w(c, k), 'vb_binnen_termijn'),
      vb_binnen_termijn_pct: getal(w(c, k), 'vb_binnen_termijn_pct'),
    })),
    c.normen.vb,
    'regio',
  );
  const besluiten = vbBesluiten(obj(nu, 'vb_besluit'), kwartaalKort(K));
  return hoofdstuk(
    c,
    'veiligheidsbeoordeling',
    [],
    [
      c.nr.figuur(tijdigheid),
      kwartaalTabel(
        c,
        'tabel-vb',
        'Veiligheidsbeoordelingen per kwartaal',
        'Meldingen waarvan de veiligheidsbeoordeling in het kwartaal is afgerond, en daarvan uiterlijk op de 5e werkdag na binnenkomst.',
        'veiligheidsbeoordeling-onderdeel-b',
        [
          { kop: 'Afgerond', waarde: (v) => cel.getal(getal(v, 'meldingen_vb')) },
          { kop: 'Binnen 5 werkdagen', waarde: (v) => cel.getal(getal(v, 'vb_binnen_termijn')) },
          { kop: 'Percentage', waarde: (v) => cel.procent(getal(v, 'vb_binnen_termijn_pct')) },
          { kop: 'Nog niet beoordeeld', waarde: (v) => cel.getal(getal(v, 'nog_niet_beoordeeld')) },
        ],
      ),
      ...((g) => [
        c.nr.figuur(g),
        c.nr.tabelVan({
          ...g,
          formaat: 'getal',
          tabel: {
            ...g.tabel,
            rijen: g.tabel.rijen.map(([week, ...r]) => [formatteerDatum(String(week)), ...r.slice(0, -1), formatteerPercentage(r.at(-1) as number | null)]),
          },
        }),
      ])(vbPerWeek((nu.vb_per_week ?? []) as Parameters<typeof vbPerWeek>[0], c.normen.vb, K)),
      c.nr.figuur(besluiten),
      c.nr.tabelVan(besluiten),
    ],
  );
}

function vervolg(c: Context): Hoofdstuk {
  const K = c.invoer.kwartaal;
  const nu = w(c, K);
  const verhouding = verhoudingOnderzoekVv(n(nu, 'onderzoeken_afgerond'), n(nu, 'vv_afgerond'));
  const zinnen = [
    verhouding === null
      ? 'Er is in dit kwartaal geen onderzoek afgerond; de verhouding onderzoek : voorwaarden en vervolg is niet te berekenen.'
      : `De verhouding tussen afgeronde onderzoeken en afgeronde trajecten voorwaarden en vervolg was ${verhouding}.`,
  ];
  const grafiek = afgerondPerKwartaal(
    c.invoer.trend.map((k) => {
      const v = w(c, k);
      return {
        kwartaal: k,
        onderzoeken_afgerond: getal(v, 'onderzoeken_afgerond'),
        onderzoeken_binnen_termijn: getal(v, 'onderzoeken_binnen_termijn'),
        vv_afgerond: getal(v, 'vv_afgerond'),
        vv_binnen_termijn: getal(v, 'vv_binnen_termijn'),
      };
    }),
    'regio',
  );
  return hoofdstuk(c, 'vervolg', zinnen, [
    c.nr.figuur(grafiek),
    kwartaalTabel(
      c,
      'tabel-vervolg',
      'Afgeronde onderzoeken en V&V per kwartaal',
      'Met een einddatum in het kwartaal; binnen termijn = uiterlijk 70 dagen na de veiligheidsbeoordeling; met monitoring = monitoring ja.',
      'onderzoek-onderdeel-d-en-voorwaarden-en-vervolg-onderdeel-e',
      [
        { kop: 'Onderzoeken afgerond', waarde: (v) => cel.getal(getal(v, 'onderzoeken_afgerond')) },
        { kop: '… binnen 10 weken', waarde: (v) => cel.getal(getal(v, 'onderzoeken_binnen_termijn')) },
        { kop: '… percentage', waarde: (v) => cel.procent(getal(v, 'onderzoeken_binnen_termijn_pct')) },
        { kop: '… met monitoring', waarde: (v) => cel.getal(getal(v, 'onderzoeken_met_monitoring')) },
        { kop: 'V&V afgerond', waarde: (v) => cel.getal(getal(v, 'vv_afgerond')) },
        { kop: '… binnen 10 weken', waarde: (v) => cel.getal(getal(v, 'vv_binnen_termijn')) },
        { kop: '… percentage', waarde: (v) => cel.procent(getal(v, 'vv_binnen_termijn_pct')) },
        { kop: '… met monitoring', waarde: (v) => cel.getal(getal(v, 'vv_met_monitoring')) },
        { kop: 'Onderzoek : V&V', waarde: (v) => verhoudingOnderzoekVv(n(v, 'onderzoeken_afgerond'), n(v, 'vv_afgerond')) ?? '.' },
      ],
    ),
  ]);
}

function overdracht(c: Context): Hoofdstuk {
  const K = c.invoer.kwartaal;
  const naVb = overdrachtNaVb(
    c.invoer.trend.map((k) => ({ kwartaal: k, vb_besluit: obj(w(c, k), 'vb_besluit') })),
    'regio',
  );
  const ontvanger = overdrachtPerOntvanger(obj(w(c, K), 'overdracht_na_vervolgkeuze_aan'), kwartaalKort(K));
  const perMoment = overdrachtPerMoment(w(c, K).overdracht_per_moment, `regio, ${kwartaalKort(K)}`);
  return hoofdstuk(
    c,
    'overdracht',
    [],
    [
      c.nr.figuur(naVb),
      c.nr.tabelVan(naVb, 'Overdracht na de veiligheidsbeoordeling, per kwartaal — regio'),
      c.nr.figuur(ontvanger),
      c.nr.tabelVan(ontvanger),
      kwartaalTabel(
        c,
        'tabel-monitoring',
        'Monitoring per kwartaal',
        'Afgeronde onderzoeken en V&V met monitoring; in monitoring = registraties met monitoring, overgedragen en op de laatste dag van het kwartaal zonder einde monitoring.',
        'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal',
        [
          { kop: 'Overdracht na vervolgkeuze', waarde: (v) => cel.getal(getal(v, 'overdracht_na_vervolgkeuze')) },
          { kop: 'Onderzoeken met monitoring', waarde: (v) => cel.getal(getal(v, 'onderzoeken_met_monitoring')) },
          { kop: 'V&V met monitoring', waarde: (v) => cel.getal(getal(v, 'vv_met_monitoring')) },
          { kop: 'In monitoring (einde kwartaal)', waarde: (v) => cel.getal(getal(v, 'in_monitoring')) },
        ],
      ),
      // definitions 2027.1: the three moments of § 8 and the agreements of § 7.1
      c.nr.figuur(perMoment),
      c.nr.tabelVan(perMoment),
      kwartaalTabel(
        c,
        'tabel-monitoring-afspraken',
        'Monitoring volgens de afspraken per kwartaal',
        'Afgesproken: na een onderzoek dat niet is weerlegd en na V&V, niet na overdracht aan een gecertificeerde instelling (§ 7.1); contacten na 3 en 12 maanden tijdig = binnen een maand van de afgesproken datum.',
        ANKER_TWEEDE_GOLF,
        [
          { kop: 'Overdracht na onderzoek', waarde: (v) => cel.getal(getal(v, 'overdracht_na_onderzoek')) },
          { kop: 'Overdracht na V&V', waarde: (v) => cel.getal(getal(v, 'overdracht_na_vv')) },
          { kop: 'Onderzoek: monitoring afgesproken', waarde: (v) => cel.getal(getal(v, 'onderzoeken_monitoring_verwacht')) },
          { kop: '… conform', waarde: (v) => cel.procent(getal(v, 'onderzoeken_monitoring_pct')) },
          { kop: 'V&V: monitoring afgesproken', waarde: (v) => cel.getal(getal(v, 'vv_monitoring_verwacht')) },
          { kop: '… conform', waarde: (v) => cel.procent(getal(v, 'vv_monitoring_pct')) },
          { kop: 'Monitoring na weerlegd', waarde: (v) => cel.getal(getal(v, 'monitoring_na_weerlegd')) },
          { kop: 'Monitoring na overdracht aan een GI', waarde: (v) => cel.getal(getal(v, 'monitoring_na_overdracht_gi')) },
          { kop: 'Contact na 3 maanden tijdig', waarde: (v) => cel.procent(getal(v, 'monitoring_3m_pct')) },
          { kop: 'Contact na 12 maanden tijdig', waarde: (v) => cel.procent(getal(v, 'monitoring_12m_pct')) },
        ],
      ),
    ],
  );
}

/** The money and the people; null (chapter omitted) without financial rows for the quarter. */
function financien(c: Context): Hoofdstuk | null {
  const f = c.invoer.financien;
  if (!f?.heeft_financien) return null;
  const resultaat = f.totalen.find((t) => t.totaal === 'resultaat')!;
  const fte = f.doorstroom_per_fte.at(-1)!;
  const zinnen = [resultaatZin(c.invoer.kwartaal, resultaat.realisatie, resultaat.begroting)];
  if (fte.fte_gemiddeld !== null) {
    zinnen.push(
      `De gemiddelde formatie was ${formatteerGetal(fte.fte_gemiddeld, 1)} fte${fte.prognose ? ' (deels prognose)' : ''}: ${formatteerGetal(fte.meldingen_per_fte, 1)} meldingen en ${formatteerGetal(fte.adviezen_per_fte, 1)} adviezen per fte.`,
    );
  }
  const tabel = c.nr.tabel({
    id: 'tabel-financien',
    titel: `Realisatie en begroting (× € 1.000) — ${kwartaalKort(c.invoer.kwartaal)}`,
    definitie:
      'Bedragen in duizenden euro’s; inkomsten positief, kosten negatief. Verschil = realisatie − begroting (positief is gunstig); – = geen begroting voor deze post.',
    anker: 'financien-en-formatie',
    kolommen: FINANCIEN_KOLOMMEN_TABEL,
    rijen: financienTabel(f).map((r) => ({ kop: r.naam, cellen: r.cellen, totaal: r.totaal })),
  });
  const perFte = doorstroomPerFteGrafiek(f.doorstroom_per_fte);
  const formatie = formatiePerMaand(f.formatie);
  return hoofdstuk(c, 'financien', zinnen, [
    tabel,
    c.nr.figuur(formatie),
    c.nr.tabelVan(formatie, undefined, 1),
    c.nr.figuur(perFte),
    c.nr.tabelVan(perFte, undefined, [1, 0, 0, 1, 1]),
  ]);
}

/** The gebieden of the bijlage: the region's gemeenten by name, then outside the region, unknown, and the total. */
function bijlageGebieden(regio: Regio): { code: string; totaal?: boolean }[] {
  return [
    ...[...regio.gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')).map((g) => ({ code: g.code })),
    { code: BUITEN_REGIO },
    { code: ONBEKEND },
    { code: REGIO, totaal: true },
  ];
}

function gemeenten(c: Context): Hoofdstuk {
  const K = c.invoer.kwartaal;
  const rijen = (kolommen: ((v: Waarden) => string)[]) =>
    bijlageGebieden(c.regio).map(({ code, totaal }) => ({
      kop: code === REGIO ? 'Regio totaal' : gebiedNaam(c.regio, code),
      totaal,
      cellen: kolommen.map((f) => f(w(c, K, code))),
    }));
  const abc = c.nr.tabel({
    id: 'tabel-gemeenten-abc',
    titel: `Adviezen, meldingen, veiligheidsbeoordeling en overdracht per gemeente (onderdelen a–c) — ${kwartaalKort(K)}`,
    definitie:
      'Naar gemeente van de direct betrokkene. VB = veiligheidsbeoordelingen afgerond in het kwartaal; overdracht na VB = besluit overdracht; na vervolgkeuze = vervolg overdracht.',
    anker: 'instroom-onderdeel-a',
    kolommen: ['Gemeente', 'Adviezen', 'Meldingen', 'VB', 'VB binnen 5 werkdagen', 'Overdracht na VB', 'Overdracht na vervolgkeuze'],
    rijen: rijen([
      (v) => cel.getal(getal(v, 'adviezen')),
      (v) => cel.getal(getal(v, 'meldingen')),
      (v) => cel.getal(getal(v, 'meldingen_vb')),
      (v) => cel.getal(getal(v, 'vb_binnen_termijn')),
      (v) => cel.getal(getal(v, 'overdracht_na_vb')),
      (v) => cel.getal(getal(v, 'overdracht_na_vervolgkeuze')),
    ]),
  });
  const de = c.nr.tabel({
    id: 'tabel-gemeenten-de',
    titel: `Afgeronde onderzoeken en voorwaarden en vervolg per gemeente (onderdelen d en e) — ${kwartaalKort(K)}`,
    definitie: 'Met een einddatum in het kwartaal; binnen termijn = uiterlijk 70 dagen na de veiligheidsbeoordeling; met monitoring = monitoring ja.',
    anker: 'onderzoek-onderdeel-d-en-voorwaarden-en-vervolg-onderdeel-e',
    kolommen: ['Gemeente', 'Onderzoeken', '… binnen 10 weken', '… met monitoring', 'V&V', '… binnen 10 weken', '… met monitoring'],
    rijen: rijen([
      (v) => cel.getal(getal(v, 'onderzoeken_afgerond')),
      (v) => cel.getal(getal(v, 'onderzoeken_binnen_termijn')),
      (v) => cel.getal(getal(v, 'onderzoeken_met_monitoring')),
      (v) => cel.getal(getal(v, 'vv_afgerond')),
      (v) => cel.getal(getal(v, 'vv_binnen_termijn')),
      (v) => cel.getal(getal(v, 'vv_met_monitoring')),
    ]),
  });
  const perGem = (modus: 'aantal' | 'per1000') =>
    c.regio.gemeenten.map((g) => {
      const v = w(c, K, g.code);
      const bron = modus === 'aantal' ? v : obj(v, 'per_1000_inwoners');
      return { code: g.code, naam: g.naam, adviezen: getal(bron, 'adviezen'), meldingen: getal(bron, 'meldingen') };
    });
  const per1000 = perGemeente(perGem('per1000'), 'per1000', K);
  return hoofdstuk(
    c,
    'gemeenten',
    [],
    [
      abc,
      de,
      c.nr.figuur(perGemeente(perGem('aantal'), 'aantal', K)),
      c.nr.figuur(per1000),
      c.nr.tabelVan(per1000, undefined, 2),
      ...kaartFiguur(c.nr, c.invoer, c.regio, { beschermd: false }),
    ],
  );
}

export function kwartaalrapportage(invoer: RapportInvoer, regio: Regio, normen: Normen, gemaaktOp: string): RapportModel {
  const K = invoer.kwartaal;
  const c: Context = {
    invoer,
    regio,
    normen,
    nr: new Nummering(invoer.definitieversie, invoer.trend.filter((k) => laatsteDag(k) > gemaaktOp).map(kwartaalKort)),
  };
  const basis = {
    soort: 'kwartaalrapportage' as const,
    titel: `Kwartaalrapportage Veilig Thuis ${regio.naam}`,
    ondertitel: `${kwartaalVoluit(K).charAt(0).toUpperCase()}${kwartaalVoluit(K).slice(1)}`,
    kop: `Kwartaalrapportage ${kwartaalKort(K)} — Veilig Thuis ${regio.naam}`,
    kwartaalLabel: kwartaalVoluit(K),
    dataDatum: invoer.dataDatum ? formatteerDatum(invoer.dataDatum) : 'geen import',
    definitieversie: invoer.definitieversie,
    gemaaktOp: formatteerDatum(gemaaktOp),
  };
  const voorleggerDuiding = duidingModel(invoer.duidingen.get('voorlegger'));
  if (!invoer.heeftGegevens) {
    const bereik = invoer.bereik;
    return {
      ...basis,
      kerncijfers: [],
      hoofdstukken: [],
      voorlegger: { zinnen: [], duiding: voorleggerDuiding },
      geenGegevens: bereik
        ? `Over het ${kwartaalVoluit(K)} zijn geen registraties beschikbaar. VT Monitor heeft cijfers van het ${kwartaalVoluit(bereik.van)} tot en met het ${kwartaalVoluit(bereik.tot)}.`
        : `Over het ${kwartaalVoluit(K)} zijn geen registraties beschikbaar: er is nog niets geïmporteerd.`,
    };
  }
  const tegels = maakTegels(invoer.paneel, K, REGIO, normen, { vandaag: gemaaktOp });
  const nu = w(c, K);
  return markeerRapportVoorlopig(
    {
      ...basis,
      geenGegevens: null,
      kerncijfers: tegels.map((t) => ({
        label: t.label,
        waarde: t.waarde,
        toelichting: [t.norm ? (t.normGehaald ? `voldoet aan de ${t.norm}` : t.normGehaald === false ? `onder de ${t.norm}` : t.norm) : null, t.vorigJaar]
          .filter(Boolean)
          .join('; '),
      })),
      voorlegger: {
        zinnen: instroomZinnen(K, {
          meldingen: n(nu, 'meldingen'),
          adviezen: n(nu, 'adviezen'),
          groei: (nu.groei ?? null) as Parameters<typeof instroomZinnen>[1]['groei'],
        }).slice(0, 2),
        duiding: voorleggerDuiding,
      },
      hoofdstukken: [samenvatting(c), instroom(c), veiligheidsbeoordeling(c), vervolg(c), overdracht(c), financien(c), gemeenten(c)].filter(
        (h): h is Hoofdstuk => h !== null,
      ),
    },
    gemaaktOp,
    laatsteDag(K),
  );
}
