import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { COLUMN_NAMES } from '../registraties/schema.js';
import { normaliseerTekst } from './values.js';

/**
 * A mapping file renames another system's headers and code values onto the export format:
 * `{"columns": {"Dossiernummer": "registratie_id"}, "values": {"melder_categorie": {"Politie (CORV)": "politie"}}}`.
 */
const mappingSchema = z.object({
  columns: z.record(z.string(), z.string()).default({}),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});

export interface Mapping {
  /** normalised source header → canonical column */
  columns: Map<string, string>;
  /** canonical column → (normalised source value → canonical value) */
  values: Map<string, Map<string, string>>;
}

/** A header as compared: the one normal form of text (invisible characters gone, NFKC), lower case. */
export const normaliseHeader = (h: string): string => normaliseerTekst(h).toLowerCase();

export const EMPTY_MAPPING: Mapping = { columns: new Map(), values: new Map() };

export function bouwMapping(input: unknown): Mapping {
  const parsed = mappingSchema.parse(input);
  for (const [from, to] of Object.entries(parsed.columns)) {
    if (!COLUMN_NAMES.includes(to)) throw new Error(`Mapping: kolom "${from}" wijst naar onbekende kolom "${to}"`);
  }
  for (const column of Object.keys(parsed.values)) {
    if (!COLUMN_NAMES.includes(column)) throw new Error(`Mapping: waarden voor onbekende kolom "${column}"`);
  }
  return {
    columns: new Map(Object.entries(parsed.columns).map(([from, to]) => [normaliseHeader(from), to])),
    values: new Map(
      Object.entries(parsed.values).map(([col, map]) => [col, new Map(Object.entries(map).map(([from, to]) => [normaliseerTekst(from).toLowerCase(), to]))]),
    ),
  };
}

export function laadMapping(path: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`Mappingbestand ${path} kan niet worden gelezen: ${(cause as Error).message}`, { cause });
  }
  return bouwMapping(json);
}

/** Index of each canonical column in the file's header; columns outside the format are dropped. */
export function koppelKolommen(header: string[], mapping: Mapping): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((raw, i) => {
    const h = normaliseHeader(String(raw ?? '').replace(/^\uFEFF/, ''));
    const canonical = mapping.columns.get(h) ?? h;
    if (COLUMN_NAMES.includes(canonical) && !index.has(canonical)) index.set(canonical, i);
  });
  return index;
}
