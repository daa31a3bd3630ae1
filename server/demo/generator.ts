import { telDagenOp, telMaandenOp, datumVanDagnummer, dagnummerVan, weekday } from '../calendar/dates.js';
import { kwartaalIndex, kwartaalVan } from '../calendar/kwartaal.js';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import { BUITEN_REGIO, type Regio } from '../config/regio.js';
import { COLUMN_NAMES } from '../registraties/schema.js';
import * as p from './profiel.js';
import { Random } from './random.js';
import { OVERDRACHT_BESLUITEN } from '../indicatoren/catalogus.js';

export interface DemoOpties {
  /** last day of the data (ISO), inclusive */
  tot: string;
  seed: number;
  /** volume multiplier; above 1 spread over proportionally more gemeenten outside the region */
  schaal: number;
  van?: string;
}

type Rij = Record<string, string>;

const EERSTE_DAG = '2019-01-01';
const WEEKDAG_GEMIDDELD = p.WEEKDAG.reduce((a, b) => a + b, 0) / 7;
const SEIZOEN_GEMIDDELD = p.SEIZOEN.reduce((a, b) => a + b, 0) / 12;

interface DemoGemeente {
  code: string | null;
  gewicht: number;
}

/** The gemeenten of each "copy" of the region; copy 0 is the region itself. */
function gemeentenVoorSchaal(regio: Regio, schaal: number): DemoGemeente[][] {
  const kopieen = Math.max(1, Math.ceil(schaal));
  // demo weights only: a gemeente without a CBS figure weighs as the average one with a figure
  const bekend = regio.gemeenten.flatMap((g) => (g.inwoners === null ? [] : [g.inwoners]));
  const gemiddeld = bekend.length > 0 ? bekend.reduce((a, b) => a + b, 0) / bekend.length : 1;
  const out: DemoGemeente[][] = [];
  for (let s = 0; s < kopieen; s++) {
    out.push(
      regio.gemeenten.map((g, i) => ({
        code: s === 0 ? g.code : `GM${String(3000 + (s - 1) * regio.gemeenten.length + i).padStart(4, '0')}`,
        gewicht: g.inwoners ?? gemiddeld,
      })),
    );
  }
  return out;
}

/**
 * Generates a realistic, deterministic registration export for the region, one row at a time
 * (export format column names, ISO dates). Cases still running on `tot` have later dates empty.
 */
export function* genereerDemo(regio: Regio, kalender: Werkdagkalender, opties: DemoOpties): Generator<Rij> {
  const rnd = new Random(opties.seed);
  const kopieen = gemeentenVoorSchaal(regio, opties.schaal);
  const perKopie = opties.schaal / kopieen.length;
  const eind = dagnummerVan(opties.tot);

  for (let dag = dagnummerVan(opties.van ?? EERSTE_DAG); dag <= eind; dag++) {
    const datum = datumVanDagnummer(dag);
    const jaar = Number(datum.slice(0, 4));
    const maand = Number(datum.slice(5, 7));
    const factor = ((p.SEIZOEN[maand - 1]! / SEIZOEN_GEMIDDELD) * (p.WEEKDAG[weekday(datum)]! / WEEKDAG_GEMIDDELD)) / 365;
    const dagcode = datum.replaceAll('-', '');
    for (const [kopie, gemeenten] of kopieen.entries()) {
      const meldingen = rnd.poisson(p.perJaar(p.MELDINGEN_PER_JAAR, jaar) * factor * perKopie);
      const adviezen = rnd.poisson(p.perJaar(p.ADVIEZEN_PER_JAAR, jaar) * factor * perKopie);
      for (let i = 0; i < meldingen + adviezen; i++) {
        // unique and stable per day, whatever day the generation starts on
        const id = `VT${kopie > 0 ? kopie : ''}-${dagcode}-${String(i + 1).padStart(4, '0')}`;
        const rij =
          i < meldingen
            ? melding(rnd, kalender, id, datum, gemeente(rnd, gemeenten, regio, datum))
            : advies(rnd, id, datum, gemeente(rnd, gemeenten, regio, datum));
        yield knip(rij, opties.tot);
      }
    }
  }
}

/**
 * Gemeenten for the demo's few registrations from outside the region (Utrecht, Arnhem, Ede,
 * Rozendaal, Nijmegen), without those of the chosen region itself.
 */
