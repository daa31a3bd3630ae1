import type { Db } from '../db/connection.js';
import { leesAudit, type AuditRegel } from './repository.js';

/** The audit log as the beheer page shows it: newest first, optionally one action. */
export async function leesAuditlog(db: Db, filter: { actie?: string; limiet?: number } = {}): Promise<AuditRegel[]> {
  return leesAudit(db, filter);
}
