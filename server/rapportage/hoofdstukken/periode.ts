/**
 * The chapters of the half-year and annual report (MARAP t/m juni, the year for the GGD board),
 * each a function from the period's read model to its section. Structure after the published
 * *Halfjaarlijkse rapportage Veilig Thuis Gelderland-Zuid, januari t/m juni 2018*: totals of the
 * period against the same period a year earlier, instroom by melder, aard and eerdere
 * betrokkenheid, the veiligheidsbeoordeling within and outside the term, onderzoeken and V&V with
 * their doorlooptijden, werkvoorraad, overdracht and monitoring, the long trend and every part
 * (a–e) per gemeente. The quarterly report reads six of them from its quarter as a period.
 */
import { kwartaalKort } from '../../calendar/kwartaal.js';
import { bevolkingsjaarVan } from '../../privacy/service.js';
import { metJaar, metNoot } from '../../charts/bevolking.js';
import { staafGrafiek, verdelingGrafiek } from '../../charts/periode.js';
import {
  AARD_GEWELD_LABEL,
  BEROEPSGROEP_LABEL,
  BESLUIT_LABEL,
  EERDERE_BETROKKENHEID_LABEL,
  KANAAL_LABEL,
  MELDER_LABEL,
  OVERDRACHT_AAN_LABEL,
} from '../../charts/labels.js';
import { spiegelGrafiek } from '../../charts/spiegel.js';
import type { Grafiek } from '../../charts/grafiek.js';
import { MONITORING_SLEUTELS, PER_SLEUTEL, type IndicatorSleutel } from '../../indicatoren/catalogus.js';
import { REGIO } from '../../indicatoren/gebieden.js';
import { getal, type Waarden } from '../../indicatoren/paneel.js';
import type { PrognoseJson } from '../../prognose/service.js';
import { formatteerGetal } from '../../shared/formaat.js';
import { percentage } from '../../shared/getallen.js';
import { spiegelTabel } from '../../spiegel/tabel.js';
import { cel, type RapportTabel } from '../model.js';
import type { PeriodeInvoer } from '../periode-invoer.js';
import { periodeInZin } from '../periode.js';
import { prognoseInhoud } from '../prognose-hoofdstuk.js';
import { aantal, openWerkZin, termijnZin, verandering } from '../zinnen.js';
import { gemeentenDeTabel, gemeentenRijen, groeiVan, n, procentpunt, termijnen, termijnenTabel, verhoudingOnderzoekVv } from './gedeeld.js';
import { inhoud, type HoofdstukDef, type Inhoud, type Lezing } from './hoofdstuk.js';

/** A period's read model: its values and those of the same period a year earlier. */
export interface PeriodeLezing extends Lezing {
  invoer: PeriodeInvoer;
  /** `H1 2026` */
  kort: string;
  kortEerder: string;
  /** the forecast as on the period's last day, with the region page's charts (half year and year) */
  prognose?: { prognose: PrognoseJson; grafieken: Grafiek[] } | null;
}

const obj = (w: Waarden, key: IndicatorSleutel) => (w[key] ?? {}) as Record<string, number | null>;
const regioNu = (c: PeriodeLezing) => c.invoer.nu.get(REGIO) ?? {};
const regioEerder = (c: PeriodeLezing) => c.invoer.eerder.get(REGIO) ?? {};

/** A distribution of the period beside the same period a year earlier, with its share and growth. */
function verdelingTabel(
  c: PeriodeLezing,
  opties: { id: string; titel: string; definitie: string; anker: string; sleutel: IndicatorSleutel; labels: Record<string, string>; kop: string },
): RapportTabel {
  const nu = obj(regioNu(c), opties.sleutel);
  const eerder = obj(regioEerder(c), opties.sleutel);
  const codes = [...new Set([...Object.keys(nu), ...Object.keys(eerder)])];
  const totaal = codes.reduce((s, k) => s + (nu[k] ?? 0), 0);
  const totaalEerder = codes.reduce((s, k) => s + (eerder[k] ?? 0), 0);
  return c.nr.tabel({
    id: opties.id,
    titel: opties.titel,
    definitie: opties.definitie,
    anker: opties.anker,
    kolommen: [opties.kop, c.kort, 'Aandeel', c.kortEerder, 'Groei'],
    rijen: [
      ...codes.map((k) => ({
        kop: opties.labels[k] ?? k,
        cellen: [cel.getal(nu[k] ?? 0), cel.procent(percentage(nu[k] ?? 0, totaal)), cel.getal(eerder[k] ?? 0), groeiVan(nu[k] ?? 0, eerder[k] ?? 0)],
      })),
      {
        kop: 'Totaal',
        totaal: true,
        cellen: [cel.getal(totaal), cel.procent(totaal === 0 ? null : 100), cel.getal(totaalEerder), groeiVan(totaal, totaalEerder)],
      },
    ],
  });
}

