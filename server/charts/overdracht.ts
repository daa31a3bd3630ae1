import { kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import { BESLUIT_LABEL, OVERDRACHT_AAN_LABEL } from './labels.js';
import { basisOptie, horizontaleStaven, staafReeks, type Grafiek } from './grafiek.js';
import { OVERDRACHT_BESLUIT_CODES } from '../indicatoren/catalogus.js';

/** The three besluiten that hand a melding over right after the VB (part c), from the catalogue. */
const NA_VB = OVERDRACHT_BESLUIT_CODES;

export interface OverdrachtNaVbPunt {
  kwartaal: Kwartaal;
  vb_besluit: Record<string, number>;
}

/** Overdracht na VB per quarter, stacked by receiving party. */
export function overdrachtNaVb(reeks: OverdrachtNaVbPunt[], gebiedNaam: string): Grafiek {
  const labels = reeks.map((p) => kwartaalKort(p.kwartaal));
  const waarde = (p: OverdrachtNaVbPunt, b: string) => p.vb_besluit[b] ?? null;
  return {
    id: 'overdracht-na-vb',
    blad: 'Overdracht na VB',
    titel: `Overdracht na de veiligheidsbeoordeling, per kwartaal — ${gebiedNaam}`,
    definitie: 'Veiligheidsbeoordelingen van het kwartaal met besluit overdracht aan het lokaal team, aan betrokken hulpverlening of aan de melder.',
    anker: 'overdracht-onderdeel-c',
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'aantal' },
      series: NA_VB.map((b) =>
        staafReeks(
          BESLUIT_LABEL[b]!.replace('Overdracht aan ', 'Aan '),
          reeks.map((p) => waarde(p, b)),
          { stack: 'na-vb' },
        ),
      ),
    }),
    tabel: {
      kolommen: ['Kwartaal', ...NA_VB.map((b) => BESLUIT_LABEL[b]!), 'Totaal'],
      rijen: reeks.map((p) => {
        const cellen = NA_VB.map((b) => waarde(p, b));
        return [kwartaalKort(p.kwartaal), ...cellen, cellen.some((c) => c === null) ? null : cellen.reduce((s, c) => s! + c!, 0)];
      }),
    },
  };
}

/** Overdracht na vervolgkeuze by receiving party (`overdracht_aan`), one quarter. */
export function overdrachtPerOntvanger(waarden: Record<string, number>, titelSuffix: string): Grafiek {
  const rijen = Object.entries(waarden).map(([code, n]) => [OVERDRACHT_AAN_LABEL[code] ?? code, n] as [string, number]);
  return {
    id: 'overdracht-per-ontvanger',
    blad: 'Overdracht per ontvanger',
    titel: `Overdracht na de keuze voor vervolgstappen, naar ontvanger — ${titelSuffix}`,
    definitie: 'Meldingen met vervolg overdracht, naar kwartaal van het besluit over het vervolg, naar de partij die de zorg overnam.',
    anker: 'overdracht-onderdeel-c',
    formaat: 'getal',
    hoogte: Math.max(260, rijen.length * 28 + 60),
    option: horizontaleStaven(
      rijen.map(([l]) => l),
      rijen.map(([, n]) => n),
      'Overdrachten',
    ),
    tabel: { kolommen: ['Ontvanger', 'Overdrachten'], rijen },
  };
}