const BUITEN: [string, number][] = [
  ['GM0344', 2],
  ['GM0202', 3],
  ['GM0228', 2],
  ['GM0277', 1],
  ['GM0268', 2],
];
const buitenRegio = (regio: Regio): [string, number][] => BUITEN.filter(([c]) => regio.sleutelVoorCode(c) === BUITEN_REGIO);

function gemeente(rnd: Random, gemeenten: DemoGemeente[], regio: Regio, datum: string): Rij {
  const r = rnd.next();
  if (r < 0.004) return {};
  if (r < 0.014) return { gemeente_code: rnd.pick(buitenRegio(regio)) };
  const code = rnd.pick(gemeenten.map((g) => [g.code, g.gewicht] as const))!;
  // early registrations sometimes still carry a merged gemeente's code or only a name
  if (code === 'GM1960' && datum < '2019-07-01' && rnd.chance(0.3))
    return {
      gemeente_code: rnd.pick([
        ['GM0236', 3],
        ['GM0733', 2],
        ['GM0304', 1],
      ]),
    };
  if (rnd.chance(0.03)) return { gemeente: regio.perCode.get(code)?.naam ?? '', gemeente_code: regio.perCode.has(code) ? '' : code };
  return { gemeente_code: code };
}

function advies(rnd: Random, id: string, datum: string, gemeente: Rij): Rij {
  const melder = rnd.pick(p.MELDER_ADVIES);
  return {
    registratie_id: id,
    soort: 'advies',
    datum_binnenkomst: datum,
    ...gemeente,
    melder_categorie: melder,
    beroepsgroep: melder === 'overige_professional' ? rnd.pick(p.BEROEPSGROEP) : '',
    kanaal: rnd.pick(p.KANAAL_ADVIES),
    aard_geweld: rnd.pick(p.AARD),
    datum_afgesloten: telDagenOp(datum, rnd.int(0, 3)),
  };
}