/** What came in during the period, against the same period a year earlier (voorlegger and samenvatting). */
export function instroomPeriodeZinnen(invoer: PeriodeInvoer): string[] {
  const nu = invoer.nu.get(REGIO) ?? {};
  const g = (nu.groei ?? {}) as Record<string, number | null>;
  return [
    `In ${periodeInZin(invoer.periode)} kwamen ${aantal(n(nu, 'meldingen'), 'melding', 'meldingen')} ` +
      `en ${aantal(n(nu, 'adviezen'), 'advies', 'adviezen')} binnen.`,
    `Ten opzichte van ${periodeInZin(invoer.vorigJaar)} ${verandering('meldingen', g.meldingen_yoy ?? null)} ` +
      `en ${verandering('adviezen', g.adviezen_yoy ?? null)}.`,
  ];
}

function samenvatting(c: PeriodeLezing): Inhoud {
  const nu = regioNu(c);
  const eerder = regioEerder(c);
  const zinnen = [
    ...instroomPeriodeZinnen(c.invoer),
    ...termijnen(nu, c.normen).map((t) => termijnZin(t).replace('in dit kwartaal', 'in deze periode')),
    openWerkZin({ open_vb: n(nu, 'open_vb'), open_vb_over_termijn: n(nu, 'open_vb_over_termijn') }).replace(
      'het einde van het kwartaal',
      'het einde van de periode',
    ),
  ];
  if (c.invoer.kwartalenMetGegevens.length < c.invoer.periode.kwartalen.length) {
    zinnen.unshift(
      `Deze periode is nog niet compleet: er zijn cijfers tot en met ${kwartaalKort(c.invoer.kwartalenMetGegevens.at(-1)!)}. De cijfers zijn voorlopig.`,
    );
  }
  const rij = (kop: string, sleutel: IndicatorSleutel, soort: 'getal' | 'procent' = 'getal') => {
    const a = getal(nu, sleutel);
    const b = getal(eerder, sleutel);
    return {
      kop,
      cellen:
        soort === 'getal'
          ? [cel.getal(a), cel.getal(b), groeiVan(a, b)]
          : [cel.procent(a), cel.procent(b), a === null || b === null ? '–' : procentpunt(a - b)],
    };
  };
  const totalen = c.nr.tabel({
    id: 'tabel-totalen',
    titel: `Totalen ${c.kort} en ${c.kortEerder}`,
    definitie:
      'Aantallen van de hele periode (som van de kwartalen); percentages berekend op die aantallen; ' +
      'groei = (periode − dezelfde periode een jaar eerder) / dezelfde periode een jaar eerder × 100.',
    anker: 'groei',
    kolommen: ['', c.kort, c.kortEerder, 'Groei'],
    rijen: [
      rij('Adviezen', 'adviezen'),
      rij('Meldingen', 'meldingen'),
      rij('Totaal adviezen en meldingen', 'meldingen_totaal_instroom'),
      rij('Veiligheidsbeoordelingen afgerond', 'meldingen_vb'),
      rij('… binnen 5 werkdagen', 'vb_binnen_termijn_pct', 'procent'),
      rij('Onderzoeken afgerond', 'onderzoeken_afgerond'),
      rij('… binnen 10 weken', 'onderzoeken_binnen_termijn_pct', 'procent'),
      rij('Voorwaarden en vervolg afgerond', 'vv_afgerond'),
      rij('… binnen 10 weken', 'vv_binnen_termijn_pct', 'procent'),
      rij('Overdracht na veiligheidsbeoordeling', 'overdracht_na_vb'),
      rij('Overdracht na vervolgkeuze', 'overdracht_na_vervolgkeuze'),
    ],
  });
  const normen = termijnenTabel(c.nr, termijnen(nu, c.normen), c.kort);
  return inhoud(zinnen, [totalen, normen]);
}

