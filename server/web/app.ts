import express, { type NextFunction, type Request, type Response } from 'express';
import { projectPath } from '../config/paths.js';
import type { AppContext } from '../context.js';
import helmet from 'helmet';
import multer from 'multer';
import { isProductie, normenVan } from '../config/env.js';
import { AppFout } from '../shared/fouten.js';
import { auditWeigering, csrf, sessie, vereisLogin } from './auth.js';
import { authRoutes } from './routes/auth.js';
import { beheerRoutes } from './routes/beheer.js';
import { caselijstRoutes } from './routes/caselijst.js';
import { antwoordCache } from './antwoordcache.js';
import { apiRoutes } from './routes/api.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { spiegelRoutes } from './routes/spiegel.js';
import { financienRoutes } from './routes/financien.js';
import { docsRoutes } from './routes/docs.js';
import { rapportageRoutes } from './routes/rapportages.js';
import { toegankelijkheidRoutes } from './routes/toegankelijkheid.js';
import { maakRapportdiensten } from '../rapportage/service.js';
import { maakRenderer } from './views.js';
import { isUploadPad } from './upload.js';

/** Builds the web application; tests build their own against a temporary database. */
export function maakApp(ctx: AppContext): express.Express {
  const app = express();
  const render = maakRenderer();
  const rapporten = maakRapportdiensten({
    db: ctx.db,
    regio: ctx.regio,
    vandaag: ctx.vandaag,
    normen: normenVan(ctx.env),
  });
  /** closes what the app opened itself (the PDF browser) */
  app.locals.sluit = () => rapporten.drukker.sluit();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.env.TRUST_PROXY);
  app.use(
    vasteKoppen(
      helmet({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            // no inline scripts: chart data travels in application/json blocks, scripts are files
            scriptSrc: ["'self'"],
            // ECharts and the report preview style elements inline
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:'],
            // the report preview embeds the shipped print font (Arimo) as data: in its @font-face
            fontSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            frameAncestors: ["'none'"],
            formAction: ["'self'"],
            baseUri: ["'self'"],
            ...(isProductie(ctx.env) ? { upgradeInsecureRequests: [] } : {}),
          },
        },
        strictTransportSecurity: isProductie(ctx.env),
      }),
    ),
  );
  app.use('/static', express.static(projectPath('public'), { maxAge: '1h' }));
  // browser assets from node_modules, served by the app itself (no CDN)
  const vendor: Record<string, string> = {
    '/static/vendor/echarts.min.js': 'echarts/dist/echarts.min.js',
    // ECharts' Dutch locale (registers 'NL': toolbox, aria and date texts)
    '/static/vendor/echarts-nl.js': 'echarts/i18n/langNL.js',
    '/static/vendor/utrecht-tokens.css': '@utrecht/design-tokens/dist/index.css',
    '/static/vendor/utrecht-components.css': '@utrecht/component-library-css/dist/index.css',
  };
  for (const [url, file] of Object.entries(vendor)) {
    app.get(url, (_req, res) => {
      res.sendFile(projectPath('node_modules', file), { maxAge: '1d' });
    });
  }
  app.get('/favicon.ico', (_req, res) => {
    res.sendFile(projectPath('public', 'favicon.svg'), { headers: { 'Content-Type': 'image/svg+xml' } });
  });
  app.get('/gezondheid', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }));
  app.use(sessie(ctx.db, ctx.regio));
  app.use(csrf(ctx.db, ctx.env, isUploadPad));
  app.use(authRoutes(ctx, render));
  app.use(toegankelijkheidRoutes(ctx, render));
  // everything below needs a signed-in user with a password of their own
  app.use(vereisLogin);
  const cache = antwoordCache(ctx.db);
  app.use(['/api', '/gemeente', '/doorstroom'], cache);
  app.get('/', cache);
  app.use(apiRoutes(ctx));
  app.use(caselijstRoutes(ctx, render));
  app.use(beheerRoutes(ctx, render));
  app.use(dashboardRoutes(ctx, render));
  app.use(financienRoutes(ctx, render));
  app.use(spiegelRoutes(ctx, render));
  app.use(rapportageRoutes(ctx, render, rapporten));
  app.use(docsRoutes(render));

  app.use((req, res) => {
    if (req.path.startsWith('/api/')) res.status(404).json({ fout: 'niet_gevonden', melding: 'Deze API-route bestaat niet' });
    else res.status(404).send(render('fout', { titel: 'Pagina niet gevonden', melding: 'Deze pagina bestaat niet.' }, res));
  });
  // one error handler: Dutch message, no stack trace to the browser; unexpected errors are logged
  app.use(async (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const fout = error instanceof AppFout ? error : grensFout(error, ctx.env.UPLOAD_MAX_MB);
    if (!fout) ctx.logger.error({ err: error, url: req.originalUrl }, 'onverwachte fout');
    const status = fout?.status ?? 500;
    // every refusal, on any route (a page, the API, a form's CSRF check), is in the audit log
    if (status === 403) {
      try {
        await auditWeigering(ctx.db, req, res, String(fout?.context?.reden ?? fout?.melding ?? 'geen toegang'));
      } catch (auditFout) {
        ctx.logger.error({ err: auditFout, url: req.originalUrl }, 'weigering niet in het auditlog geschreven');
      }
    }
    const melding = fout?.melding ?? 'Er ging iets mis aan onze kant. Probeer het later opnieuw.';
    if (req.path.startsWith('/api/')) res.status(status).json({ fout: fout?.code ?? 'intern', melding });
    else res.status(status).send(render('fout', { titel: status === 404 ? 'Niet gevonden' : status === 403 ? 'Geen toegang' : 'Fout', melding }, res));
  });
  return app;
}

