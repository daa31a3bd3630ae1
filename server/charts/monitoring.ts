import { kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import { AARD_GEWELD_LABEL, MOMENT_LABEL, OVERDRACHT_AAN_LABEL } from './labels.js';
import { percentage } from '../shared/getallen.js';
import type { Cel } from '../shared/tabel.js';
import { basisOptie, staafReeks, type Grafiek } from './grafiek.js';
import type { IndicatorSleutel } from '../indicatoren/catalogus.js';
import type { Waarden } from '../indicatoren/paneel.js';

/**
 * The charts of definitions 2027.1: the monitoring agreements (§ 7.1), overdracht per moment
 * and ontvanger (§ 8), the wachtlijst, aard van het geweld and spoed. A value may arrive hidden
 * (`{"onderdrukt": true}`) or missing (null): it stays null, a gap in the chart and "–" in the
 * table, never 0.
 */
export const ANKER_TWEEDE_GOLF = 'toegevoegd-in-20271-beleidsmonitoring-samenwerkingsafspraken-71-en-8-kwaliteitskader-focusblad';
const ANKER = ANKER_TWEEDE_GOLF;

/** A number, or null for anything else (hidden, missing). */
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
/** a − b, null when either is unknown */
const min = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

export type { Waarden };
export interface Punt {
  kwartaal: Kwartaal;
  w: Waarden;
}

/** Share of the agreements met per quarter: monitoring after onderzoek and V&V, contacts at 3 and 12 months on time. */
export function monitoringAfspraken(reeks: Punt[], gebiedNaam: string): Grafiek {
  const labels = reeks.map((p) => kwartaalKort(p.kwartaal));
  const lijn = (naam: string, key: IndicatorSleutel) => ({
    name: naam,
    type: 'line',
    data: reeks.map((p) => num(p.w[key])),
    symbolSize: 7,
    connectNulls: false,
  });
  return {
    id: 'monitoring-afspraken',
    blad: 'Monitoring volgens afspraken',
    titel: `Monitoring volgens de afspraken, per kwartaal — ${gebiedNaam}`,
    definitie:
      'Aandeel afgeronde onderzoeken (niet weerlegd, niet naar een GI) en V&V (niet naar een GI) ' +
      'met monitoring, en aandeel contacten na 3 en 12 maanden binnen een maand van de afgesproken datum.',
    anker: ANKER,
    formaat: 'procent',
    option: basisOptie({
      grid: { left: 8, right: 24, top: 80, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: '%', min: 0, max: 100 },
      series: [
        lijn('Monitoring na onderzoek', 'onderzoeken_monitoring_pct'),
        lijn('Monitoring na V&V', 'vv_monitoring_pct'),
        lijn('Contact na 3 maanden tijdig', 'monitoring_3m_pct'),
        lijn('Contact na 12 maanden tijdig', 'monitoring_12m_pct'),
      ],
    }),
    tabel: {
      kolommen: [
        'Kwartaal',
        'Onderzoek: afgesproken',
        'met monitoring',
        '%',
        'V&V: afgesproken',
        'met monitoring',
        '%',
        'Contact 3 mnd: gepland',
        'tijdig',
        '%',
        'Contact 12 mnd: gepland',
        'tijdig',
        '%',
      ],
      rijen: reeks.map(({ kwartaal, w }) => [
        kwartaalKort(kwartaal),
        ...(
          [
            'onderzoeken_monitoring_verwacht',
            'onderzoeken_monitoring_conform',
            'onderzoeken_monitoring_pct',
            'vv_monitoring_verwacht',
            'vv_monitoring_conform',
            'vv_monitoring_pct',
            'monitoring_3m_gepland',
            'monitoring_3m_tijdig',
            'monitoring_3m_pct',
            'monitoring_12m_gepland',
            'monitoring_12m_tijdig',
            'monitoring_12m_pct',
          ] as const
        ).map((k) => num(w[k])),
      ]),
    },
  };
}

/** The deviations to explain: monitoring where none is agreed, and none where it is. */
export function monitoringAfwijkingen(reeks: Punt[], gebiedNaam: string): Grafiek {
  const labels = reeks.map((p) => kwartaalKort(p.kwartaal));
  const kolommen: [string, (w: Waarden) => number | null][] = [
    ['Monitoring na weerlegd onderzoek', (w) => num(w.monitoring_na_weerlegd)],
    ['Monitoring na overdracht aan een GI', (w) => num(w.monitoring_na_overdracht_gi)],
    ['Geen monitoring na onderzoek', (w) => min(num(w.onderzoeken_monitoring_verwacht), num(w.onderzoeken_monitoring_conform))],
    ['Geen monitoring na V&V', (w) => min(num(w.vv_monitoring_verwacht), num(w.vv_monitoring_conform))],
  ];
  return {
    id: 'monitoring-afwijkingen',
    blad: 'Afwijkingen monitoring',
    titel: `Afwijkingen van de monitoringafspraken, per kwartaal — ${gebiedNaam}`,
    definitie:
      'Afgeronde onderzoeken en V&V waarbij de monitoring afwijkt van § 7.1: wel monitoring na een ' +
      'weerlegd onderzoek of na overdracht aan een gecertificeerde instelling, geen monitoring waar die is afgesproken.',
    anker: ANKER,
    formaat: 'getal',
    option: basisOptie({
      grid: { left: 8, right: 24, top: 80, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'aantal', minInterval: 1 },
      series: kolommen.map(([naam, f]) =>
        staafReeks(
          naam,
          reeks.map((p) => f(p.w)),
        ),
      ),
    }),
    tabel: {
      kolommen: ['Kwartaal', ...kolommen.map(([n]) => n)],
      rijen: reeks.map(({ kwartaal, w }) => [kwartaalKort(kwartaal), ...kolommen.map(([, f]) => f(w))]),
    },
  };
}

/** Overdracht on the four moments, stacked by ontvanger, one quarter. */
export function overdrachtPerMoment(waarde: unknown, label: string): Grafiek {
  const perMoment = obj(waarde);
  const momenten = Object.keys(MOMENT_LABEL);
  // the ontvangers with an overdracht (or a hidden value) on some moment; all-zero ones are left out
  const zichtbaar = Object.keys(OVERDRACHT_AAN_LABEL).filter((o) =>
    momenten.some((m) => {
      const v = obj(perMoment[m])[o];
      return v !== undefined && v !== 0;
    }),
  );
  const ontvangers = zichtbaar.length > 0 ? zichtbaar : ['lokaal_team'];
  const cel = (m: string, o: string): number | null => num(obj(perMoment[m])[o]);
  const totaal = (m: string): number | null => {
    const cellen = Object.keys(OVERDRACHT_AAN_LABEL)
      .map((o) => obj(perMoment[m])[o])
      .filter((v) => v !== undefined);
    return cellen.length === 0 || cellen.some((v) => num(v) === null) ? null : cellen.reduce((s: number, v) => s + (v as number), 0);
  };
  return {
    id: 'overdracht-per-moment',
    blad: 'Overdracht per moment',
    titel: `Overdracht per moment en ontvanger — ${label}`,
    definitie:
      'Overdrachten na de veiligheidsbeoordeling, na de keuze voor vervolgstappen, na onderzoek ' +
      'en na voorwaarden en vervolg (samenwerkingsafspraken § 8), naar de partij die de zorg overnam.',
    anker: ANKER,
    formaat: 'getal',
    hoogte: 380,
    option: basisOptie({
      grid: { left: 8, right: 24, top: 80, bottom: 28, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: { type: 'category', data: momenten.map((m) => MOMENT_LABEL[m]!), inverse: true },
      xAxis: { type: 'value', name: 'aantal', nameLocation: 'middle', nameGap: 26 },
      series: ontvangers.map((o) =>
        staafReeks(
          OVERDRACHT_AAN_LABEL[o]!,
          momenten.map((m) => cel(m, o)),
          { stack: 'moment' },
        ),
      ),
    }),
    // one row per ontvanger, one column per moment: up to nine ontvangers as columns (and the
    // moments' names as row labels) made the printed table wider than the page, so that Chromium
    // shrank the whole report to fit it
    tabel: {
      kolommen: ['Ontvanger', ...momenten.map((m) => MOMENT_LABEL[m]!)],
      rijen: [...ontvangers.map((o) => [OVERDRACHT_AAN_LABEL[o]!, ...momenten.map((m) => cel(m, o))] as Cel[]), ['Totaal', ...momenten.map(totaal)]],
    },
  };
}

const WACHT = [
  ['wacht_op_vervolgkeuze', 'Wacht op keuze vervolgstappen'],
  ['wacht_op_start_onderzoek', 'Wacht op start onderzoek'],
  ['wacht_op_start_vv', 'Wacht op start V&V'],
] as const;

/** The wachtlijst on the last day of each quarter, with the median and longest wait. */
export function wachtlijst(reeks: Punt[]): Grafiek {
  const labels = reeks.map((p) => kwartaalKort(p.kwartaal));
  const leeftijd = (w: Waarden, k: string, m: 'mediaan' | 'max') => num(obj(obj(w.wacht_dagen)[k])[m]);
  return {
    id: 'wachtlijst',
    blad: 'Wachtlijst',
    titel: 'Wachtlijst op de laatste dag van elk kwartaal',
    definitie:
      'Meldingen die wachten op de keuze voor vervolgstappen (sinds de VB) of op de start van een ' +
      'onderzoek of V&V (sinds het besluit over het vervolg); in de tabel ook de mediane en langste wachttijd in dagen.',
    anker: ANKER,
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'aantal', minInterval: 1 },
      series: WACHT.map(([k, naam]) =>
        staafReeks(
          naam,
          reeks.map((p) => num(p.w[k])),
        ),
      ),
    }),
    tabel: {
      kolommen: ['Kwartaal', ...WACHT.flatMap(([, naam]) => [naam, 'mediaan dagen', 'langste dagen'])],
      rijen: reeks.map(({ kwartaal, w }) => [kwartaalKort(kwartaal), ...WACHT.flatMap(([k]) => [num(w[k]), leeftijd(w, k, 'mediaan'), leeftijd(w, k, 'max')])]),
    },
  };
}

