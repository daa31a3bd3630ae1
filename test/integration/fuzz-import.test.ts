import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importDeps } from '../../server/import/service.js';
import { genereerDemo } from '../../server/demo/generator.js';
import { COLUMN_NAMES, type Registratie } from '../../server/registraties/schema.js';
import { rijHash } from '../../server/import/hash.js';
import { ImportAfgewezen, importeer } from '../../server/import/importer.js';
import { alleTellingen } from '../../server/registraties/tellingen-repository.js';
import { verschilMetVolledigeTelling } from '../helpers/tellingen.js';
import { TEST_POSTGRES, testContext, type TestContext } from '../helpers/context.js';

/**
 * The fuzz corpus: files mutated from a valid demo export (seeded, built here). For every file:
 * either it is refused with a Dutch message naming the file and the database is unchanged (every
 * stored row, the indicator table and the metadata compared before and after), or it is accepted
 * and every stored registration equals the merge of its stored version with the file's line,
 * read by a reference reader written for this test. PostgreSQL runs a documented subset (every
 * third file): each import there costs a COPY and a VACUUM-free refresh on a shared machine.
 */
const VANDAAG = '2019-12-31';
let ctx: TestContext;

/** A small seeded generator (mulberry32): the same corpus on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

type Tabel = { kop: string[]; rijen: string[][] };
interface Geval {
  naam: string;
  bytes: Buffer;
  /** what the reference reader reads instead of `bytes` (the CSV of an XLSX) */
  referentie?: Buffer;
}

const tekstVan = (t: Tabel, sep = ';', eol = '\r\n', bom = true) => `${bom ? '\uFEFF' : ''}${[t.kop, ...t.rijen].map((r) => r.join(sep)).join(eol)}${eol}`;

