import { Router } from 'express';
import { kwartaalKort, kwartaalVan } from '../../calendar/kwartaal.js';
import type { AppContext } from '../../context.js';
import { laatsteImportdatum } from '../../importbatches/repository.js';
import { countPerKwartaal } from '../../registraties/repository.js';
import type { Render } from '../views.js';

/** The first page: the region, its gemeenten and the registrations per quarter. */
export function overzichtRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const perKwartaal = await countPerKwartaal(ctx.db);
    const lopend = kwartaalVan(ctx.vandaag());
    res.send(
      render('overzicht', {
        titel: `Regio ${ctx.regio.naam}`,
        regio: ctx.regio,
        gemeenten: ctx.regio.gemeenten,
        inwonersTotaal: ctx.regio.inwonersTotaal,
        kwartalen: perKwartaal
          .map((k) => ({ ...k, label: kwartaalKort(k.kwartaal), lopend: k.kwartaal === lopend, totaal: k.adviezen + k.meldingen }))
          .reverse(),
        datadatum: (await laatsteImportdatum(ctx.db))?.slice(0, 10) ?? null,
      }),
    );
  });
  return router;
}
