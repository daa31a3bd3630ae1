import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Regio } from '../config/regio.js';
import { deriveRegistratie } from '../registraties/derive.js';
import { opgeslagenRij, type OpgeslagenRij } from '../registraties/repository.js';
import { kolomObject, REQUIRED_COLUMNS, type Registratie } from './columns.js';
import { rijHash } from './hash.js';
import { EMPTY_MAPPING, mapHeader, type Mapping } from './mapping.js';
import type { TableRow } from './readers.js';
import { validateRow, type RijFout } from './validate-row.js';
import { cellText, type RawCell } from './values.js';

export interface VoorbereidingContext {
  /** the file name errors refer to */
  bestand: string;
  regio: Regio;
  kalender: Werkdagkalender;
  /** ISO date of the ingest day */
  vandaag: string;
  mapping?: Mapping;
}

/**
 * What preparation makes of one line of an export: the header, a valid registration with its
 * derived facts and hash (ready to store; the import batch is filled in when it is written), or
 * a rejected line with its errors and the text of its cells (for the afgewezen file).
 */
export type Voorbereid =
  | { soort: 'kop'; regel: number; cellen: string[]; fouten: RijFout[] }
  | { soort: 'rij'; regel: number; rij: OpgeslagenRij }
  | { soort: 'afgewezen'; regel: number; cellen: string[]; fouten: RijFout[]; redenen: string[] };

interface KolomPlaats {
  naam: keyof Registratie;
  index: number;
  /** the mapping file's code values for this column */
  waarden: Map<string, string> | undefined;
}

/**
 * Everything an import does to a line before the database: header mapping, validation,
 * derivation, hashing. No I/O, so it runs the same in the importing thread and in the worker
 * that prepares a file in parallel with the writes.
 */
export class Voorbereider {
  /** where each canonical column is in a line (from the header) */
  private kolommen: KolomPlaats[] | null = null;
  private kopFout = false;
  private readonly mapping: Mapping;

  constructor(private readonly ctx: VoorbereidingContext) {
    this.mapping = ctx.mapping ?? EMPTY_MAPPING;
  }

  bereidVoor(row: TableRow): Voorbereid {
    if (this.kolommen === null) return this.kop(row);
    if (this.kopFout) {
      return { soort: 'afgewezen', regel: row.regel, cellen: row.values.map(cellText), fouten: [], redenen: ['verplichte kolom ontbreekt in de kopregel'] };
    }
    const raw = this.record(row.values, this.kolommen);
    const result = validateRow(raw, { bestand: this.ctx.bestand, regel: row.regel, regio: this.ctx.regio, vandaag: this.ctx.vandaag });
    if (!result.ok) {
      return {
        soort: 'afgewezen', regel: row.regel, cellen: row.values.map(cellText), fouten: result.fouten,
        redenen: result.fouten.map((f) => `${f.kolom}: ${f.melding}`),
      };
    }
    const r = result.registratie;
    const afgeleid = deriveRegistratie(r, this.ctx.regio, this.ctx.kalender);
    return { soort: 'rij', regel: row.regel, rij: opgeslagenRij(r, afgeleid, rijHash(r)) };
  }

  private kop(row: TableRow): Voorbereid {
    const cellen = row.values.map(cellText);
    const kolommen = mapHeader(cellen, this.mapping);
    this.kolommen = [...kolommen].map(([naam, index]) => ({ naam: naam as keyof Registratie, index, waarden: this.mapping.values.get(naam) }));
    const fouten: RijFout[] = [];
    for (const naam of REQUIRED_COLUMNS) {
      if (!kolommen.has(naam)) {
        fouten.push({ bestand: this.ctx.bestand, regel: row.regel, kolom: naam, waarde: '', melding: `verplichte kolom ${naam} ontbreekt in de kopregel` });
      }
    }
    this.kopFout = fouten.length > 0;
    return { soort: 'kop', regel: row.regel, cellen, fouten };
  }

  private record(values: RawCell[], kolommen: KolomPlaats[]): Record<string, RawCell> {
    const record: Record<string, RawCell> = kolomObject<RawCell>(undefined);
    for (const { naam, index, waarden } of kolommen) {
      let value = values[index] ?? null;
      if (waarden && value !== null) value = waarden.get(cellText(value).toLowerCase()) ?? value;
      record[naam] = value;
    }
    return record;
  }
}
