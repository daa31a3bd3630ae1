import { Router } from 'express';
import { kwartaalReeks, kwartaalVoluit } from '../../calendar/kwartaal.js';
import type { AppContext } from '../../context.js';
import { leesBereik } from '../../indicatoren/service.js';
import type { Render } from '../views.js';

/** The list of quarterly reports; the PDF issue fills in the reports themselves. */
export function rapportageRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  router.get('/rapportages', async (_req, res) => {
    const bereik = await leesBereik(ctx.db);
    const kwartalen = bereik ? kwartaalReeks(bereik.van, bereik.tot).reverse() : [];
    res.send(render('rapportages', {
      titel: 'Rapportages',
      actief: { rapportages: true },
      kwartalen: kwartalen.map((k) => ({ kwartaal: k, label: kwartaalVoluit(k) })),
    }));
  });
  return router;
}
