/**
 * The service of the beheer pages: what the beheer routes call besides accounts (auth/service)
 * and the audit log (audit/service). Uploads, the calendar check after an import, the
 * small-numbers policy, and the recipients and log of delivery by e-mail.
 */
import type { AppContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { importeerFinancieel } from '../financien/importer.js';
import { kalenderWaarschuwingenVoorData } from '../indicatoren/kalenderdekking.js';
import type { ImportSamenvatting } from '../import/importer.js';
import { leesTabel, sha256VanBestand } from '../import/readers.js';
import { importeerOpEigenVerbinding } from '../import/service.js';
import { leesBeleid, schrijfBeleid } from '../privacy/instellingen.js';
import type { Beleid } from '../privacy/onderdrukking.js';
import { controleerOntvanger, leesOntvangers, verwijderOntvanger, voegOntvangerToe, type Ontvanger } from '../verzending/ontvangers.js';
import { leesVerzendingen } from '../verzending/verzending.js';

export { ImportAfgewezen, type ImportSamenvatting } from '../import/importer.js';
export { beleidSchema } from '../privacy/instellingen.js';
export { ONTVANGER_RAPPORTEN } from '../verzending/ontvangers.js';
export { MAX_POGINGEN } from '../verzending/verzending.js';

/** What can be uploaded on the import page. */
export const UPLOAD_SOORTEN = ['registraties', 'financien', 'formatie'] as const;
export type UploadSoort = (typeof UPLOAD_SOORTEN)[number];

/** Werkdag calendar gaps for the years the data covers (shown on the beheer and import pages). */
export function leesKalenderWaarschuwingen(ctx: AppContext): Promise<string[]> {
  return kalenderWaarschuwingenVoorData(ctx.db, ctx.kalender);
}

/**
 * Imports one uploaded file, all or nothing: a registration export on its own connection (another
 * import running is refused in Dutch, not waited for), a finance or formation file in the database
 * of the app. Throws ImportAfgewezen when nothing was loaded.
 */
export async function importeerUpload(ctx: AppContext, upload: { soort: UploadSoort; pad: string; naam: string; door: string }): Promise<ImportSamenvatting> {
  const bron = { bestand: upload.naam, sha256: await sha256VanBestand(upload.pad) };
  return upload.soort === 'registraties'
    ? importeerOpEigenVerbinding(ctx, [{ ...bron, pad: upload.pad }], { door: upload.door, bijBezet: 'weiger' })
    : importeerFinancieel(ctx.db, upload.soort, { ...bron, rows: leesTabel(upload.pad, undefined, upload.naam) }, { door: upload.door });
}

export function leesPrivacybeleid(db: Db): Promise<Beleid> {
  return leesBeleid(db);
}

/** Stores the small-numbers policy; returns the policy it replaced (for the audit entry). */
export async function bewaarPrivacybeleid(db: Db, beleid: Beleid, door: string): Promise<Beleid> {
  const oud = await leesBeleid(db);
  await schrijfBeleid(db, beleid, door);
  return oud;
}

/** The recipients and the last 300 deliveries. */
export async function leesVerzendoverzicht(db: Db): Promise<{ ontvangers: Ontvanger[]; log: Awaited<ReturnType<typeof leesVerzendingen>> }> {
  return { ontvangers: await leesOntvangers(db), log: await leesVerzendingen(db, { limiet: 300 }) };
}

/** Adds a recipient from the form (checked in Dutch); null when it was already there. */
export async function voegOntvangerToeVanFormulier(
  ctx: AppContext,
  invoer: { email: string; rapport: string; gemeente?: string },
  door: string,
): Promise<Pick<Ontvanger, 'email' | 'rapport' | 'gemeente'> | null> {
  const o = controleerOntvanger(ctx.regio, {
    email: invoer.email,
    rapport: invoer.rapport,
    gemeente: invoer.rapport === 'factsheet' ? invoer.gemeente : undefined,
  });
  return (await voegOntvangerToe(ctx.db, o, door)) ? o : null;
}

/** Removes a recipient by e-mail address; true when there was one. */
export async function verwijderOntvangerVanFormulier(db: Db, email: string): Promise<boolean> {
  return (await verwijderOntvanger(db, email)) > 0;
}