function instroom(c: PeriodeLezing): Inhoud {
  const kw = c.invoer.regioPerKwartaal.filter((r) => c.invoer.periode.kwartalen.includes(r.kwartaal) || c.invoer.vorigJaar.kwartalen.includes(r.kwartaal));
  const perKwartaal = staafGrafiek({
    id: 'instroom-periode',
    titel: `Adviezen en meldingen per kwartaal — ${c.kortEerder} en ${c.kort}`,
    kop: 'Kwartaal',
    definitie: 'Aantal adviezen (inclusief overige zorgmeldingen) en meldingen, naar kwartaal van binnenkomst.',
    anker: 'instroom-onderdeel-a',
    categorieen: kw.map((r) => kwartaalKort(r.kwartaal)),
    reeksen: [
      { naam: 'Adviezen', data: kw.map((r) => getal(r.waarden, 'adviezen')) },
      { naam: 'Meldingen', data: kw.map((r) => getal(r.waarden, 'meldingen')) },
    ],
  });
  const melderOverTijd = staafGrafiek({
    id: 'melder-per-jaar',
    titel: 'Meldingen per type melder per jaar',
    kop: 'Jaar',
    gestapeld: true,
    definitie: 'Meldingen naar wie contact opnam, per kalenderjaar van binnenkomst (het laatste jaar tot en met het einde van de periode).',
    anker: 'instroom-onderdeel-a',
    categorieen: c.invoer.regioPerJaar.map((j) => `${j.jaar}${j.volledig ? '' : '*'}`),
    reeksen: Object.entries(MELDER_LABEL).map(([code, naam]) => ({
      naam,
      data: c.invoer.regioPerJaar.map((j) => obj(j.waarden, 'meldingen_per_melder')[code] ?? null),
    })),
  });
  return inhoud(
    [],
    [
      c.nr.figuur(perKwartaal),
      c.nr.tabelVan(perKwartaal),
      verdelingTabel(c, {
        id: 'tabel-melder',
        titel: `Meldingen per type melder — ${c.kort} en ${c.kortEerder}`,
        definitie: 'Meldingen naar wie contact opnam met Veilig Thuis.',
        anker: 'instroom-onderdeel-a',
        sleutel: 'meldingen_per_melder',
        labels: MELDER_LABEL,
        kop: 'Melder',
      }),
      verdelingTabel(c, {
        id: 'tabel-beroepsgroep',
        titel: `Meldingen van professionals per beroepsgroep — ${c.kort} en ${c.kortEerder}`,
        definitie: 'Meldingen van overige professionals (niet de politie) naar beroepsgroep.',
        anker: 'instroom-onderdeel-a',
        sleutel: 'meldingen_per_beroepsgroep',
        labels: BEROEPSGROEP_LABEL,
        kop: 'Beroepsgroep',
      }),
      verdelingTabel(c, {
        id: 'tabel-kanaal',
        titel: `Adviezen per kanaal — ${c.kort} en ${c.kortEerder}`,
        definitie: 'Adviezen naar het kanaal waarlangs ze binnenkwamen (definities 2027.1).',
        anker: 'instroom-onderdeel-a',
        sleutel: 'adviezen_per_kanaal',
        labels: KANAAL_LABEL,
        kop: 'Kanaal',
      }),
      c.nr.figuur(melderOverTijd),
      c.nr.tabelVan(melderOverTijd),
    ],
  );
}

function aard(c: PeriodeLezing): Inhoud {
  const nu = regioNu(c);
  const grafiek = verdelingGrafiek({
    id: 'aard-meldingen',
    titel: `Meldingen per aard van het geweld — ${c.kort}`,
    kop: 'Aard',
    reeks: 'Meldingen',
    definitie: 'Meldingen naar de aard van het geweld zoals geregistreerd; zonder aard: onbekend.',
    anker: 'instroom-onderdeel-a',
    waarden: obj(nu, 'meldingen_per_aard_geweld'),
    labels: AARD_GEWELD_LABEL,
  });
  return inhoud(
    [],
    [
      c.nr.figuur(grafiek),
      verdelingTabel(c, {
        id: 'tabel-aard-meldingen',
        titel: `Meldingen per aard van het geweld — ${c.kort} en ${c.kortEerder}`,
        definitie: grafiek.definitie,
        anker: 'instroom-onderdeel-a',
        sleutel: 'meldingen_per_aard_geweld',
        labels: AARD_GEWELD_LABEL,
        kop: 'Aard',
      }),
      verdelingTabel(c, {
        id: 'tabel-aard-adviezen',
        titel: `Adviezen per aard van het geweld — ${c.kort} en ${c.kortEerder}`,
        definitie: 'Adviezen naar de aard van het geweld; zonder aard: onbekend.',
        anker: 'instroom-onderdeel-a',
        sleutel: 'adviezen_per_aard_geweld',
        labels: AARD_GEWELD_LABEL,
        kop: 'Aard',
      }),
    ],
  );
}

function radarfunctie(c: PeriodeLezing): Inhoud {
  const nu = obj(regioNu(c), 'meldingen_per_eerdere_betrokkenheid');
  const totaal = Object.values(nu).reduce<number>((s, v) => s + (v ?? 0), 0);
  const eerder = (nu.hermelding ?? 0) + (nu.vervolgmelding ?? 0);
  const zin =
    totaal === 0
      ? 'In deze periode kwamen geen meldingen binnen; het aandeel eerdere betrokkenheid is niet te berekenen.'
      : `Van de ${formatteerGetal(totaal)} meldingen ging het bij ${formatteerGetal(eerder)} (${cel.procent(percentage(eerder, totaal))}) ` +
        `om een gezin of huishouden dat Veilig Thuis al kende (hermelding of vervolgmelding).`;
  const grafiek = staafGrafiek({
    id: 'eerdere-betrokkenheid-per-jaar',
    titel: 'Meldingen naar eerdere betrokkenheid per jaar',
    kop: 'Jaar',
    gestapeld: true,
    definitie: 'Eerste melding, hermelding of vervolgmelding (radarfunctie, zoals CBS telt), per kalenderjaar van binnenkomst.',
    anker: 'instroom-onderdeel-a',
    categorieen: c.invoer.regioPerJaar.map((j) => `${j.jaar}${j.volledig ? '' : '*'}`),
    reeksen: Object.entries(EERDERE_BETROKKENHEID_LABEL).map(([code, naam]) => ({
      naam,
      data: c.invoer.regioPerJaar.map((j) => obj(j.waarden, 'meldingen_per_eerdere_betrokkenheid')[code] ?? null),
    })),
  });
  return inhoud(
    [zin],
    [
      verdelingTabel(c, {
        id: 'tabel-eerdere-betrokkenheid',
        titel: `Meldingen naar eerdere betrokkenheid — ${c.kort} en ${c.kortEerder}`,
        definitie: 'Eerste melding, hermelding of vervolgmelding (radarfunctie).',
        anker: 'instroom-onderdeel-a',
        sleutel: 'meldingen_per_eerdere_betrokkenheid',
        labels: EERDERE_BETROKKENHEID_LABEL,
        kop: 'Eerdere betrokkenheid',
      }),
      c.nr.figuur(grafiek),
      c.nr.tabelVan(grafiek),
    ],
  );
}

