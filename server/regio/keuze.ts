import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Db } from '../db/connection.js';
import { leesMeta, schrijfMeta } from '../db/metagegevens.js';
import { telRegistraties } from '../registraties/repository.js';
import { AppFout, ongeldigeInvoer } from '../shared/fouten.js';
import { PROJECT_ROOT, projectPath } from '../config/paths.js';
import { laadRegio, type Regio, type RegioBestand } from '../config/regio.js';

/**
 * Which region a database belongs to (docs/regio.md). The choice is kept in the database itself
 * (metagegevens `regio_bestand`), so it travels with the data; REGIO_BESTAND overrides it. The
 * region's identity (`regio`: CBS code and name) is stamped on the database, and a database that
 * holds registrations never changes region silently: a start or a choice with another region is
 * refused with a Dutch message.
 */
export const REGIO_MAP = projectPath('config', 'regio');
const SLEUTEL_BESTAND = 'regio_bestand';
const SLEUTEL_IDENTITEIT = 'regio';

export interface RegioBestandInfo {
  /** the file name without .json: what `regio kies` takes */
  naam: string;
  pad: string;
  regio: string;
  cbs: string | null;
  gemeenten: number;
}

/** The region files shipped in config/regio/ (or `map`), each read and checked. */
export function regioBestanden(map = REGIO_MAP): RegioBestandInfo[] {
  return readdirSync(map)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const pad = join(map, f);
      const r = laadRegio(pad);
      return { naam: basename(f, '.json'), pad, regio: r.naam, cbs: r.cbs_vt_regio?.code ?? null, gemeenten: r.gemeenten.length };
    });
}

/** What identifies a region across edits of its file: the CBS VT code and the name. */
export function regioIdentiteit(regio: Pick<RegioBestand, 'naam' | 'cbs_vt_regio'>): string {
  return regio.cbs_vt_regio ? `${regio.cbs_vt_regio.code} ${regio.naam}` : regio.naam;
}

/** The region file chosen for this database with `regio kies`, as a path, or null. */
export async function gekozenRegioBestand(db: Db): Promise<string | null> {
  const pad = await leesMeta(db, SLEUTEL_BESTAND);
  return pad === null ? null : projectPath(pad);
}

const weiger = (opgeslagen: string, nieuw: string) =>
  new AppFout(
    'ongeldige_invoer',
    `Deze database bevat registraties van ${opgeslagen}; het regiobestand is van ${nieuw}. Een ` +
      `database wisselt niet stil van regio: kies de regio van de data (npx vt-monitor regio kies ` +
      `…, of REGIO_BESTAND) of begin met een lege database (DATABASE_URL).`,
    409,
    { opgeslagen, nieuw },
  );

/**
 * At start-up: stamps the region on the database, and refuses a region other than the one
 * whose registrations it holds. A database with data but no stamp (made before the stamp
 * existed) takes the region it is started with.
 */
export async function bewaakRegio(db: Db, regio: Regio): Promise<void> {
  const nieuw = regioIdentiteit(regio);
  const opgeslagen = await leesMeta(db, SLEUTEL_IDENTITEIT);
  if (opgeslagen === nieuw) return;
  if (opgeslagen !== null && (await telRegistraties(db)) > 0) throw weiger(opgeslagen, nieuw);
  await schrijfMeta(db, SLEUTEL_IDENTITEIT, nieuw);
}

/**
 * `regio kies <naam>`: the region file config/regio/<naam>.json for this database. Refused when
 * the database holds registrations of another region; `huidig` is the region the database runs
 * with now (for a database without a stamp).
 */
export async function kiesRegio(db: Db, naam: string, huidig: () => Regio, map = REGIO_MAP): Promise<RegioBestandInfo> {
  const bestanden = regioBestanden(map);
  const gekozen = bestanden.find((b) => b.naam === naam.trim().toLowerCase());
  if (!gekozen)
    throw ongeldigeInvoer(
      `Er is geen regiobestand "${naam}" in ${relative(PROJECT_ROOT, map) || map}; beschikbaar: ${bestanden.map((b) => b.naam).join(', ')}`,
    );
  const nieuw = regioIdentiteit(laadRegio(gekozen.pad));
  if ((await telRegistraties(db)) > 0) {
    const opgeslagen = (await leesMeta(db, SLEUTEL_IDENTITEIT)) ?? regioIdentiteit(huidig());
    if (opgeslagen !== nieuw) throw weiger(opgeslagen, nieuw);
  }
  await db.transaction(async (trx) => {
    await schrijfMeta(trx, SLEUTEL_BESTAND, relative(PROJECT_ROOT, gekozen.pad));
    await schrijfMeta(trx, SLEUTEL_IDENTITEIT, nieuw);
  });
  return gekozen;
}
