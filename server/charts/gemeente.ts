import { kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import { basisOptie, staafReeks, type Grafiek } from './grafiek.js';
import { metJaar, metNoot, type BevolkingLabel } from './bevolking.js';
import { PER_1000_SLEUTELS, PER_SLEUTEL } from '../indicatoren/catalogus.js';

/** The counts with a per-1,000 figure (the catalogue's), without the total instroom; labels from the catalogue. */
const PER_1000_LABEL: Record<string, string> = Object.fromEntries(
  PER_1000_SLEUTELS.filter((k) => k !== 'meldingen_totaal_instroom').map((k) => [k, PER_SLEUTEL.get(k)!.label]),
);

/** The gemeente beside the region, per 1,000 inhabitants. */
export function gemeenteVsRegio(
  gemeente: Record<string, number | null>,
  regio: Record<string, number | null>,
  gemeenteNaam: string,
  kwartaal: Kwartaal,
  bevolking?: BevolkingLabel | null,
): Grafiek {
  const keys = Object.keys(PER_1000_LABEL);
  return {
    id: 'gemeente-vs-regio',
    blad: 'Gemeente naast regio per 1.000',
    titel: `${gemeenteNaam} naast de regio, per 1.000 inwoners — ${kwartaalKort(kwartaal)}`,
    definitie: metNoot('Aantallen per 1.000 inwoners; de regio is het totaal van haar gemeenten gedeeld door hun inwoners samen.', bevolking),
    anker: 'per-1000-inwoners',
    formaat: 'getal',
    hoogte: 340,
    option: basisOptie({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: { type: 'category', data: keys.map((k) => PER_1000_LABEL[k]), inverse: true, axisLabel: { interval: 0 } },
      // the year is in the definition and the table's headers: the axis name stays short enough for a half-width print
      xAxis: { type: 'value', name: 'per 1.000 inwoners', nameLocation: 'middle', nameGap: 26 },
      series: [
        staafReeks(
          gemeenteNaam,
          keys.map((k) => gemeente[k] ?? null),
        ),
        staafReeks(
          'Regio',
          keys.map((k) => regio[k] ?? null),
        ),
      ],
    }),
    tabel: {
      kolommen: ['Indicator', metJaar(`${gemeenteNaam} per 1.000`, bevolking), metJaar('Regio per 1.000', bevolking)],
      rijen: keys.map((k) => [PER_1000_LABEL[k]!, gemeente[k] ?? null, regio[k] ?? null]),
    },
  };
}

export interface OverdrachtPunt {
  kwartaal: Kwartaal;
  na_vb_lokaal_team: number | null;
  na_vervolgkeuze: number | null;
}

export function overdrachtLokaalTeam(reeks: OverdrachtPunt[], gemeenteNaam: string): Grafiek {
  return {
    id: 'overdracht-lokaal-team',
    blad: 'Overdracht aan lokaal team',
    titel: `Overdrachten aan het lokaal team per kwartaal — ${gemeenteNaam}`,
    definitie:
      'Meldingen die aan het lokaal team zijn overgedragen: na de veiligheidsbeoordeling (besluit ' +
      'overdracht lokaal team) en na de keuze voor vervolgstappen (vervolg overdracht, ontvanger lokaal team).',
    anker: 'overdracht-onderdeel-c',
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: reeks.map((p) => kwartaalKort(p.kwartaal)) },
      yAxis: { type: 'value', name: 'aantal' },
      series: [
        staafReeks(
          'Na VB aan lokaal team',
          reeks.map((p) => p.na_vb_lokaal_team),
        ),
        staafReeks(
          'Na vervolgkeuze aan lokaal team',
          reeks.map((p) => p.na_vervolgkeuze),
        ),
      ],
    }),
    tabel: {
      kolommen: ['Kwartaal', 'Na VB aan lokaal team', 'Na vervolgkeuze aan lokaal team'],
      rijen: reeks.map((p) => [kwartaalKort(p.kwartaal), p.na_vb_lokaal_team, p.na_vervolgkeuze]),
    },
  };
}
