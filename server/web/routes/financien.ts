import { Router, type Request, type Response } from 'express';
import { kwartaalKort, kwartaalVoluit } from '../../calendar/kwartaal.js';
import { doorstroomPerFteGrafiek, formatiePerMaand } from '../../charts/financien.js';
import type { AppContext } from '../../context.js';
import { financienKwartalen, financienVoorKwartaal, type FinancienJson } from '../../financien/service.js';
import { FINANCIEN_KOLOMMEN_TABEL, financienTabel, resultaatZin } from '../../financien/tabel.js';
import { FINANCIEN_BRON, financienTabellen } from '../../export/financien-download.js';
import { alleTabellenDownload, leesFormaat, tabelDownload, type Download } from '../../export/downloads-service.js';
import { dataversieLezer } from '../../importbatches/service.js';
import { stuurDownload } from '../download.js';
import { nietGevonden } from '../../shared/fouten.js';
import type { Render } from '../views.js';
import { bijModel, grafiekModel, modelCache } from '../grafiek-antwoord.js';
import { audit, vereis } from '../auth.js';
import { z } from 'zod';
import type { Grafiek } from '../../charts/grafiek.js';
import { kwartaal, leesParams, leesQuery, optioneel, tekst, uitParser } from '../invoer.js';

const paginaQuery = z.object({ kwartaal: optioneel(kwartaal) });
const apiQuery = z.object({ kwartaal });
const exportParams = z.object({ grafiek: tekst(100), formaat: uitParser(leesFormaat) });

/** What the page /financien and its downloads are built from. */
interface FinancienModel {
  /** the day it was built for (part of its key): the downloads' export date */
  vandaag: string;
  kwartalen: string[];
  kwartaal: string | null;
  data: FinancienJson | null;
  grafieken: Grafiek[];
  /** the tables of the page, in its order (the downloads) */
  tabellen: ReturnType<typeof financienTabellen>;
}

/** /financien: realisation vs budget of a quarter, FTE per month, throughput per FTE. */
export function financienRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  router.use(['/financien', '/api/financien', '/export/financien'], vereis('financien'));

  /**
   * The page model, shared by the page and its downloads (as the dashboards do, web/grafiek-antwoord.ts):
   * one per quarter as asked and today, per data version (a financien or formatie import writes it,
   * and so does a refresh of the indicators the throughput per FTE divides). The default quarter
   * (the newest with a financien file) is read when the model is built: it changes only with an import.
   */
  const modellen = modelCache<FinancienModel>(dataversieLezer(ctx.db));
  /** a table's CSV and XLSX and the workbook of all tables, serialised once per model */
  const downloads = bijModel<Download>();

  async function model(req: Request): Promise<FinancienModel> {
    const gevraagd = leesQuery(paginaQuery, req).kwartaal ?? null;
    const vandaag = ctx.vandaag();
    return modellen(JSON.stringify([gevraagd, vandaag]), async () => {
      const kwartalen = await financienKwartalen(ctx.db);
      const kwartaal = gevraagd ?? kwartalen[0];
      if (!kwartaal) return { vandaag, kwartalen, kwartaal: null, data: null, grafieken: [], tabellen: [] };
      const data = await financienVoorKwartaal(ctx.db, kwartaal);
      const grafieken = [formatiePerMaand(data.formatie), doorstroomPerFteGrafiek(data.doorstroom_per_fte)];
      return { vandaag, kwartalen, kwartaal, data, grafieken, tabellen: financienTabellen(data, grafieken) };
    });
  }

  router.get('/financien', async (req, res) => {
    const m = await model(req);
    const resultaat = m.data?.heeft_financien ? m.data.totalen.find((t) => t.totaal === 'resultaat') : undefined;
    const query = m.kwartaal ? `kwartaal=${m.kwartaal}` : '';
    res.send(
      render(
        'financien',
        {
          titel: 'Financiën en formatie',
          actief: { financien: true },
          kwartaal: m.kwartaal,
          kwartaalLabel: m.kwartaal ? kwartaalVoluit(m.kwartaal) : null,
          kwartalen: m.kwartalen.map((k) => ({ waarde: k, label: kwartaalKort(k), gekozen: k === m.kwartaal })),
          heeftFinancien: m.data?.heeft_financien ?? false,
          kolommen: FINANCIEN_KOLOMMEN_TABEL,
          rijen: m.data?.heeft_financien ? financienTabel(m.data) : [],
          resultaat: resultaat && m.kwartaal ? resultaatZin(m.kwartaal, resultaat.realisatie, resultaat.begroting) : null,
          resultaatTekort: (resultaat?.verschil ?? 0) < 0,
          grafieken: m.grafieken.map((g) => grafiekModel(g, `/export/financien/${g.id}`, query)),
          grafiekBron: FINANCIEN_BRON(ctx.regio.organisatie),
          downloads: m.kwartaal
            ? {
                csv: `/export/financien/begroting.csv?${query}`,
                xlsx: `/export/financien/begroting.xlsx?${query}`,
                alle: `/export/financien/alle-tabellen.xlsx?${query}`,
              }
            : null,
        },
        res,
      ),
    );
  });

  router.get('/api/financien', async (req, res) => {
    res.json(await financienVoorKwartaal(ctx.db, leesQuery(apiQuery, req).kwartaal));
  });

  const downloadContext = (m: FinancienModel) => ({ db: ctx.db, regio: ctx.regio, vandaag: m.vandaag });
  const opties = (kwartaal: string) => ({
    onderwerp: 'Financiën en formatie',
    periode: { kwartaal },
    beleid: null,
    bron: FINANCIEN_BRON(ctx.regio.organisatie),
  });
  router.get('/export/financien/alle-tabellen.xlsx', async (req: Request, res: Response) => {
    const m = await model(req);
    if (!m.kwartaal || !m.data) throw nietGevonden('Er zijn nog geen financiële gegevens');
    const kwartaal = m.kwartaal;
    await audit(ctx.db, req, res, 'download', { pagina: 'financien', grafiek: 'alle-tabellen', kwartaal, formaat: 'xlsx' });
    // a key no table can have (a table's key is its id, a dot and its format)
    const d = await downloads(m, 'alle tabellen', () =>
      alleTabellenDownload(downloadContext(m), m.tabellen, `financien-alle-tabellen-${kwartaal}`, opties(kwartaal)),
    );
    stuurDownload(res, d);
  });
  router.get('/export/financien/:grafiek.:formaat', async (req: Request, res: Response) => {
    const m = await model(req);
    if (!m.kwartaal || !m.data) throw nietGevonden('Er zijn nog geen financiële gegevens');
    const kwartaal = m.kwartaal;
    const { grafiek, formaat } = leesParams(exportParams, req);
    const tabel = m.tabellen.find((g) => g.id === grafiek);
    if (!tabel) throw nietGevonden(`Onbekende tabel "${grafiek}"`);
    await audit(ctx.db, req, res, 'download', { pagina: 'financien', grafiek: tabel.id, kwartaal, formaat });
    // cut from the model once; the model's key holds the quarter and today, the name follows from them
    const d = await downloads(m, `${tabel.id}.${formaat}`, () =>
      tabelDownload(downloadContext(m), tabel, `${tabel.id}-${kwartaal}`, formaat, opties(kwartaal)),
    );
    stuurDownload(res, d);
  });
  return router;
}
