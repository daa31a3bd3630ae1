import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDeps } from '../../server/import/service.js';
import { ImportAfgewezen, importeer, type ImportSamenvatting } from '../../server/import/importer.js';
import { testContext, type TestContext } from '../helpers/context.js';
import { bomDeel, deel, lokaalDeel, rij, werkmapDelen, zipArchief, type Cel } from '../helpers/zip.js';

/**
 * Crafted workbooks against the XLSX reader (server/import/xlsx.ts, zip.ts): each is built here,
 * imported the way the CLI and the web do (the preparation worker), and checked for its stated
 * result, for an unchanged database when refused, and for an empty temp folder in every outcome
 * (TMPDIR is a folder of this test alone).
 */

let ctx: TestContext;
let tmp: string;
let oudTmp: string | undefined;
beforeEach(async () => {
  ctx = await testContext('2024-12-31');
  oudTmp = process.env.TMPDIR;
  tmp = mkdtempSync(join(ctx.dir, 'tmp-'));
  process.env.TMPDIR = tmp;
});
afterEach(async () => {
  if (oudTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = oudTmp;
  await ctx.close();
});

const KOP = ['registratie_id', 'soort', 'datum_binnenkomst', 'gemeente_code', 'melder_categorie', 'datum_afgesloten'];
const opgeslagen = async () => (await ctx.db('registraties').select('*').orderBy('registratie_id')) as Record<string, unknown>[];
const stand = async () => ({ rijen: await opgeslagen(), tellingen: await ctx.db('indicatoren').select('*').orderBy(['kwartaal', 'gebied', 'indicator']) });

/** Imports `bytes` as `naam`; the temp folder must be empty afterwards, whatever the outcome. */
async function importeerBestand(bytes: Buffer, naam: string): Promise<{ s?: ImportSamenvatting; fout?: string }> {
  const pad = join(ctx.dir, naam);
  writeFileSync(pad, bytes);
  let uitkomst: { s?: ImportSamenvatting; fout?: string };
  try {
    uitkomst = { s: await importeer(importDeps(ctx), [{ bestand: naam, sha256: 'x', pad }], { door: 'test' }) };
  } catch (error) {
    if (!(error instanceof ImportAfgewezen)) throw error;
    uitkomst = { fout: error.samenvatting.weigering ?? error.samenvatting.fouten.map((f) => f.melding).join(' | ') };
  }
  expect(readdirSync(tmp)).toEqual([]);
  return uitkomst;
}

/** One stored registration with a closing date (from a CSV), for the refusals that must leave it alone. */
async function metOpgeslagenDatum() {
  const pad = join(ctx.dir, 'start.csv');
  writeFileSync(pad, `${KOP.join(';')}\nA1;advies;2024-01-02;GM0268;politie;2024-01-10\n`);
  await importeer(importDeps(ctx), [{ bestand: 'start.csv', sha256: 'x', pad }], { door: 'test' });
  const voor = await stand();
  expect(voor.rijen.map((r) => [r.registratie_id, r.datum_afgesloten])).toEqual([['A1', '2024-01-10']]);
  return voor;
}

const werkmap = (rijen: string[], naam = 'Export') => zipArchief(werkmapDelen([{ naam, rijen }]));
const A1 = (afgesloten: string | Cel | null): (string | Cel | null)[] => ['A1', 'advies', '2024-01-02', 'GM0268', 'politie', afgesloten];

describe('an ordinary workbook', () => {
  it('written by ExcelJS with dates, numbers and text: read exactly, and nothing is left in the temp folder', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(KOP);
    ws.addRow(['A1', 'advies', new Date(Date.UTC(2024, 0, 2)), 'GM0268', 'politie', new Date(Date.UTC(2024, 1, 29))]);
    // 2^53 - 1, the largest integer a number cell holds exactly
    ws.addRow([9007199254740991, 'advies', '2024-03-04', 'GM0268', 'politie', null]);
    const { s, fout } = await importeerBestand(Buffer.from(await wb.xlsx.writeBuffer()), 'gewoon.xlsx');
    expect(fout).toBeUndefined();
    expect(s).toMatchObject({ nieuw: 2, afgewezen: 0 });
    expect((await opgeslagen()).map((r) => [r.registratie_id, r.datum_binnenkomst, r.datum_afgesloten])).toEqual([
      ['9007199254740991', '2024-03-04', null],
      ['A1', '2024-01-02', '2024-02-29'],
    ]);
  });

  it('a formula with a cached value is its value; shared strings, rich text and a date style are read', async () => {
    const voor = await metOpgeslagenDatum();
    const delen = werkmapDelen([
      { naam: 'Export', rijen: [rij(1, KOP), rij(2, [{ t: 's', v: '0' }, ...A1({ f: 'DATE(2024,1,12)', v: '45303', s: 1 }).slice(1)])] },
    ]);
    delen.push(
      deel(
        'xl/sharedStrings.xml',
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>A</t></r><r><t>1</t></r><rPh><t>x</t></rPh></si></sst>',
      ),
    );
    const { s } = await importeerBestand(zipArchief(delen), 'formule-met-waarde.xlsx');
    expect(s).toMatchObject({ gewijzigd: 1, afgewezen: 0 });
    expect((await opgeslagen()).map((r) => [r.registratie_id, r.datum_afgesloten])).toEqual([['A1', '2024-01-12']]);
    expect(voor.rijen).toHaveLength(1);
  });
});

