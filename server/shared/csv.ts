/** Quotes a `;`-separated CSV field when it holds a separator, a quote or a line break. */
export function csvVeld(text: string): string {
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text cells that a spreadsheet would read as a formula (=, +, -, @, and tab or carriage
 * return, as OWASP lists) get a leading apostrophe. Numbers stay numbers: a negative growth is
 * a number, not text, so it is never touched. Every file a user opens in Excel goes through
 * this: the downloads (export/tabel-export.ts) and the afgewezen file of an import.
 */
export function neutraliseer<T>(cel: T): T | string {
  if (typeof cel === 'string' && /^[=+\-@\t\r]/.test(cel)) return `'${cel}`;
  return cel;
}