function veiligheidsbeoordeling(c: PeriodeLezing): Inhoud {
  const nu = regioNu(c);
  const eerder = regioEerder(c);
  const rij = (kop: string, f: (w: Waarden) => string) => ({ kop, cellen: [f(nu), f(eerder)] });
  const tabel = c.nr.tabel({
    id: 'tabel-vb',
    titel: `Veiligheidsbeoordeling binnen en buiten de termijn — ${c.kort} en ${c.kortEerder}`,
    definitie:
      'Meldingen waarvan de veiligheidsbeoordeling in de periode is afgerond; binnen termijn = uiterlijk ' +
      'op de 5e werkdag na binnenkomst; spoed = met spoed beoordeeld.',
    anker: 'veiligheidsbeoordeling-onderdeel-b',
    kolommen: ['', c.kort, c.kortEerder],
    rijen: [
      rij('Afgerond', (w) => cel.getal(getal(w, 'meldingen_vb'))),
      rij('Binnen 5 werkdagen', (w) => cel.getal(getal(w, 'vb_binnen_termijn'))),
      rij('Buiten 5 werkdagen', (w) => cel.getal(getal(w, 'meldingen_vb') === null ? null : n(w, 'meldingen_vb') - n(w, 'vb_binnen_termijn'))),
      rij('Percentage binnen termijn', (w) => cel.procent(getal(w, 'vb_binnen_termijn_pct'))),
      rij('Doorlooptijd mediaan (werkdagen)', (w) => formatteerGetal(((w.doorlooptijd_vb_werkdagen ?? {}) as { mediaan?: number | null }).mediaan ?? null, 1)),
      rij('Doorlooptijd 90e percentiel (werkdagen)', (w) => cel.getal(((w.doorlooptijd_vb_werkdagen ?? {}) as { p90?: number | null }).p90 ?? null)),
      rij('Spoedmeldingen', (w) => cel.getal(getal(w, 'meldingen_spoed'))),
      rij('… beoordeeld op de dag van binnenkomst', (w) => cel.getal(getal(w, 'spoed_vb_zelfde_dag'))),
    ],
  });
  const besluiten = verdelingTabel(c, {
    id: 'tabel-besluiten',
    titel: `Besluiten na de veiligheidsbeoordeling — ${c.kort} en ${c.kortEerder}`,
    definitie: 'Het besluit van de veiligheidsbeoordeling, voor de in de periode afgeronde beoordelingen.',
    anker: 'veiligheidsbeoordeling-onderdeel-b',
    sleutel: 'vb_besluit',
    labels: BESLUIT_LABEL,
    kop: 'Besluit',
  });
  return inhoud([], [tabel, besluiten]);
}

function vervolg(c: PeriodeLezing): Inhoud {
  const nu = regioNu(c);
  const eerder = regioEerder(c);
  const mp = (w: Waarden, k: IndicatorSleutel) => (w[k] ?? {}) as { mediaan?: number | null; p90?: number | null };
  const rij = (kop: string, f: (w: Waarden) => string) => ({ kop, cellen: [f(nu), f(eerder)] });
  const verhouding = verhoudingOnderzoekVv(n(nu, 'onderzoeken_afgerond'), n(nu, 'vv_afgerond'));
  const tabel = c.nr.tabel({
    id: 'tabel-vervolg',
    titel: `Onderzoeken en voorwaarden en vervolg — ${c.kort} en ${c.kortEerder}`,
    definitie:
      'Met een einddatum in de periode; binnen termijn = uiterlijk 70 dagen na de veiligheidsbeoordeling; ' +
      'doorlooptijd in dagen vanaf de veiligheidsbeoordeling, mediaan en 90e percentiel over alle ' +
      'afgeronde van de periode.',
    anker: 'onderzoek-onderdeel-d-en-voorwaarden-en-vervolg-onderdeel-e',
    kolommen: ['', c.kort, c.kortEerder],
    rijen: [
      rij('Onderzoeken afgerond', (w) => cel.getal(getal(w, 'onderzoeken_afgerond'))),
      rij('… binnen 10 weken', (w) => cel.getal(getal(w, 'onderzoeken_binnen_termijn'))),
      rij('… percentage', (w) => cel.procent(getal(w, 'onderzoeken_binnen_termijn_pct'))),
      rij('… doorlooptijd mediaan (dagen)', (w) => formatteerGetal(mp(w, 'doorlooptijd_onderzoek_dagen').mediaan ?? null, 1)),
      rij('… doorlooptijd 90e percentiel (dagen)', (w) => cel.getal(mp(w, 'doorlooptijd_onderzoek_dagen').p90 ?? null)),
      rij('… met monitoring', (w) => cel.getal(getal(w, 'onderzoeken_met_monitoring'))),
      rij('Onderzoeken gestart', (w) => cel.getal(getal(w, 'onderzoeken_gestart'))),
      rij('… gestart binnen termijn', (w) => cel.procent(getal(w, 'onderzoeken_gestart_pct'))),
      rij('Voorwaarden en vervolg afgerond', (w) => cel.getal(getal(w, 'vv_afgerond'))),
      rij('… binnen 10 weken', (w) => cel.getal(getal(w, 'vv_binnen_termijn'))),
      rij('… percentage', (w) => cel.procent(getal(w, 'vv_binnen_termijn_pct'))),
      rij('… doorlooptijd mediaan (dagen)', (w) => formatteerGetal(mp(w, 'doorlooptijd_vv_dagen').mediaan ?? null, 1)),
      rij('… doorlooptijd 90e percentiel (dagen)', (w) => cel.getal(mp(w, 'doorlooptijd_vv_dagen').p90 ?? null)),
      rij('… met monitoring', (w) => cel.getal(getal(w, 'vv_met_monitoring'))),
      rij('Onderzoek : V&V', (w) => verhoudingOnderzoekVv(n(w, 'onderzoeken_afgerond'), n(w, 'vv_afgerond')) ?? '–'),
    ],
  });
  const zin =
    verhouding === null
      ? 'In deze periode is geen onderzoek afgerond; de verhouding onderzoek : voorwaarden en vervolg is niet te berekenen.'
      : `De verhouding tussen afgeronde onderzoeken en afgeronde trajecten voorwaarden en vervolg was ${verhouding}.`;
  return inhoud([zin], [tabel]);
}

