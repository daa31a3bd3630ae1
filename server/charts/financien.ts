import { kwartaalKort } from '../calendar/kwartaal.js';
import type { DoorstroomPerFte, FormatieMaand } from '../financien/compute.js';
import { basisOptie, KLEUREN, staafReeks, type Grafiek } from './grafiek.js';

const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
export const maandKort = (maand: string) => `${MAANDEN[Number(maand.slice(5, 7)) - 1]} ${maand.slice(0, 4)}`;

/** Forecast bars: the same colour, lighter and with a dashed outline, so realised and forecast differ without colour alone. */
const PROGNOSE_STIJL = { opacity: 0.45, borderType: 'dashed', borderColor: '#1a1a1a', borderWidth: 1 };

/** FTE per month, stacked own staff / contractors; forecast months visibly different. */
export function formatiePerMaand(maanden: FormatieMaand[]): Grafiek {
  const reeks = (naam: string, kleur: string, veld: 'fte_personeel' | 'fte_inhuur', status: string) =>
    staafReeks(
      naam,
      maanden.map((m) => (m.status === status ? m[veld] : null)),
      {
        stack: 'fte',
        itemStyle: { color: kleur, ...(status === 'prognose' ? PROGNOSE_STIJL : {}) },
      },
    );
  return {
    id: 'formatie',
    blad: 'Formatie per maand',
    titel: 'Formatie per maand (fte): eigen personeel en inhuur, realisatie en prognose',
    definitie: 'Fte per maand uit het formatiebestand; lichte balken met een gestippelde rand zijn prognoses.',
    anker: 'financien-en-formatie',
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: maanden.map((m) => maandKort(m.maand)), axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', name: 'fte' },
      series: [
        reeks('Eigen personeel', KLEUREN[0]!, 'fte_personeel', 'realisatie'),
        reeks('Inhuur', KLEUREN[1]!, 'fte_inhuur', 'realisatie'),
        reeks('Eigen personeel (prognose)', KLEUREN[0]!, 'fte_personeel', 'prognose'),
        reeks('Inhuur (prognose)', KLEUREN[1]!, 'fte_inhuur', 'prognose'),
      ],
    }),
    tabel: {
      kolommen: ['Maand', 'Eigen personeel (fte)', 'Inhuur (fte)', 'Totaal (fte)', 'Status'],
      rijen: maanden.map((m) => [maandKort(m.maand), m.fte_personeel, m.fte_inhuur, m.fte_totaal, m.status]),
    },
  };
}

/** Meldingen and adviezen per FTE per quarter. */
export function doorstroomPerFteGrafiek(rijen: DoorstroomPerFte[]): Grafiek {
  return {
    id: 'per-fte',
    blad: 'Meldingen en adviezen per fte',
    titel: 'Meldingen en adviezen per fte, per kwartaal',
    definitie: 'Aantal meldingen en adviezen van het kwartaal gedeeld door de gemiddelde formatie (eigen personeel en inhuur) van de maanden van dat kwartaal.',
    anker: 'financien-en-formatie',
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: rijen.map((r) => kwartaalKort(r.kwartaal)) },
      yAxis: { type: 'value', name: 'per fte' },
      series: [
        staafReeks(
          'Meldingen per fte',
          rijen.map((r) => r.meldingen_per_fte),
        ),
        staafReeks(
          'Adviezen per fte',
          rijen.map((r) => r.adviezen_per_fte),
        ),
      ],
    }),
    tabel: {
      kolommen: ['Kwartaal', 'Fte (gemiddeld)', 'Meldingen', 'Adviezen', 'Meldingen per fte', 'Adviezen per fte'],
      rijen: rijen.map((r) => [
        kwartaalKort(r.kwartaal) + (r.prognose ? ' (prognose)' : ''),
        r.fte_gemiddeld,
        r.meldingen,
        r.adviezen,
        r.meldingen_per_fte,
        r.adviezen_per_fte,
      ]),
    },
  };
}
