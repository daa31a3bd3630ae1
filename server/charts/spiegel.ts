import type { Spiegel } from '../spiegel/compute.js';
import { MAAT_LABEL, SPIEGEL_MATEN } from '../spiegel/maten.js';
import { spiegelTabel } from '../spiegel/tabel.js';
import { basisOptie, KLEUREN, staafReeks, type Grafiek } from './grafiek.js';

const KORT: Record<string, string> = {
  meldingen: 'Meldingen',
  adviezen: 'Adviezen',
  vervolgstappen_veilig_thuis: 'Vervolg VT',
  overdracht: 'Overdracht',
  geen_vervolgstappen: 'Geen vervolg',
  regionaal_maatwerk: 'Regionaal maatwerk',
  nog_niet_beoordeeld: 'Niet beoordeeld',
  acute_onveiligheid: 'Acute onveiligheid',
};

/** CBS's figures for the region beside our own registration (rounded to 5), per figure; the table carries Nederland too. */
export function spiegelGrafiek(s: Spiegel): Grafiek {
  return {
    id: 'spiegel',
    titel: `Spiegel ${s.periode_label}: ${s.regio.naam} volgens CBS en volgens de eigen registratie`,
    definitie:
      'Ontvangen meldingen en hun veiligheidsbeoordeling zoals CBS ze publiceert (afgerond op 5), ' +
      'naast dezelfde cijfers uit de eigen registratie (meldingen ontvangen in de periode, afgerond ' +
      'op 5). Een . is een cijfer dat CBS niet publiceert of dat niet bevestigd is.',
    anker: 'spiegel',
    formaat: 'getal',
    option: basisOptie({
      xAxis: { type: 'category', data: SPIEGEL_MATEN.map((m) => KORT[m]), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: 'aantal' },
      series: [
        staafReeks(
          `${s.regio.naam} (CBS)`,
          SPIEGEL_MATEN.map((m) => s.regio[m]),
          { itemStyle: { color: KLEUREN[0] } },
        ),
        staafReeks(
          'Eigen registratie',
          SPIEGEL_MATEN.map((m) => s.eigen[m]),
          { itemStyle: { color: KLEUREN[1] } },
        ),
      ],
      aria: {
        enabled: true,
        decal: { show: true },
        label: {
          description:
            `Staafdiagram: per cijfer het CBS-cijfer van ${s.regio.naam} en de eigen registratie, ${s.periode_label}. ` + `De gegevens staan in de tabel.`,
        },
      },
    }),
    tabel: spiegelTabel(s),
    hoogte: 380,
  };
}

/** The CBS population year(s) of a period's rates: one year, or region and Nederland apart if they differ; null without any. */
function bevolkingsjaren(s: Spiegel): string | null {
  const r = s.regio.inwoners_jaar;
  const n = s.nederland.inwoners_jaar;
  if (r === null && n === null) return null;
  return r === n || n === null ? String(r) : r === null ? String(n) : `${r} (regio), ${n} (Nederland)`;
}

const SOORTEN = [
  { soort: 'halfjaar', id: 'spiegel-per-1000-halfjaar', naam: 'per halfjaar', is: (p: string) => /^\d{4}-H[12]$/.test(p) },
  { soort: 'jaar', id: 'spiegel-per-1000-jaar', naam: 'per jaar', is: (p: string) => /^\d{4}$/.test(p) },
] as const;

/**
 * Ontvangen meldingen per 1.000 inwoners, region and Nederland: half years and years as separate
 * charts and series (a year's rate is about twice a half year's, so one axis of both would mislead),
 * each over every period of its kind with shipped figures; a kind without periods gives no chart.
 */
export function per1000Grafieken(reeks: Spiegel[]): Grafiek[] {
  const oud = [...reeks].reverse();
  return SOORTEN.map((k) => ({ k, r: oud.filter((s) => k.is(s.periode)) }))
    .filter(({ r }) => r.length > 0)
    .map(({ k, r }) => {
      const regio = r[0]!.regio.naam;
      return {
        id: k.id,
        titel: `Ontvangen meldingen per 1.000 inwoners ${k.naam}: regio en Nederland (CBS)`,
        definitie:
          `Ontvangen meldingen van het ${k.soort} gedeeld door de bevolking op 1 januari van dat jaar ` +
          `(CBS; voordat CBS dat jaar publiceert het laatste eerdere jaar: de tabel noemt het jaar), maal 1.000. ` +
          `Alleen waar CBS zowel de meldingen als de bevolking publiceert; anders ` +
          `een . (niet 0). Halfjaren en jaren staan in aparte grafieken: een jaarcijfer is ongeveer twee keer een halfjaarcijfer.`,
        anker: 'spiegel',
        formaat: 'getal',
        option: basisOptie({
          xAxis: { type: 'category', data: r.map((s) => s.periode_label) },
          yAxis: { type: 'value', name: 'per 1.000' },
          series: [
            staafReeks(
              `${regio} ${k.naam}`,
              r.map((s) => s.regio.per_1000_inwoners.meldingen),
              { itemStyle: { color: KLEUREN[0] } },
            ),
            staafReeks(
              `Nederland ${k.naam}`,
              r.map((s) => s.nederland.per_1000_inwoners.meldingen),
              { itemStyle: { color: KLEUREN[2] } },
            ),
          ],
          aria: {
            enabled: true,
            decal: { show: true },
            label: { description: `Staafdiagram: ontvangen meldingen per 1.000 inwoners ${k.naam}, regio en Nederland. De gegevens staan in de tabel.` },
          },
        }),
        // each row names the CBS population year its rates divide by (the spiegel's inwoners_jaar)
        tabel: {
          kolommen: [
            'Periode',
            `${MAAT_LABEL.meldingen} regio`,
            'Regio per 1.000 inw.',
            `${MAAT_LABEL.meldingen} Nederland`,
            'Nederland per 1.000 inw.',
            'Bevolking (CBS) op 1 januari',
          ],
          rijen: r.map((s) => [
            `${s.periode_label}${s.nederland.voorlopig.includes('meldingen') || s.regio.voorlopig.includes('meldingen') ? '*' : ''}`,
            s.regio.meldingen,
            s.regio.per_1000_inwoners.meldingen,
            s.nederland.meldingen,
            s.nederland.per_1000_inwoners.meldingen,
            bevolkingsjaren(s),
          ]),
        },
      };
    });
}
