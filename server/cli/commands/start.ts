import { aantalGebruikers } from '../../auth/gebruikers-repository.js';
import { maakDemoAccounts } from '../../auth/service.js';
import { demoModusAan } from '../../config/env.js';
import { createContext } from '../../context.js';
import { countRegistraties } from '../../registraties/repository.js';
import { createApp } from '../../web/app.js';
import { laadDemo } from './demo.js';
import { startVerzendplanner } from '../../verzending/planner.js';

/** `npm start`: migrate, load demo data into an empty database, serve. */
export async function startCommand(): Promise<void> {
  const ctx = await createContext();
  if ((await countRegistraties(ctx.db)) === 0) {
    process.stderr.write('De database is leeg: demodata voor de regio wordt gegenereerd en geïmporteerd…\n');
    const samenvatting = await laadDemo(ctx, { seed: '42', schaal: '1' });
    process.stderr.write(`Demodata geladen: ${new Intl.NumberFormat('nl-NL').format(samenvatting?.nieuw ?? 0)} registraties.\n`);
  }
  if (demoModusAan(ctx.env) && (await aantalGebruikers(ctx.db)) === 0 && (await maakDemoAccounts(ctx.db, ctx.regio))) {
    process.stderr.write('Demomodus: demo-accounts voor elke rol aangemaakt; ze staan op de inlogpagina.\n');
  }
  const app = createApp(ctx);
  const server = app.listen(ctx.env.PORT, () => {
    process.stderr.write(`VT Monitor draait op http://localhost:${ctx.env.PORT}\n`);
  });
  // longer than the idle timeout of common reverse proxies (60 s), so they never reuse a closed connection
  server.keepAliveTimeout = 65_000;
  // delivery by e-mail: retries, and with VERZEND_AUTOMATISCH=aan the reports of closed periods
  const stopPlanner = startVerzendplanner(ctx);
  const stop = () => {
    stopPlanner?.();
    server.close();
    void (app.locals.sluit as () => Promise<void>)();
    void ctx.db.destroy();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
