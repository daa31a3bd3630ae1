/**
 * The region on a map in a report: the figure (SVG through the report's own chart render) and
 * its table, as blocks of a chapter. Self-contained, so that it can move into the chapter
 * library as it is: it reads only the report's input (already protected for a factsheet).
 */
import { regioKaart, type KaartCijferId, kaartCijfer } from '../charts/kaart.js';
import { laadKaart } from '../config/kaartbestand.js';
import type { Regio } from '../config/regio.js';
import { waarden } from '../indicatoren/paneel.js';
import { inwonersVan } from '../privacy/service.js';
import type { RapportInvoer } from './invoer.js';
import type { Blok, Nummering } from './model.js';

export interface KaartFiguurOpties {
  /** one gemeente's view (a factsheet): only this gemeente is coloured, with a thick border; the others are outlines */
  gebied?: string;
  cijfer?: KaartCijferId;
  /** the report's figures passed the publication step (factsheets) */
  beschermd: boolean;
  /** height in CSS pixels */
  hoogte?: number;
}

/** The map figure and its table; none when the region has no map file. */
export function kaartFiguur(nr: Nummering, invoer: RapportInvoer, regio: Regio, opties: KaartFiguurOpties): Blok[] {
  const kaart = laadKaart(regio);
  if (!kaart) return [];
  const inwoners = inwonersVan(regio);
  const grafiek = regioKaart({
    kaart: kaart.kaart,
    kaartNaam: kaart.naam,
    regioNaam: regio.naam,
    gemeenten: regio.gemeenten.map((g) => ({
      code: g.code,
      naam: g.naam,
      // a factsheet never reads another gemeente's figures
      waarden: opties.gebied === undefined || g.code === opties.gebied ? waarden(invoer.paneel, invoer.kwartaal, g.code) : null,
      inwonersBekend: inwoners(g.code, invoer.kwartaal) !== null,
    })),
    cijfer: kaartCijfer(opties.cijfer),
    kwartaal: invoer.kwartaal,
    beschermd: opties.beschermd,
    gemarkeerd: opties.gebied,
  });
  const figuur = nr.figuur(grafiek, opties.hoogte ?? 360);
  return [{ ...figuur, definitie: `${grafiek.beschrijving} ${figuur.definitie}` }, nr.tabelVan(grafiek, undefined, 2)];
}
