import { laatsteDag, type Kwartaal } from '../calendar/kwartaal.js';
import type { Regio } from '../config/regio.js';
import type { Db } from '../db/connection.js';
import type { Normen } from '../dashboard/service.js';
import { factsheet } from './factsheet.js';
import { maakRapportRenderer, type RapportRenderer } from './html.js';
import { leesRapportInvoer } from './invoer.js';
import { leesPeriodeInvoer } from './periode-invoer.js';
import { perioderapportage } from './perioderapportage.js';
import { prognoseMetGrafieken } from '../prognose/service.js';
import { telDagenOp } from '../calendar/dates.js';
import { kwartaalPeriode, type Periode } from './periode.js';
import { duidingIsDefinitief, type Duiding } from './duiding-repository.js';
import { periodeVan, type Rapport } from './rapporten.js';
import { kwartaalrapportage } from './kwartaalrapportage.js';
import { Figuurwerk, metFiguren, type RapportModel } from './model.js';
import { PdfDrukker } from './pdf.js';
import { omslag } from './omslag.js';
import { leesBeleid } from '../privacy/instellingen.js';
import { inwonersVan, voorWeergave } from '../privacy/service.js';

export interface Rapportdiensten {
  db: Db;
  regio: Regio;
  normen: Normen;
  vandaag: () => string;
  drukker: PdfDrukker;
  render: RapportRenderer;
}

export function maakRapportdiensten(deps: Omit<Rapportdiensten, 'drukker' | 'render'> & Partial<Pick<Rapportdiensten, 'drukker'>>): Rapportdiensten {
  return { ...deps, drukker: deps.drukker ?? new PdfDrukker(), render: maakRapportRenderer() };
}

const PERIODE_VERANTWOORDING =
  'Een halfjaar of jaar is de som van zijn kwartalen: aantallen worden opgeteld en percentages ' +
  'opnieuw berekend op die aantallen (geen gemiddelde van kwartaalpercentages). Werkvoorraad, ' +
  'wachtlijsten en monitoring zijn de stand op de laatste dag van de periode. De mediaan en het ' +
  '90e percentiel van de doorlooptijden gaan over alle afgeronde veiligheidsbeoordelingen, onderzoeken ' +
  'en trajecten van de hele periode, niet over de kwartaalmedianen.';

/** The closing chapter: how the figures came about. */
export function verantwoording(regio: Regio, normen: Normen, model: RapportModel): string[] {
  return [
    `De cijfers komen uit de registraties van Veilig Thuis ${regio.naam}, tot en met de import ` +
      `van ${model.dataDatum}. Elke indicator volgt de definities van VT Monitor, versie ${model.definitieversie}: ` +
      `een advies of melding telt in het kwartaal van binnenkomst, een veiligheidsbeoordeling in ` +
      `het kwartaal waarin zij is afgerond, een onderzoek of traject voorwaarden en vervolg in het ` +
      `kwartaal van de einddatum.`,
    `Termijnen: de veiligheidsbeoordeling binnen 5 werkdagen na binnenkomst (de dag van binnenkomst ` +
      `is dag 0; weekenden en de feestdagen van de Algemene termijnenwet tellen niet mee), onderzoek ` +
      `en voorwaarden en vervolg binnen 10 weken (70 dagen) na de veiligheidsbeoordeling. Normen: ` +
      `veiligheidsbeoordeling ${normen.vb}%, onderzoek ${normen.onderzoek}%, voorwaarden en vervolg ${normen.vv}%.`,
    'Percentages hebben één decimaal en zijn berekend op de exacte aantallen; is de noemer 0, ' +
      'dan staat er "." (niet te berekenen), nooit 0%. Tekens: . geheim of onbekend, – nihil, * voorlopig. ' +
      'Groei is de verandering ten opzichte van het vorige kwartaal of van hetzelfde kwartaal een jaar eerder.',
    `Per 1.000 inwoners: het aantal gedeeld door het aantal inwoners op 1 januari van het jaar ` +
      `van de periode volgens CBS (StatLine 37259eng en 85755NED, opgenomen in het regiobestand); ` +
      `publiceert CBS dat jaar nog niet, dan het laatst gepubliceerde jaar. Een gemeente die later ` +
      `is ontstaan, telt met de gemeenten waaruit zij ontstond. Registraties van buiten de regio ` +
      `en zonder bekende gemeente tellen mee in het regiototaal, niet in de cijfers per 1.000 inwoners. ` +
      `Cijfers van het lopende kwartaal zijn voorlopig.`,
    ...(model.soort === 'halfjaarrapportage' || model.soort === 'jaarrapportage' ? [PERIODE_VERANTWOORDING] : []),
  ];
}

export async function kwartaalrapportageModel(d: Rapportdiensten, kwartaal: Kwartaal, opties: Modelopties = {}): Promise<RapportModel> {
  const invoer = await leesRapportInvoer(d, kwartaal, { financien: true });
  const periode = await leesPeriodeInvoer(d, kwartaalPeriode(kwartaal));
  const figuren = opties.voorDruk ? new Figuurwerk() : undefined;
  return metWerk(metDuidingstatus(kwartaalrapportage(invoer, periode, d.regio, d.normen, d.vandaag(), figuren), invoer.duidingen), figuren);
}

export interface Modelopties {
  /**
   * a model only for `rapportPdf`: its figures are same-size placeholders, drawn while Chromium loads, measures
   * and makes the first print (off the print's critical path). `rapportHtml` refuses such a model.
   */
  voorDruk?: boolean;
}

const metWerk = (model: RapportModel, figuren: Figuurwerk | undefined): RapportModel => (figuren?.aantal ? { ...model, figuren } : model);