/** `5,5 / 9`: median (one decimal) and p90 over every registration of the period */
function mediaanP90(w: Waarden, sleutel: IndicatorSleutel): string {
  const v = (w[sleutel] ?? {}) as { mediaan?: number | null; p90?: number | null };
  return `${formatteerGetal(v.mediaan ?? null, 1)} / ${formatteerGetal(v.p90 ?? null)}`;
}

function doorstroom(c: PeriodeLezing): Inhoud {
  const nu = regioNu(c);
  const eerder = regioEerder(c);
  const wd = (w: Waarden, k: IndicatorSleutel) =>
    ((w.wacht_dagen ?? {}) as Record<string, { mediaan: number | null; max: number | null }>)[k] ?? { mediaan: null, max: null };
  const rij = (kop: string, f: (w: Waarden) => string) => ({ kop, cellen: [f(nu), f(eerder)] });
  const laatste = c.invoer.kwartalenMetGegevens.at(-1)!;
  const tabel = c.nr.tabel({
    id: 'tabel-werkvoorraad',
    titel: `Werkvoorraad en wachtlijst op de laatste dag — ${c.kort} en ${c.kortEerder}`,
    definitie:
      `Op de laatste dag van de periode (${laatste === c.invoer.periode.kwartalen.at(-1) ? 'einde periode' : `voorlopig: einde ${kwartaalKort(laatste)}`}): ` +
      `meldingen zonder veiligheidsbeoordeling, lopende onderzoeken en V&V, de wachtlijsten en hoe ` +
      `lang het langst wachtende al wacht. Doorlooptijden: mediaan en 90e percentiel over alle in ` +
      `de periode afgeronde beoordelingen, onderzoeken en trajecten.`,
    anker: 'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal',
    kolommen: ['', c.kort, c.kortEerder],
    rijen: [
      rij('Open veiligheidsbeoordelingen', (w) => cel.getal(getal(w, 'open_vb'))),
      rij('… langer dan 5 werkdagen', (w) => cel.getal(getal(w, 'open_vb_over_termijn'))),
      rij('Lopende onderzoeken', (w) => cel.getal(getal(w, 'open_onderzoeken'))),
      rij('… langer dan 10 weken', (w) => cel.getal(getal(w, 'open_onderzoeken_over_termijn'))),
      rij('Lopende voorwaarden en vervolg', (w) => cel.getal(getal(w, 'open_vv'))),
      rij('… langer dan 10 weken', (w) => cel.getal(getal(w, 'open_vv_over_termijn'))),
      rij('Wacht op keuze vervolgstappen', (w) => cel.getal(getal(w, 'wacht_op_vervolgkeuze'))),
      rij('Wacht op start onderzoek', (w) => cel.getal(getal(w, 'wacht_op_start_onderzoek'))),
      rij(
        '… wachttijd mediaan / langst (dagen)',
        (w) => `${formatteerGetal(wd(w, 'wacht_op_start_onderzoek').mediaan, 1)} / ${formatteerGetal(wd(w, 'wacht_op_start_onderzoek').max)}`,
      ),
      rij('Wacht op start V&V', (w) => cel.getal(getal(w, 'wacht_op_start_vv'))),
      rij(
        '… wachttijd mediaan / langst (dagen)',
        (w) => `${formatteerGetal(wd(w, 'wacht_op_start_vv').mediaan, 1)} / ${formatteerGetal(wd(w, 'wacht_op_start_vv').max)}`,
      ),
      rij('In monitoring', (w) => cel.getal(getal(w, 'in_monitoring'))),
      rij('Doorlooptijd VB mediaan / p90 (werkdagen)', (w) => mediaanP90(w, 'doorlooptijd_vb_werkdagen')),
      rij('Doorlooptijd onderzoek mediaan / p90 (dagen)', (w) => mediaanP90(w, 'doorlooptijd_onderzoek_dagen')),
      rij('Doorlooptijd V&V mediaan / p90 (dagen)', (w) => mediaanP90(w, 'doorlooptijd_vv_dagen')),
    ],
  });
  const reeks = c.invoer.regioPerKwartaal.slice(-8);
  const grafiek = staafGrafiek({
    id: 'open-werk-trend',
    titel: 'Openstaand werk op de laatste dag van elk kwartaal',
    kop: 'Kwartaal',
    definitie: 'Meldingen zonder veiligheidsbeoordeling, lopende onderzoeken en lopende V&V op de laatste dag van het kwartaal.',
    anker: 'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal',
    categorieen: reeks.map((r) => kwartaalKort(r.kwartaal)),
    reeksen: (
      [
        ['Open VB', 'open_vb'],
        ['Lopende onderzoeken', 'open_onderzoeken'],
        ['Lopende V&V', 'open_vv'],
      ] as const
    ).map(([naam, k]) => ({ naam, data: reeks.map((r) => getal(r.waarden, k)) })),
  });
  const zin = openWerkZin({ open_vb: n(nu, 'open_vb'), open_vb_over_termijn: n(nu, 'open_vb_over_termijn') });
  return inhoud(
    [c.invoer.periode.soort === 'kwartaal' ? zin : zin.replace('het einde van het kwartaal', 'het einde van de periode')],
    [tabel, c.nr.figuur(grafiek), c.nr.tabelVan(grafiek)],
  );
}

