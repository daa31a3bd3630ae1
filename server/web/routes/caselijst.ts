import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { achterstandDownload } from '../../export/achterstand-download.js';
import { ACHTERSTAND_LIJSTEN, achterstand } from '../../registraties/achterstand-service.js';
import { formatteerDatum } from '../../shared/formaat.js';
import type { Render } from '../views.js';
import { audit, vereis } from '../auth.js';
import { stuurDownload } from '../download.js';
import { z } from 'zod';
import { leesFormaat } from '../../export/downloads-service.js';
import { leesParams, uitParser } from '../invoer.js';

const downloadParams = z.object({ formaat: uitParser(leesFormaat) });

/** VT management's list of open registrations over their term, by id (no personal data is stored). */
export function caselijstRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  router.get('/doorstroom/achterstand', vereis('caselijst'), async (req, res) => {
    const vandaag = ctx.vandaag();
    const a = await achterstand(ctx, vandaag);
    const opPagina = (l: (typeof ACHTERSTAND_LIJSTEN)[number]) => ({ ...l, zaken: a[l.lijst].map((z) => ({ ...z, vanaf: formatteerDatum(z.vanaf) })) });
    await audit(ctx.db, req, res, 'caselijst', { vb: a.vb.length, onderzoek: a.onderzoek.length, vv: a.vv.length });
    res.set('Cache-Control', 'no-store').send(
      render(
        'achterstand',
        {
          titel: 'Achterstand',
          actief: { doorstroom: true },
          vandaag: formatteerDatum(vandaag),
          lijsten: ACHTERSTAND_LIJSTEN.map(opPagina),
        },
        res,
      ),
    );
  });
  // the same lists as a download: same access rule, same audit, never cached
  router.get('/doorstroom/achterstand.:formaat', vereis('caselijst'), async (req, res) => {
    const vandaag = ctx.vandaag();
    const { formaat } = leesParams(downloadParams, req);
    const d = await achterstandDownload(ctx, vandaag, formaat);
    await audit(ctx.db, req, res, 'caselijst', { download: formaat });
    stuurDownload(res, d, { geenCache: true });
  });
  return router;
}
