/**
 * The archive of what the board received: once a report's duiding is definitief, its PDF is
 * printed once and kept byte for byte with its sha256 and the data version it was made from
 * (with, for a quarter, every gemeente's factsheet of that quarter). A later import changes the
 * live figures, never an archived PDF; it is downloaded unchanged ("zoals verzonden op …").
 */
import type { Db } from '../db/connection.js';
import { leesMeta } from '../db/metagegevens.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import { sterfBij } from '../shared/sterfpunt.js';
import { duidingIsDefinitief, leesDuidingen } from './duiding-repository.js';
import type { RapportModel } from './model.js';
import type { Rapport } from './rapporten.js';
import { leesArchiefPdf, leesArchiefstukken, voegArchiefstukToe, zoekArchiefstuk, type Archiefstuk } from './archief-repository.js';
import { factsheetModellen, rapportModel, rapportPdf, type Rapportdiensten } from './service.js';

export { sha256, type Archiefstuk } from './archief-repository.js';

export const kerncijfersJson = (model: RapportModel) => JSON.stringify(model.kerncijfers.map((k) => ({ label: k.label, waarde: k.waarde })));

/** The archived reports and factsheets, newest period first. */
export function leesArchief(db: Db, filter: { rapport?: string; periode?: string } = {}): Promise<Archiefstuk[]> {
  return leesArchiefstukken(db, filter);
}

/** The archived report (or a gemeente's factsheet) of a period, if there is one. */
export function archiefstuk(db: Db, rapport: string, periode: string, gemeente = ''): Promise<Archiefstuk | null> {
  return zoekArchiefstuk(db, rapport, periode, gemeente);
}

/** The archived bytes, exactly as stored. */
export function archiefPdf(db: Db, id: number): Promise<{ stuk: Archiefstuk; pdf: Buffer } | null> {
  return leesArchiefPdf(db, id);
}

/**
 * Archives a report whose duiding is definitief (and, for a quarter, its factsheets); what is
 * already archived stays as it is. Returns the archived report.
 */
export async function archiveer(d: Rapportdiensten, r: Rapport, door: string): Promise<Archiefstuk> {
  const bestaand = await archiefstuk(d.db, r.soort, r.periode);
  if (bestaand) return bestaand;
  if (!duidingIsDefinitief(await leesDuidingen(d.db, r.periode))) {
    throw ongeldigeInvoer(
      `De duiding van ${r.periode} is nog niet definitief: de rapportage wordt pas gearchiveerd als de voorlegger en elk geschreven hoofdstuk definitief zijn`,
    );
  }
  const meta = {
    data_versie: await leesMeta(d.db, 'data_versie'),
    definitieversie: await leesMeta(d.db, 'definitieversie'),
    gemaakt_op: new Date().toISOString(),
    gemaakt_door: door,
  };
  const model = await rapportModel(d, r, { voorDruk: true });
  const pdf = await rapportPdf(d, model);
  if (r.soort === 'kwartaal') {
    for (const { code, model: fm } of await factsheetModellen(d, r.periode)) {
      if (await archiefstuk(d.db, 'factsheet', r.periode, code)) continue;
      await voegArchiefstukToe(
        d.db,
        { rapport: 'factsheet', periode: r.periode, gemeente: code, ...meta, kerncijfers: kerncijfersJson(fm) },
        await rapportPdf(d, fm),
      );
      sterfBij('na_factsheet');
    }
  }
  await voegArchiefstukToe(d.db, { rapport: r.soort, periode: r.periode, gemeente: '', ...meta, kerncijfers: kerncijfersJson(model) }, pdf);
  return (await archiefstuk(d.db, r.soort, r.periode))!;
}
