import { kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import { basisOptie, staafReeks, type Grafiek } from './grafiek.js';

export interface AfgerondPunt {
  kwartaal: Kwartaal;
  onderzoeken_afgerond: number | null;
  onderzoeken_binnen_termijn: number | null;
  vv_afgerond: number | null;
  vv_binnen_termijn: number | null;
}

/** Afgeronde onderzoeken and V&V per quarter, each split into within and beyond 10 weken (parts d and e). */
export function afgerondPerKwartaal(reeks: AfgerondPunt[], gebiedNaam: string): Grafiek {
  const buiten = (n: number | null, binnen: number | null) => (n === null || binnen === null ? null : n - binnen);
  return {
    id: 'afgerond-per-kwartaal',
    blad: 'Afgeronde onderzoeken en V&V',
    titel: `Afgeronde onderzoeken en voorwaarden en vervolg, per kwartaal — ${gebiedNaam}`,
    definitie: 'Onderzoeken en V&V met een einddatum in het kwartaal; binnen termijn = uiterlijk 70 dagen (10 weken) na de veiligheidsbeoordeling.',
    anker: 'onderzoek-onderdeel-d-en-voorwaarden-en-vervolg-onderdeel-e',
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: reeks.map((p) => kwartaalKort(p.kwartaal)) },
      yAxis: { type: 'value', name: 'aantal' },
      series: [
        staafReeks(
          'Onderzoek binnen 10 weken',
          reeks.map((p) => p.onderzoeken_binnen_termijn),
          { stack: 'onderzoek' },
        ),
        staafReeks(
          'Onderzoek later',
          reeks.map((p) => buiten(p.onderzoeken_afgerond, p.onderzoeken_binnen_termijn)),
          { stack: 'onderzoek' },
        ),
        staafReeks(
          'V&V binnen 10 weken',
          reeks.map((p) => p.vv_binnen_termijn),
          { stack: 'vv' },
        ),
        staafReeks(
          'V&V later',
          reeks.map((p) => buiten(p.vv_afgerond, p.vv_binnen_termijn)),
          { stack: 'vv' },
        ),
      ],
    }),
    tabel: {
      kolommen: ['Kwartaal', 'Onderzoeken afgerond', 'Onderzoek binnen 10 weken', 'V&V afgerond', 'V&V binnen 10 weken'],
      rijen: reeks.map((p) => [kwartaalKort(p.kwartaal), p.onderzoeken_afgerond, p.onderzoeken_binnen_termijn, p.vv_afgerond, p.vv_binnen_termijn]),
    },
  };
}
