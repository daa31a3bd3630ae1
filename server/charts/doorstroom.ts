import { kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import { LEEFTIJD_LABEL } from './labels.js';
import { basisOptie, horizontaleStaven, staafReeks, type Grafiek } from './grafiek.js';

export interface VoorraadPunt {
  kwartaal: Kwartaal;
  open_vb: number | null;
  open_vb_over_termijn: number | null;
  open_onderzoeken: number | null;
  open_onderzoeken_over_termijn: number | null;
  open_vv: number | null;
  open_vv_over_termijn: number | null;
}

/** Open minus over termijn; unknown when either is (never a hidden count taken as 0). */
const verschil = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function openWerk(reeks: VoorraadPunt[]): Grafiek {
  const labels = reeks.map((p) => kwartaalKort(p.kwartaal));
  const kol = (k: keyof VoorraadPunt) => reeks.map((p) => p[k] as number | null);
  return {
    id: 'open-werk',
    blad: 'Openstaand werk',
    titel: 'Openstaand werk op de laatste dag van elk kwartaal',
    definitie:
      'Meldingen zonder veiligheidsbeoordeling en lopende onderzoeken en V&V op de laatste dag van ' +
      'het kwartaal; "over termijn": meer dan 5 werkdagen na binnenkomst of meer dan 70 dagen na de VB.',
    anker: 'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal',
    formaat: 'getal',
    hoogte: 400,
    option: basisOptie({
      grid: { left: 8, right: 24, top: 80, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'aantal' },
      series: [
        staafReeks(
          'Open VB binnen termijn',
          reeks.map((p) => verschil(p.open_vb, p.open_vb_over_termijn)),
          { stack: 'vb' },
        ),
        staafReeks('Open VB over termijn', kol('open_vb_over_termijn'), { stack: 'vb' }),
        staafReeks(
          'Onderzoek binnen termijn',
          reeks.map((p) => verschil(p.open_onderzoeken, p.open_onderzoeken_over_termijn)),
          { stack: 'onderzoek' },
        ),
        staafReeks('Onderzoek over termijn', kol('open_onderzoeken_over_termijn'), { stack: 'onderzoek' }),
        staafReeks(
          'V&V binnen termijn',
          reeks.map((p) => verschil(p.open_vv, p.open_vv_over_termijn)),
          { stack: 'vv' },
        ),
        staafReeks('V&V over termijn', kol('open_vv_over_termijn'), { stack: 'vv' }),
      ],
    }),
    tabel: {
      kolommen: ['Kwartaal', 'Open VB', 'waarvan over termijn', 'Lopende onderzoeken', 'waarvan over termijn', 'Lopende V&V', 'waarvan over termijn'],
      rijen: reeks.map((p) => [
        kwartaalKort(p.kwartaal),
        p.open_vb,
        p.open_vb_over_termijn,
        p.open_onderzoeken,
        p.open_onderzoeken_over_termijn,
        p.open_vv,
        p.open_vv_over_termijn,
      ]),
    },
  };
}

export interface DoorlooptijdPunt {
  kwartaal: Kwartaal;
  vb: { mediaan: number | null; p90: number | null } | null;
  onderzoek: { mediaan: number | null; p90: number | null } | null;
  vv: { mediaan: number | null; p90: number | null } | null;
}

export function doorlooptijden(reeks: DoorlooptijdPunt[], soort: 'vb' | 'tienweken'): Grafiek {
  const labels = reeks.map((p) => kwartaalKort(p.kwartaal));
  const lijn = (naam: string, data: (number | null)[], stippel = false) => ({
    name: naam,
    type: 'line',
    data,
    symbolSize: 7,
    lineStyle: stippel ? { type: 'dashed' } : undefined,
  });
  if (soort === 'vb') {
    return {
      id: 'doorlooptijd-vb',
      blad: 'Doorlooptijd VB',
      titel: 'Doorlooptijd tot de veiligheidsbeoordeling (werkdagen)',
      definitie:
        'Mediaan en 90e percentiel van het aantal werkdagen van binnenkomst tot de veiligheidsbeoordeling, ' +
        "over de VB's van het kwartaal. Termijn: 5 werkdagen.",
      anker: 'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal',
      formaat: 'getal',
      option: basisOptie({
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', name: 'werkdagen' },
        series: [
          lijn(
            'Mediaan',
            reeks.map((p) => p.vb?.mediaan ?? null),
          ),
          lijn(
            '90e percentiel',
            reeks.map((p) => p.vb?.p90 ?? null),
            true,
          ),
        ],
      }),
      tabel: {
        kolommen: ['Kwartaal', 'Mediaan (werkdagen)', '90e percentiel (werkdagen)'],
        rijen: reeks.map((p) => [kwartaalKort(p.kwartaal), p.vb?.mediaan ?? null, p.vb?.p90 ?? null]),
      },
    };
  }
  return {
    id: 'doorlooptijd-onderzoek-vv',
    blad: 'Doorlooptijd onderzoek en V&V',
    titel: 'Doorlooptijd van onderzoek en V&V (dagen na de VB)',
    definitie: 'Mediaan en 90e percentiel van de dagen van de veiligheidsbeoordeling tot het einde, over de in het kwartaal afgeronde. Termijn: 70 dagen.',
    anker: 'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal',
    formaat: 'getal',
    option: basisOptie({
      grid: { left: 8, right: 24, top: 80, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'dagen' },
      series: [
        lijn(
          'Onderzoek mediaan',
          reeks.map((p) => p.onderzoek?.mediaan ?? null),
        ),
        lijn(
          'Onderzoek 90e percentiel',
          reeks.map((p) => p.onderzoek?.p90 ?? null),
          true,
        ),
        lijn(
          'V&V mediaan',
          reeks.map((p) => p.vv?.mediaan ?? null),
        ),
        lijn(
          'V&V 90e percentiel',
          reeks.map((p) => p.vv?.p90 ?? null),
          true,
        ),
      ],
    }),
    tabel: {
      kolommen: ['Kwartaal', 'Onderzoek mediaan', 'Onderzoek p90', 'V&V mediaan', 'V&V p90'],
      rijen: reeks.map((p) => [kwartaalKort(p.kwartaal), p.onderzoek?.mediaan ?? null, p.onderzoek?.p90 ?? null, p.vv?.mediaan ?? null, p.vv?.p90 ?? null]),
    },
  };
}

export function leeftijdOpenWerk(
  leeftijd: { vb: Record<string, number>; onderzoek: Record<string, number>; vv: Record<string, number> },
  kwartaal: Kwartaal,
): Grafiek {
  const groepen: [string, Record<string, number>][] = [
    ['Open VB', leeftijd.vb],
    ['Lopende onderzoeken', leeftijd.onderzoek],
    ['Lopende V&V', leeftijd.vv],
  ];
  const rijen = groepen.flatMap(([naam, klassen]) => Object.entries(klassen).map(([k, n]) => [naam, LEEFTIJD_LABEL[k] ?? k, n] as [string, string, number]));
  return {
    id: 'leeftijd-open-werk',
    blad: 'Leeftijd openstaand werk',
    titel: `Leeftijd van het openstaande werk op ${kwartaalKort(kwartaal)}`,
    definitie:
      'Open VB naar werkdagen sinds binnenkomst; lopende onderzoeken en V&V naar dagen sinds de veiligheidsbeoordeling, op de laatste dag van het kwartaal.',
    anker: 'doorstroom-voor-vt-management-op-de-laatste-dag-van-het-kwartaal',
    formaat: 'getal',
    hoogte: 360,
    option: horizontaleStaven(
      rijen.map(([g, k]) => `${g}: ${k}`),
      rijen.map(([, , n]) => n),
      'Aantal',
    ),
    tabel: { kolommen: ['Werk', 'Leeftijd', 'Aantal'], rijen },
  };
}
