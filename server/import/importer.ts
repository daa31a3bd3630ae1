import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Regio } from '../config/regio.js';
import { isPostgres, type Db } from '../db/connection.js';
import { insertImportbatch, updateImportbatch } from '../importbatches/repository.js';
import { GeraakteKwartalen } from '../indicatoren/geraakt.js';
import { schrijfMeta } from '../indicatoren/repository.js';
import { deriveRegistratie, raakvlak } from '../registraties/derive.js';
import { findBestaande, upsertRegistraties, type OpgeslagenRegistratie } from '../registraties/repository.js';
import { COLUMN_NAMES, REQUIRED_COLUMNS, type Registratie } from './columns.js';
import { mapHeader, type Mapping, EMPTY_MAPPING } from './mapping.js';
import type { TableRow } from './readers.js';
import { validateRow, type RijFout } from './validate-row.js';
import { cellText, type RawCell } from './values.js';

export interface ImportBron {
  /** the name errors and batches refer to (the file name) */
  bestand: string;
  sha256: string;
  rows: AsyncIterable<TableRow>;
  /** receives each rejected line (with --accepteer-geldige) */
  afgewezen?: AfgewezenSchrijver;
}

export interface AfgewezenSchrijver {
  header(values: RawCell[]): void;
  rij(values: RawCell[], redenen: string[]): void;
  sluit(): Promise<void>;
}

export interface ImportDeps {
  db: Db;
  regio: Regio;
  kalender: Werkdagkalender;
  /** ISO date of the ingest day (injectable clock) */
  vandaag: () => string;
  /** refreshes the stored indicators for the touched quarters, inside the import's transaction */
  herbereken?: (trx: Knex.Transaction, geraakt: GeraakteKwartalen) => Promise<void>;
}

export interface ImportOpties {
  accepteerGeldige?: boolean;
  mapping?: Mapping;
  door: string;
  /** called once per processed data row */
  onRij?: () => void;
}

export interface ImportSamenvatting {
  bestanden: string[];
  rijen: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  afgewezen: number;
  fouten: RijFout[];
  /** true when the rows were written (nothing is written when a file is rejected) */
  geladen: boolean;
}

/** At most this many errors are kept in memory and reported; all are counted. */
export const MAX_GEMELDE_FOUTEN = 10_000;
const CHUNK = 1000;

export class ImportAfgewezen extends Error {
  constructor(readonly samenvatting: ImportSamenvatting) {
    super(`Import afgewezen: ${samenvatting.afgewezen} ongeldige rij(en); er is niets geladen`);
  }
}

export function rijHash(r: Registratie): string {
  const hash = createHash('sha1');
  for (const c of COLUMN_NAMES) hash.update(`${r[c as keyof Registratie] ?? '\u0000'}\u001f`);
  return hash.digest('hex');
}

interface BronTelling {
  rijen: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  afgewezen: number;
}

/**
 * Imports registration exports: validates every row, upserts by registratie_id, refreshes the
 * indicators of the touched quarters — all in one transaction. A file with an invalid row
 * loads nothing unless `accepteerGeldige` is set.
 */
