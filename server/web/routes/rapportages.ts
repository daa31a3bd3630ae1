import { Router, type Response } from 'express';
import { mag, magGemeente } from '../../auth/rollen.js';
import { audit, gebruikerVan, vereis, vereisGemeente } from '../auth.js';
import { z } from 'zod';
import { kwartaalKort, kwartaalReeks, kwartaalVoluit, laatsteDag } from '../../calendar/kwartaal.js';
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

/** Who is acting: the signed-in user. */
const wie = (res: Response): string => gebruikerVan(res)!.email;

function stuurPdf(res: Response, pdf: Uint8Array, naam: string): void {
  res.type('application/pdf').set('Content-Disposition', `attachment; filename="${naam}"`).send(Buffer.from(pdf));
}

/** The quarterly reports: list, duiding per section, HTML preview, PDF; factsheets per gemeente. */
export function rapportageRoutes(ctx: AppContext, render: Render, diensten: Rapportdiensten): Router {
  const router = Router();
  const gemeenteVan = (code: unknown, res: Response) => {
    const g = parseGebied(ctx.regio, code);
    if (!ctx.regio.perCode.has(g)) throw nietGevonden('Een factsheet is er voor een gemeente van de regio');
    vereisGemeente(res, g);
    return g;
  };

  router.get('/rapportages', async (_req, res) => {
    const bereik = await leesBereik(ctx.db);
    const kwartalen = bereik ? kwartaalReeks(bereik.van, bereik.tot).reverse() : [];
    const g = gebruikerVan(res)!;
    const eigen = ctx.regio.gemeenten.filter((x) => g.rol === 'gemeente' && magGemeente(g, x.code));
    res.send(render('rapportages', {
      titel: 'Rapportages',
      actief: { rapportages: true },
      volledig: mag(g, 'regio'),
      kwartalen: kwartalen.map((k) => ({
        // the running quarter is offered as provisional, never as if final
        kwartaal: k, label: `${kwartaalVoluit(k)}${laatsteDag(k) > ctx.vandaag() ? ' (voorlopig*)' : ''}`, kort: kwartaalKort(k), pdf: rapportBestandsnaam(k),
        factsheets: eigen.map((x) => ({ code: x.code, naam: x.naam, pdf: rapportBestandsnaam(k, x.code) })),
      })),
    }, res));
  });

  router.get('/rapportages/:kwartaal', vereis('regio'), async (req, res) => {
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
      magDuiden: mag(gebruikerVan(res)!, 'duiding'),
    }, res));
  });

  router.post('/rapportages/:kwartaal/duiding', vereis('duiding'), async (req, res) => {
    const kwartaal = parseKwartaal(req.params.kwartaal);
    const form = duidingForm.safeParse(req.body);
    if (!form.success) throw ongeldigeInvoer(form.error.issues[0]?.message ?? 'Ongeldig formulier');
    await schrijfDuiding(ctx.db, { kwartaal, sectie: form.data.sectie, tekst: form.data.tekst.replace(/\r\n/g, '\n'), door: wie(res), bijgewerkt_op: new Date().toISOString() });
    await audit(ctx.db, req, res, 'duiding_gewijzigd', { kwartaal, sectie: form.data.sectie });
    res.redirect(303, `/rapportages/${kwartaal}?opgeslagen=${form.data.sectie}#duiding-${form.data.sectie}`);
  });

  router.get('/rapportages/:kwartaal/voorbeeld', vereis('regio'), async (req, res) => {
    const model = await kwartaalrapportageModel(diensten, parseKwartaal(req.params.kwartaal));
    res.type('html').send(rapportHtml(diensten, model));
  });

  router.get('/rapportages/:kwartaal/rapport.pdf', vereis('regio'), async (req, res) => {
    const kwartaal = parseKwartaal(req.params.kwartaal);
    await audit(ctx.db, req, res, 'rapport', { soort: 'kwartaalrapportage', kwartaal });
    stuurPdf(res, await rapportPdf(diensten, await kwartaalrapportageModel(diensten, kwartaal)), rapportBestandsnaam(kwartaal));
  });

  router.get('/rapportages/:kwartaal/gemeente/:code', async (req, res) => {
    const model = await factsheetModel(diensten, parseKwartaal(req.params.kwartaal), gemeenteVan(req.params.code, res));
    res.type('html').send(rapportHtml(diensten, model));
  });

  router.get('/rapportages/:kwartaal/gemeente/:code/factsheet.pdf', async (req, res) => {
    const kwartaal = parseKwartaal(req.params.kwartaal);
    const code = gemeenteVan(req.params.code, res);
    await audit(ctx.db, req, res, 'rapport', { soort: 'factsheet', kwartaal, gemeente: code });
    stuurPdf(res, await rapportPdf(diensten, await factsheetModel(diensten, kwartaal, code)), rapportBestandsnaam(kwartaal, code));
  });
  return router;
}
