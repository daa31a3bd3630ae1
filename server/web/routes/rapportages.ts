import { Router, type Request, type Response } from 'express';
import { mag, magGemeente } from '../../auth/rollen.js';
import { audit, gebruikerVan, vereis, vereisGemeente } from '../auth.js';
import { z } from 'zod';
import { kwartaalKort, kwartaalReeks, kwartaalVoluit, laatsteDag } from '../../calendar/kwartaal.js';
import type { AppContext } from '../../context.js';
import { leesBereik, leesGebied } from '../../indicatoren/service.js';
import { SECTIES } from '../../rapportage/kwartaalrapportage.js';
import { factsheetModel, rapportHtml, rapportModel, rapportPdf, type Rapportdiensten } from '../../rapportage/service.js';
import { archiefPdf, archiefstuk, archiveer, leesArchief, type Archiefstuk } from '../../rapportage/archief-service.js';
import { bewaarDuiding, duidingIsDefinitief, leesDuidingen, schrijfDuiding } from '../../rapportage/duiding-service.js';
import { rapportNaam, rapportSecties, rapportVan, stukBestand, stukNaam } from '../../rapportage/rapporten.js';
import type { Regio } from '../../config/regio.js';
import { formatteerTijdstip } from '../../shared/formaat.js';
import { verzondenArchiefstukken } from '../../verzending/verzendstatus-service.js';
import { nietGevonden } from '../../shared/fouten.js';
import type { Render } from '../views.js';
import { kwartaal, leesBody, leesParams, leesQuery, tekst, uitParser, type Schema } from '../invoer.js';

/** A duiding is at most this long. */
const MAX_DUIDING = 10_000;
const duidingTekst = z.string().max(MAX_DUIDING, 'is langer dan 10.000 tekens');

const duidingForm = z.object({
  sectie: z.enum(SECTIES.map((s) => s.sectie) as [string, ...string[]], { error: 'Onbekende sectie van de rapportage' }),
  tekst: duidingTekst.default(''),
});
const periodeParams = z.object({ periode: uitParser(rapportVan) });
const kwartaalParams = z.object({ kwartaal });
const archiefParams = z.object({
  // a number that names no archived report is as unknown as one that is no number
  id: uitParser((id) => {
    if (typeof id !== 'string' || !/^\d{1,9}$/.test(id)) throw nietGevonden('Dit gearchiveerde rapport bestaat niet');
    return Number(id);
  }),
});
/** `?opgeslagen` after saving: present or not (the value names the section that was saved). */
const rapportQuery = z.object({ opgeslagen: tekst(100).optional() });

/** The editor's form: per section of the report its text and whether it is final. */
const duidingenForm = (secties: { sectie: string }[]): Schema<Record<string, string | undefined>> =>
  z.object(
    Object.fromEntries(
      secties.flatMap(({ sectie }) => [
        [`tekst_${sectie}`, duidingTekst.optional()],
        [`definitief_${sectie}`, tekst(10).optional()],
      ]),
    ),
  );

/** Who is acting: the signed-in user. */
const wie = (res: Response): string => gebruikerVan(res)!.email;

/** `kwartaalrapportage-2026-Q3-zoals-verzonden.pdf` once a recipient got it, `…-gearchiveerd.pdf` before. */
const archiefBestandsnaam = (stuk: Archiefstuk, regio: Regio, verzonden: ReadonlyMap<number, string>): string =>
  stukBestand(stuk, regio, verzonden.has(stuk.id) ? '-zoals-verzonden' : '-gearchiveerd');

function stuurPdf(res: Response, pdf: Uint8Array, naam: string): void {
  res.type('application/pdf').set('Content-Disposition', `attachment; filename="${naam}"`).send(Buffer.from(pdf));
}

