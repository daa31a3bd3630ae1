/**
 * A table: the data of a chart for screen readers and downloads, and every other table that is
 * downloaded (spiegel, financien, achterstand). Its own module so that the folders making tables
 * do not depend on charts/ (and charts/ on them).
 */
export type Cel = string | number | null;

/**
 * What a column holds, for a spreadsheet's number format: a count, a share in percent (29.4 for
 * 29,4%), a figure with decimals (per 1.000, fte), an amount in euro, an ISO date, or text.
 * A table that does not say so gets its kinds from its values and headers (`kolomsoorten` in
 * server/export/tabel-export.ts).
 */
export type Kolomsoort = 'tekst' | 'aantal' | 'aandeel' | 'decimaal' | 'bedrag' | 'datum';

export interface Tabel {
  kolommen: string[];
  rijen: Cel[][];
  /** per column; absent: inferred */
  soorten?: Kolomsoort[];
}

/** A table's total row: the one whose row heading is "Totaal" (printed and shown bold, marked `tr.totaal`). */
export const isTotaalRij = (kop: unknown): boolean => kop === 'Totaal';
