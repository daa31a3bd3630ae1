import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { verklaring } from '../../toegankelijkheid/verklaring.js';
import type { Render } from '../views.js';

/** The toegankelijkheidsverklaring: public, without login (the footer of every page links here). */
export function toegankelijkheidRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  const model = verklaring(ctx.env, ctx.regio.organisatie);
  router.get('/toegankelijkheid', (_req, res) => {
    res.send(render('toegankelijkheid', { titel: 'Toegankelijkheidsverklaring', ...model }, res));
  });
  return router;
}
