import { COLUMN_NAMES, kolomObject, type Registratie } from '../registraties/schema.js';

/**
 * The merge of a line that does not carry every column: the file's columns over the stored
 * version (a new id: over nothing). Empty cells of a carried column clear; absent columns keep.
 */
export function voegSamen(stored: Partial<Registratie> | undefined, waarden: readonly (string | number | null)[], aanwezig: Set<string>): Registratie {
  const r = kolomObject<string | number | null>(null);
  for (let i = 0; i < COLUMN_NAMES.length; i++) {
    const c = COLUMN_NAMES[i] as keyof Registratie;
    r[c] = aanwezig.has(c) ? (waarden[i] ?? null) : ((stored?.[c] as string | number | null | undefined) ?? null);
  }
  return r as unknown as Registratie;
}
