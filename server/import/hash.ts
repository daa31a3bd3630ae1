import { hash } from 'node:crypto';
import { COLUMN_NAMES, type Registratie } from '../registraties/schema.js';

/**
 * The hash of a registration's export fields: a re-import compares it with the stored one
 * and leaves an unchanged registration alone. Stable across versions (stored with every row).
 */
export function rijHash(r: Registratie): string {
  // one string, one-shot hash: the same digest as updating field by field, at a third of the cost
  let tekst = '';
  for (const c of COLUMN_NAMES) tekst += `${r[c as keyof Registratie] ?? '\u0000'}\u001f`;
  return hash('sha1', tekst, 'hex');
}
