import { Router, type Request, type Response } from 'express';
import { mag, magGemeente, startpagina } from '../../auth/rollen.js';
import { beleidTekst, type Beleid } from '../../privacy/onderdrukking.js';
import { beleidVoor, inwonersVan, voorWeergave } from '../../privacy/service.js';
import { geenToegang } from '../../shared/fouten.js';
import { audit, gebruikerVan, vereisGemeente } from '../auth.js';
import { kwartaalKort, kwartaalReeks, laatsteDag } from '../../calendar/kwartaal.js';
import { normenVan } from '../../config/env.js';
import type { AppContext } from '../../context.js';
import {
  doorstroomPagina,
  gemeentePagina,
  leesPaginakeuze,
  PERIODES,
  regioPagina,
  type Keuze,
  type PaginaModel,
  type Periode,
} from '../../dashboard/service.js';
import { alleTabellenDownload, leesFormaat, tabelDownload, tabellenVanPagina } from '../../export/downloads-service.js';
import { stuurDownload } from '../download.js';
import { leesDatadatum, leesDataversie } from '../../importbatches/service.js';
import { leesBereik, leesGebied } from '../../indicatoren/service.js';
import { nietGevonden } from '../../shared/fouten.js';
import type { Render } from '../views.js';
import { grafiekModel, modelCache } from '../grafiek-antwoord.js';
import { kwartaal, leesParams, leesQuery, optioneel, tekst, uitParser } from '../invoer.js';
import { z } from 'zod';
import { KAART_CIJFERS, KAART_CIJFER_IDS, kaartCijfer, type KaartCijferId } from '../../charts/kaart.js';

/** The filters of every dashboard; a download carries the same ones. */
const filterQuery = z.object({
  kwartaal: optioneel(kwartaal),
  periode: optioneel(z.enum(PERIODES.map(String) as [string, ...string[]]).transform((p) => Number(p) as Periode)),
});
/** The gemeente switch of the filter form (works without JavaScript) adds `gemeente` to the filters. */
const wisselQuery = filterQuery.extend({ gemeente: optioneel(tekst(20)) });
/** The figure on the map (region and gemeente pages): a separate parameter, kept by the map's own form and downloads. */
const kaartQuery = z.object({ kaart: optioneel(z.enum(KAART_CIJFER_IDS)) });
const exportParams = z.object({ grafiek: tekst(100), formaat: uitParser(leesFormaat) });

type Pagina = 'regio' | 'gemeente' | 'doorstroom';

