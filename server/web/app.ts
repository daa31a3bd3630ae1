import express, { type NextFunction, type Request, type Response } from 'express';
import { projectPath } from '../config/paths.js';
import type { AppContext } from '../context.js';
import { AppFout } from '../shared/fouten.js';
import { antwoordCache } from './antwoordcache.js';
import { apiRoutes } from './routes/api.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { financienRoutes } from './routes/financien.js';
import { docsRoutes } from './routes/docs.js';
import { rapportageRoutes } from './routes/rapportages.js';
import { maakRapportdiensten } from '../rapportage/service.js';
import { createRenderer } from './views.js';

/** Builds the web application; tests build their own against a temporary database. */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  const render = createRenderer();
  const rapporten = maakRapportdiensten({
    db: ctx.db, regio: ctx.regio, vandaag: ctx.vandaag,
    normen: { vb: ctx.env.NORM_VB, onderzoek: ctx.env.NORM_ONDERZOEK, vv: ctx.env.NORM_VV },
  });
  /** closes what the app opened itself (the PDF browser) */
  app.locals.sluit = () => rapporten.drukker.sluit();
  app.disable('x-powered-by');
  app.use('/static', express.static(projectPath('public'), { maxAge: '1h' }));
  // browser assets from node_modules, served by the app itself (no CDN)
  const vendor: Record<string, string> = {
    '/static/vendor/echarts.min.js': 'echarts/dist/echarts.min.js',
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
  const cache = antwoordCache(ctx.db);
  app.use(['/api', '/gemeente', '/doorstroom'], cache);
  app.get('/', cache);
  app.use(apiRoutes(ctx));
  app.use(dashboardRoutes(ctx, render));
  app.use(financienRoutes(ctx, render));
  app.use(rapportageRoutes(ctx, render, rapporten));
  app.use(docsRoutes(render));

  app.use((req, res) => {
    if (req.path.startsWith('/api/')) res.status(404).json({ fout: 'niet_gevonden', melding: 'Deze API-route bestaat niet' });
    else res.status(404).send(render('fout', { titel: 'Pagina niet gevonden', melding: 'Deze pagina bestaat niet.' }));
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const fout = error instanceof AppFout ? error : null;
    if (!fout) ctx.logger.error({ err: error, url: req.originalUrl }, 'onverwachte fout');
    const status = fout?.status ?? 500;
    const melding = fout?.melding ?? 'Er ging iets mis aan onze kant. Probeer het later opnieuw.';
    if (req.path.startsWith('/api/')) res.status(status).json({ fout: fout?.code ?? 'intern', melding });
    else res.status(status).send(render('fout', { titel: status === 404 ? 'Niet gevonden' : 'Fout', melding }));
  });
  return app;
}