/** The ages on the wachtlijst of one quarter: median and longest wait per list. */
export function wachttijden(w: Waarden, kwartaal: Kwartaal): Grafiek {
  const leeftijd = (k: string, m: 'mediaan' | 'max') => num(obj(obj(w.wacht_dagen)[k])[m]);
  return {
    id: 'wachttijden',
    blad: 'Wachttijd op de wachtlijst',
    titel: `Wachttijd op de wachtlijst in dagen — ${kwartaalKort(kwartaal)}`,
    definitie:
      'Mediane en langste wachttijd op de laatste dag van het kwartaal: sinds de VB (keuze vervolgstappen) ' +
      'of sinds het besluit over het vervolg (start onderzoek of V&V).',
    anker: ANKER,
    formaat: 'getal',
    option: basisOptie({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: { type: 'category', data: WACHT.map(([, n]) => n), inverse: true },
      xAxis: { type: 'value', name: 'dagen', nameLocation: 'middle', nameGap: 26 },
      series: [
        staafReeks(
          'Mediaan',
          WACHT.map(([k]) => leeftijd(k, 'mediaan')),
          { label: { show: true, position: 'right' } },
        ),
        staafReeks(
          'Langste',
          WACHT.map(([k]) => leeftijd(k, 'max')),
          { label: { show: true, position: 'right' } },
        ),
      ],
    }),
    tabel: {
      kolommen: ['Wachtlijst', 'Aantal', 'Mediaan (dagen)', 'Langste (dagen)'],
      rijen: WACHT.map(([k, n]) => [n, num(w[k]), leeftijd(k, 'mediaan'), leeftijd(k, 'max')]),
    },
  };
}

