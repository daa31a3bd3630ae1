import { Router } from 'express';
import { kwartaalReeks } from '../../calendar/kwartaal.js';
import type { AppContext } from '../../context.js';
import { REGIO } from '../../indicatoren/herbereken.js';
import { leesIndicatoren } from '../../indicatoren/repository.js';
import { indicatorReeks, indicatorenVoorKwartaal, pad, parseGebied, parseKwartaal } from '../../indicatoren/service.js';
import { beschermWaarden } from '../../privacy/onderdrukking.js';
import { verbergTweedeGolf } from '../../indicatoren/tweede-golf.js';
import { beleidVoor, beschermJson } from '../../privacy/service.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';
import { gebruikerVan, vereisGemeente } from '../auth.js';

/** JSON API over the stored indicators: parse, authorize, query, answer. A gemeente user gets protected figures of its own gemeenten and the region. */
export function apiRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/indicatoren', async (req, res) => {
    const kwartaal = parseKwartaal(req.query.kwartaal);
    const gebied = req.query.gemeente === undefined ? undefined : parseGebied(ctx.regio, req.query.gemeente);
    if (gebied) vereisGemeente(res, gebied);
    const data = await indicatorenVoorKwartaal(ctx.db, ctx.regio, kwartaal, gebied);
    const beleid = await beleidVoor(ctx.db, res);
    if (!beleid) {
      res.json(data);
      return;
    }
    const eigen = gebruikerVan(res)!.gemeenten;
    data.gemeenten = Object.fromEntries(Object.entries(data.gemeenten).filter(([code]) => eigen.includes(code)).map(([c, g]) => [c, verbergTweedeGolf(g)]));
    data.regio = verbergTweedeGolf(data.regio);
    res.json(beschermJson(data, beleid));
  });

  router.get('/api/reeks', async (req, res) => {
    if (typeof req.query.indicator !== 'string' || req.query.indicator === '') {
      throw ongeldigeInvoer('Parameter indicator ontbreekt, zoals indicator=meldingen');
    }
    const van = parseKwartaal(req.query.van, 'van');
    const tot = parseKwartaal(req.query.tot, 'tot');
    const gebied = req.query.gemeente === undefined ? REGIO : parseGebied(ctx.regio, req.query.gemeente);
    if (gebied !== REGIO) vereisGemeente(res, gebied);
    const reeks = await indicatorReeks(ctx.db, ctx.regio, req.query.indicator, van, tot, gebied);
    const beleid = await beleidVoor(ctx.db, res);
    if (beleid) {
      // protection needs the other indicators of each quarter (groups, bases)
      const perKwartaal = new Map<string, Record<string, unknown>>();
      for (const r of await leesIndicatoren(ctx.db, { kwartalen: kwartaalReeks(van, tot), gebieden: [gebied] })) {
        const w = perKwartaal.get(r.kwartaal) ?? {};
        w[r.indicator] = r.waarde;
        perKwartaal.set(r.kwartaal, w);
      }
      const indicatorPad = req.query.indicator.split('.');
      reeks.reeks = reeks.reeks.map((p) => ({ kwartaal: p.kwartaal, waarde: perKwartaal.has(p.kwartaal) ? pad(beschermWaarden(verbergTweedeGolf(perKwartaal.get(p.kwartaal)!), beleid), indicatorPad) : null }));
    }
    res.json(reeks);
  });

  return router;
}