function melding(rnd: Random, kalender: Werkdagkalender, id: string, datum: string, gemeente: Rij): Rij {
  const melder = rnd.pick(p.MELDER_MELDING);
  const jaar = Number(datum.slice(0, 4));
  const qi = kwartaalIndex(kwartaalVan(datum));
  const rij: Rij = {
    registratie_id: id,
    soort: 'melding',
    datum_binnenkomst: datum,
    ...gemeente,
    melder_categorie: melder,
    beroepsgroep: melder === 'overige_professional' ? rnd.pick(p.BEROEPSGROEP) : '',
    kanaal: rnd.pick(p.KANAAL_MELDING),
    aard_geweld: rnd.pick(p.AARD),
    eerdere_betrokkenheid: rnd.pick(p.EERDERE) ?? '',
  };
  const spoed = rnd.chance(0.05);
  rij.spoed = spoed ? 'ja' : 'nee';
  // a spoedmelding is mostly assessed on the day itself
  const werkdagen = spoed
    ? rnd.chance(0.88)
      ? 0
      : rnd.pick([
          [1, 3],
          [2, 1],
        ])
    : rnd.chance(p.vbOpTijd(qi))
      ? rnd.pick([
          [0, 8],
          [1, 20],
          [2, 22],
          [3, 20],
          [4, 16],
          [5, 14],
        ])
      : 6 + Math.floor(-Math.log(1 - rnd.next()) * 5);
  const vb = werkdagen === 0 ? datum : kalender.nteWerkdagNa(datum, werkdagen);
  const besluit = rnd.pick(p.BESLUIT);
  rij.datum_veiligheidsbeoordeling = vb;
  rij.besluit_veiligheidsbeoordeling = besluit;

  /**
   * Overdracht, and monitoring as the samenwerkingsafspraken § 7.1 agree it (`afgesproken`), with
   * a realistic few deviations (`p.MONITORING_AFWIJKING`); contacts at 3 and 12 months after it.
   */
  const overdracht = (na: string, aan: string, afgesproken: boolean, afwijking = p.MONITORING_AFWIJKING) => {
    rij.datum_overdracht = telDagenOp(na, rnd.int(0, 6));
    rij.overdracht_aan = aan;
    const monitoring = rnd.chance(afwijking) ? !afgesproken : afgesproken;
    rij.monitoring = monitoring ? 'ja' : 'nee';
    if (monitoring) {
      const contact = (maanden: number, laatKans: number) =>
        telDagenOp(telMaandenOp(rij.datum_overdracht!, maanden), rnd.chance(laatKans) ? rnd.int(32, 75) : rnd.int(-21, 24));
      rij.datum_monitoring_3m = contact(3, 0.07);
      rij.datum_monitoring_12m = contact(12, 0.1);
      rij.datum_einde_monitoring = telDagenOp(rij.datum_monitoring_12m, rnd.int(0, 14));
      rij.datum_afgesloten = rij.datum_einde_monitoring;
    } else rij.datum_afgesloten = rij.datum_overdracht;
  };

  if (besluit.startsWith('overdracht_')) {
    const aan: Readonly<Record<string, string>> = OVERDRACHT_BESLUITEN;
    // after a VB no monitoring is agreed (§ 7.1 names onderzoek and V&V)
    overdracht(vb, aan[besluit]!, false, 0.02);
  } else if (besluit === 'vervolg_veilig_thuis') {
    const keuze = telDagenOp(vb, rnd.int(2, 20));
    rij.datum_besluit_vervolg = keuze;
    const r = rnd.next();
    if (r < 0.22) {
      rij.vervolg = 'overdracht';
      overdracht(
        keuze,
        rnd.pick([
          ['lokaal_team', 50],
          ['gecertificeerde_instelling', 20],
          ['betrokken_hulpverlening', 20],
          ['raad_kinderbescherming', 10],
        ]),
        false,
        0.03,
      );
    } else {
      const soort = rnd.chance(p.aandeelOnderzoek(jaar)) ? 'onderzoek' : 'vv';
      rij.vervolg = soort === 'onderzoek' ? 'onderzoek' : 'voorwaarden_en_vervolg';
      // most start within 5 days; a wachtlijst at busy times (Uitvoeringsbesluit Wmo 2015 art. 4.1.7: 5 days for an onderzoek)
      const start = telDagenOp(keuze, rnd.chance(p.startOpTijd(qi)) ? rnd.int(0, 5) : rnd.int(6, 35));
      const opTijd = rnd.chance(p.tienWekenOpTijd(qi, soort));
      const minDuur = Math.max(dagnummerVan(start) - dagnummerVan(vb) + 14, 35);
      const duur = opTijd ? rnd.int(Math.min(minDuur, 70), 70) : rnd.int(71, 160);
      const einde = telDagenOp(vb, Math.max(duur, dagnummerVan(start) - dagnummerVan(vb)));
      rij[`datum_start_${soort}`] = start;
      rij[`datum_einde_${soort}`] = einde;
      const uitkomst =
        soort === 'onderzoek'
          ? rnd.pick([
              ['bevestigd', 55],
              ['weerlegd', 25],
              ['geen_oordeel', 20],
            ])
          : null;
      if (uitkomst) rij.uitkomst_onderzoek = uitkomst;
      const aan = rnd.pick([
        ['lokaal_team', 60],
        ['gecertificeerde_instelling', 15],
        ['betrokken_hulpverlening', 20],
        ['raad_kinderbescherming', 5],
      ]);
      // § 7.1: monitoring after an onderzoek unless weerlegd, always after V&V, never after overdracht to a GI
      const afgesproken = aan !== 'gecertificeerde_instelling' && uitkomst !== 'weerlegd';
      overdracht(einde, aan, afgesproken, afgesproken ? p.MONITORING_AFWIJKING : p.MONITORING_TOCH);
    }
  } else {
    rij.datum_afgesloten = telDagenOp(vb, rnd.int(0, 10));
  }
  return rij;
}

/** Pairs that are empty together: when the date lies after `tot`, its partner goes too. */
const PAREN: [string, string][] = [
  ['datum_veiligheidsbeoordeling', 'besluit_veiligheidsbeoordeling'],
  ['datum_besluit_vervolg', 'vervolg'],
  ['datum_einde_onderzoek', 'uitkomst_onderzoek'],
  ['datum_overdracht', 'overdracht_aan'],
];

/** Cases still in progress on `tot`: every later date (and what goes with it) is left empty. */
export function knip(rij: Rij, tot: string): Rij {
  for (const [k, v] of Object.entries(rij)) if (k.startsWith('datum_') && v !== '' && v > tot) rij[k] = '';
  for (const [datum, partner] of PAREN) if (!rij[datum]) rij[partner] = '';
  if (!rij.datum_overdracht && rij.monitoring === 'ja') rij.monitoring = '';
  return rij;
}

export function alsRegel(rij: Rij): string[] {
  return COLUMN_NAMES.map((c) => rij[c] ?? '');
}
