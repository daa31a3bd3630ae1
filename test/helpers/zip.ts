import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export interface Deel {
  naam: string;
  data: Buffer;
  methode: 0 | 8;
  crc: number;
  grootte: number;
}

/** A part of a zip archive from its text, deflated (or stored: `methode` 0). */
export function deel(naam: string, tekst: string | Buffer, methode: 0 | 8 = 8): Deel {
  const ruw = Buffer.isBuffer(tekst) ? tekst : Buffer.from(tekst);
  return { naam, data: methode === 8 ? deflateRawSync(ruw) : ruw, methode, crc: crc32(ruw), grootte: ruw.length };
}

/** The local header and data of a part, as a zip writer puts it before the central directory. */
export function lokaalDeel(d: Deel): Buffer {
  return zipArchief([d]).subarray(0, 30 + Buffer.byteLength(d.naam) + d.data.length);
}

/**
 * A zip archive (no zip64) of the given parts, as a real writer lays it out. `begin`: bytes
 * before the first part that the central directory does not mention (a smuggled part).
 */
export function zipArchief(delen: Deel[], begin: Buffer = Buffer.alloc(0)): Buffer {
  const lokaal: Buffer[] = [begin];
  const centraal: Buffer[] = [];
  let offset = begin.length;
  for (const d of delen) {
    const naam = Buffer.from(d.naam);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(d.methode, 8);
    l.writeUInt32LE(d.crc, 14);
    l.writeUInt32LE(d.data.length, 18);
    l.writeUInt32LE(d.grootte, 22);
    l.writeUInt16LE(naam.length, 26);
    lokaal.push(l, naam, d.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(d.methode, 10);
    c.writeUInt32LE(d.crc, 16);
    c.writeUInt32LE(d.data.length, 20);
    c.writeUInt32LE(d.grootte, 24);
    c.writeUInt16LE(naam.length, 28);
    c.writeUInt32LE(offset, 42);
    centraal.push(c, naam);
    offset += 30 + naam.length + d.data.length;
  }
  const cd = Buffer.concat(centraal);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(delen.length, 8);
  eocd.writeUInt16LE(delen.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...lokaal, cd, eocd]);
}

/**
 * A real zip bomb part: `grootte` bytes of repeated sheet XML, deflated (about 1000 : 1),
 * compressed in a stream so the test itself never holds the inflated data.
 */
export async function bomDeel(naam: string, grootte: number): Promise<Deel> {
  const stuk = Buffer.from('<c><v>1</v></c>'.repeat(Math.ceil((1 << 20) / 15))).subarray(0, 1 << 20);
  const deflate = createDeflateRaw({ level: 9 });
  const uit: Buffer[] = [];
  deflate.on('data', (b: Buffer) => uit.push(b));
  const klaar = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let n = 0; n < grootte; n += stuk.length) {
    crc = crc32(stuk, crc);
    if (!deflate.write(stuk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await klaar;
  return { naam, data: Buffer.concat(uit), methode: 8, crc, grootte };
}

/** A zip bomb shaped as a workbook: its sheet inflates to `grootte` bytes. */
export async function zipBom(grootte: number): Promise<Buffer> {
  const workbook = Buffer.from('<workbook/>');
  return zipArchief([
    { naam: 'xl/workbook.xml', data: workbook, methode: 0, crc: crc32(workbook), grootte: workbook.length },
    await bomDeel('xl/worksheets/sheet1.xml', grootte),
  ]);
}

export interface Cel {
  v?: string;
  /** cell type: n (number), s, str, b, e (error), inlineStr, d */
  t?: string;
  f?: string;
  /** style index (cellXfs of `werkmap`: 0 general, 1 a date) */
  s?: number;
}

const xmlTekst = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const letters = (k: number): string => (k > 26 ? letters(Math.floor((k - 1) / 26)) : '') + String.fromCharCode(65 + ((k - 1) % 26));

/** A `<row>` of sheet XML: a string is an inline text cell, a `Cel` is written as given. */
export function rij(r: number, cellen: (string | Cel | null)[], attributen = ''): string {
  const xml = cellen.map((c, i) => {
    const ref = `${letters(i + 1)}${r}`;
    if (c === null) return '';
    if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${xmlTekst(c)}</t></is></c>`;
    const attributen = `${c.t ? ` t="${c.t}"` : ''}${c.s !== undefined ? ` s="${c.s}"` : ''}`;
    const inhoud = `${c.f !== undefined ? `<f>${xmlTekst(c.f)}</f>` : ''}${c.v !== undefined ? `<v>${xmlTekst(c.v)}</v>` : ''}`;
    return `<c r="${ref}"${attributen}>${inhoud}</c>`;
  });
  return `<row r="${r}"${attributen ? ` ${attributen}` : ''}>${xml.join('')}</row>`;
}

export interface Blad {
  naam: string;
  rijen: string[];
  state?: 'hidden' | 'veryHidden';
}

/**
 * The parts of a minimal workbook as Excel lays it out: workbook, its relations, styles (style 1
 * a date), one worksheet per sheet; `zipArchief(werkmapDelen(…))` is the file.
 */
export function werkmapDelen(bladen: Blad[]): Deel[] {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${ns}><sheets>${bladen
    .map((b, i) => `<sheet name="${xmlTekst(b.naam)}" sheetId="${i + 1}"${b.state ? ` state="${b.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const rels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${bladen
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rIdS" Type="${rel}/styles" Target="styles.xml"/></Relationships>`;
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts ` +
    `count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellXfs count="2"><xf ` +
    `numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  return [
    deel('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    deel('xl/workbook.xml', workbook),
    deel('xl/_rels/workbook.xml.rels', rels),
    deel('xl/styles.xml', styles),
    ...bladen.map((b, i) =>
      deel(
        `xl/worksheets/sheet${i + 1}.xml`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${ns}><sheetData>${b.rijen.join('')}</sheetData></worksheet>`,
      ),
    ),
  ];
}