/** The quarterly reports: list, duiding per section, HTML preview, PDF; factsheets per gemeente. */
export function rapportageRoutes(ctx: AppContext, render: Render, diensten: Rapportdiensten): Router {
  const router = Router();
  const factsheetParams = z.object({ kwartaal, code: uitParser((v) => leesGebied(ctx.regio, v)) });
  /** The quarter and gemeente of a factsheet, for a user who may see that gemeente. */
  const factsheetVan = (req: Request, res: Response) => {
    const { kwartaal: k, code } = leesParams(factsheetParams, req);
    if (!ctx.regio.perCode.has(code)) throw nietGevonden('Een factsheet is er voor een gemeente van de regio');
    vereisGemeente(res, code);
    return { kwartaal: k, code };
  };

  router.get('/rapportages', async (_req, res) => {
    const bereik = await leesBereik(ctx.db);
    const kwartalen = bereik ? kwartaalReeks(bereik.van, bereik.tot).reverse() : [];
    const g = gebruikerVan(res)!;
    const eigen = ctx.regio.gemeenten.filter((x) => g.rol === 'gemeente' && magGemeente(g, x.code));
    const archief = (await leesArchief(ctx.db)).filter((a) => (a.gemeente ? magGemeente(g, a.gemeente) : mag(g, 'regio')));
    const verzonden = await verzondenArchiefstukken(ctx.db);
    const jaren = bereik
      ? Array.from({ length: Number(bereik.tot.slice(0, 4)) - Number(bereik.van.slice(0, 4)) + 1 }, (_, i) => Number(bereik.tot.slice(0, 4)) - i)
      : [];
    const periode = (sleutel: string) => {
      const r = rapportVan(sleutel);
      return { periode: sleutel, naam: rapportNaam(r), pdf: stukBestand({ rapport: r.soort, periode: sleutel }, ctx.regio) };
    };
    res.send(
      render(
        'rapportages',
        {
          titel: 'Rapportages',
          actief: { rapportages: true },
          volledig: mag(g, 'regio'),
          perioden: jaren.map((j) => ({
            jaar: j,
            halfjaren: [`${j}-H2`, `${j}-H1`]
              .filter((h) => bereik && `${j}-Q${h.endsWith('H1') ? 1 : 3}` <= bereik.tot && `${j}-Q${h.endsWith('H1') ? 2 : 4}` >= bereik.van)
              .map(periode),
            jaarrapport: periode(String(j)),
          })),
          archief: archief.map((a) => ({
            ...a,
            // "zoals verzonden" only for what was sent; the hash and who archived it are for VT staff
            verzonden: verzonden.has(a.id) ? formatteerTijdstip(verzonden.get(a.id)) : null,
            gemaakt_door: mag(g, 'regio') ? a.gemaakt_door : null,
            sha256: mag(g, 'regio') ? a.sha256 : null,
            naam: stukNaam(a, ctx.regio),
            op: formatteerTijdstip(a.gemaakt_op),
            bestand: archiefBestandsnaam(a, ctx.regio, verzonden),
          })),
          kwartalen: kwartalen.map((k) => ({
            // the running quarter is offered as provisional, never as if final
            kwartaal: k,
            label: `${kwartaalVoluit(k)}${laatsteDag(k) > ctx.vandaag() ? ' (voorlopig*)' : ''}`,
            kort: kwartaalKort(k),
            pdf: stukBestand({ rapport: 'kwartaal', periode: k }, ctx.regio),
            factsheets: eigen.map((x) => ({ code: x.code, naam: x.naam, pdf: stukBestand({ rapport: 'factsheet', periode: k, gemeente: x.code }, ctx.regio) })),
          })),
        },
        res,
      ),
    );
  });

  router.get('/rapportages/archief/:id/:naam', async (req, res) => {
    const gevonden = await archiefPdf(ctx.db, leesParams(archiefParams, req).id);
    if (!gevonden) throw nietGevonden('Dit gearchiveerde rapport bestaat niet');
    const { stuk, pdf } = gevonden;
    if (stuk.gemeente) vereisGemeente(res, stuk.gemeente);
    else if (!mag(gebruikerVan(res)!, 'regio')) throw nietGevonden('Dit gearchiveerde rapport bestaat niet');
    await audit(ctx.db, req, res, 'download', { archief: stuk.id, sha256: stuk.sha256 });
    res
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${archiefBestandsnaam(stuk, ctx.regio, await verzondenArchiefstukken(ctx.db))}"`)
      .set('X-Content-SHA256', stuk.sha256)
      .send(pdf);
  });

  router.get('/rapportages/:periode', vereis('regio'), async (req, res) => {
    const { periode: rapport } = leesParams(periodeParams, req);
    const { opgeslagen } = leesQuery(rapportQuery, req);
    const duidingen = await leesDuidingen(ctx.db, rapport.periode);
    const gearchiveerd = await archiefstuk(ctx.db, rapport.soort, rapport.periode);
    const verzonden = gearchiveerd ? await verzondenArchiefstukken(ctx.db) : new Map<number, string>();
    res.send(
      render(
        'rapportage',
        {
          titel: rapportNaam(rapport),
          actief: { rapportages: true },
          periode: rapport.periode,
          kwartaal: rapport.soort === 'kwartaal' ? rapport.periode : null,
          label: rapportNaam(rapport),
          opgeslagen: opgeslagen !== undefined,
          definitief: duidingIsDefinitief(duidingen),
          gearchiveerd: gearchiveerd
            ? {
                ...gearchiveerd,
                op: formatteerTijdstip(gearchiveerd.gemaakt_op),
                naam: archiefBestandsnaam(gearchiveerd, ctx.regio, verzonden),
                verzonden: verzonden.has(gearchiveerd.id) ? formatteerTijdstip(verzonden.get(gearchiveerd.id)) : null,
              }
            : null,
          secties: rapportSecties(rapport).map((s) => {
            const d = duidingen.get(s.sectie);
            return {
              ...s,
              tekst: d?.tekst ?? '',
              door: d?.door,
              bewerktOp: d ? formatteerTijdstip(d.bijgewerkt_op) : null,
              isDefinitief: d?.status === 'definitief',
              definitiefDoor: d?.definitief_door,
              definitiefOp: d?.definitief_op ? formatteerTijdstip(d.definitief_op) : null,
            };
          }),
          gemeenten: rapport.soort === 'kwartaal' ? [...ctx.regio.gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')) : [],
          magDuiden: mag(gebruikerVan(res)!, 'duiding'),
        },
        res,
      ),
    );
  });

  /** The whole editor in one form: saving never drops another section's text. */
  router.post('/rapportages/:periode/duidingen', vereis('duiding'), async (req, res) => {
    const { periode: rapport } = leesParams(periodeParams, req);
    const secties = rapportSecties(rapport);
    const body = leesBody(duidingenForm(secties), req);
    const invoer = secties.flatMap(({ sectie }) => {
      const tekst = body[`tekst_${sectie}`];
      return tekst === undefined ? [] : [{ sectie, tekst, definitief: body[`definitief_${sectie}`] === 'ja' }];
    });
    const nu = new Date().toISOString();
    const wijzigingen = await bewaarDuiding(ctx.db, rapport, invoer, wie(res), nu);
    for (const w of wijzigingen) {
      const actie = w.actie === 'definitief' ? 'duiding_definitief' : w.actie === 'concept' ? 'duiding_concept' : 'duiding_gewijzigd';
      await audit(ctx.db, req, res, actie, { periode: rapport.periode, sectie: w.sectie, actie: w.actie, op: nu });
    }
    if (duidingIsDefinitief(await leesDuidingen(ctx.db, rapport.periode)) && !(await archiefstuk(ctx.db, rapport.soort, rapport.periode))) {
      const stuk = await archiveer(diensten, rapport, wie(res));
      await audit(ctx.db, req, res, 'rapport_gearchiveerd', {
        periode: rapport.periode,
        rapport: rapport.soort,
        sha256: stuk.sha256,
        data_versie: stuk.data_versie,
      });
    }
    res.redirect(303, `/rapportages/${rapport.periode}?opgeslagen`);
  });

  router.post('/rapportages/:kwartaal/duiding', vereis('duiding'), async (req, res) => {
    const { kwartaal: k } = leesParams(kwartaalParams, req);
    const form = leesBody(duidingForm, req);
    await schrijfDuiding(ctx.db, {
      kwartaal: k,
      sectie: form.sectie,
      tekst: form.tekst.replace(/\r\n/g, '\n'),
      door: wie(res),
      bijgewerkt_op: new Date().toISOString(),
    });
    await audit(ctx.db, req, res, 'duiding_gewijzigd', { kwartaal: k, sectie: form.sectie });
    res.redirect(303, `/rapportages/${k}?opgeslagen=${form.sectie}#duiding-${form.sectie}`);
  });

  // A preview is a page of the site (menu, margins, footer) around the printed document itself, in a
  // frame of A4 width: the document is exactly what is printed, its charts at print size.
  router.get('/rapportages/:periode/voorbeeld', vereis('regio'), (req, res) => {
    const { periode: rapport } = leesParams(periodeParams, req);
    res.send(
      render(
        'voorbeeld',
        {
          titel: `Voorbeeld: ${rapportNaam(rapport)}`,
          actief: { rapportages: true },
          naam: rapportNaam(rapport),
          document: `/rapportages/${rapport.periode}/voorbeeld/document`,
          pdf: `/rapportages/${rapport.periode}/rapport.pdf`,
          bestand: stukBestand({ rapport: rapport.soort, periode: rapport.periode }, ctx.regio),
        },
        res,
      ),
    );
  });
  router.get('/rapportages/:periode/voorbeeld/document', vereis('regio'), async (req, res) => {
    const model = await rapportModel(diensten, leesParams(periodeParams, req).periode);
    stuurDocument(res, rapportHtml(diensten, model));
  });

  router.get('/rapportages/:periode/rapport.pdf', vereis('regio'), async (req, res) => {
    const { periode: rapport } = leesParams(periodeParams, req);
    await audit(ctx.db, req, res, 'rapport', { soort: rapport.soort, periode: rapport.periode });
    stuurPdf(
      res,
      await rapportPdf(diensten, await rapportModel(diensten, rapport, { voorDruk: true })),
      stukBestand({ rapport: rapport.soort, periode: rapport.periode }, ctx.regio),
    );
  });

  router.get('/rapportages/:kwartaal/gemeente/:code', (req, res) => {
    const { kwartaal: k, code } = factsheetVan(req, res);
    const naam = `Factsheet ${ctx.regio.perCode.get(code)!.naam} ${kwartaalKort(k)}`;
    res.send(
      render(
        'voorbeeld',
        {
          titel: `Voorbeeld: ${naam}`,
          actief: { rapportages: true },
          naam,
          document: `/rapportages/${k}/gemeente/${code}/document`,
          pdf: `/rapportages/${k}/gemeente/${code}/factsheet.pdf`,
          bestand: stukBestand({ rapport: 'factsheet', periode: k, gemeente: code }, ctx.regio),
        },
        res,
      ),
    );
  });
  router.get('/rapportages/:kwartaal/gemeente/:code/document', async (req, res) => {
    const { kwartaal: k, code } = factsheetVan(req, res);
    stuurDocument(res, rapportHtml(diensten, await factsheetModel(diensten, k, code)));
  });

  router.get('/rapportages/:kwartaal/gemeente/:code/factsheet.pdf', async (req, res) => {
    const { kwartaal: k, code } = factsheetVan(req, res);
    await audit(ctx.db, req, res, 'rapport', { soort: 'factsheet', kwartaal: k, gemeente: code });
    stuurPdf(
      res,
      await rapportPdf(diensten, await factsheetModel(diensten, k, code)),
      stukBestand({ rapport: 'factsheet', periode: k, gemeente: code }, ctx.regio),
    );
  });
  return router;
}

/**
 * The printed document inside the preview page: framed by this site only (frame-ancestors 'self' on
 * this response; every other page keeps 'none'), with a screen stylesheet for margins and chart sizes.
 */
function stuurDocument(res: Response, html: string): void {
  const csp = String(res.getHeader('Content-Security-Policy') ?? '').replace("frame-ancestors 'none'", "frame-ancestors 'self'");
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res
    .type('html')
    .send(
      html.replace(
        '</head>',
        '<link rel="stylesheet" href="/static/css/voorbeeld-document.css">\n<script src="/static/js/voorbeeld-document.js" defer></script>\n</head>',
      ),
    );
}
