import { Router, type Response } from 'express';
import { mag, magGemeente } from '../../auth/rollen.js';
import { audit, gebruikerVan, vereis, vereisGemeente } from '../auth.js';
import { z } from 'zod';
import { kwartaalKort, kwartaalReeks, kwartaalVoluit, laatsteDag } from '../../calendar/kwartaal.js';
import type { AppContext } from '../../context.js';
import { leesBereik, parseGebied, parseKwartaal } from '../../indicatoren/service.js';
import { SECTIES } from '../../rapportage/kwartaalrapportage.js';
import {
  factsheetModel, rapportBestandsnaam, rapportHtml, rapportModel, rapportPdf, type Rapportdiensten,
} from '../../rapportage/service.js';
import { archiefPdf, archiefstuk, archiveer, leesArchief, type Archiefstuk } from '../../rapportage/archief.js';
import { bewaarDuiding, duidingIsDefinitief, leesDuidingen, schrijfDuiding } from '../../rapportage/duiding-service.js';
import { rapportBestand, rapportNaam, rapportSecties, rapportVan } from '../../rapportage/rapporten.js';
import { formatTijdstip } from '../../shared/formaat.js';
import { nietGevonden, ongeldigeInvoer } from '../../shared/fouten.js';
import type { Render } from '../views.js';

const duidingForm = z.object({
  sectie: z.enum(SECTIES.map((s) => s.sectie) as [string, ...string[]], { message: 'Onbekende sectie van de rapportage' }),
  tekst: z.string().max(10_000, 'Een duiding is hoogstens 10.000 tekens').default(''),
});

/** Who is acting: the signed-in user. */
const wie = (res: Response): string => gebruikerVan(res)!.email;