describe('layouts that fool a reader in file order', () => {
  it('a 256 MiB sheet part smuggled before the others, outside the central directory: refused before it is inflated', async () => {
    const voor = await metOpgeslagenDatum();
    const smokkel = lokaalDeel(await bomDeel('xl/worksheets/sheet1.xml', 256 * 1024 * 1024));
    const bytes = zipArchief(werkmapDelen([{ naam: 'Export', rijen: [rij(1, KOP), rij(2, A1('2024-01-11'))] }]), smokkel);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const start = process.memoryUsage().rss;
    const { fout } = await importeerBestand(bytes, 'smokkel.xlsx');
    expect(fout).toBe(
      'smokkel.xlsx: is geen normaal Excel-bestand: het archief bevat gegevens buiten de inhoudsopgave van het zip-archief (een verstopt onderdeel?)',
    );
    expect(process.memoryUsage().rss - start).toBeLessThan(100 * 1024 * 1024);
    expect(await stand()).toEqual(voor);
  });

  it('a sheet with other rows smuggled between the parts: refused, the database unchanged', async () => {
    const voor = await metOpgeslagenDatum();
    const delen = werkmapDelen([{ naam: 'Export', rijen: [rij(1, KOP), rij(2, A1('2024-01-11'))] }]);
    const verstopt = lokaalDeel(
      deel(
        'xl/worksheets/sheet1.xml',
        `<worksheet><sheetData>${rij(1, KOP)}${rij(2, ['X9', 'advies', '2024-01-02', 'GM0268', 'politie', ''])}</sheetData></worksheet>`,
      ),
    );
    // between workbook.xml and its relations; the directory lists every part but this one
    const bytes = zipMetSmokkelTussen(delen, 2, verstopt);
    const { fout } = await importeerBestand(bytes, 'tussen.xlsx');
    expect(fout).toBe(
      'tussen.xlsx: is geen normaal Excel-bestand: het archief bevat gegevens buiten de inhoudsopgave van het zip-archief (een verstopt onderdeel?)',
    );
    expect(await stand()).toEqual(voor);
  });

  it('more than 10.000 parts: refused from the directory alone', async () => {
    const delen = [...werkmapDelen([{ naam: 'Export', rijen: [rij(1, KOP)] }]), ...Array.from({ length: 10_000 }, (_, i) => deel(`x/${i}`, '', 0))];
    const { fout } = await importeerBestand(zipArchief(delen), 'delen.xlsx');
    expect(fout).toBe('delen.xlsx: is geen normaal Excel-bestand: het archief heeft 10.005 onderdelen, meer dan 10.000');
    expect(await opgeslagen()).toEqual([]);
  });

  it('a sheet whose data does not match its CRC (the reader fails after rows were read): refused, nothing stored', async () => {
    const delen = werkmapDelen([{ naam: 'Export', rijen: [rij(1, KOP), rij(2, A1('')), rij(3, ['A2', 'advies', '2024-01-02', 'GM0268', 'politie'])] }]);
    const blad = delen.at(-1)!;
    const ruw = Buffer.from(
      `<worksheet><sheetData>${rij(1, KOP)}${rij(2, A1(''))}${rij(3, ['A3', 'advies', '2024-01-02', 'GM0268', 'politie'])}</sheetData></worksheet>`,
    );
    delen[delen.length - 1] = { ...deel(blad.naam, ruw, 0), crc: blad.crc, grootte: ruw.length };
    const { fout } = await importeerBestand(zipArchief(delen), 'crc.xlsx');
    expect(fout).toBe('crc.xlsx: is geen geldig Excel-bestand (xlsx): het zip-archief is beschadigd of afgebroken');
    expect(await opgeslagen()).toEqual([]);
  });
});