function maakCorpus(basis: Tabel, xlsx: Buffer, xlsxRijen: number): Geval[] {
  const r = prng(20261201);
  const uit: Geval[] = [];
  const voeg = (soort: string, bytes: Buffer | string) =>
    uit.push({ naam: `fuzz-${String(uit.length + 1).padStart(3, '0')}-${soort}.csv`, bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) });
  const voegXlsx = (soort: string, bytes: Buffer) => uit.push({ naam: `fuzz-${String(uit.length + 1).padStart(3, '0')}-${soort}.xlsx`, bytes });
  const steekproef = (t: Tabel, n: number): Tabel => ({ kop: t.kop, rijen: Array.from({ length: n }, () => [...r.pick(t.rijen)]) });
  const kolommen = (t: Tabel, houd: number[]): Tabel => ({ kop: houd.map((i) => t.kop[i]!), rijen: t.rijen.map((x) => houd.map((i) => x[i]!)) });
  const index = (naam: string) => basis.kop.indexOf(naam);
  const vol = tekstVan(basis);

  for (let i = 0; i < 20; i++) voeg('afgekapt', Buffer.from(vol).subarray(0, 1 + r.int(vol.length - 1)));
  for (let i = 0; i < 14; i++) {
    const weg = r.int(basis.kop.length);
    voeg(
      `zonder-${basis.kop[weg]}`,
      tekstVan(
        kolommen(
          steekproef(basis, 30),
          basis.kop.map((_, j) => j).filter((j) => j !== weg),
        ),
      ),
    );
  }
  voeg(
    'zonder-gemeenten',
    tekstVan(
      kolommen(
        basis,
        basis.kop.map((_, j) => j).filter((j) => j !== index('gemeente') && j !== index('gemeente_code')),
      ),
    ),
  );
  for (let i = 0; i < 8; i++) {
    const dubbel = r.int(basis.kop.length);
    const t = steekproef(basis, 20);
    voeg('dubbele-kolom', tekstVan({ kop: [...t.kop, t.kop[dubbel]!], rijen: t.rijen.map((x) => [...x, x[dubbel]!]) }));
  }
  for (let i = 0; i < 8; i++) {
    const volgorde = basis.kop.map((_, j) => j).sort(() => r.next() - 0.5);
    voeg('geschud', tekstVan(kolommen(steekproef(basis, 40), volgorde)));
  }
  for (let i = 0; i < 8; i++) {
    const t = steekproef(basis, 30);
    voeg('kop-geschud', tekstVan({ kop: [...t.kop].sort(() => r.next() - 0.5), rijen: t.rijen }));
  }
  for (let i = 0; i < 14; i++) {
    // a narrow export: the required columns, a gemeente column and a random few others, values changed
    const verplicht = ['registratie_id', 'soort', 'datum_binnenkomst', 'melder_categorie', r.pick(['gemeente_code', 'gemeente'])];
    const extra = basis.kop.filter((k) => !verplicht.includes(k) && r.next() < 0.3);
    const t = kolommen(steekproef(basis, 40), [...verplicht, ...extra].map(index));
    for (const rij of t.rijen) {
      const c = r.int(rij.length);
      if (r.next() < 0.5 && !verplicht.includes(t.kop[c]!)) rij[c] = '';
    }
    voeg('smal', tekstVan(t, r.pick([';', ',']), r.pick(['\n', '\r\n']), r.next() < 0.5));
  }
  for (let i = 0; i < 8; i++) voeg('komma', tekstVan(steekproef(basis, 30), ',', '\n', false));
  voeg('utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tekstVan(steekproef(basis, 10), ';', '\r\n', false), 'utf16le')]));
  voeg('utf16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(tekstVan(steekproef(basis, 10), ';', '\r\n', false), 'utf16be')]));
  for (let i = 0; i < 4; i++) voeg('win1252', iconv.encode(tekstVan(steekproef(basis, 20), ';', '\r\n', false).replace(/Nijmegen/g, 'Nijmégen'), 'win1252'));
  for (let i = 0; i < 8; i++) {
    const b = Buffer.from(tekstVan(steekproef(basis, 30)));
    b[20 + r.int(b.length - 20)] = r.pick([0xff, 0xc3, 0x80, 0xfe]);
    voeg('ongeldige-utf8', b);
  }
  for (let i = 0; i < 8; i++) {
    const t = steekproef(basis, 20);
    const rij = r.pick(t.rijen);
    const c = r.int(rij.length);
    rij[c] = `${rij[c]!.slice(0, 2)}${r.pick(['\u0000', '\r', '\u0000\u0000', '\t'])}${rij[c]!.slice(2)}`;
    voeg('stuurteken', tekstVan(t));
  }
  for (let i = 0; i < 4; i++) {
    const t = steekproef(basis, 10);
    r.pick(t.rijen)[r.int(t.kop.length)] = 'x'.repeat(r.pick([70, 5000, 1_100_000]));
    voeg('groot-veld', tekstVan(t));
  }
  for (let i = 0; i < 12; i++) {
    const t = steekproef(basis, 25);
    const datums = t.kop.map((k, j) => (k.startsWith('datum_') ? j : -1)).filter((j) => j >= 0);
    for (let n = 0; n < 3; n++) {
      const rij = r.pick(t.rijen);
      rij[r.pick(datums)] = r.pick([
        '1900-01-01',
        '2014-12-31',
        '2099-01-01',
        '2019-13-01',
        '2019-02-30',
        '31-10-2019',
        '1-2-2019',
        '2019/01/01',
        '',
        '2019-12-31',
        '2020-01-01',
      ]);
    }
    voeg('datums', tekstVan(t));
  }
  for (let i = 0; i < 6; i++) {
    const t = steekproef(basis, 15);
    const rij = r.pick(t.rijen);
    if (r.next() < 0.5) rij.push('extra');
    else rij.pop();
    voeg('veldtelling', tekstVan(t));
  }
  for (let i = 0; i < 4; i++) voeg('gzip', gzipSync(Buffer.from(tekstVan(steekproef(basis, 20)))));
  voeg('leeg', '');
  voeg('alleen-bom', '\uFEFF');
  voeg('alleen-kop', tekstVan({ kop: basis.kop, rijen: [] }));
  voeg('geen-export', 'naam;adres;telefoon\r\nJan;Straat 1;06-12345678\r\n');
  voeg('binair', Buffer.from(Array.from({ length: 3000 }, () => r.int(256))));
  for (let i = 0; i < 3; i++) voeg('ongelijke-quote', tekstVan(steekproef(basis, 10)).replace(/;melding;/, ';"melding;'));
  // XLSX: the real workbook, cut off, with flipped bytes, and not a zip at all
  const xlsxReferentie = Buffer.from(tekstVan({ kop: basis.kop, rijen: basis.rijen.slice(0, xlsxRijen) }));
  voegXlsx('xlsx-heel', xlsx);
  uit[uit.length - 1]!.referentie = xlsxReferentie;
  for (let i = 0; i < 8; i++) voegXlsx('xlsx-afgekapt', xlsx.subarray(0, 30 + r.int(xlsx.length - 30)));
  for (let i = 0; i < 6; i++) {
    const b = Buffer.from(xlsx);
    for (let n = 0; n < 3; n++) b[r.int(b.length)] = r.int(256);
    voegXlsx('xlsx-beschadigd', b);
    // the reader inflates only the parts it reads (workbook, sheet, shared strings, styles, each
    // checked against its CRC): damage elsewhere (theme, docProps) is accepted, and then the data
    // must be the whole workbook's, exactly
    uit[uit.length - 1]!.referentie = xlsxReferentie;
  }
  voegXlsx('xlsx-tekst', Buffer.from(vol));
  return uit;
}

// ---- a reference reader for accepted files (independent of the importer's reader) ----

function decodeer(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const tekst = utf8.includes('\uFFFD') ? iconv.decode(bytes, 'win1252') : utf8;
  return tekst.replace(/^\uFEFF/, '');
}

const BOOL: Record<string, number> = { ja: 1, j: 1, '1': 1, true: 1, nee: 0, n: 0, '0': 0, false: 0 };
function canoniek(kolom: string, waarde: string): string | number | null {
  const v = waarde.trim();
  if (v === '') return null;
  if (kolom.startsWith('datum_')) {
    const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(v);
    return nl ? `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}` : v;
  }
  if (kolom === 'spoed' || kolom === 'monitoring') return BOOL[v.toLowerCase()] ?? v;
  if (kolom === 'gemeente_code') return v.toUpperCase();
  if (kolom === 'registratie_id' || kolom === 'gemeente') return v;
  return v.toLowerCase();
}

/** The lines of an accepted CSV as column → value, in file order. */
function leesReferentie(bytes: Buffer): { kop: string[]; rijen: Record<string, string | number | null>[] } {
  const regels = decodeer(bytes)
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const sep = (regels[0]!.match(/;/g)?.length ?? 0) >= (regels[0]!.match(/,/g)?.length ?? 0) ? ';' : ',';
  const kop = regels[0]!.split(sep).map((k) => k.trim().toLowerCase());
  return {
    kop,
    rijen: regels.slice(1).map((l) => {
      const velden = l.split(sep);
      return Object.fromEntries(kop.filter((k) => COLUMN_NAMES.includes(k)).map((k) => [k, canoniek(k, velden[kop.indexOf(k)] ?? '')]));
    }),
  };
}

// ---- snapshots ----

async function momentopname() {
  const rijen = (await ctx.db('registraties').select('*').orderBy('registratie_id')) as Record<string, unknown>[];
  const indicatoren = await ctx.db('indicatoren').select('kwartaal', 'gebied', 'indicator', 'waarde').orderBy(['kwartaal', 'gebied', 'indicator']);
  const meta = await ctx.db('metagegevens').select('*').orderBy('sleutel');
  const tellingen = await alleTellingen(ctx.db);
  return { rijen, indicatoren, meta, tellingen };
}

const Engels = /\b(Cannot|undefined|invalid signature|FILE_ENDED|Invalid string|Error|unexpected|is not|null)\b/;

/** Runs the corpus; returns the problems found (empty: every file behaved) and the tally. */
async function draaiCorpus(): Promise<{ problemen: string[]; tally: { bestanden: number; geweigerd: number; geaccepteerd: number; ongewijzigd: number } }> {
  ctx = await testContext(VANDAAG);
  const problemen: string[] = [];
  const tally = { bestanden: 0, geweigerd: 0, geaccepteerd: 0, ongewijzigd: 0 };
  try {
    const rijen = [...genereerDemo(ctx.regio, ctx.kalender, { tot: VANDAAG, seed: 13, schaal: 0.02 })];
    const basis: Tabel = { kop: [...COLUMN_NAMES], rijen: rijen.map((x) => COLUMN_NAMES.map((c) => x[c] ?? '')) };
    // the database starts with two thirds of the export: the corpus meets stored and new ids
    const start = join(ctx.dir, 'start.csv');
    writeFileSync(start, tekstVan({ kop: basis.kop, rijen: basis.rijen.slice(0, Math.floor((basis.rijen.length * 2) / 3)) }));
    await importeer(importDeps(ctx), [{ bestand: 'start.csv', sha256: 'x', pad: start }], { door: 'test' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(basis.kop);
    for (const rij of basis.rijen.slice(0, 40)) ws.addRow(rij);
    let corpus = maakCorpus(basis, Buffer.from(await wb.xlsx.writeBuffer()), 40);
    if (TEST_POSTGRES) corpus = corpus.filter((_, i) => i % 3 === 0);
    tally.bestanden = corpus.length;
    for (const [i, geval] of corpus.entries()) {
      const t0 = Date.now();
      // every fifth file through the worker thread as the CLI and the web do; the others prepared
      // in this thread by the same code (voorbereidBestand), which keeps the run short
      problemen.push(...(await toets(geval, tally, i % 5 !== 0)));
      if (process.env.VT_FUZZ_LOG) console.log(geval.naam, Date.now() - t0);
    }
  } finally {
    await ctx.close();
  }
  return { problemen, tally };
}

async function toets(geval: Geval, tally: { geweigerd: number; geaccepteerd: number; ongewijzigd: number }, inThread: boolean): Promise<string[]> {
  const pad = join(ctx.dir, geval.naam);
  writeFileSync(pad, geval.bytes);
  const voor = await momentopname();
  let geweigerd: ImportAfgewezen | null = null;
  try {
    await importeer(importDeps(ctx), [{ bestand: geval.naam, sha256: 'x', pad, inThread }], { door: 'fuzz' });
  } catch (error) {
    if (!(error instanceof ImportAfgewezen)) return [`${geval.naam}: geen Nederlandse weigering maar ${(error as Error).message}`];
    geweigerd = error;
  }
  const na = await momentopname();
  const problemen: string[] = [];
  if (geweigerd) {
    tally.geweigerd++;
    const s = geweigerd.samenvatting;
    const meldingen = s.weigering ? [s.weigering] : s.fouten.map((f) => `${f.bestand}: ${f.melding}`);
    if (meldingen.length === 0) problemen.push(`${geval.naam}: geweigerd zonder melding`);
    for (const m of meldingen) {
      if (!m.startsWith(`${geval.naam}: `)) problemen.push(`${geval.naam}: de melding noemt het bestand niet: ${m}`);
      if (Engels.test(m)) problemen.push(`${geval.naam}: geen Nederlandse melding: ${m}`);
    }
    if (isDeepStrictEqual(na, voor)) tally.ongewijzigd++;
    else problemen.push(`${geval.naam}: geweigerd, maar de database is veranderd`);
    return problemen;
  }
  tally.geaccepteerd++;
  const { rijen } = leesReferentie(geval.referentie ?? geval.bytes);
  const verwacht = new Map(voor.rijen.map((x) => [x.registratie_id as string, { ...x }]));
  for (const rij of rijen) {
    const oud = verwacht.get(rij.registratie_id as string);
    const nieuw: Record<string, unknown> = oud ? { ...oud } : Object.fromEntries(COLUMN_NAMES.map((c) => [c, null]));
    for (const [k, v] of Object.entries(rij)) nieuw[k] = v;
    // a name without a code: the code of that name (the file carries the code then too)
    if ('gemeente' in rij && (rij.gemeente_code ?? null) === null)
      nieuw.gemeente_code = rij.gemeente === null ? null : ctx.regio.codeVoorNaam(rij.gemeente as string);
    verwacht.set(rij.registratie_id as string, nieuw);
  }
  if (na.rijen.length !== verwacht.size) problemen.push(`${geval.naam}: ${na.rijen.length} registraties opgeslagen, verwacht ${verwacht.size}`);
  for (const opgeslagen of na.rijen) {
    const id = String(opgeslagen.registratie_id);
    const v = verwacht.get(id);
    if (!v) {
      problemen.push(`${geval.naam}: onverwachte registratie ${id}`);
      continue;
    }
    for (const c of COLUMN_NAMES) {
      if (!isDeepStrictEqual(opgeslagen[c] ?? null, v[c] ?? null))
        problemen.push(`${geval.naam}: ${id}.${c} is ${JSON.stringify(opgeslagen[c])}, verwacht ${JSON.stringify(v[c])}`);
    }
    const r = Object.fromEntries(COLUMN_NAMES.map((c) => [c, opgeslagen[c] ?? null])) as unknown as Registratie;
    if (opgeslagen.rij_hash !== rijHash(r)) problemen.push(`${geval.naam}: ${id}: rij_hash hoort niet bij de samengevoegde registratie`);
  }
  for (const v of await verschilMetVolledigeTelling(ctx.db, ctx.regio, ctx.kalender)) problemen.push(`${geval.naam}: telling ${v}`);
  return problemen.slice(0, 20);
}

// the corpus runs while the file is collected, so that its tally can be the test's name
const { problemen, tally } = await draaiCorpus();

describe('fuzz corpus of mutated exports', () => {
  it(
    `${tally.bestanden} bestanden: geweigerd ${tally.geweigerd} (database ongewijzigd ${tally.ongewijzigd}), ` +
      `geaccepteerd ${tally.geaccepteerd} (elk gelijk aan de samenvoeging)`,
    () => {
      if (!TEST_POSTGRES) expect(tally.bestanden).toBeGreaterThanOrEqual(150);
      expect(problemen).toEqual([]);
      expect(tally.ongewijzigd).toBe(tally.geweigerd);
      expect(tally.geweigerd).toBeGreaterThan(TEST_POSTGRES ? 10 : 30);
      expect(tally.geaccepteerd).toBeGreaterThan(TEST_POSTGRES ? 3 : 10);
    },
  );
});
