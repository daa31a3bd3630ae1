import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { projectPath } from '../config/paths.js';
import { VERKLARING_VAN_TEKENS } from './model.js';
import { lettertypeCss } from './lettertype.js';
import { helpers } from '../shared/sjabloonhelpers.js';
import type { Blok, RapportModel } from './model.js';
import type { Omslag } from './omslag.js';

export interface RapportOpmaak {
  regioNaam: string;
  /** heading id → page number, from the first print (empty: the table of contents shows no numbers yet) */
  paginas?: Map<string, number>;
  verantwoording?: string[];
  /** chapters (heading ids) that continue on the previous chapter's page */
  vervolg?: Set<string>;
  /** the cover's status line and mark (see omslag.ts) */
  omslag?: Omslag;
}

type Rij = Blok | { naast: { links: Blok[]; rechts: Blok[] } };

/**
 * Blocks as the template lays them out: a run of half-width blocks stands in two columns
 * (`.naast`), the first, third, … block on the left (figures), the second, fourth, … on the
 * right (their tables); each column stacks its blocks, so a short table lets the next one rise.
 */
export function rijenVan(blokken: Blok[]): Rij[] {
  const rijen: Rij[] = [];
  for (let i = 0; i < blokken.length; i++) {
    let j = i;
    while (blokken[j]?.half) j++;
    if (j - i < 2) {
      rijen.push(blokken[i]!);
      continue;
    }
    const run = blokken.slice(i, j);
    rijen.push({ naast: { links: run.filter((_, k) => k % 2 === 0), rechts: run.filter((_, k) => k % 2 === 1) } });
    i = j - 1;
  }
  return rijen;
}

export type RapportRenderer = (model: RapportModel, opmaak: RapportOpmaak) => string;

/** Compiles `reports/rapport.hbs` and its partials once; the CSS is inlined (the printed page loads nothing). */
export function maakRapportRenderer(dir = projectPath('reports')): RapportRenderer {
  const hbs = Handlebars.create();
  hbs.registerHelper(helpers);
  const partials = join(dir, 'partials');
  for (const f of readdirSync(partials).filter((n) => n.endsWith('.hbs'))) {
    hbs.registerPartial(f.replace(/\.hbs$/, ''), readFileSync(join(partials, f), 'utf8'));
  }
  const template = hbs.compile(readFileSync(join(dir, 'rapport.hbs'), 'utf8'));
  // the font first: the printed page loads nothing and takes no font from the machine
  const css = `${lettertypeCss()}\n${readFileSync(join(dir, 'rapport.css'), 'utf8')}`;
  return (model, opmaak) => {
    const inhoud =
      model.soort !== 'factsheet' && !model.geenGegevens
        ? [
            ...model.hoofdstukken.map((h) => ({ id: h.id, titel: h.titel })),
            ...(opmaak.verantwoording ? [{ id: 'h-verantwoording', titel: 'Verantwoording' }] : []),
          ].map((r) => ({ ...r, pagina: opmaak.paginas?.get(r.id) ?? '' }))
        : null;
    const vervolg = (id: string) => opmaak.vervolg?.has(id) ?? false;
    return template({
      // the heading, its sentences, its duiding and its first figure or table are kept on one page (`.hoofdstuk__begin`)
      model: {
        ...model,
        hoofdstukken: model.hoofdstukken.map((h) => {
          const rijen = rijenVan(h.blokken);
          return { ...h, vervolg: vervolg(h.id), eerste: rijen.slice(0, 1), rest: rijen.slice(1) };
        }),
      },
      verantwoordingVervolg: vervolg('h-verantwoording'),
      css,
      inhoud,
      tekens: model.tekens ?? VERKLARING_VAN_TEKENS,
      colofonAchteraan: model.soort === 'factsheet',
      regioNaam: opmaak.regioNaam,
      omslag: opmaak.omslag,
      verantwoording: model.geenGegevens ? null : opmaak.verantwoording,
    });
  };
}