/** A zip whose central directory lists `delen`, with `verstopt` (a local part it does not list) before part `na`. */
function zipMetSmokkelTussen(delen: Parameters<typeof zipArchief>[0], na: number, verstopt: Buffer): Buffer {
  const normaal = zipArchief(delen);
  const voor = delen.slice(0, na).reduce((n, d) => n + lokaalDeel(d).length, 0);
  const lokaalEind = delen.reduce((n, d) => n + lokaalDeel(d).length, 0);
  const cd = Buffer.from(normaal.subarray(lokaalEind));
  // shift the local-header offsets of the parts after the smuggled one, and the directory's offset
  let p = 0;
  for (let i = 0; i < delen.length; i++) {
    if (i >= na) cd.writeUInt32LE(cd.readUInt32LE(p + 42) + verstopt.length, p + 42);
    p += 46 + cd.readUInt16LE(p + 28);
  }
  cd.writeUInt32LE(lokaalEind + verstopt.length, p + 16);
  return Buffer.concat([normaal.subarray(0, voor), verstopt, normaal.subarray(voor, lokaalEind), cd]);
}

describe('what Excel does not show is not imported', () => {
  it('a hidden (and a very hidden) first worksheet is never read: the first visible one is', async () => {
    const geheim = [rij(1, KOP), rij(2, ['H1', 'advies', '2024-01-02', 'GM0268', 'politie'])];
    const bytes = zipArchief(
      werkmapDelen([
        { naam: 'Geheim', rijen: geheim, state: 'hidden' },
        { naam: 'Heel geheim', rijen: geheim, state: 'veryHidden' },
        { naam: 'Export', rijen: [rij(1, KOP), rij(2, ['V1', 'advies', '2024-01-02', 'GM0268', 'politie'])] },
      ]),
    );
    const { s } = await importeerBestand(bytes, 'verborgen-blad.xlsx');
    expect(s).toMatchObject({ nieuw: 1 });
    expect((await opgeslagen()).map((r) => r.registratie_id)).toEqual(['V1']);
  });

  it('no visible worksheet at all: refused', async () => {
    const bytes = zipArchief(werkmapDelen([{ naam: 'Geheim', rijen: [rij(1, KOP), rij(2, A1(''))], state: 'hidden' }]));
    expect((await importeerBestand(bytes, 'geen-blad.xlsx')).fout).toBe(
      'geen-blad.xlsx: heeft geen zichtbaar werkblad; maak het werkblad met de export zichtbaar en importeer opnieuw',
    );
    expect(await opgeslagen()).toEqual([]);
  });

  it('rows hidden (as a filter hides them) or of height 0 refuse the file naming sheet and rows; an empty hidden row does not', async () => {
    const voor = await metOpgeslagenDatum();
    const bytes = werkmap(
      [
        rij(1, KOP),
        rij(2, A1('2024-01-11')),
        rij(3, ['X3', 'advies', '2024-01-02', 'GM0268', 'politie'], 'hidden="1"'),
        rij(4, [], 'hidden="1"'),
        rij(5, ['X5', 'advies', '2024-01-02', 'GM0268', 'politie'], 'ht="0" customHeight="1"'),
        rij(6, ['X6', 'advies', '2024-01-02', 'GM0268', 'politie']),
      ],
      'Meldingen 2024',
    );
    const { fout } = await importeerBestand(bytes, 'verborgen-rijen.xlsx');
    expect(fout).toBe(
      'verborgen-rijen.xlsx: werkblad "Meldingen 2024": rijen 3 en 5 zijn verborgen en bevatten ' +
        'gegevens; maak alle rijen zichtbaar (zet ook filters uit) of verwijder ze, en importeer opnieuw',
    );
    expect(await stand()).toEqual(voor);
  });
});

