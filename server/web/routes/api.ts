import { Router } from 'express';
import { kwartaalReeks } from '../../calendar/kwartaal.js';
import type { AppContext } from '../../context.js';
import { REGIO } from '../../indicatoren/gebieden.js';
import { indicatorReeks, indicatorenVoorKwartaal, pad, parseGebied, parseKwartaal } from '../../indicatoren/service.js';
import { beleidVoor, beschermdeReeks, beschermJson } from '../../privacy/service.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';
import { gebruikerVan, vereisGemeente } from '../auth.js';

/** JSON API over the stored indicators: parse, authorize, query, answer. A gemeente user gets protected figures of its own gemeenten and the region. */
export function apiRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/indicatoren', async (req, res) => {
    const kwartaal = parseKwartaal(req.query.kwartaal);
    const gebied = req.query.gemeente === undefined ? undefined : parseGebied(ctx.regio, req.query.gemeente);
    if (gebied) vereisGemeente(res, gebied);
    const data = await indicatorenVoorKwartaal(ctx.db, ctx.regio, kwartaal, gebied, ctx.vandaag());
    const beleid = await beleidVoor(ctx.db, gebruikerVan(res));
    if (!beleid) {
      res.json(data);
      return;
    }
    const eigen = gebruikerVan(res)!.gemeenten;
    data.gemeenten = Object.fromEntries(Object.entries(data.gemeenten).filter(([code]) => eigen.includes(code)));
    res.json(await beschermJson(ctx.db, data, beleid, REGIO));
  });

  router.get('/api/reeks', async (req, res) => {
    if (typeof req.query.indicator !== 'string' || req.query.indicator === '') {
      throw ongeldigeInvoer('Parameter indicator ontbreekt, zoals indicator=meldingen');
    }
    const van = parseKwartaal(req.query.van, 'van');
    const tot = parseKwartaal(req.query.tot, 'tot');
    const gebied = req.query.gemeente === undefined ? REGIO : parseGebied(ctx.regio, req.query.gemeente);
    if (gebied !== REGIO) vereisGemeente(res, gebied);
    const reeks = await indicatorReeks(ctx.db, ctx.regio, req.query.indicator, van, tot, gebied, ctx.vandaag());
    const beleid = await beleidVoor(ctx.db, gebruikerVan(res));
    if (beleid) {
      // protection needs the other indicators of each quarter (bases) and the three quarters before
      const beschermd = await beschermdeReeks(ctx.db, kwartaalReeks(van, tot), gebied, beleid);
      const indicatorPad = req.query.indicator.split('.');
      reeks.reeks = reeks.reeks.map((p) => ({ ...p, waarde: pad(beschermd.get(p.kwartaal), indicatorPad) }));
    }
    res.json(reeks);
  });

  return router;
}
