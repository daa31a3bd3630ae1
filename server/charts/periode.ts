import { basisOptie, horizontaleStaven, staafReeks, type Grafiek } from './grafiek.js';

/** Bars over categories (years, quarters, codes), one series per row of the table; the table holds the same numbers. */
export function staafGrafiek(opties: {
  id: string;
  titel: string;
  definitie: string;
  anker: string;
  kop: string;
  categorieen: string[];
  reeksen: { naam: string; data: (number | null)[] }[];
  gestapeld?: boolean;
  hoogte?: number;
}): Grafiek {
  const { categorieen, reeksen } = opties;
  return {
    id: opties.id,
    titel: opties.titel,
    definitie: opties.definitie,
    anker: opties.anker,
    formaat: 'getal',
    hoogte: opties.hoogte,
    option: basisOptie({
      xAxis: { type: 'category', data: categorieen },
      yAxis: { type: 'value', name: 'aantal' },
      series: reeksen.map((r) => staafReeks(r.naam, r.data, opties.gestapeld ? { stack: 'totaal' } : {})),
    }),
    tabel: { kolommen: [opties.kop, ...reeksen.map((r) => r.naam)], rijen: categorieen.map((c, i) => [c, ...reeksen.map((r) => r.data[i] ?? null)]) },
  };
}

/** One distribution over codes as horizontal bars; the table has the count per code. */
export function verdelingGrafiek(opties: {
  id: string;
  titel: string;
  definitie: string;
  anker: string;
  kop: string;
  reeks: string;
  waarden: Record<string, number | null>;
  labels: Record<string, string>;
}): Grafiek {
  const rijen = Object.entries(opties.waarden).map(([code, n]) => [opties.labels[code] ?? code, n] as [string, number | null]);
  return {
    id: opties.id,
    titel: opties.titel,
    definitie: opties.definitie,
    anker: opties.anker,
    formaat: 'getal',
    hoogte: Math.max(240, rijen.length * 28 + 60),
    option: horizontaleStaven(
      rijen.map(([l]) => l),
      rijen.map(([, n]) => n),
      opties.reeks,
    ),
    tabel: { kolommen: [opties.kop, opties.reeks], rijen },
  };
}
