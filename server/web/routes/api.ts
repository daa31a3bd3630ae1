import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { REGIO } from '../../indicatoren/herbereken.js';
import { indicatorReeks, indicatorenVoorKwartaal, parseGebied, parseKwartaal } from '../../indicatoren/service.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';

/** JSON API over the stored indicators: parse, query, answer. */
export function apiRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/indicatoren', async (req, res) => {
    const kwartaal = parseKwartaal(req.query.kwartaal);
    const gebied = req.query.gemeente === undefined ? undefined : parseGebied(ctx.regio, req.query.gemeente);
    res.json(await indicatorenVoorKwartaal(ctx.db, ctx.regio, kwartaal, gebied));
  });

  router.get('/api/reeks', async (req, res) => {
    if (typeof req.query.indicator !== 'string' || req.query.indicator === '') {
      throw ongeldigeInvoer('Parameter indicator ontbreekt, zoals indicator=meldingen');
    }
    const van = parseKwartaal(req.query.van, 'van');
    const tot = parseKwartaal(req.query.tot, 'tot');
    const gebied = req.query.gemeente === undefined ? REGIO : parseGebied(ctx.regio, req.query.gemeente);
    res.json(await indicatorReeks(ctx.db, ctx.regio, req.query.indicator, van, tot, gebied));
  });

  return router;
}
