import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from '../../../server/import/csv.js';
import { AppFout } from '../../../server/shared/fouten.js';

/** Parses `tekst` fed in chunks of `stuk` characters (every split point gets tested). */
function parse(tekst: string, stuk = tekst.length || 1, delimiter = ';', alleenCr = false): CsvRecord[] {
  const parser = new CsvParser(delimiter, 'export.csv', alleenCr);
  const records: CsvRecord[] = [];
  for (let i = 0; i < tekst.length; i += stuk) records.push(...parser.push(tekst.slice(i, i + stuk)));
  records.push(...parser.end());
  return records;
}

describe('CsvParser', () => {
  it('splits lines and fields; the line number is the line a record ends on', () => {
    expect(parse('a;b;c\n1;2;3\n')).toEqual([
      { regel: 1, values: ['a', 'b', 'c'] },
      { regel: 2, values: ['1', '2', '3'] },
    ]);
  });

  it('CRLF, no line break at the end, empty lines skipped but counted, BOM dropped; a stray CR makes no row', () => {
    for (const stuk of [1, 2, 3, 100]) {
      expect(parse('\uFEFFa;b\r\n\r\n1;2\r3;4\r\n"5";6\r7\r\n', stuk)).toEqual([
        { regel: 1, values: ['a', 'b'] },
        { regel: 3, values: ['1', '2\r3', '4'] },
        { regel: 4, values: ['5', '6\r7'] },
      ]);
    }
  });

  it('a file with lone CRs as line ends (old Mac exports)', () => {
    expect(parse('a;b\r1;2\r\r3;4', 2, ';', true)).toEqual([
      { regel: 1, values: ['a', 'b'] },
      { regel: 2, values: ['1', '2'] },
      { regel: 4, values: ['3', '4'] },
    ]);
  });

  it('a record longer than the limit is refused with its line', () => {
    const parser = new CsvParser(';', 'groot.csv');
    parser.push('a;b\n');
    expect(() => parser.push('x'.repeat(1024 * 1024 + 10))).toThrow(/groot.csv: regel 2: de regel is langer dan/);
  });

  it('keeps empty fields', () => {
    expect(parse(';x;;\n')).toEqual([{ regel: 1, values: ['', 'x', '', ''] }]);
  });

  it('quoted fields: delimiters, doubled quotes and line breaks inside', () => {
    const tekst = 'id;opmerking;n\n1;"a;b";2\n2;"zei ""nee""";3\n3;"twee\nregels";4\n4;x;5\n';
    const verwacht = [
      { regel: 1, values: ['id', 'opmerking', 'n'] },
      { regel: 2, values: ['1', 'a;b', '2'] },
      { regel: 3, values: ['2', 'zei "nee"', '3'] },
      { regel: 5, values: ['3', 'twee\nregels', '4'] },
      { regel: 6, values: ['4', 'x', '5'] },
    ];
    expect(parse(tekst)).toEqual(verwacht);
    // the same records whatever the chunk boundaries (a stream delivers arbitrary pieces)
    for (const stuk of [1, 2, 3, 5, 7, 11]) expect(parse(tekst, stuk)).toEqual(verwacht);
  });

  it('is lenient like Excel: a quote inside an unquoted field and text after a closing quote are text', () => {
    expect(parse('5" scherm;"a"b;c\n')).toEqual([{ regel: 1, values: ['5" scherm', 'ab', 'c'] }]);
  });

  it('comma as delimiter', () => {
    expect(parse('a,"b,c"\n', undefined, ',')).toEqual([{ regel: 1, values: ['a', 'b,c'] }]);
  });

  it('an unclosed quote is a Dutch error naming the file and the line', () => {
    let fout: unknown;
    try {
      parse('a;b\n1;2\n3;"open\n4;5\n');
    } catch (error) {
      fout = error;
    }
    expect(fout).toBeInstanceOf(AppFout);
    expect((fout as AppFout).melding).toBe('export.csv: regel 3: een veld begint met een aanhalingsteken (") dat niet wordt afgesloten');
  });
});
