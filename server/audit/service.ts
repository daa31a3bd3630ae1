import type { Db } from '../db/connection.js';
import { schrijfOpDeAchtergrond } from '../db/schrijfwachtrij.js';
import { leesAudit, schrijfAudit, type AuditActie, type AuditRegel } from './repository.js';

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
  await schrijfOpDeAchtergrond(db, () => schrijfAudit(db, regel));
}
