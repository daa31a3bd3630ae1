import { isPostgres, type Db } from './connection.js';

/**
 * The write queue of the web app on SQLite. While an import holds the database's write lock
 * (one transaction, minutes at national scale), a write of the app would wait for it. Writes
 * that the answer does not depend on — audit entries, the session bookkeeping of a login — go
 * into this queue instead: the request waits at most `MAX_WACHT_MS`, the queue writes them in
 * order, one at a time (so it holds at most one connection of the pool), as soon as the lock
 * is free. Nothing is dropped while the process runs; `leegWachtrij` at shutdown writes the
 * rest. PostgreSQL does not need it (an import does not block these writes): there the write
 * is awaited directly.
 */
export const MAX_WACHT_MS = 50;

interface Wachtrij {
  staart: Promise<void>;
  open: number;
}

const wachtrijen = new WeakMap<Db, Wachtrij>();

function wachtrijVan(db: Db): Wachtrij {
  let w = wachtrijen.get(db);
  if (!w) wachtrijen.set(db, (w = { staart: Promise.resolve(), open: 0 }));
  return w;
}

/** Writes `schrijf` through the queue; resolves when written or after `MAX_WACHT_MS`, whichever is first. */
export async function schrijfOpDeAchtergrond(db: Db, schrijf: () => Promise<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await schrijf();
    return;
  }
  const w = wachtrijVan(db);
  w.open++;
  const klaar = w.staart.then(async () => {
    try {
      await schrijf();
    } catch (error) {
      // the request has been answered; the error goes to the log instead of being lost silently
      process.stderr.write(`${JSON.stringify({ level: 50, msg: 'schrijven uit de wachtrij mislukt', err: (error as Error).message })}\n`);
    } finally {
      w.open--;
    }
  });
  w.staart = klaar;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([klaar, new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_WACHT_MS)))]);
  clearTimeout(timer);
}

/** Writes still waiting in the queue. */
export const openInWachtrij = (db: Db): number => wachtrijen.get(db)?.open ?? 0;

/** Waits until every queued write is done (at shutdown, and in tests). */
export async function leegWachtrij(db: Db): Promise<void> {
  const w = wachtrijen.get(db);
  while (w && w.open > 0) await w.staart;
}
