import type { Db } from '../db/connection.js';
import { schrijfOpDeAchtergrond } from '../db/schrijfwachtrij.js';
import { leesAudit, schrijfAuditregels, type AuditActie, type AuditRegel } from './repository.js';

export type { AuditActie, AuditRegel } from './repository.js';

/** The audit log as the beheer page shows it: newest first, optionally one action. */
export async function leesAuditlog(db: Db, filter: { actie?: string; limiet?: number } = {}): Promise<AuditRegel[]> {
  return leesAudit(db, filter);
}

/** What happened, by whom and from where; the time is the moment of the call. */
export interface AuditInvoer {
  wie: string;
  actie: AuditActie;
  details?: Record<string, unknown>;
  ip: string | null;
}

/**
 * Records an audit entry through the write queue: it is never lost and never makes an answer
 * wait for an import that holds the SQLite write lock (ARCHITECTURE.md, "A write queue").
 */
export async function schrijfAuditregel(db: Db, invoer: AuditInvoer): Promise<void> {
  const regel = { ...invoer, tijdstip: new Date().toISOString() };
  // entries that arrive while an earlier write is queued join one group: one INSERT, one commit
  // (50 downloads at once were 50 commits). Each caller still waits until its own entry is written.
  const open = groepen.get(db);
  if (open) {
    open.regels.push(regel);
    return open.geschreven;
  }
  const groep: Groep = { regels: [regel], geschreven: Promise.resolve() };
  groepen.set(db, groep);
  // the group waits for the end of this turn of the event loop: the requests that arrived together
  // (read in one go from their sockets) reach their audit entry in this turn, and join it. Under 50
  // connections a write started at once took one entry: a commit per download.
  groep.geschreven = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
    schrijfOpDeAchtergrond(db, async () => {
      // from here on a new entry starts a new group: this one is being written
      if (groepen.get(db) === groep) groepen.delete(db);
      await schrijfAuditregels(db, groep.regels);
    }),
  );
  return groep.geschreven;
}

interface Groep {
  regels: Parameters<typeof schrijfAuditregels>[1];
  geschreven: Promise<void>;
}
/** per database, the group of entries still waiting for its turn in the write queue */
const groepen = new WeakMap<Db, Groep>();