const metDuidingstatus = (model: RapportModel, duidingen: Map<string, Duiding>): RapportModel => ({ ...model, concept: !duidingIsDefinitief(duidingen) });

/** Factsheets are public council documents: always protected against small numbers. */
async function factsheetInvoer(d: Rapportdiensten, kwartaal: Kwartaal) {
  const beleid = await leesBeleid(d.db);
  return { beleid, invoer: await leesRapportInvoer(d, kwartaal, { bescherm: voorWeergave(beleid, inwonersVan(d.regio)) }) };
}

export async function factsheetModel(d: Rapportdiensten, kwartaal: Kwartaal, code: string): Promise<RapportModel> {
  const { beleid, invoer } = await factsheetInvoer(d, kwartaal);
  return factsheet(invoer, d.regio, d.normen, code, d.vandaag(), beleid);
}

export function rapportHtml(d: Rapportdiensten, model: RapportModel, paginas?: Map<string, number>, vervolg?: Set<string>): string {
  if (model.figuren) throw new Error('Een rapport voor de afdruk heeft zijn figuren nog niet: maak het model zonder voorDruk.');
  return html(d, model, paginas, vervolg);
}

function html(d: Rapportdiensten, model: RapportModel, paginas?: Map<string, number>, vervolg?: Set<string>): string {
  const metVerantwoording = model.soort !== 'factsheet';
  return d.render(model, {
    regioNaam: d.regio.naam,
    paginas,
    vervolg,
    omslag: model.soort === 'factsheet' ? undefined : omslag(d.regio, model),
    verantwoording: metVerantwoording ? verantwoording(d.regio, d.normen, model) : undefined,
  });
}

/**
 * The report's PDF. A model for printing (`voorDruk`) has its figures drawn here, beside the print: the page
 * is loaded, measured and first printed with placeholders of the same size, and the SVGs are put in before
 * the final print; from then on `html` renders them. A figure that fails to draw fails the print.
 */
export async function rapportPdf(d: Rapportdiensten, model: RapportModel): Promise<Uint8Array> {
  let getekend: RapportModel | null = model.figuren ? null : model;
  const figuren = model.figuren?.teken().then((svgs) => {
    getekend = metFiguren(model, svgs);
    return svgs;
  });
  return d.drukker.druk({
    html: (paginas, vervolg) => html(d, getekend ?? model, paginas, vervolg),
    figuren,
    ordenHoofdstukken: model.soort !== 'factsheet' && model.geenGegevens === null,
    kop: model.concept ? `CONCEPT — ${model.kop}` : model.kop,
    metInhoud: model.soort !== 'factsheet' && model.geenGegevens === null,
    metadata: {
      titel: `${model.titel} — ${model.ondertitel}${model.concept ? ' (concept)' : ''}`,
      auteur: d.regio.organisatie,
      onderwerp:
        `${SOORT_NAAM[model.soort]} over ${model.kwartaalLabel}, met de cijfers tot en met de import ` +
        `van ${model.dataDatum} (definities ${model.definitieversie})`,
      trefwoorden: [
        'Veilig Thuis',
        d.regio.naam,
        SOORT_NAAM[model.soort],
        model.kwartaalLabel,
        'huiselijk geweld',
        'kindermishandeling',
        ...(model.concept ? ['concept'] : []),
      ],
    },
  });
}

const SOORT_NAAM: Record<RapportModel['soort'], string> = {
  kwartaalrapportage: 'Kwartaalrapportage',
  halfjaarrapportage: 'Halfjaarrapportage',
  jaarrapportage: 'Jaarrapportage',
  factsheet: 'Factsheet',
};

/** Every gemeente's factsheet model, from one read of the indicators. */
export async function factsheetModellen(d: Rapportdiensten, kwartaal: Kwartaal): Promise<{ code: string; model: RapportModel }[]> {
  const { beleid, invoer } = await factsheetInvoer(d, kwartaal);
  return d.regio.gemeenten.map((g) => ({ code: g.code, model: factsheet(invoer, d.regio, d.normen, g.code, d.vandaag(), beleid) }));
}

/** The half-year or annual report of a period, from its stored quarters. */
export async function perioderapportageModel(d: Rapportdiensten, periode: Periode, opties: Modelopties = {}): Promise<RapportModel> {
  const invoer = await leesPeriodeInvoer(d, periode);
  if (!invoer.heeftGegevens) return metDuidingstatus(perioderapportage(invoer, d.regio, d.normen, d.vandaag()), invoer.duidingen);
  // the forecast as on the last day of the period (or today, when that is earlier): nothing later than the report
  const naPeriode = telDagenOp(laatsteDag(periode.kwartalen[periode.kwartalen.length - 1]!), 1);
  const prognose = await prognoseMetGrafieken(d.db, d.regio, periode.jaar, naPeriode < d.vandaag() ? naPeriode : d.vandaag());
  const figuren = opties.voorDruk ? new Figuurwerk() : undefined;
  return metWerk(metDuidingstatus(perioderapportage(invoer, d.regio, d.normen, d.vandaag(), prognose, figuren), invoer.duidingen), figuren);
}

/** The model of any of the board's reports. */
export async function rapportModel(d: Rapportdiensten, r: Rapport, opties: Modelopties = {}): Promise<RapportModel> {
  return r.soort === 'kwartaal' ? kwartaalrapportageModel(d, r.periode, opties) : perioderapportageModel(d, periodeVan(r), opties);
}

export const periodeBestandsnaam = (periode: Periode) => `${periode.soort === 'jaar' ? 'jaarrapportage' : 'halfjaarrapportage'}-${periode.sleutel}.pdf`;
