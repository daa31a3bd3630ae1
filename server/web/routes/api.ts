import { Router } from 'express';
import { kwartaalReeks } from '../../calendar/kwartaal.js';
import type { AppContext } from '../../context.js';
import { REGIO } from '../../indicatoren/gebieden.js';
import { indicatorReeks, indicatorenVoorKwartaal, pad, leesGebied } from '../../indicatoren/service.js';
import { beleidVoor, beschermdeReeks, beschermJson } from '../../privacy/service.js';
import { z } from 'zod';
import { gebruikerVan, vereisGemeente } from '../auth.js';
import { kwartaal, leesQuery, optioneel, uitParser } from '../invoer.js';

/** JSON API over the stored indicators: parse, authorize, query, answer. A gemeente user gets protected figures of its own gemeenten and the region. */
export function apiRoutes(ctx: AppContext): Router {
  const router = Router();
  const gebied = uitParser((v) => leesGebied(ctx.regio, v));
  const indicatorenQuery = z.object({ kwartaal, gemeente: optioneel(gebied) });
  const reeksQuery = z.object({
    indicator: z
      .string({ error: (issue) => (issue.input === undefined ? 'ontbreekt, zoals indicator=meldingen' : undefined) })
      .min(1, 'ontbreekt, zoals indicator=meldingen')
      .max(200),
    van: kwartaal,
    tot: kwartaal,
    gemeente: optioneel(gebied),
  });

  router.get('/api/indicatoren', async (req, res) => {
    const q = leesQuery(indicatorenQuery, req);
    const gebied = q.gemeente;
    if (gebied) vereisGemeente(res, gebied);
    const data = await indicatorenVoorKwartaal(ctx.db, ctx.regio, q.kwartaal, gebied, ctx.vandaag());
    const beleid = await beleidVoor(ctx.db, gebruikerVan(res));
    if (!beleid) {
      res.json(data);
      return;
    }
    const eigen = gebruikerVan(res)!.gemeenten;
    data.gemeenten = Object.fromEntries(Object.entries(data.gemeenten).filter(([code]) => eigen.includes(code)));
    res.json(await beschermJson(ctx.db, ctx.regio, data, beleid));
  });

  router.get('/api/reeks', async (req, res) => {
    const { indicator, van, tot, gemeente } = leesQuery(reeksQuery, req);
    const gebied = gemeente ?? REGIO;
    if (gebied !== REGIO) vereisGemeente(res, gebied);
    const reeks = await indicatorReeks(ctx.db, ctx.regio, indicator, van, tot, gebied, ctx.vandaag());
    const beleid = await beleidVoor(ctx.db, gebruikerVan(res));
    if (beleid) {
      // protection needs the other indicators of each quarter (bases) and the three quarters before
      const beschermd = await beschermdeReeks(ctx.db, ctx.regio, kwartaalReeks(van, tot), gebied, beleid);
      const indicatorPad = indicator.split('.');
      reeks.reeks = reeks.reeks.map((p) => ({ ...p, waarde: pad(beschermd.get(p.kwartaal), indicatorPad) }));
    }
    res.json(reeks);
  });

  return router;
}
