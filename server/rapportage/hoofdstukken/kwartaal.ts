/**
 * The chapters of the quarterly report (the five parts a–e of § 7.2, the money, the bijlage per
 * gemeente), each a function from the quarter's read model to its section.
 */
import { kwartaalKort, type Kwartaal } from '../../calendar/kwartaal.js';
import { instroomPerKwartaal, perBeroepsgroep, perGemeente, perMelder } from '../../charts/instroom.js';
import { overdrachtNaVb, overdrachtPerOntvanger } from '../../charts/overdracht.js';
import { ANKER_TWEEDE_GOLF, overdrachtPerMoment } from '../../charts/monitoring.js';
import { afgerondReeks, besluitReeks, instroomReeks, tijdigheidReeks } from '../../charts/reeksen.js';
import { vbBesluiten, vbPerWeek, vbTijdigheid } from '../../charts/veiligheidsbeoordeling.js';
import { afgerondPerKwartaal } from '../../charts/vervolg.js';
import { doorstroomPerFteGrafiek, formatiePerMaand } from '../../charts/financien.js';
import { FINANCIEN_KOLOMMEN_TABEL, financienTabel } from '../../financien/tabel.js';
import { HOOFDSTUKKEN, MONITORING_SLEUTELS, PER_SLEUTEL, type IndicatorSleutel } from '../../indicatoren/catalogus.js';
import { REGIO } from '../../indicatoren/gebieden.js';
import { TWEEDE_GOLF_SLEUTELS } from '../../indicatoren/tweede-golf.js';
import { getal, waarden, type Waarden } from '../../indicatoren/paneel.js';
import { formatteerDatum, formatteerGetal, formatteerPercentage } from '../../shared/formaat.js';
import type { RapportInvoer } from '../invoer.js';
import { cel, type RapportTabel } from '../model.js';
import { instroomZinnen, openWerkZin, overdrachtZin, resultaatZin, termijnZin } from '../zinnen.js';
import { kaartFiguur } from '../kaart-figuur.js';
import { bevolkingsjaarVan } from '../../privacy/service.js';
import { gemeentenDeTabel, gemeentenRijen, n, obj, termijnen, termijnenTabel, verhoudingOnderzoekVv } from './gedeeld.js';
import { inhoud, type HoofdstukDef, type Inhoud, type Lezing } from './hoofdstuk.js';
import { catalogusCel, type PeriodeLezing } from './periode.js';

/** The quarter's read model: its panel of eight quarters, and the quarter as a one-quarter period for the chapters it shares with the half year. */
export interface KwartaalLezing extends Lezing {
  invoer: RapportInvoer;
  periode: PeriodeLezing | null;
}

const w = (c: KwartaalLezing, k: Kwartaal, gebied = REGIO) => waarden(c.invoer.paneel, k, gebied);
/** the region's value of each trend quarter */
const trendVan = (c: KwartaalLezing) => (k: Kwartaal) => w(c, k);

