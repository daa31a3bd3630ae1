/**
 * The quarterly report for the GGD board: a list of chapters from the chapter library
 * (`hoofdstukken/`), read from the quarter's read model. The six chapters it shares with the half
 * year are read from the quarter as a one-quarter period; their duiding keys avoid the quarter's
 * own (`overdracht` is "Overdracht en monitoring" here, so the moments are `overdracht_moment`).
 */
import { kwartaalKort, kwartaalVoluit, laatsteDag } from '../calendar/kwartaal.js';
import type { Regio } from '../config/regio.js';
import { waarden } from '../indicatoren/paneel.js';
import type { Normen } from '../dashboard/service.js';
import { maakTegels } from '../dashboard/tegels.js';
import { REGIO } from '../indicatoren/gebieden.js';
import type { RapportInvoer } from './invoer.js';
import { duidingModel, markeerRapportVoorlopig, Nummering, type Figuurwerk, type RapportModel } from './model.js';
import type { PeriodeInvoer } from './periode-invoer.js';
import { periodeKort } from './periode.js';
import { instroomZinnen } from './zinnen.js';
import { basisVan, hoofdletter, leegRapport, n } from './hoofdstukken/gedeeld.js';
import { bouw, sectiesVan, via, VRIJE_HOOFDSTUKKEN, type HoofdstukDef } from './hoofdstukken/hoofdstuk.js';
import { KWARTAAL, type KwartaalLezing } from './hoofdstukken/kwartaal.js';
import { PERIODE, type PeriodeLezing } from './hoofdstukken/periode.js';

export { verhoudingOnderzoekVv } from './hoofdstukken/gedeeld.js';

/** a chapter of the half year, read from the quarter as a one-quarter period */
const alsPeriode = (def: HoofdstukDef<PeriodeLezing>, sectie?: string) => via(def, (l: KwartaalLezing) => l.periode, sectie);

/** The quarterly report, in reading order: the parts a, b, c and d–e of § 7.2 first (charts, their tables, the duiding), the bijlagen last. */
export const KWARTAAL_HOOFDSTUKKEN: readonly HoofdstukDef<KwartaalLezing>[] = [
  KWARTAAL.samenvatting,
  KWARTAAL.instroom,
  KWARTAAL.veiligheidsbeoordeling,
  KWARTAAL.overdracht,
  KWARTAAL.vervolg,
  KWARTAAL.financien,
  alsPeriode(PERIODE.aard),
  alsPeriode(PERIODE.radarfunctie),
  alsPeriode(PERIODE.doorstroom),
  alsPeriode(PERIODE.overdracht, 'overdracht_moment'),
  alsPeriode(PERIODE.monitoring),
  alsPeriode(PERIODE.trend),
  ...VRIJE_HOOFDSTUKKEN,
  KWARTAAL.tabellen,
  KWARTAAL.gemeenten,
];

/** The quarterly report's sections that carry a duiding, in order (the keys are stored with the text). */
export const SECTIES = sectiesVan(KWARTAAL_HOOFDSTUKKEN);

/** `periode`: the quarter as a one-quarter period (for the chapters it shares with the half year); null leaves those out. */
/** `figuren`: the figures are placeholders, drawn later by it (a report for printing, see `Figuurwerk`) */
export function kwartaalrapportage(
  invoer: RapportInvoer,
  periode: PeriodeInvoer | null,
  regio: Regio,
  normen: Normen,
  gemaaktOp: string,
  figuren?: Figuurwerk,
): RapportModel {
  const K = invoer.kwartaal;
  const basis = basisVan({
    soort: 'kwartaalrapportage',
    titel: `Kwartaalrapportage Veilig Thuis ${regio.naam}`,
    ondertitel: hoofdletter(kwartaalVoluit(K)),
    kop: `Kwartaalrapportage ${kwartaalKort(K)} — Veilig Thuis ${regio.naam}`,
    kwartaalLabel: kwartaalVoluit(K),
    dataDatum: invoer.dataDatum,
    definitieversie: invoer.definitieversie,
    gemaaktOp,
  });
  const voorleggerDuiding = duidingModel(invoer.duidingen.get('voorlegger'));
  if (!invoer.heeftGegevens) {
    const bereik = invoer.bereik;
    return leegRapport(
      basis,
      bereik
        ? `Over het ${kwartaalVoluit(K)} zijn geen registraties beschikbaar. VT Monitor heeft cijfers ` +
            `van het ${kwartaalVoluit(bereik.van)} tot en met het ${kwartaalVoluit(bereik.tot)}.`
        : `Over het ${kwartaalVoluit(K)} zijn geen registraties beschikbaar: er is nog niets geïmporteerd.`,
      voorleggerDuiding,
    );
  }
  const nr = new Nummering(invoer.definitieversie, invoer.trend.filter((k) => laatsteDag(k) > gemaaktOp).map(kwartaalKort), figuren);
  const gedeeld = { regio, normen, duidingen: invoer.duidingen, nr };
  const lezing: KwartaalLezing = {
    ...gedeeld,
    invoer,
    periode: periode?.heeftGegevens ? { ...gedeeld, invoer: periode, kort: periodeKort(periode.periode), kortEerder: periodeKort(periode.vorigJaar) } : null,
  };
  const tegels = maakTegels(invoer.paneel, K, REGIO, normen, { vandaag: gemaaktOp });
  const nu = waarden(invoer.paneel, K, REGIO);
  return markeerRapportVoorlopig(
    {
      ...basis,
      geenGegevens: null,
      kerncijfers: tegels.map((t) => ({
        label: t.label,
        waarde: t.waarde,
        toelichting: [t.norm ? (t.normGehaald ? `voldoet aan de ${t.norm}` : t.normGehaald === false ? `onder de ${t.norm}` : t.norm) : null, t.vorigJaar]
          .filter(Boolean)
          .join('; '),
      })),
      voorlegger: {
        zinnen: instroomZinnen(K, {
          meldingen: n(nu, 'meldingen'),
          adviezen: n(nu, 'adviezen'),
          groei: (nu.groei ?? null) as Parameters<typeof instroomZinnen>[1]['groei'],
        }).slice(0, 2),
        duiding: voorleggerDuiding,
      },
      hoofdstukken: bouw(KWARTAAL_HOOFDSTUKKEN, lezing),
    },
    gemaaktOp,
    laatsteDag(K),
  );
}
