import { Router, type Request, type Response } from 'express';
import { kwartaalKort, kwartaalVoluit } from '../../calendar/kwartaal.js';
import { doorstroomPerFteGrafiek, formatiePerMaand } from '../../charts/financien.js';
import type { AppContext } from '../../context.js';
import { financienKwartalen, financienVoorKwartaal } from '../../financien/service.js';
import { FINANCIEN_KOLOMMEN_TABEL, financienTabel, resultaatZin } from '../../financien/tabel.js';
import { FINANCIEN_BRON, financienTabellen } from '../../export/financien-download.js';
import { alleTabellenDownload, leesFormaat, tabelDownload } from '../../export/downloads-service.js';
import { stuurDownload } from '../download.js';
import { nietGevonden } from '../../shared/fouten.js';
import type { Render } from '../views.js';
import { grafiekModel } from '../grafiek-antwoord.js';
import { audit, vereis } from '../auth.js';
import { z } from 'zod';
import { kwartaal, leesParams, leesQuery, optioneel, tekst, uitParser } from '../invoer.js';

const paginaQuery = z.object({ kwartaal: optioneel(kwartaal) });
const apiQuery = z.object({ kwartaal });
const exportParams = z.object({ grafiek: tekst(100), formaat: uitParser(leesFormaat) });

/** /financien: realisation vs budget of a quarter, FTE per month, throughput per FTE. */
export function financienRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  router.use(['/financien', '/api/financien', '/export/financien'], vereis('financien'));

  async function model(req: Request) {
    const kwartalen = await financienKwartalen(ctx.db);
    const kwartaal = leesQuery(paginaQuery, req).kwartaal ?? kwartalen[0];
    if (!kwartaal) return { kwartalen, kwartaal: null, data: null, grafieken: [] };
    const data = await financienVoorKwartaal(ctx.db, kwartaal);
    return { kwartalen, kwartaal, data, grafieken: [formatiePerMaand(data.formatie), doorstroomPerFteGrafiek(data.doorstroom_per_fte)] };
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

  const downloadContext = () => ({ db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag() });
  router.get('/export/financien/alle-tabellen.xlsx', async (req: Request, res: Response) => {
    const m = await model(req);
    if (!m.kwartaal || !m.data) throw nietGevonden('Er zijn nog geen financiële gegevens');
    await audit(ctx.db, req, res, 'download', { pagina: 'financien', grafiek: 'alle-tabellen', kwartaal: m.kwartaal, formaat: 'xlsx' });
    const d = await alleTabellenDownload(downloadContext(), financienTabellen(m.data, m.grafieken), `financien-alle-tabellen-${m.kwartaal}`, {
      onderwerp: 'Financiën en formatie',
      periode: { kwartaal: m.kwartaal },
      beleid: null,
      bron: FINANCIEN_BRON(ctx.regio.organisatie),
    });
    stuurDownload(res, d);
  });
  router.get('/export/financien/:grafiek.:formaat', async (req: Request, res: Response) => {
    const m = await model(req);
    if (!m.kwartaal || !m.data) throw nietGevonden('Er zijn nog geen financiële gegevens');
    const { grafiek, formaat } = leesParams(exportParams, req);
    const tabel = financienTabellen(m.data, m.grafieken).find((g) => g.id === grafiek);
    if (!tabel) throw nietGevonden(`Onbekende tabel "${grafiek}"`);
    const naam = `${tabel.id}-${m.kwartaal}`;
    await audit(ctx.db, req, res, 'download', { pagina: 'financien', grafiek: tabel.id, kwartaal: m.kwartaal, formaat });
    stuurDownload(
      res,
      await tabelDownload(downloadContext(), tabel, naam, formaat, {
        onderwerp: 'Financiën en formatie',
        periode: { kwartaal: m.kwartaal },
        beleid: null,
        bron: FINANCIEN_BRON(ctx.regio.organisatie),
      }),
    );
  });
  return router;
}
