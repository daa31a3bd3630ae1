import type { Werkdagkalender } from '../calendar/werkdagen.js';
import type { Regio } from '../config/regio.js';
import { opgeslagenRij, type OpgeslagenRij } from '../registraties/opgeslagen-rij.js';
import { COLUMN_NAMES, REQUIRED_COLUMNS, type Registratie } from '../registraties/schema.js';
import { hashVanTekst, rijHash, rijHashTekst } from './hash.js';
import { EMPTY_MAPPING, koppelKolommen, normaliseHeader, type Mapping } from './mapping.js';
import type { TableRow } from './readers.js';
import { controleerCellen, controleerSamengevoegd, type RijFout } from './validate-row.js';
import { voegSamen } from './samenvoegen.js';
import { cellText, type RawCell } from './values.js';

export interface VoorbereidingContext {
  /** the file name errors refer to */
  bestand: string;
  regio: Regio;
  kalender: Werkdagkalender;
  /** ISO date of the ingest day */
  vandaag: string;
  mapping?: Mapping;
  /**
   * Keep the text of a narrow line's cells (for the afgewezen file, should its merge with a stored
   * version be refused). Without an afgewezen file nothing reads them: they are left out
   * (they were the largest part of what the worker sends for a narrow file).
   */
  metCellen?: boolean;
  /**
   * `exact`: a line with more or fewer fields than the header is invalid (CSV); `hoogstens`:
   * fewer is fine (XLSX leaves trailing empty cells out), more with a value is not.
   */
  veldtelling?: 'exact' | 'hoogstens';
}

/**
 * What preparation makes of one line of an export: the header, a valid registration as its stored
 * row with its hash (nothing derived: the importing thread derives what it writes; the import
 * batch is filled in when it is written), or
 * a rejected line with its errors and the text of its cells (for the afgewezen file).
 */
