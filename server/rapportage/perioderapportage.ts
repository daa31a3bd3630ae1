/**
 * The half-year report (MARAP t/m juni) and the annual report for the GGD board: a list of
 * chapters from the chapter library (`hoofdstukken/periode.ts`), read from a `PeriodeInvoer`.
 */
import { kwartaalKort } from '../calendar/kwartaal.js';
import type { Regio } from '../config/regio.js';
import { getal } from '../indicatoren/paneel.js';
import type { IndicatorSleutel } from '../indicatoren/catalogus.js';
import type { Normen } from '../dashboard/service.js';
import { REGIO } from '../indicatoren/gebieden.js';
import { cel, duidingModel, Nummering, type Figuurwerk, type RapportModel } from './model.js';
import type { PeriodeInvoer } from './periode-invoer.js';
import { periodeKort, periodeVoluit, rapportSoortNaam } from './periode.js';
import { basisVan, hoofdletter, leegRapport } from './hoofdstukken/gedeeld.js';
import { bouw, sectiesVan, VRIJE_HOOFDSTUKKEN, type HoofdstukDef } from './hoofdstukken/hoofdstuk.js';
import { instroomPeriodeZinnen, PERIODE, type PeriodeLezing } from './hoofdstukken/periode.js';

export { groeiVan, procentpunt } from './hoofdstukken/gedeeld.js';

/** The half-year and annual report, in reading order; the bijlage per gemeente stays last. */
export const PERIODE_HOOFDSTUKKEN: readonly HoofdstukDef<PeriodeLezing>[] = [
  PERIODE.samenvatting,
  PERIODE.instroom,
  PERIODE.aard,
  PERIODE.radarfunctie,
  PERIODE.veiligheidsbeoordeling,
  PERIODE.vervolg,
  PERIODE.doorstroom,
  PERIODE.overdracht,
  PERIODE.monitoring,
  PERIODE.trend,
  PERIODE.spiegel,
  ...VRIJE_HOOFDSTUKKEN,
  PERIODE.prognose,
  PERIODE.gemeenten,
];

/** The sections of the half-year and annual report that carry a duiding, in order. */
export const PERIODE_SECTIES = sectiesVan(PERIODE_HOOFDSTUKKEN);

/** `prognose`: the forecast as on the period's last day (its chapter is left out without one). */
export function perioderapportage(
  invoer: PeriodeInvoer,
  regio: Regio,
  normen: Normen,
  gemaaktOp: string,
  prognose: PeriodeLezing['prognose'] = null,
  /** the figures are placeholders, drawn later by it (a report for printing, see `Figuurwerk`) */
  figuren?: Figuurwerk,
): RapportModel {
  const p = invoer.periode;
  const soortNaam = rapportSoortNaam(p);
  const basis = basisVan({
    soort: p.soort === 'jaar' ? 'jaarrapportage' : 'halfjaarrapportage',
    titel: `${soortNaam} Veilig Thuis ${regio.naam}`,
    ondertitel: p.soort === 'jaar' ? `Jaar ${p.jaar}` : hoofdletter(periodeVoluit(p)),
    kop: `${soortNaam} ${periodeKort(p)} — Veilig Thuis ${regio.naam}`,
    kwartaalLabel: periodeVoluit(p),
    dataDatum: invoer.dataDatum,
    definitieversie: invoer.definitieversie,
    gemaaktOp,
  });
  const voorleggerDuiding = duidingModel(invoer.duidingen.get('voorlegger'));
  if (!invoer.heeftGegevens) {
    const b = invoer.bereik;
    return leegRapport(
      basis,
      b
        ? `Over ${periodeVoluit(p)} zijn geen registraties beschikbaar. VT Monitor heeft cijfers van ${kwartaalKort(b.van)} tot en met ${kwartaalKort(b.tot)}.`
        : `Over ${periodeVoluit(p)} zijn geen registraties beschikbaar: er is nog niets geïmporteerd.`,
      voorleggerDuiding,
    );
  }
  const c: PeriodeLezing = {
    invoer,
    regio,
    normen,
    duidingen: invoer.duidingen,
    nr: new Nummering(invoer.definitieversie, [], figuren),
    kort: periodeKort(p),
    kortEerder: periodeKort(invoer.vorigJaar),
    prognose,
  };
  const nu = invoer.nu.get(REGIO) ?? {};
  const eerder = invoer.eerder.get(REGIO) ?? {};
  const g = (nu.groei ?? {}) as Record<string, number | null>;
  const kern = (label: string, sleutel: IndicatorSleutel, toelichting: string) => ({ label, waarde: cel.getal(getal(nu, sleutel)), toelichting });
  const pctKern = (label: string, sleutel: IndicatorSleutel, norm: number) => {
    const v = getal(nu, sleutel);
    return {
      label,
      waarde: cel.procent(v),
      toelichting: v === null ? `norm ${norm}%` : v >= norm ? `voldoet aan de norm van ${norm}%` : `onder de norm van ${norm}%`,
    };
  };
  return {
    ...basis,
    geenGegevens: null,
    kerncijfers: [
      kern('Meldingen', 'meldingen', `${c.kortEerder}: ${cel.getal(getal(eerder, 'meldingen'))} (${cel.groei(g.meldingen_yoy ?? null)})`),
      kern('Adviezen', 'adviezen', `${c.kortEerder}: ${cel.getal(getal(eerder, 'adviezen'))} (${cel.groei(g.adviezen_yoy ?? null)})`),
      pctKern('Veiligheidsbeoordeling binnen 5 werkdagen', 'vb_binnen_termijn_pct', normen.vb),
      pctKern('Onderzoek binnen 10 weken', 'onderzoeken_binnen_termijn_pct', normen.onderzoek),
      pctKern('V&V binnen 10 weken', 'vv_binnen_termijn_pct', normen.vv),
      kern('Open veiligheidsbeoordelingen', 'open_vb', 'op de laatste dag van de periode'),
    ],
    voorlegger: { zinnen: instroomPeriodeZinnen(invoer), duiding: voorleggerDuiding },
    hoofdstukken: bouw(PERIODE_HOOFDSTUKKEN, c),
  };
}
