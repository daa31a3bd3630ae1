import { COLUMN_NAMES, kolomObject, type Registratie } from './schema.js';

/** A registration as stored: its values in the order of `OPGESLAGEN_KOLOMMEN`. */
export type OpgeslagenRij = (string | number | null)[];

/**
 * The stored record: the export columns, the hash and the import batch, and nothing derived.
 * What the indicators count is kept in `tellingen` (see tellingen.ts); the only index is the
 * primary key, so a row costs its 29 values and one key.
 */
export const OPGESLAGEN_KOLOMMEN: readonly string[] = [...COLUMN_NAMES, 'rij_hash', 'importbatch_id'];
/**
 * The stored row of a registration, without its import batch (the writer sets it:
 * `zetImportbatch`). Built as an array, not as a merged object: an object read back key by key
 * cost more than SQLite's own insert (measured in issue 7).
 */
export function opgeslagenRij(r: Registratie, rijHash: string): OpgeslagenRij {
  const rij: OpgeslagenRij = new Array(OPGESLAGEN_KOLOMMEN.length);
  let i = 0;
  for (const c of COLUMN_NAMES) rij[i++] = r[c as keyof Registratie] ?? null;
  rij[i++] = rijHash;
  rij[i] = null;
  return rij;
}

/** The registration a stored row holds (its export columns as an object). */
export function registratieVanRij(rij: OpgeslagenRij): Registratie {
  const r = kolomObject<string | number | null>(null);
  for (let i = 0; i < COLUMN_NAMES.length; i++) r[COLUMN_NAMES[i] as keyof Registratie] = rij[i] ?? null;
  return r as unknown as Registratie;
}

const INDEX = new Map(OPGESLAGEN_KOLOMMEN.map((c, i) => [c, i]));
const ID_INDEX = INDEX.get('registratie_id')!;
const HASH_INDEX = INDEX.get('rij_hash')!;
const IMPORTBATCH_INDEX = INDEX.get('importbatch_id')!;

export const idVanRij = (rij: OpgeslagenRij): string => rij[ID_INDEX] as string;
export const hashVanRij = (rij: OpgeslagenRij): string => rij[HASH_INDEX] as string;

export function zetImportbatch(rij: OpgeslagenRij, importbatchId: number): void {
  rij[IMPORTBATCH_INDEX] = importbatchId;
}
