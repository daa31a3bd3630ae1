import { readFileSync } from 'node:fs';
import { extname, isAbsolute } from 'node:path';
import type { Regio } from '../config/regio.js';
import { projectPath } from '../config/paths.js';
import type { RapportModel } from './model.js';
import { vtMonitorVersie } from './pdf-metadata.js';

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

/** What the cover of the board's reports says about the document itself: status, date, version, organisation mark (factsheets have their own two-page layout). */
export function omslag(regio: Regio, model: RapportModel): { status: string; datum: string; versie: string; logo: string | null } {
  const status = model.concept ? 'CONCEPT — de duiding is nog niet definitief' : 'Definitief';
  return { status, datum: model.gemaaktOp, versie: `VT Monitor ${vtMonitorVersie()}, definities ${model.definitieversie}`, logo: logoVan(regio) };
}
