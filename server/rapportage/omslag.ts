import { readFileSync } from 'node:fs';
import { extname, isAbsolute } from 'node:path';
import type { Regio } from '../config/regio.js';
import { projectPath } from '../config/paths.js';
import type { RapportModel } from './model.js';

const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };
const logos = new Map<string, string | null>();

/** The region file's logo as a data: URL (the printing page loads nothing else); null without one. */
export function logoVan(regio: Regio): string | null {
  if (!regio.logo) return null;
  if (!logos.has(regio.logo)) {
    const pad = isAbsolute(regio.logo) ? regio.logo : projectPath(regio.logo);
    const type = TYPES[extname(pad).toLowerCase()];
    if (!type) throw new Error(`Het logo in het regiobestand moet PNG, JPEG of SVG zijn: ${regio.logo}`);
    logos.set(regio.logo, `data:${type};base64,${readFileSync(pad).toString('base64')}`);
  }
  return logos.get(regio.logo)!;
}

export interface Omslag {
  /** term → text, in the order printed: what the document covers, how final it is, which data, which definitions */
  regels: { term: string; tekst: string }[];
  logo: string | null;
}

/**
 * What the cover of the board's reports says about the document itself, in a board member's words:
 * the period, whether it is final, up to which import the figures go, which definitions count,
 * and when it was made (factsheets have their own two-page layout). The software version is in
 * the PDF's metadata (Creator), not on the cover.
 */
export function omslag(regio: Regio, model: RapportModel): Omslag {
  const status = model.concept ? 'CONCEPT — de duiding is nog niet definitief' : 'Definitief: cijfers en duiding zijn vastgesteld';
  return {
    regels: [
      { term: 'Periode', tekst: model.kwartaalLabel },
      { term: 'Status', tekst: status },
      { term: 'Cijfers', tekst: `registraties tot en met de import van ${model.dataDatum}` },
      { term: 'Definities', tekst: `Indicatoren versie ${model.definitieversie} (zie Verantwoording)` },
      { term: 'Gemaakt op', tekst: model.gemaaktOp },
    ],
    logo: logoVan(regio),
  };
}