function overdracht(c: PeriodeLezing): Inhoud {
  const pm = (regioNu(c).overdracht_per_moment ?? {}) as Record<string, Record<string, number | null>>;
  const momenten = [
    ['na_vb', 'Na VB'],
    ['na_vervolgkeuze', 'Na vervolgkeuze'],
    ['na_onderzoek', 'Na onderzoek'],
    ['na_vv', 'Na V&V'],
  ] as const;
  const ontvangers = [...new Set(momenten.flatMap(([m]) => Object.keys(pm[m] ?? {})))];
  const som = (m: string) => Object.values(pm[m] ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0);
  const tabel = c.nr.tabel({
    id: 'tabel-overdracht-per-moment',
    titel: `Overdracht per moment en ontvanger — ${c.kort}`,
    definitie:
      'Overdrachten in de periode naar het moment (na de veiligheidsbeoordeling, na de keuze voor ' +
      'vervolgstappen, na onderzoek, na V&V) en de ontvanger (definities 2027.1).',
    anker: 'overdracht-onderdeel-c',
    kolommen: ['Ontvanger', ...momenten.map(([, l]) => l), 'Totaal'],
    rijen: [
      ...ontvangers.map((o) => ({
        kop: OVERDRACHT_AAN_LABEL[o] ?? o,
        cellen: [...momenten.map(([m]) => cel.getal(pm[m]?.[o] ?? 0)), cel.getal(momenten.reduce((s, [m]) => s + (pm[m]?.[o] ?? 0), 0))],
      })),
      { kop: 'Totaal', totaal: true, cellen: [...momenten.map(([m]) => cel.getal(som(m))), cel.getal(momenten.reduce((s, [m]) => s + som(m), 0))] },
    ],
  });
  return inhoud([], [tabel]);
}

/**
 * The rows of the monitoring table: every indicator of the catalogue's chapter Monitoring, in its
 * order, with this table's wording where it has one (else the catalogue's label), a share as a
 * percentage; the contacts on time after 3 and 12 months are shown as their share of those planned
 * ("… tijdig"), not as a count. Then the stock in monitoring on the period's last day.
 */
const MONITORING_KOP: Partial<Record<IndicatorSleutel, string>> = {
  onderzoeken_monitoring_verwacht: 'Onderzoeken waar monitoring hoort',
  onderzoeken_monitoring_conform: '… met monitoring',
  onderzoeken_monitoring_pct: '… percentage',
  vv_monitoring_verwacht: 'V&V waar monitoring hoort',
  vv_monitoring_conform: '… met monitoring',
  vv_monitoring_pct: '… percentage',
  monitoring_na_weerlegd: 'Monitoring na weerlegd onderzoek',
  monitoring_na_overdracht_gi: 'Monitoring na overdracht aan de GI',
  monitoring_3m_gepland: 'Contact na 3 maanden gepland',
  monitoring_3m_pct: '… tijdig',
  monitoring_12m_gepland: 'Contact na 12 maanden gepland',
  monitoring_12m_pct: '… tijdig',
};
const MONITORING_ALS_AANDEEL = new Set<IndicatorSleutel>(['monitoring_3m_tijdig', 'monitoring_12m_tijdig']);