export async function importeer(deps: ImportDeps, bronnen: ImportBron[], opties: ImportOpties): Promise<ImportSamenvatting> {
  const totaal: ImportSamenvatting = {
    bestanden: bronnen.map((b) => b.bestand), rijen: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezen: 0, fouten: [], geladen: false,
  };
  const vandaag = deps.vandaag();
  const gestartOp = new Date().toISOString();
  const perBron: BronTelling[] = [];
  const geraakt = new GeraakteKwartalen();

  const addFout = (f: RijFout) => {
    if (totaal.fouten.length < MAX_GEMELDE_FOUTEN) totaal.fouten.push(f);
  };

  try {
    await deps.db.transaction(async (trx) => {
      for (const bron of bronnen) {
        const telling: BronTelling = { rijen: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezen: 0 };
        perBron.push(telling);
        const batchId = await insertImportbatch(trx, {
          soort: 'registraties', bestand: bron.bestand, sha256: bron.sha256, door: opties.door, gestart_op: gestartOp,
          beeindigd_op: null, status: 'geladen', rijen: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezen: 0, fouten_voorbeeld: null,
        });
        let pending: Registratie[] = [];
        const pendingIds = new Set<string>();
        const flush = async () => {
          if (pending.length === 0) return;
          // once a row is rejected (default mode) nothing will be kept: skip the writes
          if (opties.accepteerGeldige || totaal.afgewezen === 0) {
            await schrijf(trx, deps, pending, batchId, telling, geraakt);
          }
          pending = [];
          pendingIds.clear();
        };

        let kolommen: Map<string, number> | null = null;
        let kopFout = false;
        for await (const row of bron.rows) {
          if (kolommen === null) {
            kolommen = mapHeader(row.values.map((v) => cellText(v)), opties.mapping ?? EMPTY_MAPPING);
            bron.afgewezen?.header(row.values);
            for (const naam of REQUIRED_COLUMNS) {
              if (!kolommen.has(naam)) {
                kopFout = true;
                addFout({ bestand: bron.bestand, regel: row.regel, kolom: naam, waarde: '', melding: `verplichte kolom ${naam} ontbreekt in de kopregel` });
              }
            }
            continue;
          }
          telling.rijen++;
          opties.onRij?.();
          if (kopFout) {
            telling.afgewezen++;
            totaal.afgewezen++;
            bron.afgewezen?.rij(row.values, ['verplichte kolom ontbreekt in de kopregel']);
            continue;
          }
          const raw = toRecord(row.values, kolommen, opties.mapping ?? EMPTY_MAPPING);
          const result = validateRow(raw, { bestand: bron.bestand, regel: row.regel, regio: deps.regio, vandaag });
          if (!result.ok) {
            telling.afgewezen++;
            totaal.afgewezen++;
            for (const f of result.fouten) addFout(f);
            bron.afgewezen?.rij(row.values, result.fouten.map((f) => `${f.kolom}: ${f.melding}`));
            continue;
          }
          // a repeated id within one file: the later line wins, so write the earlier one first
          if (pendingIds.has(result.registratie.registratie_id)) await flush();
          pending.push(result.registratie);
          pendingIds.add(result.registratie.registratie_id);
          if (pending.length >= CHUNK) await flush();
        }
        await flush();
        await bron.afgewezen?.sluit();
        if (kolommen === null) {
          addFout({ bestand: bron.bestand, regel: 1, kolom: '', waarde: '', melding: 'het bestand is leeg: geen kopregel gevonden' });
          totaal.afgewezen++;
        }
        await updateImportbatch(trx, batchId, {
          ...telling, beeindigd_op: new Date().toISOString(), fouten_voorbeeld: foutenVoorbeeld(totaal.fouten, bron.bestand),
        });
        totaal.rijen += telling.rijen;
        totaal.nieuw += telling.nieuw;
        totaal.gewijzigd += telling.gewijzigd;
        totaal.ongewijzigd += telling.ongewijzigd;
      }
      if (totaal.afgewezen > 0 && !opties.accepteerGeldige) throw new ImportAfgewezen(totaal);
      if (deps.herbereken && !geraakt.isLeeg) await deps.herbereken(trx, geraakt);
      // every successful import changes what pages show (at least the data date)
      await schrijfMeta(trx, 'data_versie', new Date().toISOString());
    });
    totaal.geladen = true;
    // PostgreSQL plans the count queries from table statistics; after a large import they are
    // stale until autovacuum comes by (measured: a rebuild 2x slower right after 1M rows)
    if (isPostgres(deps.db) && totaal.nieuw + totaal.gewijzigd >= 10_000) await deps.db.raw('ANALYZE registraties');
    return totaal;
  } catch (error) {
    if (!(error instanceof ImportAfgewezen)) throw error;
    // nothing was loaded; the attempt itself is recorded
    for (const [i, bron] of bronnen.entries()) {
      const t = perBron[i] ?? { rijen: 0, afgewezen: 0 };
      await insertImportbatch(deps.db, {
        soort: 'registraties', bestand: bron.bestand, sha256: bron.sha256, door: opties.door, gestart_op: gestartOp,
        beeindigd_op: new Date().toISOString(), status: 'afgewezen', rijen: t.rijen, nieuw: 0, gewijzigd: 0, ongewijzigd: 0,
        afgewezen: t.afgewezen, fouten_voorbeeld: foutenVoorbeeld(totaal.fouten, bron.bestand),
      });
    }
    totaal.nieuw = 0;
    totaal.gewijzigd = 0;
    totaal.ongewijzigd = 0;
    throw error;
  }
}

function foutenVoorbeeld(fouten: RijFout[], bestand: string): string | null {
  const eigen = fouten.filter((f) => f.bestand === bestand).slice(0, 20);
  return eigen.length > 0 ? JSON.stringify(eigen) : null;
}

function toRecord(values: RawCell[], kolommen: Map<string, number>, mapping: Mapping): Record<string, RawCell> {
  const record: Record<string, RawCell> = {};
  for (const [naam, index] of kolommen) {
    let value = values[index] ?? null;
    const valueMap = mapping.values.get(naam);
    if (valueMap && value !== null) {
      const mapped = valueMap.get(cellText(value).toLowerCase());
      if (mapped !== undefined) value = mapped;
    }
    record[naam] = value;
  }
  return record;
}

async function schrijf(
  trx: Knex.Transaction, deps: ImportDeps, registraties: Registratie[], batchId: number, telling: BronTelling,
  geraakt: GeraakteKwartalen,
): Promise<void> {
  const bestaand = await findBestaande(trx, registraties.map((r) => r.registratie_id));
  const teSchrijven: OpgeslagenRegistratie[] = [];
  for (const r of registraties) {
    const hash = rijHash(r);
    const oud = bestaand.get(r.registratie_id);
    if (oud && oud.rij_hash === hash) {
      telling.ongewijzigd++;
      continue;
    }
    const afgeleid = deriveRegistratie(r, deps.regio, deps.kalender);
    if (oud) {
      telling.gewijzigd++;
      geraakt.add(raakvlak(oud));
    } else telling.nieuw++;
    geraakt.add(raakvlak(afgeleid));
    teSchrijven.push({ ...r, ...afgeleid, rij_hash: hash, importbatch_id: batchId });
  }
  await upsertRegistraties(trx, teSchrijven);
}
