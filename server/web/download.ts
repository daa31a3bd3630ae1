import type { Response } from 'express';
import type { Download } from '../export/downloads-service.js';

/** Sends a download built by server/export as an attachment. */
export function stuurDownload(res: Response, d: Download, opties: { geenCache?: boolean } = {}): void {
  if (opties.geenCache) res.set('Cache-Control', 'no-store');
  res.type(d.type).attachment(d.bestandsnaam).send(d.inhoud);
}
