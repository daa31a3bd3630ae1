import express, { Router, type Response } from 'express';
import { z } from 'zod';
import { kwartaalKort, kwartaalReeks, kwartaalVoluit } from '../../calendar/kwartaal.js';
import type { AppContext } from '../../context.js';
import { leesBereik, parseGebied, parseKwartaal } from '../../indicatoren/service.js';
import { leesDuidingen, schrijfDuiding } from '../../rapportage/duiding-repository.js';
import { SECTIES } from '../../rapportage/kwartaalrapportage.js';
import {
  factsheetModel, kwartaalrapportageModel, rapportBestandsnaam, rapportHtml, rapportPdf, type Rapportdiensten,
} from '../../rapportage/service.js';
import { formatDatum } from '../../shared/formaat.js';
import { nietGevonden, ongeldigeInvoer } from '../../shared/fouten.js';
import type { Render } from '../views.js';

const duidingForm = z.object({
  sectie: z.enum(SECTIES.map((s) => s.sectie) as [string, ...string[]], { message: 'Onbekende sectie van de rapportage' }),
  tekst: z.string().max(10_000, 'Een duiding is hoogstens 10.000 tekens').default(''),
});

/** Who is acting: the signed-in user once there are accounts. */
export const wie = (res: Response): string => (res.locals.gebruiker as { email?: string } | undefined)?.email ?? 'VT Monitor';

function stuurPdf(res: Response, pdf: Uint8Array, naam: string): void {
  res.type('application/pdf').set('Content-Disposition', `attachment; filename="${naam}"`).send(Buffer.from(pdf));
}

/** The quarterly reports: list, duiding per section, HTML preview, PDF; factsheets per gemeente. */
export function rapportageRoutes(ctx: AppContext, render: Render, diensten: Rapportdiensten): Router {
  const router = Router();
  const gemeenteVan = (code: unknown) => {
    const g = parseGebied(ctx.regio, code);
    if (!ctx.regio.perCode.has(g)) throw nietGevonden('Een factsheet is er voor een gemeente van de regio');
    return g;
  };

  router.get('/rapportages', async (_req, res) => {
    const bereik = await leesBereik(ctx.db);
    const kwartalen = bereik ? kwartaalReeks(bereik.van, bereik.tot).reverse() : [];
    res.send(render('rapportages', {
      titel: 'Rapportages',
      actief: { rapportages: true },
      kwartalen: kwartalen.map((k) => ({ kwartaal: k, label: kwartaalVoluit(k), kort: kwartaalKort(k), pdf: rapportBestandsnaam(k) })),
    }));
  });

  router.get('/rapportages/:kwartaal', async (req, res) => {
    const kwartaal = parseKwartaal(req.params.kwartaal);
    const duidingen = await leesDuidingen(ctx.db, kwartaal);
    res.send(render('rapportage', {
      titel: `Kwartaalrapportage ${kwartaalKort(kwartaal)}`,
      actief: { rapportages: true },
      kwartaal,
      label: kwartaalVoluit(kwartaal),
      opgeslagen: req.query.opgeslagen,
      secties: SECTIES.map((s) => {
        const d = duidingen.get(s.sectie);
        return { ...s, tekst: d?.tekst ?? '', door: d?.door, bewerktOp: d ? formatDatum(d.bijgewerkt_op.slice(0, 10)) : null };
      }),
      gemeenten: [...ctx.regio.gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    }));
  });

  router.post('/rapportages/:kwartaal/duiding', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    const kwartaal = parseKwartaal(req.params.kwartaal);
    const form = duidingForm.safeParse(req.body);
    if (!form.success) throw ongeldigeInvoer(form.error.issues[0]?.message ?? 'Ongeldig formulier');
    await schrijfDuiding(ctx.db, { kwartaal, sectie: form.data.sectie, tekst: form.data.tekst.replace(/\r\n/g, '\n'), door: wie(res), bijgewerkt_op: new Date().toISOString() });
    ctx.logger.info({ kwartaal, sectie: form.data.sectie, door: wie(res) }, 'duiding opgeslagen');
    res.redirect(303, `/rapportages/${kwartaal}?opgeslagen=${form.data.sectie}#duiding-${form.data.sectie}`);
  });

  router.get('/rapportages/:kwartaal/voorbeeld', async (req, res) => {
    const model = await kwartaalrapportageModel(diensten, parseKwartaal(req.params.kwartaal));
    res.type('html').send(rapportHtml(diensten, model));
  });

  router.get('/rapportages/:kwartaal/rapport.pdf', async (req, res) => {
    const kwartaal = parseKwartaal(req.params.kwartaal);
    stuurPdf(res, await rapportPdf(diensten, await kwartaalrapportageModel(diensten, kwartaal)), rapportBestandsnaam(kwartaal));
  });

  router.get('/rapportages/:kwartaal/gemeente/:code', async (req, res) => {
    const model = await factsheetModel(diensten, parseKwartaal(req.params.kwartaal), gemeenteVan(req.params.code));
    res.type('html').send(rapportHtml(diensten, model));
  });

  router.get('/rapportages/:kwartaal/gemeente/:code/factsheet.pdf', async (req, res) => {
    const kwartaal = parseKwartaal(req.params.kwartaal);
    const code = gemeenteVan(req.params.code);
    stuurPdf(res, await rapportPdf(diensten, await factsheetModel(diensten, kwartaal, code)), rapportBestandsnaam(kwartaal, code));
  });
  return router;
}
