import { kwartaalKort, kwartaalVoluit, laatsteDag } from '../calendar/kwartaal.js';
import { gemeenteVsRegio, overdrachtLokaalTeam } from '../charts/gemeente.js';
import { instroomPerKwartaal } from '../charts/instroom.js';
import { gebiedNaam, type Regio } from '../config/regio.js';
import { getal, waarden, type Waarden } from '../indicatoren/paneel.js';
import type { IndicatorSleutel } from '../indicatoren/catalogus.js';
import type { Normen } from '../dashboard/service.js';
import { maakTegels } from '../dashboard/tegels.js';
import { REGIO } from '../indicatoren/gebieden.js';
import { formatteerGetal } from '../shared/formaat.js';
import { instroomReeks, overdrachtLokaalTeamReeks } from '../charts/reeksen.js';
import { basisVan, hoofdletter, leegRapport } from './hoofdstukken/gedeeld.js';
import type { RapportInvoer } from './invoer.js';
import { markeerRapportVoorlopig, Nummering, verklaringVanTekens, type RapportModel } from './model.js';
import { kaartFiguur } from './kaart-figuur.js';
import { bevolkingsjaarVan, type Bevolkingsjaar } from '../privacy/service.js';
import { beschermdeGrafiek, type Grafiek } from '../charts/grafiek.js';
import { metVoorlopig } from '../dashboard/service.js';
import { aantal } from './zinnen.js';
import { beleidTekst, kleinTeken, type Beleid } from '../privacy/onderdrukking.js';

const obj = (w: Waarden, key: IndicatorSleutel) => (w[key] ?? {}) as Record<string, number | null>;

const NIET_GETOOND = 'niet getoond (bescherming kleine aantallen)';

/** "4,12 meldingen per 1.000 inwoners, tegen 3,80 in de regio"; a suppressed figure is said to be not shown. */
function per1000Zin(wat: string, gemeente: number | null, regio: number | null, bevolking: Bevolkingsjaar | null): string {
  if (gemeente === null || regio === null) return `Het aantal ${wat} per 1.000 inwoners wordt ${NIET_GETOOND}.`;
  const vergelijking = gemeente > regio ? 'hoger dan' : gemeente < regio ? 'lager dan' : 'gelijk aan';
  return (
    `Per 1.000 inwoners${bevolking ? ` (${bevolking.label})` : ''} waren dat ${formatteerGetal(gemeente, 2)} ${wat}, ` +
    `${vergelijking} de regio (${formatteerGetal(regio, 2)}).`
  );
}

/** Two pages for one gemeente: its figures beside the region per 1,000 inwoners, its trend, its overdrachten to the lokaal team. */
export function factsheet(invoer: RapportInvoer, regio: Regio, normen: Normen, code: string, gemaaktOp: string, beleid: Beleid): RapportModel {
  const K = invoer.kwartaal;
  const naam = gebiedNaam(regio, code);
  const nr = new Nummering(invoer.definitieversie, invoer.trend.filter((k) => laatsteDag(k) > gemaaktOp).map(kwartaalKort));
  const basis = basisVan({
    soort: 'factsheet',
    titel: `Factsheet Veilig Thuis — gemeente ${naam}`,
    ondertitel: hoofdletter(kwartaalVoluit(K)),
    kop: `Factsheet ${naam} ${kwartaalKort(K)} — Veilig Thuis ${regio.naam}`,
    kwartaalLabel: kwartaalVoluit(K),
    dataDatum: invoer.dataDatum,
    definitieversie: invoer.definitieversie,
    gemaaktOp,
  });
  if (!invoer.heeftGegevens) return leegRapport(basis, `Over het ${kwartaalVoluit(K)} zijn geen registraties beschikbaar.`, null);
  const w = (k: string, gebied = code) => waarden(invoer.paneel, k, gebied);
  const nu = w(K);
  const tegels = maakTegels(invoer.paneel, K, code, normen, { beschermd: true, vandaag: gemaaktOp });
  const g1000 = obj(nu, 'per_1000_inwoners');
  const r1000 = obj(w(K, REGIO), 'per_1000_inwoners');
  // a count rounded to 0 reads "< 3", a chart with every value hidden says so (charts/grafiek.ts)
  const voorlopig = (g: Grafiek) => beschermdeGrafiek(metVoorlopig([g], invoer.trend, gemaaktOp)[0]!, kleinTeken(beleid));
  // the CBS year the per-1.000 figures divide by, named wherever they are shown
  const bevolking = bevolkingsjaarVan(regio)(K);
  const vergelijk = voorlopig(gemeenteVsRegio(g1000, r1000, naam, K, bevolking));
  const trend = voorlopig(instroomPerKwartaal(instroomReeks(invoer.trend, w), naam));
  const overdracht = voorlopig(overdrachtLokaalTeam(overdrachtLokaalTeamReeks(invoer.trend, w), naam));
  const meldingen = getal(nu, 'meldingen');
  const adviezen = getal(nu, 'adviezen');
  const telling = (n: number | null, enkelvoud: string, meervoud: string) =>
    n === null
      ? `een niet getoond aantal ${meervoud} (bescherming kleine aantallen)`
      : n === 0
        ? `${kleinTeken(beleid).replace('<', 'minder dan')} ${meervoud}`
        : aantal(n, enkelvoud, meervoud);
  return markeerRapportVoorlopig(
    {
      ...basis,
      geenGegevens: null,
      privacy: beleidTekst(beleid),
      tekens: verklaringVanTekens(beleid),
      kerncijfers: tegels.map((t) => ({ label: t.label, waarde: t.waarde, toelichting: t.toelichting ?? t.vorigJaar })),
      voorlegger: {
        zinnen: [
          `In het ${kwartaalVoluit(K)} kwamen uit ${naam} ${telling(meldingen, 'melding', 'meldingen')} ` +
            `en ${telling(adviezen, 'advies', 'adviezen')} bij Veilig Thuis binnen.`,
          per1000Zin('meldingen', g1000.meldingen ?? null, r1000.meldingen ?? null, bevolking),
        ],
        duiding: null,
      },
      hoofdstukken: [
        {
          id: 'h-vergelijking',
          sectie: 'vergelijking',
          titel: `${naam} naast de regio`,
          zinnen: [],
          duiding: null,
          // each figure beside its table, so that the map keeps the factsheet at two pages
          blokken: [
            // the definition once, under the table beside the figure
            {
              ...nr.figuur(vergelijk, 190, true),
              definitie: `${bevolking ? `Inwoners: ${bevolking.label}. ` : ''}Definitie en bron: zie tabel 1.`,
              bronElders: true,
            },
            { ...nr.tabelVan(vergelijk, undefined, 2), half: true, compact: true },
            // factsheets are public and protected: every gemeente of the region on the map, this one highlighted
            ...kaartFiguur(nr, invoer, regio, { gemarkeerd: code, beschermd: true, hoogte: 125, halveBreedte: true, definitieBij: 'tabel 1' }),
          ],
        },
        {
          id: 'h-trend',
          sectie: 'trend',
          titel: 'Ontwikkeling en overdracht aan het lokaal team',
          zinnen: [],
          duiding: null,
          blokken: [nr.figuur(trend, 180), nr.figuur(overdracht, 180), nr.tabelVan(overdracht)],
        },
      ],
    },
    gemaaktOp,
    laatsteDag(K),
  );
}