/** A value of the catalogue in a table cell: a share as a percentage, everything else as a number. */
export const catalogusCel = (sleutel: IndicatorSleutel) => (w: Waarden) =>
  PER_SLEUTEL.get(sleutel)!.eenheid === 'procent' ? cel.procent(getal(w, sleutel)) : cel.getal(getal(w, sleutel));

function monitoring(c: PeriodeLezing): Inhoud {
  const nu = regioNu(c);
  const eerder = regioEerder(c);
  const rij = (kop: string, f: (w: Waarden) => string) => ({ kop, cellen: [f(nu), f(eerder)] });
  const tabel = c.nr.tabel({
    id: 'tabel-monitoring',
    titel: `Monitoring — ${c.kort} en ${c.kortEerder}`,
    definitie:
      'Afgeronde onderzoeken en V&V waarbij monitoring werd afgesproken en ook gestart (conform), ' +
      'monitoringcontacten na 3 en 12 maanden die gepland en tijdig waren (definities 2027.1).',
    anker: 'overdracht-onderdeel-c',
    kolommen: ['', c.kort, c.kortEerder],
    rijen: [
      ...MONITORING_SLEUTELS.filter((k) => !MONITORING_ALS_AANDEEL.has(k)).map((k) => rij(MONITORING_KOP[k] ?? PER_SLEUTEL.get(k)!.label, catalogusCel(k))),
      rij('In monitoring (laatste dag)', (w) => cel.getal(getal(w, 'in_monitoring'))),
    ],
  });
  return inhoud([], [tabel]);
}

function trend(c: PeriodeLezing): Inhoud {
  const jaren = c.invoer.regioPerJaar;
  const labels = jaren.map((j) => `${j.jaar}${j.volledig ? '' : '*'}`);
  const perJaar = staafGrafiek({
    id: 'trend-per-jaar',
    titel: 'Adviezen en meldingen per jaar sinds de eerste gegevens',
    kop: 'Jaar',
    definitie: 'Per kalenderjaar van binnenkomst; * = jaar nog niet compleet of niet helemaal in de gegevens.',
    anker: 'instroom-onderdeel-a',
    categorieen: labels,
    reeksen: [
      { naam: 'Adviezen', data: jaren.map((j) => getal(j.waarden, 'adviezen')) },
      { naam: 'Meldingen', data: jaren.map((j) => getal(j.waarden, 'meldingen')) },
    ],
  });
  const jaarTabel = c.nr.tabel({
    id: 'tabel-trend-jaar',
    titel: 'Kerncijfers per jaar',
    definitie: 'Som van de kwartalen van het jaar; percentages op die aantallen; * = jaar niet compleet.',
    anker: 'groei',
    kolommen: ['Jaar', 'Adviezen', 'Meldingen', 'VB', 'VB binnen 5 wd', 'Onderzoeken', 'V&V'],
    rijen: jaren.map((j, i) => ({
      kop: labels[i]!,
      cellen: [
        cel.getal(getal(j.waarden, 'adviezen')),
        cel.getal(getal(j.waarden, 'meldingen')),
        cel.getal(getal(j.waarden, 'meldingen_vb')),
        cel.procent(getal(j.waarden, 'vb_binnen_termijn_pct')),
        cel.getal(getal(j.waarden, 'onderzoeken_afgerond')),
        cel.getal(getal(j.waarden, 'vv_afgerond')),
      ],
    })),
  });
  const kw = c.invoer.regioPerKwartaal;
  const perKwartaal = staafGrafiek({
    id: 'trend-per-kwartaal',
    titel: 'Adviezen en meldingen per kwartaal sinds de eerste gegevens',
    kop: 'Kwartaal',
    gestapeld: true,
    definitie: 'Aantal adviezen en meldingen naar kwartaal van binnenkomst, alle kwartalen in de gegevens.',
    anker: 'instroom-onderdeel-a',
    categorieen: kw.map((r) => kwartaalKort(r.kwartaal)),
    reeksen: [
      { naam: 'Adviezen', data: kw.map((r) => getal(r.waarden, 'adviezen')) },
      { naam: 'Meldingen', data: kw.map((r) => getal(r.waarden, 'meldingen')) },
    ],
  });
  return inhoud([], [c.nr.figuur(perJaar), jaarTabel, c.nr.figuur(perKwartaal), c.nr.tabelVan(perKwartaal)]);
}