/** `kwartaalrapportage-2026-Q3-zoals-verzonden.pdf` */
export function archiefBestandsnaam(stuk: Archiefstuk): string {
  const basis = stuk.rapport === 'factsheet' ? rapportBestandsnaam(stuk.periode, stuk.gemeente).replace(/\.pdf$/, '') : rapportBestand({ soort: stuk.rapport as 'kwartaal', periode: stuk.periode }).replace(/\.pdf$/, '');
  return `${basis}-zoals-verzonden.pdf`;
}

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
    const archief = (await leesArchief(ctx.db)).filter((a) => (a.gemeente ? magGemeente(g, a.gemeente) : mag(g, 'regio')));
    const jaren = bereik ? Array.from({ length: Number(bereik.tot.slice(0, 4)) - Number(bereik.van.slice(0, 4)) + 1 }, (_, i) => Number(bereik.tot.slice(0, 4)) - i) : [];
    const periode = (sleutel: string) => {
      const r = rapportVan(sleutel);
      return { periode: sleutel, naam: rapportNaam(r), pdf: rapportBestand(r) };
    };
    res.send(render('rapportages', {
      titel: 'Rapportages',
      actief: { rapportages: true },
      volledig: mag(g, 'regio'),
      perioden: jaren.map((j) => ({ jaar: j, halfjaren: [`${j}-H2`, `${j}-H1`].filter((h) => bereik && `${j}-Q${h.endsWith('H1') ? 1 : 3}` <= bereik.tot && `${j}-Q${h.endsWith('H1') ? 2 : 4}` >= bereik.van).map(periode), jaarrapport: periode(String(j)) })),
      archief: archief.map((a) => ({
        ...a, naam: a.rapport === 'factsheet' ? `Factsheet ${ctx.regio.perCode.get(a.gemeente)?.naam ?? a.gemeente} ${kwartaalKort(a.periode)}` : rapportNaam(rapportVan(a.periode)),
        op: formatTijdstip(a.gemaakt_op), bestand: archiefBestandsnaam(a),
      })),
      kwartalen: kwartalen.map((k) => ({
        // the running quarter is offered as provisional, never as if final
        kwartaal: k, label: `${kwartaalVoluit(k)}${laatsteDag(k) > ctx.vandaag() ? ' (voorlopig*)' : ''}`, kort: kwartaalKort(k), pdf: rapportBestandsnaam(k),
        factsheets: eigen.map((x) => ({ code: x.code, naam: x.naam, pdf: rapportBestandsnaam(k, x.code) })),
      })),
    }, res));
  });

  router.get('/rapportages/archief/:id/:naam', async (req, res) => {
    const gevonden = /^\d{1,9}$/.test(req.params.id) ? await archiefPdf(ctx.db, Number(req.params.id)) : null;
    if (!gevonden) throw nietGevonden('Dit gearchiveerde rapport bestaat niet');
    const { stuk, pdf } = gevonden;
    if (stuk.gemeente) vereisGemeente(res, stuk.gemeente);
    else if (!mag(gebruikerVan(res)!, 'regio')) throw nietGevonden('Dit gearchiveerde rapport bestaat niet');
    await audit(ctx.db, req, res, 'download', { archief: stuk.id, sha256: stuk.sha256 });
    res.type('application/pdf').set('Content-Disposition', `attachment; filename="${archiefBestandsnaam(stuk)}"`).set('X-Content-SHA256', stuk.sha256).send(pdf);
  });

  router.get('/rapportages/:periode', vereis('regio'), async (req, res) => {
    const rapport = rapportVan(req.params.periode);
    const duidingen = await leesDuidingen(ctx.db, rapport.periode);
    const gearchiveerd = await archiefstuk(ctx.db, rapport.soort, rapport.periode);
    res.send(render('rapportage', {
      titel: rapportNaam(rapport),
      actief: { rapportages: true },
      periode: rapport.periode,
      kwartaal: rapport.soort === 'kwartaal' ? rapport.periode : null,
      label: rapportNaam(rapport),
      opgeslagen: req.query.opgeslagen !== undefined,
      definitief: duidingIsDefinitief(duidingen),
      gearchiveerd: gearchiveerd ? { ...gearchiveerd, op: formatTijdstip(gearchiveerd.gemaakt_op), naam: archiefBestandsnaam(gearchiveerd) } : null,
      secties: rapportSecties(rapport).map((s) => {
        const d = duidingen.get(s.sectie);
        return {
          ...s, tekst: d?.tekst ?? '', door: d?.door, bewerktOp: d ? formatTijdstip(d.bijgewerkt_op) : null,
          isDefinitief: d?.status === 'definitief', definitiefDoor: d?.definitief_door, definitiefOp: d?.definitief_op ? formatTijdstip(d.definitief_op) : null,
        };
      }),
      gemeenten: rapport.soort === 'kwartaal' ? [...ctx.regio.gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')) : [],
      magDuiden: mag(gebruikerVan(res)!, 'duiding'),
    }, res));
  });

  /** The whole editor in one form: saving never drops another section's text. */
  router.post('/rapportages/:periode/duidingen', vereis('duiding'), async (req, res) => {
    const rapport = rapportVan(req.params.periode);
    const body = req.body as Record<string, unknown>;
    const invoer = rapportSecties(rapport).flatMap(({ sectie }) => {
      const tekst = body[`tekst_${sectie}`];
      if (tekst === undefined) return [];
      if (typeof tekst !== 'string') throw ongeldigeInvoer(`Ongeldige duiding voor ${sectie}`);
      if (tekst.length > 10_000) throw ongeldigeInvoer(`De duiding van ${sectie} is langer dan 10.000 tekens`);
      return [{ sectie, tekst, definitief: body[`definitief_${sectie}`] === 'ja' }];
    });
    const nu = new Date().toISOString();
    const wijzigingen = await bewaarDuiding(ctx.db, rapport, invoer, wie(res), nu);
    for (const w of wijzigingen) {
      const actie = w.actie === 'definitief' ? 'duiding_definitief' : w.actie === 'concept' ? 'duiding_concept' : 'duiding_gewijzigd';
      await audit(ctx.db, req, res, actie, { periode: rapport.periode, sectie: w.sectie, actie: w.actie, op: nu });
    }
    if (duidingIsDefinitief(await leesDuidingen(ctx.db, rapport.periode)) && !(await archiefstuk(ctx.db, rapport.soort, rapport.periode))) {
      const stuk = await archiveer(diensten, rapport, wie(res));
      await audit(ctx.db, req, res, 'rapport_gearchiveerd', { periode: rapport.periode, rapport: rapport.soort, sha256: stuk.sha256, data_versie: stuk.data_versie });
    }
    res.redirect(303, `/rapportages/${rapport.periode}?opgeslagen`);
  });

  router.post('/rapportages/:kwartaal/duiding', vereis('duiding'), async (req, res) => {
    const kwartaal = parseKwartaal(req.params.kwartaal);
    const form = duidingForm.safeParse(req.body);
    if (!form.success) throw ongeldigeInvoer(form.error.issues[0]?.message ?? 'Ongeldig formulier');
    await schrijfDuiding(ctx.db, { kwartaal, sectie: form.data.sectie, tekst: form.data.tekst.replace(/\r\n/g, '\n'), door: wie(res), bijgewerkt_op: new Date().toISOString() });
    await audit(ctx.db, req, res, 'duiding_gewijzigd', { kwartaal, sectie: form.data.sectie });
    res.redirect(303, `/rapportages/${kwartaal}?opgeslagen=${form.data.sectie}#duiding-${form.data.sectie}`);
  });

  router.get('/rapportages/:periode/voorbeeld', vereis('regio'), async (req, res) => {
    const model = await rapportModel(diensten, rapportVan(req.params.periode));
    res.type('html').send(rapportHtml(diensten, model));
  });

  router.get('/rapportages/:periode/rapport.pdf', vereis('regio'), async (req, res) => {
    const rapport = rapportVan(req.params.periode);
    await audit(ctx.db, req, res, 'rapport', { soort: rapport.soort, periode: rapport.periode });
    stuurPdf(res, await rapportPdf(diensten, await rapportModel(diensten, rapport)), rapportBestand(rapport));
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
