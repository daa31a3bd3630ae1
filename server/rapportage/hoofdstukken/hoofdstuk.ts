/**
 * The chapter library's frame: a chapter is a duiding section (key and title) and a function from
 * a report's read model to its sentences and blocks. A report is a list of chapters; `bouw` turns
 * that list into the printed chapters, each with its own duiding, in the list's order, numbering
 * figures and tables in reading order through the one `Nummering` of the read model.
 * Adding a chapter to a report is one line in its list.
 */
import type { Regio } from '../../config/regio.js';
import type { Normen } from '../../dashboard/service.js';
import type { Duiding } from '../duiding-repository.js';
import { duidingModel, type Blok, type Hoofdstuk, type Nummering } from '../model.js';

/** What every read model of a report offers its chapters. */
export interface Lezing {
  regio: Regio;
  normen: Normen;
  duidingen: Map<string, Duiding>;
  /** numbers every figure and table of the report in reading order */
  nr: Nummering;
}

/** What a chapter says: sentences VT Monitor writes from the figures, then figures and tables. */
export interface Inhoud {
  zinnen: string[];
  blokken: Blok[];
}

export interface HoofdstukDef<L extends Lezing> {
  /** the duiding key, stored with the text (`instroom`, …) */
  sectie: string;
  titel: string;
  /** null: the chapter is left out of this report (no financial rows, no spiegel, no text written) */
  maak: (l: L) => Inhoud | null;
}

/** The chapters of a list, in order, each with the duiding written for its section. */
export function bouw<L extends Lezing>(lijst: readonly HoofdstukDef<L>[], l: L): Hoofdstuk[] {
  return lijst.flatMap((def) => {
    const inhoud = def.maak(l);
    if (inhoud === null) return [];
    return [{ id: `h-${def.sectie}`, sectie: def.sectie, titel: def.titel, ...inhoud, duiding: duidingModel(l.duidingen.get(def.sectie)) }];
  });
}

/** The duiding sections of a report: the voorlegger, then every chapter of its list. */
export const sectiesVan = (lijst: readonly HoofdstukDef<never>[]): { sectie: string; titel: string }[] => [
  { sectie: 'voorlegger', titel: 'Voorlegger' },
  ...lijst.map(({ sectie, titel }) => ({ sectie, titel })),
];

/** A chapter that is only the management's text: in the report when it wrote one. */
export const vrij = (sectie: string, titel: string): HoofdstukDef<Lezing> => ({
  sectie,
  titel,
  maak: (l) => (l.duidingen.has(sectie) ? { zinnen: [], blokken: [] } : null),
});

/** The free chapters of every report (ontwikkelingen, samenwerking, personeel), before the bijlage. */
export const VRIJE_HOOFDSTUKKEN: readonly HoofdstukDef<Lezing>[] = [
  vrij('ontwikkelingen', 'Ontwikkelingen'),
  vrij('samenwerking', 'Samenwerking met het lokale veld'),
  vrij('personeel', 'Personeel'),
];

/** A chapter read from another read model of the same report (the quarter's chapters built from its one-quarter period). */
export function via<L extends Lezing, M extends Lezing>(def: HoofdstukDef<M>, naar: (l: L) => M | null, sectie = def.sectie): HoofdstukDef<L> {
  return {
    sectie,
    titel: def.titel,
    maak: (l) => {
      const m = naar(l);
      return m === null ? null : def.maak(m);
    },
  };
}

export const inhoud = (zinnen: string[], blokken: Blok[]): Inhoud => ({ zinnen, blokken });