/** CBS's figures for the region beside Nederland and beside our own registration (docs/spiegel.md). */
function spiegel(c: PeriodeLezing): Inhoud | null {
  const s = c.invoer.spiegel;
  if (!s) return null;
  const t = spiegelTabel(s);
  const tabel = c.nr.tabel({
    id: 'tabel-spiegel',
    titel: `${s.regio.naam} en Nederland volgens CBS, en de eigen registratie, ${s.periode_label}`,
    anker: 'spiegel',
    definitie:
      `CBS-cijfers zoals gepubliceerd (afgerond op 5); eigen registratie: binnengekomen in de periode, ` +
      `afgerond op ${s.eigen.afgerond_op}; verschil = eigen − CBS. Per 1.000 inwoners alleen met ` +
      `een CBS-bevolking. . = niet gepubliceerd of niet bevestigd, * = voorlopig.`,
    kolommen: t.kolommen,
    rijen: t.rijen.map((r) => ({ kop: String(r[0]), cellen: r.slice(1).map((v) => cel.getal(typeof v === 'number' ? v : null)) })),
  });
  const grafiek = spiegelGrafiek(s);
  const bronnen = [...new Set([...Object.values(s.regio.bronnen), ...Object.values(s.nederland.bronnen)].map((b) => `CBS ${b.tabel} (${b.url})`))];
  const zinnen = [
    s.regio.meldingen === null
      ? `CBS publiceert (in de opgeslagen tabellen) voor ${s.periode_label} geen meldingen van ${s.regio.naam}` +
        (s.nederland.meldingen === null ? ' en ook niet van Nederland.' : `; Nederland: ${cel.getal(s.nederland.meldingen)}.`)
      : `Volgens CBS ontving ${s.regio.naam} in ${s.periode_label} ${cel.getal(s.regio.meldingen)} ` +
        `meldingen; de eigen registratie telt er ${cel.getal(s.eigen.meldingen)} (verschil ${cel.getal(s.eigen.verschil.meldingen)}).`,
    `Bron: ${bronnen.length > 0 ? bronnen.join('; ') : 'CBS (geen cijfers voor deze periode)'}.`,
  ];
  return inhoud(zinnen, [tabel, c.nr.figuur(grafiek)]);
}

function gemeenten(c: PeriodeLezing): Inhoud {
  // a half year or a year lies in one calendar year: its quarters divide by one CBS population year
  const bevolking = bevolkingsjaarVan(c.regio)(c.invoer.periode.kwartalen[0]!);
  const rijen = (kolommen: ((v: Waarden) => string)[]) => gemeentenRijen(c.regio, (code) => c.invoer.nu.get(code) ?? {}, kolommen);
  const abc = c.nr.tabel({
    id: 'tabel-gemeenten-abc',
    titel: `Adviezen, meldingen, veiligheidsbeoordeling en overdracht per gemeente (onderdelen a–c) — ${c.kort}`,
    definitie: metNoot(
      'Naar gemeente van de direct betrokkene, som van de kwartalen van de periode; per 1.000 = adviezen en meldingen per 1.000 inwoners.',
      bevolking,
    ),
    anker: 'instroom-onderdeel-a',
    kolommen: ['Gemeente', 'Adviezen', 'Meldingen', metJaar('Per 1.000', bevolking), 'VB', 'VB binnen 5 wd', 'Overdracht na VB', 'Na vervolgkeuze'],
    rijen: rijen([
      (v) => cel.getal(getal(v, 'adviezen')),
      (v) => cel.getal(getal(v, 'meldingen')),
      (v) => formatteerGetal(getal(obj(v, 'per_1000_inwoners') as Waarden, 'meldingen_totaal_instroom'), 2),
      (v) => cel.getal(getal(v, 'meldingen_vb')),
      (v) => cel.getal(getal(v, 'vb_binnen_termijn')),
      (v) => cel.getal(getal(v, 'overdracht_na_vb')),
      (v) => cel.getal(getal(v, 'overdracht_na_vervolgkeuze')),
    ]),
  });
  const de = gemeentenDeTabel(c.nr, c.regio, (code) => c.invoer.nu.get(code) ?? {}, c.kort, 'de periode');
  return inhoud([], [abc, de]);
}

/** The forecast and its scenario's (half year and year), from the prognose service's figures. */
function prognose(c: PeriodeLezing): Inhoud | null {
  return c.prognose ? prognoseInhoud(c.prognose.prognose, c.prognose.grafieken, c.nr) : null;
}

/** A chapter of a period. */
const def = (sectie: string, titel: string, maak: (c: PeriodeLezing) => Inhoud | null): HoofdstukDef<PeriodeLezing> => ({ sectie, titel, maak });

export const PERIODE = {
  samenvatting: def('samenvatting', 'Samenvatting', samenvatting),
  instroom: def('instroom', 'Advies en meldingen', instroom),
  aard: def('aard', 'Aard van het geweld', aard),
  radarfunctie: def('radarfunctie', 'Radarfunctie', radarfunctie),
  veiligheidsbeoordeling: def('veiligheidsbeoordeling', 'Veiligheidsbeoordeling', veiligheidsbeoordeling),
  vervolg: def('vervolg', 'Onderzoek en voorwaarden en vervolg', vervolg),
  doorstroom: def('doorstroom', 'Doorstroom', doorstroom),
  overdracht: def('overdracht', 'Overdracht per moment', overdracht),
  monitoring: def('monitoring', 'Monitoring', monitoring),
  trend: def('trend', 'Lange trend', trend),
  /** CBS's figures for the region beside Nederland and beside our own registration; left out without a spiegel */
  spiegel: def('spiegel', 'Spiegel: de regio en Nederland', spiegel),
  prognose: def('prognose', "Prognose en scenario's", prognose),
  gemeenten: def('gemeenten', 'Bijlage: cijfers per gemeente', gemeenten),
} as const;