/**
 * helmet's headers are the same for every response: compute them once (by running helmet
 * against a recording response) and set them from a ready list per request.
 */
function vasteKoppen(middleware: (req: Request, res: Response, next: (err?: unknown) => void) => void) {
  const koppen: [string, string | number | readonly string[]][] = [];
  const opname = {
    setHeader: (naam: string, waarde: string | number | readonly string[]) => void koppen.push([naam, waarde]),
    removeHeader: () => undefined,
  };
  middleware({} as Request, opname as unknown as Response, (err) => {
    if (err) throw err as Error;
  });
  if (koppen.length === 0) throw new Error('helmet zette geen headers: de opname klopt niet meer');
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const [naam, waarde] of koppen) res.setHeader(naam, waarde);
    next();
  };
}

const CLIENTFOUT: Record<number, string> = {
  413: 'Het formulier is te groot of heeft te veel velden.',
  415: 'Het formulier heeft een tekenset of codering die VT Monitor niet kent.',
  416: 'Het gevraagde deel van het bestand bestaat niet.',
};

/** Size limits of uploads and forms as a Dutch 413, and every other malformed request as its 4xx, not a 500. */
function grensFout(error: unknown, maxMb: number): AppFout | null {
  const e = error as { code?: string; type?: string; status?: unknown; statusCode?: unknown };
  if (error instanceof multer.MulterError) {
    return new AppFout(
      'ongeldige_invoer',
      e.code === 'LIMIT_FILE_SIZE' ? `Het bestand is groter dan ${maxMb} MB.` : 'Het formulier bevat te veel of onverwachte velden.',
      413,
    );
  }
  if (e?.type === 'entity.too.large') return new AppFout('ongeldige_invoer', 'Het formulier is te groot.', 413);
  if (e?.type === 'entity.parse.failed') return new AppFout('ongeldige_invoer', 'Het formulier kon niet gelezen worden.', 400);
  // what express, its body parsers and send refuse themselves (a path part that does not decode,
  // a charset or encoding they do not know, a range beyond the file) is the request's fault: its own 4xx
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new AppFout('ongeldige_invoer', CLIENTFOUT[status] ?? 'Het verzoek kon niet gelezen worden.', status);
  return null;
}
