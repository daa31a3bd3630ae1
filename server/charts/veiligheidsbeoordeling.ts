import { formatteerDatum } from '../shared/formaat.js';
import { kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import { BESLUIT_LABEL } from './labels.js';
import { basisOptie, horizontaleStaven, staafReeks, type Grafiek } from './grafiek.js';
import { afronden } from '../shared/getallen.js';

/** The dashed line of the norm (a percentage) across a chart, labelled at its end. */
const normLijn = (norm: number) => ({
  silent: true,
  symbol: 'none',
  lineStyle: { type: 'dashed', color: '#1a1a1a' },
  label: { formatter: `norm ${norm}%`, position: 'end' },
  data: [{ yAxis: norm }],
});

export function vbBesluiten(besluit: Record<string, number>, titelSuffix: string): Grafiek {
  const rijen = Object.entries(besluit).map(([code, n]) => [BESLUIT_LABEL[code] ?? code, n] as [string, number]);
  return {
    id: 'vb-besluiten',
    blad: 'Besluiten na de VB',
    titel: `Besluiten na de veiligheidsbeoordeling — ${titelSuffix}`,
    definitie: 'Veiligheidsbeoordelingen die in het kwartaal zijn afgerond, naar besluit.',
    anker: 'veiligheidsbeoordeling-onderdeel-b',
    formaat: 'getal',
    hoogte: 300,
    option: horizontaleStaven(
      rijen.map(([l]) => l),
      rijen.map(([, n]) => n),
      'Veiligheidsbeoordelingen',
    ),
    tabel: { kolommen: ['Besluit', 'Aantal'], rijen },
  };
}

export interface TijdigheidPunt {
  kwartaal: Kwartaal;
  meldingen_vb: number | null;
  vb_binnen_termijn: number | null;
  /** the stored (or protected) share; hidden or without VB's: null — never computed from a hidden count as 0 */
  vb_binnen_termijn_pct: number | null;
}

/** 100 % stacked bars per quarter: the share of VB within and outside 5 werkdagen. */
export function vbTijdigheid(reeks: TijdigheidPunt[], norm: number, gebiedNaam: string): Grafiek {
  const binnen = reeks.map((p) => p.vb_binnen_termijn_pct);
  const buiten = binnen.map((b) => (b === null ? null : afronden(100 - b, 1)));
  return {
    id: 'vb-tijdigheid',
    blad: 'VB binnen 5 werkdagen',
    titel: `Veiligheidsbeoordeling binnen 5 werkdagen, per kwartaal — ${gebiedNaam}`,
    definitie: `Aandeel van de veiligheidsbeoordelingen dat uiterlijk op de 5e werkdag na binnenkomst is afgerond. Norm: ${norm}%.`,
    anker: 'veiligheidsbeoordeling-onderdeel-b',
    formaat: 'procent',
    option: basisOptie({
      // the norm's label stands right of the plot, never on a bar
      grid: { left: 8, right: 64, top: 56, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: reeks.map((p) => kwartaalKort(p.kwartaal)) },
      yAxis: { type: 'value', max: 100, name: '%' },
      series: [
        staafReeks('Binnen termijn', binnen, {
          stack: 'vb',
          markLine: normLijn(norm),
        }),
        staafReeks('Niet binnen termijn', buiten, { stack: 'vb' }),
      ],
    }),
    tabel: {
      kolommen: ['Kwartaal', 'Veiligheidsbeoordelingen', 'Binnen termijn', '% binnen termijn'],
      rijen: reeks.map((p, i) => [kwartaalKort(p.kwartaal), p.meldingen_vb, p.vb_binnen_termijn, binnen[i] ?? null]),
    },
  };
}

export interface WeekPunt {
  week: string;
  meldingen_vb: number;
  binnen_termijn: number;
  pct: number | null;
}

export function vbPerWeek(weken: WeekPunt[], norm: number, kwartaal: Kwartaal): Grafiek {
  const labels = weken.map((w) => `week van ${formatteerDatum(w.week).replace(/ \d{4}$/, '')}`);
  return {
    id: 'vb-per-week',
    blad: 'VB binnen termijn per week',
    titel: `Veiligheidsbeoordeling binnen termijn per week — ${kwartaalKort(kwartaal)}`,
    definitie: 'Aandeel binnen 5 werkdagen van de veiligheidsbeoordelingen die in die week (maandag t/m zondag) zijn afgerond.',
    anker: 'veiligheidsbeoordeling-onderdeel-b',
    formaat: 'procent',
    option: basisOptie({
      grid: { left: 8, right: 64, top: 56, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', max: 100, name: '%' },
      series: [
        {
          name: 'Binnen termijn',
          type: 'line',
          data: weken.map((w) => w.pct),
          symbolSize: 8,
          markLine: normLijn(norm),
        },
      ],
    }),
    tabel: {
      kolommen: ['Week (maandag)', 'Veiligheidsbeoordelingen', 'Binnen termijn', '% binnen termijn'],
      rijen: weken.map((w) => [w.week, w.meldingen_vb, w.binnen_termijn, w.pct]),
    },
  };
}