describe('cells that have no value are refused, never read as empty', () => {
  const gevallen: [string, Cel, string][] = [
    ['fout-na.xlsx', { t: 'e', v: '#N/A' }, 'de cel bevat de foutwaarde #N/A in plaats van een waarde; herstel de cel (of maak hem leeg) en importeer opnieuw'],
    [
      'fout-ref.xlsx',
      { t: 'e', f: 'VLOOKUP(A2,Blad2!A:B,2,FALSE)', v: '#REF!' },
      'de cel bevat de foutwaarde #REF! in plaats van een waarde; herstel de cel (of maak hem leeg) en importeer opnieuw',
    ],
    [
      'formule.xlsx',
      { f: 'VLOOKUP(A2,Blad2!A:B,2,FALSE)', s: 1 },
      'de cel heeft een formule zonder berekende waarde (=VLOOKUP(A2,Blad2!A:B,2,FALSE)); open het ' +
        'bestand in Excel, laat het herberekenen, sla het op en importeer opnieuw',
    ],
  ];
  for (const [naam, cel, melding] of gevallen) {
    it(`${naam}: refused naming sheet, row, column and text; the stored datum_afgesloten unchanged`, async () => {
      const voor = await metOpgeslagenDatum();
      const { fout } = await importeerBestand(werkmap([rij(1, KOP), rij(2, ['A0', 'advies', '2024-01-02', 'GM0268', 'politie']), rij(3, A1(cel))]), naam);
      expect(fout).toBe(`${naam}: werkblad "Export", rij 3, kolom F (datum_afgesloten): ${melding}`);
      expect(await stand()).toEqual(voor);
    });
  }
});

describe('numbers used as ids', () => {
  it('12345678901234567 and 12345678901234568 as numbers: refused (they cannot be told apart), nothing stored', async () => {
    const voor = await metOpgeslagenDatum();
    const id = (v: string): (string | Cel)[] => [{ v }, 'advies', '2024-01-02', 'GM0268', 'politie'];
    const { fout } = await importeerBestand(werkmap([rij(1, KOP), rij(2, id('12345678901234567')), rij(3, id('12345678901234568'))]), 'ids.xlsx');
    expect(fout).toBe(
      'ids.xlsx: werkblad "Export", rij 2, kolom A (registratie_id): het getal 12345678901234567 ' +
        'is te groot om exact te lezen (meer dan 2^53; Excel bewaart 15 cijfers); sla nummers zoals ' +
        'registratie_id in Excel op als tekst en importeer opnieuw',
    );
    expect(await stand()).toEqual(voor);
  });
});
