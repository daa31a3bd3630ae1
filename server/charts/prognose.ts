/**
 * The forecast and the scenario paths as charts (data only): built from the prognose service's
 * rounded figures, the same option for the browser and the PDF.
 */
import { formatteerDatum } from '../shared/formaat.js';
import { basisOptie, KLEUREN, staafReeks, type Grafiek } from './grafiek.js';

export interface PrognoseCijfers {
  waargenomen: number;
  verwacht: number | null;
  ondergrens: number | null;
  bovengrens: number | null;
}

/** Observed so far and expected for the year, meldingen and adviezen, with the 80 % interval in the table. */
export function prognoseGrafiek(jaar: number, peildatum: string, meldingen: PrognoseCijfers, adviezen: PrognoseCijfers): Grafiek {
  const rij = (naam: string, p: PrognoseCijfers) => [naam, p.waargenomen, p.verwacht, p.ondergrens, p.bovengrens];
  return {
    id: 'prognose',
    titel: `Prognose instroom ${jaar} (geen norm of doel)`,
    blad: `Prognose instroom ${jaar}`,
    definitie:
      `Waargenomen tot en met ${formatteerDatum(peildatum)} en verwacht voor het hele jaar uit het ` +
      `seizoenspatroon van eerdere jaren, met een 80%-interval uit de fouten van dezelfde methode ` +
      `op die jaren. Een prognose is geen norm of doel.`,
    anker: 'prognose',
    formaat: 'getal',
    option: basisOptie({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: ['Meldingen', 'Adviezen'] },
      yAxis: { type: 'value', name: 'aantal' },
      series: [
        staafReeks(`Waargenomen t/m ${formatteerDatum(peildatum)}`, [meldingen.waargenomen, adviezen.waargenomen]),
        staafReeks(`Verwacht ${jaar}`, [meldingen.verwacht, adviezen.verwacht], {
          itemStyle: { color: KLEUREN[0], opacity: 0.45, borderType: 'dashed', borderColor: '#1a1a1a', borderWidth: 1 },
        }),
        {
          name: '80%-interval',
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [18, 3],
          itemStyle: { color: '#1a1a1a' },
          data: [
            [0, meldingen.ondergrens],
            [0, meldingen.bovengrens],
            [1, adviezen.ondergrens],
            [1, adviezen.bovengrens],
          ].filter((p) => p[1] !== null),
        },
      ],
    }),
    tabel: {
      kolommen: ['Instroom', `Waargenomen t/m ${formatteerDatum(peildatum)}`, `Verwacht ${jaar}`, 'Ondergrens (80%)', 'Bovengrens (80%)'],
      rijen: [rij('Meldingen', meldingen), rij('Adviezen', adviezen)],
    },
  };
}

export interface ScenarioReeks {
  jaren: number[];
  laag: number[];
  midden: number[];
  hoog: number[];
  /** realised per year; for the running year (the last) what is observed up to the peildatum */
  gerealiseerd: number[];
  /** the forecast of the running year, null when there is none */
  verwacht: number | null;
  /** true when the last year is still running */
  lopend: boolean;
}

const SCENARIO_LABEL = { laag: 'Scenario laag', midden: 'Scenario midden', hoog: 'Scenario hoog' } as const;

/** Realised instroom per year against the three scenario paths; the region's chosen path drawn solid. */
export function scenarioGrafiek(
  soort: 'meldingen' | 'adviezen',
  r: ScenarioReeks,
  gekozen: 'laag' | 'midden' | 'hoog',
  bron: string,
  voorbeeld: boolean,
): Grafiek {
  const naam = soort === 'meldingen' ? 'Meldingen' : 'Adviezen';
  const lijn = (s: 'laag' | 'midden' | 'hoog', kleur: string) => ({
    name: `${SCENARIO_LABEL[s]}${s === gekozen ? ' (gekozen)' : ''}`,
    type: 'line',
    data: r[s],
    symbolSize: 6,
    itemStyle: { color: kleur },
    lineStyle: { type: s === gekozen ? 'solid' : 'dashed', width: s === gekozen ? 3 : 2 },
  });
  return {
    id: `scenarios-${soort}`,
    titel: `${naam} per jaar tegen de scenario's laag, midden en hoog${voorbeeld ? ' (voorbeeldpercentages)' : ''}`,
    blad: `${naam} en scenario's`,
    definitie:
      `Gerealiseerde ${soort} per jaar en de verwachting voor het lopende jaar, naast de groeipaden ` +
      `van de scenario's uit het regiobestand. Bron van de percentages: ${bron}`,
    anker: 'scenarios',
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: r.jaren.map(String) },
      grid: { left: 8, right: 24, top: 100, bottom: 28, containLabel: true },
      yAxis: { type: 'value', name: 'aantal' },
      series: [
        staafReeks(r.lopend ? 'Gerealiseerd (lopend jaar: tot nu)' : 'Gerealiseerd', r.gerealiseerd, { itemStyle: { color: KLEUREN[0] } }),
        {
          name: 'Verwacht (prognose)',
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: '#1a1a1a' },
          data: r.lopend && r.verwacht !== null ? [[r.jaren.length - 1, r.verwacht]] : [],
        },
        lijn('laag', KLEUREN[2]!),
        lijn('midden', KLEUREN[1]!),
        lijn('hoog', KLEUREN[3]!),
      ],
    }),
    tabel: {
      kolommen: ['Jaar', 'Gerealiseerd', 'Verwacht', SCENARIO_LABEL.laag, SCENARIO_LABEL.midden, SCENARIO_LABEL.hoog],
      rijen: r.jaren.map((j, i) => {
        const lopend = r.lopend && i === r.jaren.length - 1;
        return [lopend ? `${j} (tot nu)` : String(j), r.gerealiseerd[i]!, lopend ? r.verwacht : r.gerealiseerd[i]!, r.laag[i]!, r.midden[i]!, r.hoog[i]!];
      }),
    },
  };
}