/** Meldingen and adviezen by aard van het geweld, one quarter. */
export function aardGeweld(meldingen: unknown, adviezen: unknown, label: string): Grafiek {
  const codes = Object.keys(AARD_GEWELD_LABEL);
  const m = obj(meldingen);
  const a = obj(adviezen);
  return {
    id: 'aard-geweld',
    blad: 'Aard van het geweld',
    titel: `Meldingen en adviezen naar aard van het geweld — ${label}`,
    definitie:
      'Meldingen en adviezen die in het kwartaal binnenkwamen, naar aard van het geweld (voor het ' +
      'integraal veiligheidsplan, VNG-focusblad); zonder aard: onbekend.',
    anker: ANKER,
    formaat: 'getal',
    hoogte: 380,
    option: basisOptie({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: { type: 'category', data: codes.map((c) => AARD_GEWELD_LABEL[c]!), inverse: true },
      xAxis: { type: 'value', name: 'aantal', nameLocation: 'middle', nameGap: 26 },
      series: [
        staafReeks(
          'Meldingen',
          codes.map((c) => num(m[c])),
        ),
        staafReeks(
          'Adviezen',
          codes.map((c) => num(a[c])),
        ),
      ],
    }),
    tabel: { kolommen: ['Aard van het geweld', 'Meldingen', 'Adviezen'], rijen: codes.map((c) => [AARD_GEWELD_LABEL[c]!, num(m[c]), num(a[c])]) },
  };
}

/** Spoedmeldingen per quarter and those with the VB on the day of binnenkomst. */
export function spoed(reeks: Punt[], gebiedNaam: string): Grafiek {
  const labels = reeks.map((p) => kwartaalKort(p.kwartaal));
  const pct = (w: Waarden): number | null => {
    const n = num(w.meldingen_spoed);
    const z = num(w.spoed_vb_zelfde_dag);
    return n === null || z === null ? null : percentage(z, n);
  };
  return {
    id: 'spoed',
    blad: 'Spoedmeldingen',
    titel: `Spoedmeldingen en veiligheidsbeoordeling op dezelfde dag — ${gebiedNaam}`,
    definitie: 'Meldingen met spoed die in het kwartaal binnenkwamen, en daarvan die met de veiligheidsbeoordeling op de dag van binnenkomst.',
    anker: ANKER,
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'aantal', minInterval: 1 },
      series: [
        staafReeks(
          'Spoedmeldingen',
          reeks.map((p) => num(p.w.meldingen_spoed)),
        ),
        staafReeks(
          'waarvan VB dezelfde dag',
          reeks.map((p) => num(p.w.spoed_vb_zelfde_dag)),
        ),
      ],
    }),
    tabel: {
      kolommen: ['Kwartaal', 'Spoedmeldingen', 'VB dezelfde dag', '% dezelfde dag'],
      rijen: reeks.map(({ kwartaal, w }) => [kwartaalKort(kwartaal), num(w.meldingen_spoed), num(w.spoed_vb_zelfde_dag), pct(w)]),
    },
  };
}
