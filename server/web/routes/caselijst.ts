import { Router } from 'express';
import { daysBetween } from '../../calendar/dates.js';
import type { AppContext } from '../../context.js';
import { gebiedNaam } from '../../indicatoren/service.js';
import { openZaken } from '../../registraties/service.js';
import { formatDatum } from '../../shared/formaat.js';
import type { Render } from '../views.js';
import { audit, vereis } from '../auth.js';

/** VT management's list of open registrations over their term, by id (no personal data is stored). */
export function caselijstRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  router.get('/doorstroom/achterstand', vereis('caselijst'), async (req, res) => {
    const vandaag = ctx.vandaag();
    const zaken = await openZaken(ctx.db, vandaag);
    const rij = (z: { registratie_id: string; gemeente_sleutel: string; vanaf: string }, duur: number) => ({
      id: z.registratie_id, gemeente: gebiedNaam(ctx.regio, z.gemeente_sleutel), vanaf: formatDatum(z.vanaf), duur,
    });
    const vb = zaken.vb.map((z) => rij(z, ctx.kalender.werkdagenTussen(z.vanaf, vandaag))).filter((r) => r.duur > 5);
    const onderzoek = zaken.onderzoek.map((z) => rij(z, daysBetween(z.vanaf, vandaag))).filter((r) => r.duur > 70);
    const vv = zaken.vv.map((z) => rij(z, daysBetween(z.vanaf, vandaag))).filter((r) => r.duur > 70);
    await audit(ctx.db, req, res, 'caselijst', { vb: vb.length, onderzoek: onderzoek.length, vv: vv.length });
    res.set('Cache-Control', 'no-store').send(render('achterstand', {
      titel: 'Achterstand', actief: { doorstroom: true }, vandaag: formatDatum(vandaag), vb, onderzoek, vv,
    }, res));
  });
  return router;
}
