import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { per1000Grafieken, spiegelGrafiek } from '../../charts/spiegel.js';
import type { AppContext } from '../../context.js';
import { nietGevonden } from '../../shared/fouten.js';
import { formatteerGetal } from '../../shared/formaat.js';
import { spiegelPagina } from '../../spiegel/service.js';
import { vanCbsPeriode, spiegelPeriode, type Spiegel } from '../../spiegel/compute.js';
import { per1000Kop } from '../../spiegel/tabel.js';
import type { Render } from '../views.js';
import { audit, vereis } from '../auth.js';
import { bijModel, grafiekModel, modelCache } from '../grafiek-antwoord.js';
import { stuurDownload } from '../download.js';
import { leesFormaat, tabelDownload, type Download } from '../../export/downloads-service.js';
import { dataversieLezer } from '../../importbatches/service.js';
import { leesParams, leesQuery, optioneel, tekst, uitParser } from '../invoer.js';

const spiegelQuery = z.object({
  periode: optioneel(z.string().regex(/^\d{4}(-H[12])?$/i, 'moet een jaar (2023) of een halfjaar (2023-H1) zijn')),
});
const exportParams = z.object({ grafiek: tekst(100), formaat: uitParser(leesFormaat) });

/** The population year of the gemeente rows (one per period; null when no gemeente row has a population). */
const gemeenteJaar = (s: Spiegel): number | null => s.gemeenten.find((g) => g.inwoners_jaar !== null)?.inwoners_jaar ?? null;

/** Which CBS population every per-1.000 figure of the page divided by, from the spiegel's own inwoners_jaar and sources. */
function bevolkingZin(s: Spiegel): string {
  const deel = (wie: string, g: Spiegel['regio']) =>
    g.inwoners === null || g.inwoners_jaar === null
      ? `${wie}: geen CBS-bevolking, dus geen cijfers per 1.000 (.)`
      : `${wie}: ${formatteerGetal(g.inwoners)} inwoners op 1 januari ${g.inwoners_jaar}, CBS ${g.bronnen.inwoners?.tabel ?? ''}`;
  const gj = gemeenteJaar(s);
  return [
    deel(s.regio.naam, s.regio),
    deel('Nederland', s.nederland),
    ...(s.gemeenten.length > 0 ? [gj === null ? 'gemeenten: geen CBS-bevolking' : `gemeenten: bevolking op 1 januari ${gj} (CBS)`] : []),
  ].join('; ');
}

const SPIEGEL_BRON = 'CBS StatLine (Beleidsinformatie Veilig Thuis) en VT Monitor, eigen registraties, afgerond op veelvouden van 5';

/** /spiegel: the region beside Nederland (CBS) and our own registration, for roles that see region figures. */
export function spiegelRoutes(ctx: AppContext, render: Render): Router {
  const router = Router();
  router.use(['/spiegel', '/export/spiegel'], vereis('regio'));

  /**
   * The page model, shared by the page and its downloads (as the dashboards do, web/grafiek-antwoord.ts):
   * one per period as asked and today, per data version (written by a CBS import, a registration
   * import and a policy change: the CBS cells, our own counts and the grondtal the page is built from).
   */
  const modellen = modelCache<Awaited<ReturnType<typeof bouwModel>>>(dataversieLezer(ctx.db));
  /** a chart's CSV and XLSX, serialised once per model */
  const downloads = bijModel<Download>();

  async function bouwModel(periode: string | undefined, vandaag: string) {
    const p = await spiegelPagina(ctx.db, ctx.regio, periode);
    const grafieken = p.spiegel ? [spiegelGrafiek(p.spiegel), ...per1000Grafieken(p.reeks)] : [];
    return { ...p, grafieken, vandaag };
  }

  async function model(req: Request) {
    const periode = leesQuery(spiegelQuery, req).periode?.toUpperCase();
    const vandaag = ctx.vandaag();
    return modellen(JSON.stringify([periode ?? null, vandaag]), () => bouwModel(periode, vandaag));
  }

  router.get('/spiegel', async (req, res) => {
    const m = await model(req);
    const s = m.spiegel;
    const query = s ? `periode=${s.periode}` : '';
    const bronnen = s ? [...new Map([...Object.values(s.regio.bronnen), ...Object.values(s.nederland.bronnen)].map((b) => [b.url, b])).values()] : [];
    res.send(
      render(
        'spiegel',
        {
          titel: 'Spiegel: de regio en Nederland',
          actief: { spiegel: true },
          spiegel: s,
          perioden: m.perioden.map((p) => ({ waarde: p, label: spiegelPeriode(p)!.label, gekozen: p === s?.periode })),
          regioNaam: s?.regio.naam,
          rang: s?.rang.tekst ?? null,
          bevolking: s ? bevolkingZin(s) : null,
          gemeenteKoppen: s ? [per1000Kop('', gemeenteJaar(s)), per1000Kop('Nederland', s.nederland.inwoners_jaar)] : [],
          gemeenten:
            s?.gemeenten.map((g) => ({
              ...g,
              meldingenTekst: formatteerGetal(g.meldingen),
              per1000: formatteerGetal(g.per_1000_inwoners.meldingen, 2),
              nl1000: formatteerGetal(g.nederland_per_1000_inwoners.meldingen, 2),
            })) ?? [],
          bronnen,
          cbsPeriode: s ? vanCbsPeriode(s.cbs_periode) : null,
          grafieken: m.grafieken.map((g) => grafiekModel(g, `/export/spiegel/${g.id}`, query)),
          grafiekBron: SPIEGEL_BRON,
        },
        res,
      ),
    );
  });

  router.get('/export/spiegel/:grafiek.:formaat', async (req: Request, res: Response) => {
    const m = await model(req);
    const { grafiek: id, formaat } = leesParams(exportParams, req);
    const grafiek = m.grafieken.find((g) => g.id === id);
    if (!grafiek) throw nietGevonden(`Onbekende grafiek "${id}"`);
    await audit(ctx.db, req, res, 'download', { pagina: 'spiegel', grafiek: grafiek.id, periode: m.spiegel?.periode, formaat });
    // cut from the model once; the model's key holds the period and today, the name follows from them
    const d = await downloads(m, `${grafiek.id}.${formaat}`, () =>
      tabelDownload({ db: ctx.db, regio: ctx.regio, vandaag: m.vandaag }, grafiek, `${grafiek.id}-${m.spiegel?.periode ?? ''}`, formaat, {
        onderwerp: 'Spiegel: de regio en Nederland',
        periode: { datum: m.vandaag },
        beleid: null,
        bron: SPIEGEL_BRON,
      }),
    );
    stuurDownload(res, d);
  });
  return router;
}
