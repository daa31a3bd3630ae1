import { kwartaalKort, type Kwartaal } from '../calendar/kwartaal.js';
import { BEROEPSGROEP_LABEL, MELDER_LABEL } from './labels.js';
import { basisOptie, horizontaleStaven, staafReeks, type Grafiek } from './grafiek.js';
import { metJaar, metNoot, type BevolkingLabel } from './bevolking.js';

export interface InstroomPunt {
  kwartaal: Kwartaal;
  adviezen: number | null;
  meldingen: number | null;
}

export function instroomPerKwartaal(reeks: InstroomPunt[], gebiedNaam: string): Grafiek {
  const labels = reeks.map((p) => kwartaalKort(p.kwartaal));
  return {
    id: 'instroom',
    blad: 'Adviezen en meldingen',
    titel: `Adviezen en meldingen per kwartaal — ${gebiedNaam}`,
    definitie: 'Aantal adviezen (inclusief overige zorgmeldingen) en meldingen, naar kwartaal van binnenkomst.',
    anker: 'instroom-onderdeel-a',
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'aantal' },
      series: [
        staafReeks(
          'Adviezen',
          reeks.map((p) => p.adviezen),
          { stack: 'instroom' },
        ),
        staafReeks(
          'Meldingen',
          reeks.map((p) => p.meldingen),
          { stack: 'instroom' },
        ),
      ],
    }),
    tabel: {
      kolommen: ['Kwartaal', 'Adviezen', 'Meldingen', 'Totaal'],
      rijen: reeks.map((p) => [
        kwartaalKort(p.kwartaal),
        p.adviezen,
        p.meldingen,
        p.adviezen === null || p.meldingen === null ? null : p.adviezen + p.meldingen,
      ]),
    },
  };
}

export interface GemeenteWaarde {
  code: string;
  naam: string;
  adviezen: number | null;
  meldingen: number | null;
}

/** Adviezen and meldingen per gemeente, absolute or per 1,000 inhabitants; a bar links to the gemeente. */
export function perGemeente(rijen: GemeenteWaarde[], modus: 'aantal' | 'per1000', kwartaal: Kwartaal, bevolking?: BevolkingLabel | null): Grafiek {
  const gesorteerd = [...rijen].sort((a, b) => (b.meldingen ?? 0) + (b.adviezen ?? 0) - ((a.meldingen ?? 0) + (a.adviezen ?? 0)));
  const per1000 = modus === 'per1000';
  return {
    id: per1000 ? 'per-gemeente-per-1000' : 'per-gemeente',
    blad: per1000 ? 'Instroom per gemeente per 1.000' : 'Instroom per gemeente',
    titel: per1000
      ? `Adviezen en meldingen per 1.000 inwoners per gemeente — ${kwartaalKort(kwartaal)}`
      : `Adviezen en meldingen per gemeente — ${kwartaalKort(kwartaal)}`,
    definitie: per1000
      ? metNoot('Aantal per 1.000 inwoners (inwonertal uit het regiobestand), naar kwartaal van binnenkomst.', bevolking)
      : 'Aantal adviezen en meldingen naar gemeente van de direct betrokkene.',
    anker: per1000 ? 'per-1000-inwoners' : 'instroom-onderdeel-a',
    formaat: 'getal',
    hoogte: 460,
    option: basisOptie({
      yAxis: { type: 'category', data: gesorteerd.map((g) => g.naam), inverse: true, triggerEvent: true },
      xAxis: { type: 'value', name: per1000 ? metJaar('per 1.000 inwoners', bevolking) : 'aantal', nameLocation: 'middle', nameGap: 26 },
      series: [
        staafReeks(
          'Adviezen',
          gesorteerd.map((g) => g.adviezen),
        ),
        staafReeks(
          'Meldingen',
          gesorteerd.map((g) => g.meldingen),
        ),
      ],
    }),
    tabel: {
      kolommen: [
        'Gemeente',
        'CBS-code',
        per1000 ? metJaar('Adviezen per 1.000', bevolking) : 'Adviezen',
        per1000 ? metJaar('Meldingen per 1.000', bevolking) : 'Meldingen',
      ],
      rijen: gesorteerd.map((g) => [g.naam, g.code, g.adviezen, g.meldingen]),
    },
    links: Object.fromEntries(gesorteerd.map((g) => [g.naam, `/gemeente/${g.code}?kwartaal=${kwartaal}`])),
  };
}

function verdeling(
  id: string,
  titel: string,
  definitie: string,
  anker: string,
  waarden: Record<string, number>,
  labels: Record<string, string>,
  kop: string,
  blad: string,
): Grafiek {
  const rijen = Object.entries(waarden).map(([code, n]) => [labels[code] ?? code, n] as [string, number]);
  return {
    id,
    titel,
    blad,
    definitie,
    anker,
    formaat: 'getal',
    hoogte: Math.max(260, rijen.length * 28 + 60),
    option: horizontaleStaven(
      rijen.map(([l]) => l),
      rijen.map(([, n]) => n),
      'Meldingen',
    ),
    tabel: { kolommen: [kop, 'Meldingen'], rijen },
  };
}

export function perMelder(waarden: Record<string, number>, titelSuffix: string): Grafiek {
  return verdeling(
    'per-melder',
    `Meldingen per type melder — ${titelSuffix}`,
    'Meldingen naar wie contact opnam met Veilig Thuis: politie, overige professional of niet-professional.',
    'instroom-onderdeel-a',
    waarden,
    MELDER_LABEL,
    'Melder',
    'Meldingen per type melder',
  );
}

export function perBeroepsgroep(waarden: Record<string, number>, titelSuffix: string): Grafiek {
  const metWaarde = Object.fromEntries(Object.entries(waarden).filter(([, n]) => n > 0));
  return verdeling(
    'per-beroepsgroep',
    `Meldingen van professionals per beroepsgroep — ${titelSuffix}`,
    'Meldingen van overige professionals (dus niet de politie) naar beroepsgroep; zonder beroepsgroep: onbekend.',
    'instroom-onderdeel-a',
    metWaarde,
    BEROEPSGROEP_LABEL,
    'Beroepsgroep',
    'Meldingen per beroepsgroep',
  );
}
