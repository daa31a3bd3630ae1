import type { Db } from '../db/connection.js';

export type AuditActie =
  | 'inloggen'
  | 'inloggen_mislukt'
  | 'uitloggen'
  | 'wachtwoord_gewijzigd'
  | 'gebruiker_toegevoegd'
  | 'gebruiker_geblokkeerd'
  | 'import'
  | 'import_afgewezen'
  | 'download'
  | 'rapport'
  | 'instelling_gewijzigd'
  | 'duiding_gewijzigd'
  | 'caselijst'
  | 'duiding_definitief'
  | 'duiding_concept'
  | 'rapport_gearchiveerd'
  | 'ontvanger_toegevoegd'
  | 'ontvanger_verwijderd'
  | 'rapport_verzonden'
  | 'toegang_geweigerd';

export interface AuditRegel {
  id: number;
  tijdstip: string;
  wie: string;
  actie: AuditActie;
  details: string | null;
  ip: string | null;
}

/** Who did what when: kept in the database, read by the beheerder. */
export async function schrijfAudit(
  db: Db,
  regel: { wie: string; actie: AuditActie; details?: Record<string, unknown>; ip?: string | null; tijdstip?: string },
): Promise<void> {
  await schrijfAuditregels(db, [regel]);
}

type NieuweAuditregel = Parameters<typeof schrijfAudit>[1];

const AUDIT_PER_INSERT = 250;

/** Several entries in one INSERT (one commit): the write queue groups the entries of requests that arrive together. */
export async function schrijfAuditregels(db: Db, regels: NieuweAuditregel[]): Promise<void> {
  if (regels.length === 0) return;
  const nu = new Date().toISOString();
  // knex writes a multi-row insert on SQLite as `SELECT … UNION ALL SELECT …`, and SQLite refuses more than
  // 500 terms in one compound SELECT: a group that grew while an import held the lock is written in parts
  for (let i = 0; i < regels.length; i += AUDIT_PER_INSERT) {
    await db('audit_log').insert(
      regels.slice(i, i + AUDIT_PER_INSERT).map((regel) => ({
        tijdstip: regel.tijdstip ?? nu,
        wie: regel.wie,
        actie: regel.actie,
        details: regel.details ? JSON.stringify(regel.details) : null,
        ip: regel.ip ?? null,
      })),
    );
  }
}

export async function leesAudit(db: Db, filter: { actie?: string; limiet?: number } = {}): Promise<AuditRegel[]> {
  let q = db('audit_log')
    .select('*')
    .orderBy('id', 'desc')
    .limit(filter.limiet ?? 200);
  if (filter.actie) q = q.where({ actie: filter.actie });
  return (await q) as AuditRegel[];
}