/** The dashboards: parse the filters from the URL, build the page model, render. */
export function dashboardRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  const bron = { db: ctx.db, regio: ctx.regio, normen: normenVan(ctx.env) };
  const gemeenteParams = z.object({ code: uitParser((v) => leesGebied(ctx.regio, v)) });
  /** the page models, shared by a page and its downloads (one read model per page, filters, protection, day and data version) */
  const modellen = modelCache<PaginaModel>(() => leesDataversie(ctx.db));

  /** Authorizes, then builds the page model; a gemeente user's figures are protected. */
  async function model(
    pagina: Pagina,
    req: Request,
    res: Response,
  ): Promise<{ keuze: Keuze; model: PaginaModel; gemeente?: string; beleid: Beleid | null; kaart: KaartCijferId }> {
    const g = gebruikerVan(res)!;
    if (pagina === 'regio' && !mag(g, 'regio')) throw geenToegang();
    if (pagina === 'doorstroom' && !mag(g, 'doorstroom')) throw geenToegang();
    const gemeente = pagina === 'gemeente' ? leesParams(gemeenteParams, req).code : undefined;
    if (gemeente) vereisGemeente(res, gemeente);
    const keuze = await leesPaginakeuze(ctx.db, leesQuery(filterQuery, req), ctx.vandaag());
    const beleid = await beleidVoor(ctx.db, gebruikerVan(res));
    const vandaag = ctx.vandaag();
    const b = { ...bron, vandaag, ...(beleid ? { bescherm: voorWeergave(beleid, inwonersVan(ctx.regio)) } : {}) };
    const kaart = kaartCijfer(leesQuery(kaartQuery, req).kaart).id;
    const sleutel = JSON.stringify([pagina, gemeente ?? null, keuze, beleid, vandaag, kaart]);
    const bouw = () =>
      pagina === 'regio' ? regioPagina(b, keuze, kaart) : pagina === 'doorstroom' ? doorstroomPagina(b, keuze) : gemeentePagina(b, keuze, gemeente!, kaart);
    return { keuze, gemeente, beleid, kaart, model: await modellen(sleutel, bouw) };
  }

  function query(keuze: Keuze): string {
    return `kwartaal=${keuze.kwartaal}&periode=${keuze.periode}`;
  }

  async function toon(pagina: Pagina, req: Request, res: Response): Promise<string> {
    const { keuze, model: m, gemeente, beleid, kaart } = await model(pagina, req, res);
    const g = gebruikerVan(res)!;
    const exportBasis = pagina === 'gemeente' ? `/export/gemeente/${gemeente}` : `/export/${pagina}`;
    return render(
      pagina === 'doorstroom' ? 'doorstroom' : 'dashboard',
      {
        ...m,
        pagina,
        actief: { [pagina]: true },
        actiePad: pagina === 'gemeente' ? `/gemeente/${gemeente}` : pagina === 'regio' ? '/' : '/doorstroom',
        kwartalen: kwartaalReeks(keuze.bereik.van, keuze.bereik.tot)
          .reverse()
          .map((k) => ({ waarde: k, label: kwartaalKort(k), gekozen: k === keuze.kwartaal })),
        periodes: PERIODES.map((p) => ({ waarde: p, label: `${p} kwartalen`, gekozen: p === keuze.periode })),
        gemeenten: ctx.regio.gemeenten.filter((x) => magGemeente(g, x.code)).map((x) => ({ code: x.code, naam: x.naam, gekozen: x.code === gemeente })),
        privacyNoot: beleid ? beleidTekst(beleid) : null,
        gemeenteKeuze: pagina === 'gemeente',
        datadatum: await leesDatadatum(ctx.db),
        grafiekBron: `VT Monitor, registraties van ${ctx.regio.organisatie}`,
        grafieken: m.grafieken.map((g) => grafiekModel(g, `${exportBasis}/${g.id}`, query(keuze), beleid)),
        monitoring: m.monitoring.map((g) => grafiekModel(g, `${exportBasis}/${g.id}`, query(keuze), beleid)),
        prognose: (m.prognose ?? []).map((g) => grafiekModel(g, `${exportBasis}/${g.id}`, query(keuze), beleid)),
        voorlopig: laatsteDag(keuze.kwartaal) > ctx.vandaag(),
        kaart: m.kaart ? grafiekModel(m.kaart, `${exportBasis}/${m.kaart.id}`, `${query(keuze)}&kaart=${kaart}`, beleid) : null,
        kaartCijfers: KAART_CIJFERS.map((c) => ({ id: c.id, label: c.label, gekozen: c.id === kaart })),
        periode: keuze.periode,
        alleTabellen: { pad: `${exportBasis}/alle-tabellen.xlsx?${query(keuze)}`, aantal: tabellenVanPagina(m).length },
      },
      res,
    );
  }

  router.get('/', async (req, res) => {
    const g = gebruikerVan(res)!;
    if (!mag(g, 'regio')) {
      res.redirect(303, startpagina(g));
      return;
    }
    // an empty (production) database: a first page that says what to do, not an error
    if (!(await leesBereik(ctx.db))) {
      res.send(render('leeg', { titel: 'Nog geen cijfers', actief: { regio: true }, beheerder: mag(g, 'beheer') }, res));
      return;
    }
    res.send(await toon('regio', req, res));
  });
  router.get('/gemeente/:code', async (req, res) => {
    // the gemeente switch of the filter form (works without JavaScript)
    const { gemeente, ...filters } = leesQuery(wisselQuery, req);
    const gekozen = gemeente?.toUpperCase();
    if (gekozen && gekozen !== leesParams(gemeenteParams, req).code && ctx.regio.perCode.has(gekozen)) {
      const rest = new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
      res.redirect(303, `/gemeente/${gekozen}?${rest.toString()}`);
      return;
    }
    res.send(await toon('gemeente', req, res));
  });
  router.get('/doorstroom', async (req, res) => {
    res.send(await toon('doorstroom', req, res));
  });

  const exporteer = (pagina: Pagina) => async (req: Request, res: Response) => {
    const { model: m, beleid, keuze, gemeente } = await model(pagina, req, res);
    const { grafiek: id, formaat } = leesParams(exportParams, req);
    const grafiek = tabellenVanPagina(m).find((g) => g.id === id);
    if (!grafiek) throw nietGevonden(`Onbekende grafiek "${id}"`);
    const naam = `${grafiek.id}-${m.kwartaal}${gemeente ? `-${gemeente}` : ''}`;
    await audit(ctx.db, req, res, 'download', { pagina, grafiek: grafiek.id, kwartaal: m.kwartaal, gemeente, formaat });
    const d = await tabelDownload(downloadContext(), grafiek, naam, formaat, { onderwerp: m.titel, periode: keuze, beleid });
    stuurDownload(res, d);
  };
  /** Every table of the page in one workbook. */
  const alleTabellen = (pagina: Pagina) => async (req: Request, res: Response) => {
    const { model: m, beleid, keuze, gemeente } = await model(pagina, req, res);
    const naam = `${pagina}-alle-tabellen-${m.kwartaal}${gemeente ? `-${gemeente}` : ''}`;
    await audit(ctx.db, req, res, 'download', { pagina, grafiek: 'alle-tabellen', kwartaal: m.kwartaal, gemeente, formaat: 'xlsx' });
    stuurDownload(res, await alleTabellenDownload(downloadContext(), tabellenVanPagina(m), naam, { onderwerp: m.titel, periode: keuze, beleid }));
  };
  const downloadContext = () => ({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag() });
  router.get('/export/gemeente/:code/alle-tabellen.xlsx', alleTabellen('gemeente'));
  router.get('/export/regio/alle-tabellen.xlsx', alleTabellen('regio'));
  router.get('/export/doorstroom/alle-tabellen.xlsx', alleTabellen('doorstroom'));
  router.get('/export/gemeente/:code/:grafiek.:formaat', exporteer('gemeente'));
  router.get('/export/regio/:grafiek.:formaat', exporteer('regio'));
  router.get('/export/doorstroom/:grafiek.:formaat', exporteer('doorstroom'));
  return router;
}
