import { readFileSync } from 'node:fs';
import { extname, isAbsolute } from 'node:path';
import type { Regio } from '../config/regio.js';
import { projectPath } from '../config/paths.js';
import type { RapportModel } from './model.js';

const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };
const logos = new Map<string, string>();

/** The logo shipped with VT Monitor, on the cover when neither ORGANISATIE_LOGO nor the region file names one. */
export const STANDAARD_LOGO = 'reports/logo.svg';

/** The organisation's logo (ORGANISATIE_LOGO, the region file's `logo`, or the shipped one) as a data: URL: the printing page loads nothing else. */
export function logoVan(regio: Regio): string {
  const logo = regio.logo ?? STANDAARD_LOGO;
  if (!logos.has(logo)) {
    const pad = isAbsolute(logo) ? logo : projectPath(logo);
    const type = TYPES[extname(pad).toLowerCase()];
    if (!type) throw new Error(`Het logo van de organisatie moet PNG, JPEG of SVG zijn: ${logo}`);
    logos.set(logo, `data:${type};base64,${readFileSync(pad).toString('base64')}`);
  }
  return logos.get(logo)!;
}

export interface Omslag {
  /** term → text, in the order printed: what the document covers, how final it is, which data, which definitions */
  regels: { term: string; tekst: string }[];
  logo: string;
  /** the organisation that publishes the report, above its title */
  organisatie: string;
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
    organisatie: regio.organisatie,
  };
}
