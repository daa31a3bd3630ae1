import { Router, type Request, type Response } from 'express';
import { beschermd, mag, magGemeente, startpagina } from '../../auth/rollen.js';
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
import { alleTabellenDownload, leesFormaat, tabelDownload, tabellenVanPagina, type Download } from '../../export/downloads-service.js';
import { stuurDownload } from '../download.js';
import { dataversieLezer, leesDatadatum } from '../../importbatches/service.js';
import { leesBereik, leesGebied } from '../../indicatoren/service.js';
import { nietGevonden } from '../../shared/fouten.js';
import type { Render } from '../views.js';
import { bijModel, grafiekModel, modelCache } from '../grafiek-antwoord.js';
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

/** A page's read model with what it was built from: the chosen quarter and period, and the policy when protected. */
interface Gebouwd {
  keuze: Keuze;
  beleid: Beleid | null;
  model: PaginaModel;
}

/** The dashboards: parse the filters from the URL, build the page model, render. */
export function dashboardRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  const bron = { db: ctx.db, regio: ctx.regio, normen: normenVan(ctx.env) };
  const gemeenteParams = z.object({ code: uitParser((v) => leesGebied(ctx.regio, v)) });
  /**
   * The page models, shared by a page and its downloads: one read model per page, gebied, the
   * filters as asked, protected or not, the map's figure, today, and data version. The choice
   * of quarter and the policy are read when the model is built and kept with it: both change
   * only with the data version (every import writes the range and the version in one
   * transaction; a policy change writes the policy, then the version). So a download from a
   * cached model reads nothing but the data version, through a prepared statement.
   */
  const modellen = modelCache<Gebouwd>(dataversieLezer(ctx.db));
  /** a chart's CSV and XLSX, serialised once per model (and so per data version) */
  const downloads = bijModel<Download>();

  /** Authorizes, then builds the page model (or takes it from the cache); a gemeente user's figures are protected. */
  async function model(pagina: Pagina, req: Request, res: Response): Promise<Gebouwd & { gemeente?: string; kaart: KaartCijferId }> {
    const g = gebruikerVan(res)!;
    if (pagina === 'regio' && !mag(g, 'regio')) throw geenToegang();
    if (pagina === 'doorstroom' && !mag(g, 'doorstroom')) throw geenToegang();
    const gemeente = pagina === 'gemeente' ? leesParams(gemeenteParams, req).code : undefined;
    if (gemeente) vereisGemeente(res, gemeente);
    const gevraagd = leesQuery(filterQuery, req);
    const vandaag = ctx.vandaag();
    const kaart = kaartCijfer(leesQuery(kaartQuery, req).kaart).id;
    const beschermen = beschermd(g);
    const sleutel = JSON.stringify([pagina, gemeente ?? null, gevraagd.kwartaal ?? null, gevraagd.periode ?? null, beschermen, vandaag, kaart]);
    const bouw = async (): Promise<Gebouwd> => {
      const keuze = await leesPaginakeuze(ctx.db, gevraagd, vandaag);
      const beleid = await beleidVoor(ctx.db, g);
      const b = { ...bron, vandaag, ...(beleid ? { bescherm: voorWeergave(beleid, inwonersVan(ctx.regio)) } : {}) };
      const m =
        pagina === 'regio'
          ? await regioPagina(b, keuze, kaart)
          : pagina === 'doorstroom'
            ? await doorstroomPagina(b, keuze)
            : await gemeentePagina(b, keuze, gemeente!, kaart);
      return { keuze, beleid, model: m };
    };
    return { ...(await modellen(sleutel, bouw)), gemeente, kaart };
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
    // cut from the model once; the model's key holds gebied, filters, protection and today, the naam follows from them
    const d = await downloads(m, `${grafiek.id}.${formaat}`, () =>
      tabelDownload(downloadContext(), grafiek, naam, formaat, { onderwerp: m.titel, periode: keuze, beleid }),
    );
    stuurDownload(res, d);
  };
  /** Every table of the page in one workbook. */
  const alleTabellen = (pagina: Pagina) => async (req: Request, res: Response) => {
    const { model: m, beleid, keuze, gemeente } = await model(pagina, req, res);
    const naam = `${pagina}-alle-tabellen-${m.kwartaal}${gemeente ? `-${gemeente}` : ''}`;
    await audit(ctx.db, req, res, 'download', { pagina, grafiek: 'alle-tabellen', kwartaal: m.kwartaal, gemeente, formaat: 'xlsx' });
    // a key no chart can have (a chart's key is its id, a dot and its format)
    const d = await downloads(m, 'alle tabellen', () =>
      alleTabellenDownload(downloadContext(), tabellenVanPagina(m), naam, { onderwerp: m.titel, periode: keuze, beleid }),
    );
    stuurDownload(res, d);
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
