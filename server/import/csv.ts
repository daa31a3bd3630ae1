import { ongeldigeInvoer } from '../shared/fouten.js';

/** A parsed record and the number of the line it ends on (1-based, as an editor counts). */
export interface CsvRecord {
  regel: number;
  values: string[];
}

/**
 * A streaming CSV parser (RFC 4180) for the export files: a delimiter, fields optionally in
 * double quotes (a quote inside written twice, line breaks allowed inside), CR, LF or CRLF line
 * ends; empty lines are skipped, a leading BOM is dropped. Lenient where Excel is: a quote
 * inside an unquoted field is text, and so is text after a closing quote.
 *
 * Lines without a quote are split with one native `split` — that is almost every line of an
 * export, and it makes this parser several times faster than a character-by-character one.
 */
/** The longest record accepted (a registration line is a few hundred characters). */
export const MAX_RECORD_TEKENS = 1024 * 1024;

export class CsvParser {
  private rest = '';
  private regel = 0;
  private begonnen = false;

  /** the line separator: LF (with an optional CR before it), or a lone CR for old Mac exports */
  private readonly nlTeken: number;

  constructor(
    private readonly delimiter: string,
    /** names the file in the error for an unclosed quote */
    private readonly bestand: string,
    /** the file ends its lines with a lone CR; otherwise a CR not before LF is part of its field */
    alleenCr = false,
  ) {
    this.nlTeken = alleenCr ? 13 : 10;
  }

  /** The records completed by this chunk; an incomplete last line waits for the next chunk. */
  push(chunk: string): CsvRecord[] {
    let text = this.rest + chunk;
    if (!this.begonnen && text.length > 0) {
      this.begonnen = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const records: CsvRecord[] = [];
    this.rest = text.slice(this.parse(text, records, false));
    // a record that never ends (a huge field, binary data) is refused before it fills the memory
    if (this.rest.length > MAX_RECORD_TEKENS) {
      throw ongeldigeInvoer(
        `${this.bestand}: regel ${this.regel + 1}: de regel is langer dan ${MAX_RECORD_TEKENS / 1024 / 1024} miljoen tekens; is dit wel een CSV-export?`,
        { bestand: this.bestand, regel: this.regel + 1 },
      );
    }
    return records;
  }

  /** The last record (a file need not end with a line break). */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    this.parse(this.rest, records, true);
    this.rest = '';
    return records;
  }

  /** Parses complete records from `text`; returns where the unparsed remainder starts. */
  private parse(text: string, records: CsvRecord[], eof: boolean): number {
    let pos = 0;
    const nlTeken = this.nlTeken === 13 ? '\r' : '\n';
    while (pos < text.length) {
      let nl = text.indexOf(nlTeken, pos);
      if (nl === -1) {
        if (!eof) return pos;
        nl = text.length;
      }
      const lineEnd = this.nlTeken === 10 && nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const line = text.slice(pos, lineEnd);
      if (line.indexOf('"') === -1) {
        // a stray CR inside the line stays in its field (and fails validation there): it never makes a row
        this.regel++;
        if (line.length > 0) records.push({ regel: this.regel, values: line.split(this.delimiter) });
        pos = nl + 1;
        continue;
      }
      const quoted = this.parseQuoted(text, pos, eof);
      if (quoted === null) return pos; // an open quote: the record continues in the next chunk
      records.push({ regel: this.regel, values: quoted.values });
      pos = quoted.next;
    }
    return pos;
  }

  /** A record with quotes, from `start` to its line end (which may be lines further). */
  private parseQuoted(text: string, start: number, eof: boolean): { values: string[]; next: number } | null {
    const values: string[] = [];
    const delimiter = this.delimiter.charCodeAt(0);
    let field = '';
    let pos = start;
    let lines = 1;
    for (;;) {
      if (text.charCodeAt(pos) === 34) {
        // a quoted field: up to the closing quote; "" is a quote
        let i = pos + 1;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            if (!eof) return null;
            throw ongeldigeInvoer(`${this.bestand}: regel ${this.regel + 1}: een veld begint met een aanhalingsteken (") dat niet wordt afgesloten`, {
              bestand: this.bestand,
              regel: this.regel + 1,
            });
          }
          if (q + 1 >= text.length && !eof) return null; // "" or " + end: decided by the next chunk
          field += text.slice(i, q);
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
      }
      // unquoted text (or text after a closing quote) up to the delimiter or line end
      let i = pos;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === delimiter || c === this.nlTeken) break;
        // CR ends the record only before LF (or at the very end); elsewhere it is text of the field
        if (c === 13 && (i + 1 >= text.length || text.charCodeAt(i + 1) === 10)) {
          if (i + 1 >= text.length && !eof) return null;
          break;
        }
        i++;
      }
      field += text.slice(pos, i);
      if (i >= text.length && !eof) return null;
      lines += countLineBreaks(field);
      values.push(field);
      field = '';
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        pos = i + 1;
        continue;
      }
      let next = i;
      if (c === 13) next++;
      if (text.charCodeAt(next) === 10) next++;
      this.regel += lines;
      return { values, next };
    }
  }
}

function countLineBreaks(field: string): number {
  let n = 0;
  for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  return n;
}
