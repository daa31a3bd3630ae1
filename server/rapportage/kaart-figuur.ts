/**
 * The region on a map in a report: the figure (SVG through the report's own chart render) and
 * its table, as blocks of a chapter. Self-contained, so that it can move into the chapter
 * library as it is: it reads only the report's input (already protected for a factsheet).
 */
import { kwartaalKort } from '../calendar/kwartaal.js';
import { KAART_GRENZEN, regioKaart, type KaartCijferId, kaartCijfer } from '../charts/kaart.js';
import { laadKaart } from '../config/kaartbestand.js';
import type { Regio } from '../config/regio.js';
import { waarden } from '../indicatoren/paneel.js';
import { bevolkingsjaarVan, inwonersVan } from '../privacy/service.js';
import type { RapportInvoer } from './invoer.js';
import type { Blok, Nummering } from './model.js';

export interface KaartFiguurOpties {
  /** this gemeente has a thick border and its name on the map (a factsheet) */
  gemarkeerd?: string;
  /** only the highlighted gemeente is coloured; the others are outlines (one gemeente's own view) */
  alleenGemarkeerd?: boolean;
  cijfer?: KaartCijferId;
  /** the report's figures passed the publication step (factsheets): a missing value is drawn as protected */
  beschermd: boolean;
  /** height in CSS pixels */
  hoogte?: number;
  /** half the page's width, the legend under the map: to stand beside its table (a factsheet) */
  halveBreedte?: boolean;
  /** the table or figure that already states the definition (`tabel 1`): a half-width map's table refers to it */
  definitieBij?: string;
}

/** The map figure and its table; none when the region has no map file. */
export function kaartFiguur(nr: Nummering, invoer: RapportInvoer, regio: Regio, opties: KaartFiguurOpties): Blok[] {
  const kaart = laadKaart(regio);
  if (!kaart) return [];
  const inwoners = inwonersVan(regio);
  const eigen = opties.alleenGemarkeerd ? opties.gemarkeerd : undefined;
  const grafiek = regioKaart({
    kaart: kaart.kaart,
    kaartNaam: kaart.naam,
    regioNaam: regio.naam,
    gemeenten: regio.gemeenten.map((g) => ({
      code: g.code,
      naam: g.naam,
      // one gemeente's own view never reads another gemeente's figures
      waarden: eigen === undefined || g.code === eigen ? waarden(invoer.paneel, invoer.kwartaal, g.code) : null,
      inwonersBekend: inwoners(g.code, invoer.kwartaal) !== null,
    })),
    cijfer: kaartCijfer(opties.cijfer),
    kwartaal: invoer.kwartaal,
    beschermd: opties.beschermd,
    gemarkeerd: opties.gemarkeerd,
    legenda: opties.halveBreedte ? 'onder' : 'rechts',
    bevolking: bevolkingsjaarVan(regio)(invoer.kwartaal),
  });
  const figuur = nr.figuur(grafiek, opties.hoogte ?? 360, opties.halveBreedte);
  if (!opties.halveBreedte) return [{ ...figuur, definitie: `${grafiek.beschrijving} ${grafiek.definitie}` }, nr.tabelVan(grafiek, undefined, 2)];
  // beside its table (a factsheet): the description, the boundaries and the source under the map; the table refers to them
  const kort = {
    ...grafiek,
    titel: `De cijfers van figuur ${figuur.nummer} — ${kwartaalKort(invoer.kwartaal)}`,
    definitie: `Definitie en bron: zie ${opties.definitieBij ?? `figuur ${figuur.nummer}`}.`,
  };
  return [
    {
      ...figuur,
      definitie: `${grafiek.beschrijving} ${KAART_GRENZEN}${opties.definitieBij ? ` Definitie en bron: zie ${opties.definitieBij}.` : ''}`,
      bronElders: opties.definitieBij !== undefined,
    },
    { ...nr.tabelVan(kort, undefined, 2), half: true, compact: true, bronElders: true },
  ];
  return [figuur, { ...nr.tabelVan(kort, undefined, 2), half: true, compact: true }];
}
