import { createDeflateRaw, crc32 } from 'node:zlib';

interface Deel {
  naam: string;
  data: Buffer;
  methode: 0 | 8;
  crc: number;
  grootte: number;
}

/** A zip archive (no zip64) of the given parts, as a real writer lays it out. */
export function zipArchief(delen: Deel[]): Buffer {
  const lokaal: Buffer[] = [];
  const centraal: Buffer[] = [];
  let offset = 0;
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
 * A real zip bomb shaped as a workbook: a sheet of `grootte` bytes of repeated XML, deflated
 * (about 1000 : 1), compressed in a stream so the test itself never holds the inflated sheet.
 */
export async function zipBom(grootte: number): Promise<Buffer> {
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
  const workbook = Buffer.from('<workbook/>');
  return zipArchief([
    { naam: 'xl/workbook.xml', data: workbook, methode: 0, crc: crc32(workbook), grootte: workbook.length },
    { naam: 'xl/worksheets/sheet1.xml', data: Buffer.concat(uit), methode: 8, crc, grootte },
  ]);
}