export type Voorbereid =
  | {
      soort: 'kop';
      regel: number;
      cellen: string[];
      fouten: RijFout[];
      /** the canonical columns the file carries (gemeente_code also when only gemeente is given) */
      aanwezig: string[];
      /** refused as a whole: the header is not one of an export (line 1) */
      structureel?: string;
    }
  /**
   * A valid line of a file with every column: its registration as `rijHashTekst` (one string: an
   * unchanged line costs the importing thread no array of 29 values), its hash and its id.
   * `idOrigineel`: the registratie_id as the file wrote it, when normalisation changed it (a warning)
   */
  | { soort: 'rij'; regel: number; id: string; tekst: string; hash: string; idOrigineel?: string }
  /**
   * A valid line of a file that does not carry every column, merged with nothing (absent columns
   * null), checked and hashed as such: what is stored when the id is new. `fouten`: that merge
   * breaks a rule between columns. For a stored id the importing thread merges the carried
   * columns (the row's values, in the order of COLUMN_NAMES) with the stored version instead.
   */
  | { soort: 'deel'; regel: number; rij: OpgeslagenRij; cellen: string[]; fouten?: RijFout[]; idOrigineel?: string }
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
  /** per column of COLUMN_NAMES, where it is in a line (null: not in the file) */
  private plaatsen: (KolomPlaats | null)[] = [];
  private kopFout = false;
  private kopLengte = 0;
  /** every column of the format is in the header: the line is the whole registration */
  private volledig = false;
  /** the canonical columns the header carries */
  private aanwezig = new Set<string>();
  private readonly mapping: Mapping;

  constructor(private readonly ctx: VoorbereidingContext) {
    this.mapping = ctx.mapping ?? EMPTY_MAPPING;
  }

  bereidVoor(row: TableRow): Voorbereid {
    if (this.kolommen === null) return this.kop(row);
    if (this.kopFout) {
      return { soort: 'afgewezen', regel: row.regel, cellen: row.values.map(cellText), fouten: [], redenen: ['verplichte kolom ontbreekt in de kopregel'] };
    }
    const telling = this.veldtellingFout(row);
    if (telling) {
      const fout: RijFout = { bestand: this.ctx.bestand, regel: row.regel, kolom: '', waarde: '', melding: telling };
      return { soort: 'afgewezen', regel: row.regel, cellen: row.values.map(cellText), fouten: [fout], redenen: [telling] };
    }
    const result = controleerCellen(
      this.cellen(row.values),
      { bestand: this.ctx.bestand, regel: row.regel, regio: this.ctx.regio, vandaag: this.ctx.vandaag },
      { alleenVelden: !this.volledig },
    );
    if (!result.ok) {
      return {
        soort: 'afgewezen',
        regel: row.regel,
        cellen: row.values.map(cellText),
        fouten: result.fouten,
        redenen: result.fouten.map((f) => `${f.kolom}: ${f.melding}`),
      };
    }
    const r = result.registratie;
    const origineel = result.idOrigineel === undefined ? {} : { idOrigineel: result.idOrigineel };
    if (!this.volledig) {
      const nieuw = voegSamen(
        undefined,
        COLUMN_NAMES.map((c) => r[c as keyof Registratie] ?? null),
        this.aanwezig,
      );
      const fouten = controleerSamengevoegd(nieuw, { bestand: this.ctx.bestand, regel: row.regel, regio: this.ctx.regio, vandaag: this.ctx.vandaag });
      return {
        soort: 'deel',
        regel: row.regel,
        rij: opgeslagenRij(nieuw, rijHash(nieuw)),
        cellen: this.ctx.metCellen === false ? [] : row.values.map(cellText),
        ...(fouten.length > 0 ? { fouten } : {}),
        ...origineel,
      };
    }
    const tekst = rijHashTekst(r);
    return { soort: 'rij', regel: row.regel, id: r.registratie_id, tekst, hash: hashVanTekst(tekst), ...origineel };
  }

  /** "5 velden, de kop heeft 10": a line cut off or with a stray delimiter is never guessed at. */
  private veldtellingFout(row: TableRow): string | null {
    const n = row.values.length;
    if (n === this.kopLengte) return null;
    if (this.ctx.veldtelling === 'hoogstens') {
      if (n < this.kopLengte || row.values.slice(this.kopLengte).every((v) => cellText(v) === '')) return null;
    }
    return `regel ${row.regel}: ${n} ${n === 1 ? 'veld' : 'velden'}, de kop heeft ${this.kopLengte}`;
  }

  private kop(row: TableRow): Voorbereid {
    const cellen = row.values.map(cellText);
    const kolommen = koppelKolommen(cellen, this.mapping);
    this.kopLengte = row.values.length;
    this.kolommen = [...kolommen].map(([naam, index]) => ({ naam: naam as keyof Registratie, index, waarden: this.mapping.values.get(naam) }));
    this.plaatsen = COLUMN_NAMES.map((c) => this.kolommen!.find((k) => k.naam === c) ?? null);
    const aanwezig = new Set(kolommen.keys());
    // a gemeente name is turned into its code: a file with names carries the code too
    if (aanwezig.has('gemeente')) aanwezig.add('gemeente_code');
    this.aanwezig = aanwezig;
    this.volledig = COLUMN_NAMES.every((c) => aanwezig.has(c));
    const fouten: RijFout[] = [];
    const kopFout = (kolom: string, melding: string) => fouten.push({ bestand: this.ctx.bestand, regel: row.regel, kolom, waarde: '', melding });
    let structureel: string | undefined;
    const dubbel = dubbeleKolommen(cellen, this.mapping);
    if (kolommen.size === 0) {
      const gevonden = cellen
        .filter((c) => c !== '')
        .slice(0, 5)
        .map((c) => `"${c.slice(0, 40)}"`)
        .join(', ');
      structureel =
        `de kopregel bevat geen enkele kolom van het exportformaat${gevonden ? ` (gevonden: ${gevonden})` : ''}; ` + `is dit wel een registratie-export?`;
      kopFout('', structureel);
    } else {
      for (const naam of REQUIRED_COLUMNS) {
        if (!kolommen.has(naam)) kopFout(naam, `verplichte kolom ${naam} ontbreekt in de kopregel`);
      }
      if (!kolommen.has('gemeente_code') && !kolommen.has('gemeente')) {
        kopFout('gemeente_code', 'de kopregel noemt geen gemeente_code en geen gemeente; een van beide is verplicht');
      }
      for (const naam of dubbel) kopFout(naam, `kolom ${naam} staat meer dan eens in de kopregel`);
      if (fouten.length > 0) structureel = fouten.map((f) => f.melding).join('; ');
    }
    this.kopFout = fouten.length > 0;
    return { soort: 'kop', regel: row.regel, cellen, fouten, aanwezig: [...aanwezig], structureel };
  }

  /**
   * The line's cells in the order of COLUMN_NAMES (`undefined`: the file has no such column),
   * with the mapping's code values applied: what the validation reads by position.
   */
  private cellen(values: RawCell[]): RawCell[] {
    const plaatsen = this.plaatsen;
    const cellen = new Array<RawCell>(plaatsen.length);
    for (let i = 0; i < plaatsen.length; i++) {
      const p = plaatsen[i];
      if (!p) continue;
      let value = values[p.index] ?? null;
      if (p.waarden && value !== null) value = p.waarden.get(cellText(value).toLowerCase()) ?? value;
      cellen[i] = value;
    }
    return cellen;
  }
}

/** Canonical columns named twice in a header (also through the mapping): which one would win is a guess. */
function dubbeleKolommen(cellen: string[], mapping: Mapping): string[] {
  const gezien = new Set<string>();
  const dubbel = new Set<string>();
  for (const cel of cellen) {
    const h = normaliseHeader(cel.replace(/^\uFEFF/, ''));
    const naam = mapping.columns.get(h) ?? h;
    if (!COLUMN_NAMES.includes(naam)) continue;
    if (gezien.has(naam)) dubbel.add(naam);
    gezien.add(naam);
  }
  return [...dubbel];
}
