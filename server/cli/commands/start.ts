import { createServer } from 'node:net';
import { aantalGebruikers } from '../../auth/gebruikers-repository.js';
import { maakDemoAccounts } from '../../auth/service.js';
import { demoModusAan } from '../../config/env.js';
import { maakContext } from '../../context.js';
import { leegWachtrij } from '../../db/schrijfwachtrij.js';
import { telRegistraties } from '../../registraties/repository.js';
import { AppFout } from '../../shared/fouten.js';
import { maakApp } from '../../web/app.js';
import { laadDemo } from './demo.js';
import { startVerzendplanner } from '../../verzending/planner.js';

/** Starting fails loudly: one Dutch line on stderr and exit code 1, never a server that does not serve. */
function stopMetFout(melding: string): never {
  process.stderr.write(`Fout: ${melding}\n`);
  process.exit(1);
}

function poortMelding(poort: number, code: string | undefined): string {
  if (code === 'EADDRINUSE') return `poort ${poort} is al in gebruik; stop het andere programma of kies een andere poort met PORT=…`;
  if (code === 'EACCES') return `geen rechten om poort ${poort} te openen; kies een poort boven 1024 met PORT=…`;
  return `de webserver kan niet starten op poort ${poort} (${code ?? 'onbekende oorzaak'})`;
}

/** Resolves when the port can be listened on (and is free again), rejects with the listen error. */
function poortVrij(poort: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proef = createServer();
    proef.once('error', reject);
    proef.listen(poort, () => proef.close(() => resolve()));
  });
}

/**
 * `npm start`: migrate, serve. Demo data only in demo mode (not with NODE_ENV=production or
 * DEMO_MODUS=uit): a production database that is empty starts empty, and the first page tells
 * the beheerder to import.
 */
export async function startCommand(): Promise<void> {
  let ctx: Awaited<ReturnType<typeof maakContext>>;
  try {
    ctx = await maakContext();
  } catch (error) {
    stopMetFout(error instanceof AppFout ? error.melding : (error as Error).message);
  }
  // the port first: generating demo data for a server that cannot listen is a wait for nothing
  await poortVrij(ctx.env.PORT).catch((error: Error & { code?: string }) => {
    void ctx.db.destroy();
    stopMetFout(poortMelding(ctx.env.PORT, error.code));
  });
  const demo = demoModusAan(ctx.env);
  if ((await telRegistraties(ctx.db)) === 0) {
    if (demo) {
      process.stderr.write('De database is leeg: demodata voor de regio wordt gegenereerd en geïmporteerd…\n');
      const samenvatting = await laadDemo(ctx, { seed: '42', schaal: '1' });
      process.stderr.write(`Demodata geladen: ${new Intl.NumberFormat('nl-NL').format(samenvatting?.nieuw ?? 0)} registraties.\n`);
    } else {
      process.stderr.write(
        'De database is leeg (demomodus uit): importeer een registratie-export met `npx vt-monitor importeer` of via Beheer → Importeren.\n',
      );
    }
  }
  if (demo && (await aantalGebruikers(ctx.db)) === 0 && (await maakDemoAccounts(ctx.db, ctx.regio))) {
    process.stderr.write('Demomodus: demo-accounts voor elke rol aangemaakt; ze staan op de inlogpagina.\n');
  }
  const app = maakApp(ctx);
  const server = app.listen(ctx.env.PORT);
  server.once('error', (error: Error & { code?: string }) => {
    void ctx.db.destroy();
    stopMetFout(poortMelding(ctx.env.PORT, error.code));
  });
  server.once('listening', () => {
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
    // queued audit and session writes are written before the database closes
    void leegWachtrij(ctx.db).finally(() => ctx.db.destroy());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