/** A table with one row per indicator and one column per trend quarter. */
function kwartaalTabel(
  c: KwartaalLezing,
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

function samenvatting(c: KwartaalLezing): Inhoud {
  const K = c.invoer.kwartaal;
  const nu = w(c, K);
  const termijnRijen = termijnen(nu, c.normen);
  const zinnen = [
    ...instroomZinnen(K, {
      meldingen: n(nu, 'meldingen'),
      adviezen: n(nu, 'adviezen'),
      groei: (nu.groei ?? null) as Parameters<typeof instroomZinnen>[1]['groei'],
    }),
    ...termijnRijen.map(termijnZin),
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
  const normen = termijnenTabel(c.nr, termijnRijen, kwartaalKort(K));
  return inhoud(zinnen, [normen]);
}

function instroom(c: KwartaalLezing): Inhoud {
  const K = c.invoer.kwartaal;
  const nu = w(c, K);
  const instroomGrafiek = instroomPerKwartaal(instroomReeks(c.invoer.trend, trendVan(c)), 'regio');
  const melder = perMelder(obj(nu, 'meldingen_per_melder'), kwartaalKort(K));
  const beroep = perBeroepsgroep(obj(nu, 'meldingen_per_beroepsgroep'), kwartaalKort(K));
  return inhoud(
    [],
    [
      c.nr.figuur(instroomGrafiek),
      c.nr.tabelVan(instroomGrafiek, `Adviezen en meldingen per kwartaal — regio`),
      c.nr.figuur(melder),
      c.nr.tabelVan(melder),
      c.nr.figuur(beroep),
      c.nr.tabelVan(beroep),
    ],
  );
}

function veiligheidsbeoordeling(c: KwartaalLezing): Inhoud {
  const K = c.invoer.kwartaal;
  const nu = w(c, K);
  const tijdigheid = vbTijdigheid(tijdigheidReeks(c.invoer.trend, trendVan(c)), c.normen.vb, 'regio');
  const besluiten = vbBesluiten(obj(nu, 'vb_besluit'), kwartaalKort(K));
  return inhoud(
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

function vervolg(c: KwartaalLezing): Inhoud {
  const K = c.invoer.kwartaal;
  const nu = w(c, K);
  const verhouding = verhoudingOnderzoekVv(n(nu, 'onderzoeken_afgerond'), n(nu, 'vv_afgerond'));
  const zinnen = [
    verhouding === null
      ? 'Er is in dit kwartaal geen onderzoek afgerond; de verhouding onderzoek : voorwaarden en vervolg is niet te berekenen.'
      : `De verhouding tussen afgeronde onderzoeken en afgeronde trajecten voorwaarden en vervolg was ${verhouding}.`,
  ];
  const grafiek = afgerondPerKwartaal(afgerondReeks(c.invoer.trend, trendVan(c)), 'regio');
  return inhoud(zinnen, [
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

function overdracht(c: KwartaalLezing): Inhoud {
  const K = c.invoer.kwartaal;
  const naVb = overdrachtNaVb(besluitReeks(c.invoer.trend, trendVan(c)), 'regio');
  const ontvanger = overdrachtPerOntvanger(obj(w(c, K), 'overdracht_na_vervolgkeuze_aan'), kwartaalKort(K));
  const perMoment = overdrachtPerMoment(w(c, K).overdracht_per_moment, `regio, ${kwartaalKort(K)}`);
  return inhoud(
    [],
    [
      c.nr.figuur(naVb),
      c.nr.tabelVan(naVb, 'Overdracht na de veiligheidsbeoordeling, per kwartaal — regio'),
      c.nr.figuur(ontvanger),
      c.nr.tabelVan(ontvanger),
      c.nr.figuur(perMoment),
      c.nr.tabelVan(perMoment),
    ],
  );
}

/**
 * The rows of "Monitoring volgens de afspraken": the overdracht counts of definitions 2027.1 (after
 * onderzoek and V&V, § 8) and every indicator of the catalogue's chapter Monitoring, in catalogue
 * order, with this table's wording where it has one (else the catalogue's label). Beside eight
 * quarters the table keeps to the agreements: the share conform without its count, and the contacts
 * after 3 and 12 months as their share on time only (the counts are in the half-year table).
 */
const AFSPRAKEN_KOP: Partial<Record<IndicatorSleutel, string>> = {
  overdracht_na_onderzoek: 'Overdracht na onderzoek',
  overdracht_na_vv: 'Overdracht na V&V',
  onderzoeken_monitoring_verwacht: 'Onderzoek: monitoring afgesproken',
  onderzoeken_monitoring_pct: '… conform',
  vv_monitoring_verwacht: 'V&V: monitoring afgesproken',
  vv_monitoring_pct: '… conform',
  monitoring_na_weerlegd: 'Monitoring na weerlegd',
  monitoring_na_overdracht_gi: 'Monitoring na overdracht aan een GI',
  monitoring_3m_pct: 'Contact na 3 maanden tijdig',
  monitoring_12m_pct: 'Contact na 12 maanden tijdig',
};
const AFSPRAKEN_ALS_AANDEEL = new Set<IndicatorSleutel>([
  'onderzoeken_monitoring_conform',
  'vv_monitoring_conform',
  'monitoring_3m_gepland',
  'monitoring_3m_tijdig',
  'monitoring_12m_gepland',
  'monitoring_12m_tijdig',
]);
const AFSPRAKEN_SLEUTELS: readonly IndicatorSleutel[] = [
  ...TWEEDE_GOLF_SLEUTELS.filter((k) => PER_SLEUTEL.get(k)!.hoofdstuk === HOOFDSTUKKEN.overdracht && PER_SLEUTEL.get(k)!.soort === 'aantal'),
  ...MONITORING_SLEUTELS.filter((k) => !AFSPRAKEN_ALS_AANDEEL.has(k)),
];

/**
 * The supporting tables of parts a and c (growth, monitoring per quarter, the monitoring agreed in
 * § 7.1 and § 8 of definitions 2027.1): in a bijlage, so that the parts a–e up front read as charts
 * with their own tables and the duiding.
 */
function tabellen(c: KwartaalLezing): Inhoud {
  const groeiRij = (kop: string, sleutel: string) => ({ kop, waarde: (v: Waarden) => cel.groei(obj(v, 'groei')[sleutel] ?? null) });
  const groeiTabel = (soort: 'qoq' | 'yoy', titel: string) =>
    kwartaalTabel(
      c,
      `tabel-groei-${soort}`,
      titel,
      '(aantal in het kwartaal − aantal in het vergelijkingskwartaal) / aantal in het vergelijkingskwartaal ' +
        '× 100, één decimaal; . = niet te berekenen (het vergelijkingskwartaal telde 0 of heeft geen gegevens).',
      'groei',
      [groeiRij('Meldingen', `meldingen_${soort}`), groeiRij('Adviezen', `adviezen_${soort}`), groeiRij('Totaal', `totaal_${soort}`)],
    );
  return inhoud(
    [],
    [
      groeiTabel('qoq', '% t.o.v. vorig kwartaal'),
      groeiTabel('yoy', '% t.o.v. zelfde kwartaal vorig jaar'),
      kwartaalTabel(
        c,
        'tabel-monitoring',
        'Monitoring per kwartaal',
        'Afgeronde onderzoeken en V&V met monitoring; in monitoring = registraties met monitoring, ' +
          'overgedragen en op de laatste dag van het kwartaal zonder einde monitoring.',
        'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal',
        [
          { kop: 'Overdracht na vervolgkeuze', waarde: (v) => cel.getal(getal(v, 'overdracht_na_vervolgkeuze')) },
          { kop: 'Onderzoeken met monitoring', waarde: (v) => cel.getal(getal(v, 'onderzoeken_met_monitoring')) },
          { kop: 'V&V met monitoring', waarde: (v) => cel.getal(getal(v, 'vv_met_monitoring')) },
          { kop: 'In monitoring (einde kwartaal)', waarde: (v) => cel.getal(getal(v, 'in_monitoring')) },
        ],
      ),
      kwartaalTabel(
        c,
        'tabel-monitoring-afspraken',
        'Monitoring volgens de afspraken per kwartaal',
        'Afgesproken: na een onderzoek dat niet is weerlegd en na V&V, niet na overdracht aan een ' +
          'gecertificeerde instelling (§ 7.1); contacten na 3 en 12 maanden tijdig = binnen een maand ' +
          'van de afgesproken datum.',
        ANKER_TWEEDE_GOLF,
        AFSPRAKEN_SLEUTELS.map((k) => ({ kop: AFSPRAKEN_KOP[k] ?? PER_SLEUTEL.get(k)!.label, waarde: catalogusCel(k) })),
      ),
    ],
  );
}

/** The money and the people; null (chapter omitted) without financial rows for the quarter. */
function financien(c: KwartaalLezing): Inhoud | null {
  const f = c.invoer.financien;
  if (!f?.heeft_financien) return null;
  const resultaat = f.totalen.find((t) => t.totaal === 'resultaat')!;
  const fte = f.doorstroom_per_fte.at(-1)!;
  const zinnen = [resultaatZin(c.invoer.kwartaal, resultaat.realisatie, resultaat.begroting)];
  if (fte.fte_gemiddeld !== null) {
    zinnen.push(
      `De gemiddelde formatie was ${formatteerGetal(fte.fte_gemiddeld, 1)} fte${fte.prognose ? ' (deels prognose)' : ''}: ` +
        `${formatteerGetal(fte.meldingen_per_fte, 1)} meldingen en ${formatteerGetal(fte.adviezen_per_fte, 1)} adviezen per fte.`,
    );
  }
  const tabel = c.nr.tabel({
    id: 'tabel-financien',
    titel: `Realisatie en begroting (× € 1.000) — ${kwartaalKort(c.invoer.kwartaal)}`,
    definitie:
      'Bedragen in duizenden euro’s; inkomsten positief, kosten negatief. Verschil = realisatie ' +
      '− begroting (positief is gunstig); – = geen begroting voor deze post.',
    anker: 'financien-en-formatie',
    kolommen: FINANCIEN_KOLOMMEN_TABEL,
    rijen: financienTabel(f).map((r) => ({ kop: r.naam, cellen: r.cellen, totaal: r.totaal })),
  });
  const perFte = doorstroomPerFteGrafiek(f.doorstroom_per_fte);
  const formatie = formatiePerMaand(f.formatie);
  return inhoud(zinnen, [
    tabel,
    c.nr.figuur(formatie),
    c.nr.tabelVan(formatie, undefined, 1),
    c.nr.figuur(perFte),
    c.nr.tabelVan(perFte, undefined, [1, 0, 0, 1, 1]),
  ]);
}

function gemeenten(c: KwartaalLezing): Inhoud {
  const K = c.invoer.kwartaal;
  const rijen = (kolommen: ((v: Waarden) => string)[]) => gemeentenRijen(c.regio, (code) => w(c, K, code), kolommen);
  const abc = c.nr.tabel({
    id: 'tabel-gemeenten-abc',
    titel: `Adviezen, meldingen, veiligheidsbeoordeling en overdracht per gemeente (onderdelen a–c) — ${kwartaalKort(K)}`,
    definitie:
      'Naar gemeente van de direct betrokkene. VB = veiligheidsbeoordelingen afgerond in het kwartaal; ' +
      'overdracht na VB = besluit overdracht; na vervolgkeuze = vervolg overdracht.',
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
  const de = gemeentenDeTabel(c.nr, c.regio, (code) => w(c, K, code), kwartaalKort(K), 'het kwartaal');
  const perGem = (modus: 'aantal' | 'per1000') =>
    c.regio.gemeenten.map((g) => {
      const v = w(c, K, g.code);
      const bron = modus === 'aantal' ? v : obj(v, 'per_1000_inwoners');
      return { code: g.code, naam: g.naam, adviezen: getal(bron, 'adviezen'), meldingen: getal(bron, 'meldingen') };
    });
  const per1000 = perGemeente(perGem('per1000'), 'per1000', K, bevolkingsjaarVan(c.regio)(K));
  return inhoud(
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

/** A chapter of the quarter. */
const def = (sectie: string, titel: string, maak: (c: KwartaalLezing) => Inhoud | null): HoofdstukDef<KwartaalLezing> => ({ sectie, titel, maak });

export const KWARTAAL = {
  samenvatting: def('samenvatting', 'Samenvatting', samenvatting),
  instroom: def('instroom', 'Advies en meldingen', instroom),
  veiligheidsbeoordeling: def('veiligheidsbeoordeling', 'Veiligheidsbeoordeling', veiligheidsbeoordeling),
  vervolg: def('vervolg', 'Voorwaarden en vervolg en onderzoek', vervolg),
  overdracht: def('overdracht', 'Overdracht en monitoring', overdracht),
  /** the money and the people; left out without financial rows for the quarter */
  financien: def('financien', 'Financiën en formatie', financien),
  tabellen: def('tabellen', 'Bijlage: tabellen bij de onderdelen a en c', tabellen),
  gemeenten: def('gemeenten', 'Bijlage: cijfers per gemeente', gemeenten),
} as const;
