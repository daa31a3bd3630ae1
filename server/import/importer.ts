import type { Knex } from 'knex';
import type { Werkdagkalender } from '../calendar/werkdagen.js';
import { BUITEN_REGIO, type Regio } from '../config/regio.js';
import { isPostgres, type Db } from '../db/connection.js';
import { voegImportbatchToe, werkImportbatchBij, type NieuweImportbatch } from '../importbatches/repository.js';
import { GeraakteKwartalen } from '../registraties/geraakt.js';
import { schrijfMeta } from '../db/metagegevens.js';
import { gemeenteSleutel, leidRegistratieAf, raakvlak } from '../registraties/derive.js';
import { bouwTellingenOpnieuw, zorgVoorTellingen } from '../registraties/tellingen-opbouw.js';
import { hashVanRij, idVanRij, opgeslagenRij, registratieVanRij, zetImportbatch, type OpgeslagenRij } from '../registraties/opgeslagen-rij.js';
import { schrijfRegistraties, zoekBestaande, zoekHashes, zoekVerschillen, type BestaandeRegistratie } from '../registraties/repository.js';
import { tellingenSluitenAan, werkTellingenBij } from '../registraties/tellingen-repository.js';
import { Tellingdelta } from '../registraties/tellingen.js';
import { kwartaalVan } from '../calendar/kwartaal.js';
import { AppFout } from '../shared/fouten.js';
import { blokkenVanBestand, blokkenVanBestandHier, blokkenVanRijen } from './blokken.js';
import { COLUMN_NAMES, type Registratie } from '../registraties/schema.js';
import { LEEG, registratieVanVelden, rijHash, veldenVanTekst, veldGrenzen, veldVanTekst } from './hash.js';
import { neemImportslot } from '../db/importslot.js';
import { Plausibiliteit, type Waarschuwing } from './plausibiliteit.js';
import { controleerSamengevoegd, volgordeAfwijkingen, volgordeAfwijkingenVanTekst } from './validate-row.js';
import { voegSamen } from './samenvoegen.js';
import type { Mapping } from './mapping.js';
import type { ByteProgress, TableRow } from './readers.js';
import type { RijFout } from './validate-row.js';
import type { RawCell } from './values.js';
import type { Voorbereid, VoorbereidingContext } from './voorbereiding.js';

interface BronBasis {
  /** the name errors and batches refer to (the file name) */
  bestand: string;
  sha256: string;
  /** receives each rejected line (with --accepteer-geldige) */
  afgewezen?: AfgewezenSchrijver;
}

/** Rows in memory (demo data, tests): prepared in the importing thread. */
export type RijenBron = BronBasis & { rows: AsyncIterable<TableRow> };
/** A CSV or XLSX file: read and prepared in a worker thread while the importing thread writes. */
export type BestandBron = BronBasis & {
  pad: string;
  onBytes?: ByteProgress;
  /** prepare in this thread instead of a worker (tests that import hundreds of small files) */
  inThread?: boolean;
};
export type ImportBron = RijenBron | BestandBron;

export interface AfgewezenSchrijver {
  header(values: RawCell[]): void;
  rij(values: RawCell[], redenen: string[]): void;
  sluit(): Promise<void>;
}

export interface ImportDeps {
  db: Db;
  regio: Regio;
  kalender: Werkdagkalender;
  /** ISO date of the ingest day (injectable clock) */
  vandaag: () => string;
  /** refreshes the stored indicators for the touched quarters, inside the import's transaction */
  herbereken?: (trx: Knex.Transaction, geraakt: GeraakteKwartalen) => Promise<void>;
}

export interface ImportOpties {
  accepteerGeldige?: boolean;
  mapping?: Mapping;
  door: string;
  /** called once per processed data row */
  onRij?: () => void;
  /** another import holds the database: `wacht` (default) waits its turn, `weiger` refuses in Dutch */
  bijBezet?: 'wacht' | 'weiger';
  /** told (in Dutch) that this import waits for another one */
  onWacht?: (melding: string) => void;
}

export interface ImportSamenvatting {
  bestanden: string[];
  rijen: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  afgewezen: number;
  fouten: RijFout[];
  /** plausibility warnings: the file loads, but someone should look */
  waarschuwingen: Waarschuwing[];
  /** a file refused as a whole (cannot be read, no export header…): the one Dutch line, naming the file */
  weigering?: string;
  /** true when the rows were written (nothing is written when a file is rejected) */
  geladen: boolean;
}

/** At most this many errors are kept in memory and reported; all are counted. */
export const MAX_GEMELDE_FOUTEN = 10_000;
const CHUNK = 1000;

export class ImportAfgewezen extends Error {
  constructor(readonly samenvatting: ImportSamenvatting) {
    super(samenvatting.weigering ?? `Import afgewezen: ${samenvatting.afgewezen} ongeldige rij(en); er is niets geladen`);
  }
}

/** A file refused as a whole; carried out of the transaction so that it rolls back. */
class BestandGeweigerd extends Error {
  constructor(readonly fout: RijFout) {
    super(fout.melding);
  }
}

/** The Dutch line of a refused file: `naam: regel 1: melding` (the line where it applies). */
export function weigeringTekst(f: RijFout): string {
  const plaats = f.regel > 0 && !f.melding.startsWith(`regel ${f.regel}`) ? `regel ${f.regel}: ` : '';
  return `${f.bestand}: ${plaats}${f.melding}`;
}

interface BronTelling {
  rijen: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  afgewezen: number;
}

/** One import run: what every step reads, and the summary and touched quarters they add to. */
interface Lopend {
  deps: ImportDeps;
  opties: ImportOpties;
  /** ISO date of the ingest day, read once */
  vandaag: string;
  gestartOp: string;
  totaal: ImportSamenvatting;
  /** the counts of each file read so far, in the order of the sources */
  perBron: BronTelling[];
  geraakt: GeraakteKwartalen;
}

/** One file within the run's transaction. */
interface LopendBestand {
  trx: Knex.Transaction;
  bron: ImportBron;
  batchId: number;
  telling: BronTelling;
  plausibiliteit: Plausibiliteit;
  /** the counts this file adds and takes away (written to `tellingen` at the end of the file) */
  delta: Tellingdelta;
  /** the columns the file carries (from its header) */
  aanwezig: Set<string>;
  kopGelezen: boolean;
}

/**
 * Imports registration exports: validates every row, upserts by registratie_id, refreshes the
 * indicators of the touched quarters — all in one transaction. A file with an invalid row
 * loads nothing unless `accepteerGeldige` is set.
 *
 * The steps, in order: per file read and prepare (`leesBestand`), merge with the stored rows and
 * validate (`verwerk`), write (`schrijfRegistraties`), counts and batch (`sluitBestandAf`); then
 * finish the run (`rondAf`), or record the refused attempt (`legAfwijzingVast`).
 */
export async function importeer(deps: ImportDeps, bronnen: ImportBron[], opties: ImportOpties): Promise<ImportSamenvatting> {
  const run: Lopend = {
    deps,
    opties,
    totaal: legeSamenvatting(bronnen.map((b) => b.bestand)),
    vandaag: deps.vandaag(),
    gestartOp: new Date().toISOString(),
    perBron: [],
    geraakt: new GeraakteKwartalen(),
  };
  try {
    await deps.db.transaction(async (trx) => {
      await neemImportslot(trx, opties.bijBezet ?? 'wacht', opties.onWacht);
      // counts kept with another calendar or region are rebuilt first; every quarter is then recomputed
      if (await zorgVoorTellingen(trx, deps.regio, deps.kalender)) run.geraakt.markeerAlles();
      for (const bron of bronnen) await importeerBestand(run, trx, bron);
      await rondAf(run, trx, bronnen);
    });
    run.totaal.geladen = true;
    // PostgreSQL plans the count queries from table statistics, and its index-only scans need the
    // visibility map; after a large import both are stale until autovacuum comes by (measured at
    // 1M rows: VACUUM takes 1.3 s, and a full rebuild then drops from 4.9 s to 2.5 s)
    if (isPostgres(deps.db) && run.totaal.nieuw + run.totaal.gewijzigd >= 10_000) await deps.db.raw('VACUUM (ANALYZE) registraties, tellingen');
    return run.totaal;
  } catch (fout) {
    throw await legAfwijzingVast(run, bronnen, fout);
  }
}

/** Keeps an error for the summary (at most MAX_GEMELDE_FOUTEN are kept; all are counted elsewhere). */
function meldFout(run: Lopend, f: RijFout): void {
  if (run.totaal.fouten.length < MAX_GEMELDE_FOUTEN) run.totaal.fouten.push(f);
}

/** Refuses the file as a whole: its errors are kept and the transaction rolls back. */
function weiger(run: Lopend, f: RijFout, fouten: RijFout[] = [f]): never {
  for (const x of fouten) meldFout(run, x);
  throw new BestandGeweigerd(f);
}

/** A rejected line: counted, its errors kept, its cells written to the afgewezen file. */
function wijsAf(run: Lopend, b: LopendBestand, cellen: RawCell[], fouten: RijFout[], redenen: string[]): void {
  b.telling.afgewezen++;
  run.totaal.afgewezen++;
  for (const f of fouten) meldFout(run, f);
  b.bron.afgewezen?.rij(cellen, redenen);
}

/**
 * The kept counts do not match the rows (a group below zero, or a sum other than the number of
 * registrations): a fault, not a state to keep. They are rebuilt from every stored registration,
 * every quarter is recomputed, and the import says so.
 */
async function herbouwTellingen(run: Lopend, trx: Knex.Transaction, bestand: string): Promise<void> {
  await bouwTellingenOpnieuw(trx, run.deps.regio, run.deps.kalender);
  run.geraakt.markeerAlles();
  run.totaal.waarschuwingen.push({
    bestand,
    soort: 'tellingen_herbouwd',
    melding:
      'de bijgehouden tellingen sloten niet aan op de opgeslagen registraties; ze zijn opnieuw opgebouwd ' +
      'uit alle registraties en alle kwartalen zijn herberekend (meld dit aan de ontwikkelaars)',
  });
}

/** One file: its batch row, its lines read and written, its refusals as a whole, its counts. */
async function importeerBestand(run: Lopend, trx: Knex.Transaction, bron: ImportBron): Promise<void> {
  const telling: BronTelling = { rijen: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezen: 0 };
  run.perBron.push(telling);
  const plausibiliteit = new Plausibiliteit(bron.bestand, run.deps.regio);
  const delta = new Tellingdelta();
  const batchId = await voegImportbatchToe(trx, {
    soort: 'registraties',
    bestand: bron.bestand,
    sha256: bron.sha256,
    door: run.opties.door,
    gestart_op: run.gestartOp,
    beeindigd_op: null,
    status: 'geladen',
    rijen: 0,
    nieuw: 0,
    gewijzigd: 0,
    ongewijzigd: 0,
    afgewezen: 0,
    fouten_voorbeeld: null,
  });
  const b: LopendBestand = { trx, bron, batchId, telling, plausibiliteit, delta, aanwezig: new Set<string>(COLUMN_NAMES), kopGelezen: false };
  await leesBestand(run, b);
  await bron.afgewezen?.sluit();
  if (!b.kopGelezen) weiger(run, { bestand: bron.bestand, regel: 1, kolom: '', waarde: '', melding: 'het bestand is leeg: geen kopregel gevonden' });
  if (telling.rijen === 0) {
    weiger(run, { bestand: bron.bestand, regel: 2, kolom: '', waarde: '', melding: 'het bestand bevat alleen een kopregel en geen enkele registratie' });
  }
  await sluitBestandAf(run, b);
}

/** The prepared blocks of a source: rows in memory here, a file in a worker (or here, for tests). */
function blokkenVan(run: Lopend, bron: ImportBron): AsyncGenerator<Voorbereid[]> {
  const ctx: VoorbereidingContext = {
    bestand: bron.bestand,
    regio: run.deps.regio,
    kalender: run.deps.kalender,
    vandaag: run.vandaag,
    mapping: run.opties.mapping,
    metCellen: bron.afgewezen !== undefined,
  };
  if (!('pad' in bron)) return blokkenVanRijen(bron.rows, ctx);
  return bron.inThread ? blokkenVanBestandHier(bron.pad, ctx, bron.onBytes) : blokkenVanBestand(bron.pad, ctx, bron.onBytes);
}

/**
 * Reads and prepares the file's lines and hands the valid ones to `verwerk` in chunks of CHUNK.
 * A file that cannot be read as an export is refused as a whole, naming the line.
 */
async function leesBestand(run: Lopend, b: LopendBestand): Promise<void> {
  const { bron, telling } = b;
  let pending: TeSchrijven[] = [];
  const pendingIds = new Set<string>();
  const flush = async () => {
    if (pending.length === 0) return;
    await verwerk(run, b, pending);
    pending = [];
    pendingIds.clear();
  };
  try {
    for await (const blok of blokkenVan(run, bron)) {
      for (const item of blok) {
        if (item.soort === 'kop') {
          leesKop(run, b, item);
          continue;
        }
        telling.rijen++;
        run.opties.onRij?.();
        if (item.soort === 'afgewezen') {
          wijsAf(run, b, item.cellen, item.fouten, item.redenen);
          continue;
        }
        // a repeated id within one file: the later line wins, so write the earlier one first
        const id = idVan(item);
        if (pendingIds.has(id)) await flush();
        pending.push(item);
        pendingIds.add(id);
        if (pending.length >= CHUNK) await flush();
      }
    }
  } catch (error) {
    if (error instanceof BestandGeweigerd) throw error;
    if (error instanceof AppFout && error.code === 'ongeldige_invoer') {
      const regel = Number((error.context as { regel?: number } | undefined)?.regel ?? 0);
      const melding = error.melding.startsWith(`${bron.bestand}: `) ? error.melding.slice(bron.bestand.length + 2) : error.melding;
      weiger(run, { bestand: bron.bestand, regel, kolom: '', waarde: '', melding });
    }
    throw error;
  }
  await flush();
}

/** The header: refused as a whole when it is not one of an export; else its columns are noted. */
function leesKop(run: Lopend, b: LopendBestand, kop: Extract<Voorbereid, { soort: 'kop' }>): void {
  b.kopGelezen = true;
  if (kop.structureel) weiger(run, { bestand: b.bron.bestand, regel: kop.regel, kolom: '', waarde: '', melding: kop.structureel }, kop.fouten);
  b.aanwezig = new Set(kop.aanwezig);
  b.bron.afgewezen?.header(kop.cellen);
  for (const f of kop.fouten) meldFout(run, f);
}

/** The end of one file: its count changes written (or the counts rebuilt), its warnings, its batch row, the totals. */
async function sluitBestandAf(run: Lopend, b: LopendBestand): Promise<void> {
  const { trx, bron, telling } = b;
  const { totaal } = run;
  if (!(await werkTellingenBij(trx, b.delta))) await herbouwTellingen(run, trx, bron.bestand);
  const waarschuwingen = await b.plausibiliteit.waarschuwingen(trx);
  totaal.waarschuwingen.push(...waarschuwingen);
  await werkImportbatchBij(trx, b.batchId, {
    ...telling,
    beeindigd_op: new Date().toISOString(),
    fouten_voorbeeld: foutenVoorbeeld(totaal.fouten, bron.bestand),
    waarschuwingen: waarschuwingen.length > 0 ? JSON.stringify(waarschuwingen.slice(0, 50)) : null,
  });
  totaal.rijen += telling.rijen;
  totaal.nieuw += telling.nieuw;
  totaal.gewijzigd += telling.gewijzigd;
  totaal.ongewijzigd += telling.ongewijzigd;
}

/** The end of the run, still in its transaction: refuse or check the counts, recompute, mark the data version. */
async function rondAf(run: Lopend, trx: Knex.Transaction, bronnen: ImportBron[]): Promise<void> {
  const { totaal, deps, geraakt } = run;
  if (totaal.afgewezen > 0 && !run.opties.accepteerGeldige) throw new ImportAfgewezen(totaal);
  if (!(await tellingenSluitenAan(trx))) await herbouwTellingen(run, trx, bronnen.at(-1)?.bestand ?? '');
  if (deps.herbereken && !geraakt.isLeeg) await deps.herbereken(trx, geraakt);
  // every successful import changes what pages show (at least the data date)
  await schrijfMeta(trx, 'data_versie', new Date().toISOString());
}

/**
 * A refused import loaded nothing; the attempt itself is recorded, one batch per file. Returns the
 * error to throw: an ImportAfgewezen for a refusal, any other error unchanged (and unrecorded).
 */
async function legAfwijzingVast(run: Lopend, bronnen: ImportBron[], fout: unknown): Promise<unknown> {
  const { totaal } = run;
  let error = fout;
  if (error instanceof BestandGeweigerd) {
    totaal.weigering = weigeringTekst(error.fout);
    error = new ImportAfgewezen(totaal);
  }
  if (!(error instanceof ImportAfgewezen)) return error;
  for (const [i, bron] of bronnen.entries()) {
    const t = run.perBron[i] ?? { rijen: 0, afgewezen: 0 };
    await voegImportbatchToe(run.deps.db, {
      soort: 'registraties',
      bestand: bron.bestand,
      sha256: bron.sha256,
      door: run.opties.door,
      gestart_op: run.gestartOp,
      beeindigd_op: new Date().toISOString(),
      status: 'afgewezen',
      rijen: t.rijen,
      nieuw: 0,
      gewijzigd: 0,
      ongewijzigd: 0,
      afgewezen: t.afgewezen,
      fouten_voorbeeld: foutenVoorbeeld(totaal.fouten, bron.bestand),
      waarschuwingen: null,
    });
  }
  totaal.nieuw = 0;
  totaal.gewijzigd = 0;
  totaal.ongewijzigd = 0;
  return error;
}

/** The summary of an import before any row is read: every importer (registraties, financiën, CBS) starts from it. */
export function legeSamenvatting(bestanden: string[]): ImportSamenvatting {
  return { bestanden, rijen: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezen: 0, fouten: [], waarschuwingen: [], geladen: false };
}

/**
 * The import batch of a file read whole before it is stored (financiën, formatie, CBS): the counts of
 * its summary so far, begun and ended now. A loaded batch gets its final counts within the transaction.
 */
export function batchVanBestand(
  s: ImportSamenvatting,
  bron: { bestand: string; sha256: string },
  soort: string,
  door: string,
  status: 'geladen' | 'afgewezen',
): NieuweImportbatch {
  const nu = new Date().toISOString();
  return {
    soort,
    bestand: bron.bestand,
    sha256: bron.sha256,
    door,
    gestart_op: nu,
    beeindigd_op: nu,
    status,
    rijen: s.rijen,
    nieuw: s.nieuw,
    gewijzigd: s.gewijzigd,
    ongewijzigd: s.ongewijzigd,
    afgewezen: s.afgewezen,
    fouten_voorbeeld: foutenVoorbeeld(s.fouten, bron.bestand),
  };
}

/** The first 20 errors of one file, as stored with its import batch. */
export function foutenVoorbeeld(fouten: RijFout[], bestand: string): string | null {
  const eigen = fouten.filter((f) => f.bestand === bestand).slice(0, 20);
  return eigen.length > 0 ? JSON.stringify(eigen) : null;
}

type TeSchrijven = Extract<Voorbereid, { soort: 'rij' | 'deel' }>;

/** What is stored for the ids of a chunk: whether a line is stored unchanged, and the full version where it is needed. */
interface Opgeslagen {
  /** line `i` of the chunk (registration `id` with `hash`) is stored as it is */
  ongewijzigd(i: number, id: string, hash: string): boolean;
  bestaand: Map<string, BestaandeRegistratie>;
}

/**
 * Looks up the stored versions of a chunk, merges lines of a narrow file with them (and checks
 * the rules between columns on the merge), and writes what changed. The counts and touched
 * quarters come from the registration as it will be stored, and for a replaced one also from
 * its stored version (derived again: nothing derived is stored).
 *
 * A line of a full file stays the text the worker made of it until it turns out to differ from
 * what is stored: an unchanged line costs one split (for the plausibility warnings) and no object.
 */
async function verwerk(run: Lopend, b: LopendBestand, items: TeSchrijven[]): Promise<void> {
  const { trx, telling, delta } = b;
  const { regio, kalender } = run.deps;
  const { geraakt } = run;
  const opgeslagen = await zoekOpgeslagen(trx, items);
  const { bestaand } = opgeslagen;
  // once a row is rejected (default mode) nothing will be kept: the writes are skipped
  // (the merged rows are still checked, so that every error is reported)
  const schrijven = run.opties.accepteerGeldige === true || run.totaal.afgewezen === 0;
  const nieuw: OpgeslagenRij[] = [];
  const gewijzigd: OpgeslagenRij[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    let r: Registratie;
    let rij: OpgeslagenRij;
    if (item.soort === 'rij') {
      // the warnings read their fields in place: an unchanged line is never split into 27 strings
      const t = item.tekst;
      const g = veldGrenzen(t);
      const binnenkomst = veldVanTekst(t, g, BINNENKOMST)!;
      meldPlausibiliteit(
        run,
        b,
        item,
        item.id,
        veldVanTekst(t, g, GEMEENTE_CODE),
        veldVanTekst(t, g, GEMEENTE),
        binnenkomst,
        volgordeAfwijkingenVanTekst(t, g, LEEG),
      );
      if (opgeslagen.ongewijzigd(i, item.id, item.hash)) {
        telling.ongewijzigd++;
        continue;
      }
      r = registratieVanVelden(veldenVanTekst(t));
      rij = opgeslagenRij(r, item.hash);
    } else {
      const samen = voegSamenMetOpgeslagen(run, b, item, bestaand);
      if (samen === null) continue;
      r = samen.r;
      meldPlausibiliteit(run, b, item, r.registratie_id, r.gemeente_code, r.gemeente, r.datum_binnenkomst, volgordeAfwijkingen(r));
      if (opgeslagen.ongewijzigd(i, r.registratie_id, samen.hash)) {
        telling.ongewijzigd++;
        continue;
      }
      rij = samen.rij;
    }
    const oud = bestaand.get(r.registratie_id);
    const afgeleid = leidRegistratieAf(r, regio, kalender);
    if (oud) {
      telling.gewijzigd++;
      const oudAfgeleid = leidRegistratieAf(oud, regio, kalender);
      geraakt.add(raakvlak(oudAfgeleid));
      if (schrijven) delta.tel(oud, oudAfgeleid, -1);
    } else telling.nieuw++;
    geraakt.add(raakvlak(afgeleid));
    if (schrijven) delta.tel(r, afgeleid, 1);
    zetImportbatch(rij, b.batchId);
    (oud ? gewijzigd : nieuw).push(rij);
  }
  if (schrijven) await schrijfRegistraties(trx, { nieuw, gewijzigd });
}

/** Where meldPlausibiliteit's fields are in a `rijHashTekst` (the order of COLUMN_NAMES). */
const BINNENKOMST = COLUMN_NAMES.indexOf('datum_binnenkomst');
const GEMEENTE_CODE = COLUMN_NAMES.indexOf('gemeente_code');
const GEMEENTE = COLUMN_NAMES.indexOf('gemeente');

/**
 * What is stored for a chunk. Lines of a full file: the database compares their hashes with the
 * stored ones and names only the lines that differ; a stored version is read in full only for
 * those. Lines of a narrow file: the stored hashes, and every stored version (to merge with).
 */
async function zoekOpgeslagen(trx: Knex.Transaction, items: TeSchrijven[]): Promise<Opgeslagen> {
  if (items.every((item) => item.soort === 'rij')) {
    const rijen = items as Extract<TeSchrijven, { soort: 'rij' }>[];
    const verschillen = await zoekVerschillen(trx, rijen);
    const teLezen = [...verschillen].filter(([, opgeslagen]) => opgeslagen).map(([i]) => rijen[i]!.id);
    const bestaand = teLezen.length > 0 ? await zoekBestaande(trx, teLezen) : new Map<string, BestaandeRegistratie>();
    return { ongewijzigd: (i) => !verschillen.has(i), bestaand };
  }
  const hashes = await zoekHashes(trx, items.map(idVan));
  const volledig = items.filter((item) => {
    const h = hashes.get(idVan(item));
    return h !== undefined && (item.soort === 'deel' || h !== item.hash);
  });
  const bestaand = volledig.length > 0 ? await zoekBestaande(trx, volledig.map(idVan)) : new Map<string, BestaandeRegistratie>();
  return { ongewijzigd: (_i, id, hash) => hashes.get(id) === hash, bestaand };
}

/**
 * A line of a narrow file as it will be stored: for a stored id merged with the stored version
 * and checked again; null when the line is rejected (counted and reported).
 */
function voegSamenMetOpgeslagen(
  run: Lopend,
  b: LopendBestand,
  item: Extract<TeSchrijven, { soort: 'deel' }>,
  bestaand: Map<string, BestaandeRegistratie>,
): { r: Registratie; hash: string; rij: OpgeslagenRij } | null {
  const oud = bestaand.get(idVanRij(item.rij));
  if (oud) {
    // a narrow line of a stored id: merged with the stored version here
    const r = voegSamen(oud, item.rij, b.aanwezig);
    const fouten = controleerSamengevoegd(r, { bestand: b.bron.bestand, regel: item.regel, regio: run.deps.regio, vandaag: run.vandaag });
    if (fouten.length > 0) {
      const metHerkomst = fouten.map((f) => ({ ...f, melding: `${f.melding} (na samenvoegen met de opgeslagen registratie)` }));
      wijsAf(run, b, item.cellen, metHerkomst, metHerkomst.map(reden));
      return null;
    }
    const hash = rijHash(r);
    return { r, hash, rij: opgeslagenRij(r, hash) };
  }
  if (item.fouten) {
    // a narrow line of a new id: the worker merged it with nothing and checked that already
    wijsAf(run, b, item.cellen, item.fouten, item.fouten.map(reden));
    return null;
  }
  return { r: registratieVanRij(item.rij), hash: hashVanRij(item.rij), rij: item.rij };
}

/** The registratie_id of a prepared line. */
const idVan = (item: TeSchrijven): string => (item.soort === 'rij' ? item.id : idVanRij(item.rij));

/** The reason of a rejected line as the afgewezen file writes it. */
function reden(f: RijFout): string {
  return `${f.kolom}: ${f.melding}`;
}

/** The plausibility warnings of one row that will be stored (or is stored unchanged). */
function meldPlausibiliteit(
  run: Lopend,
  b: LopendBestand,
  item: TeSchrijven,
  id: string,
  gemeenteCode: string | null,
  gemeente: string | null,
  datumBinnenkomst: string,
  afwijkingen: ReturnType<typeof volgordeAfwijkingen>,
): void {
  const { regio } = run.deps;
  const p = b.plausibiliteit;
  p.rij(id, gemeenteCode, gemeenteSleutel(gemeenteCode, regio), kwartaalVan(datumBinnenkomst), item.regel);
  if (item.idOrigineel !== undefined) p.idGenormaliseerd(item.regel, item.idOrigineel, id);
  if (afwijkingen) p.datumVolgorde(item.regel, afwijkingen);
  if (gemeenteCode !== null && gemeente !== null) {
    // the code wins; a name of another gemeente is named (a former name of the same one is not)
    const codeVanNaam = regio.codeVoorNaam(gemeente);
    if (
      codeVanNaam !== null &&
      codeVanNaam !== gemeenteCode &&
      (regio.sleutelVoorCode(codeVanNaam) !== regio.sleutelVoorCode(gemeenteCode) || regio.sleutelVoorCode(codeVanNaam) === BUITEN_REGIO)
    ) {
      p.gemeenteTegenstrijdig(item.regel, gemeenteCode, gemeente, codeVanNaam);
    }
  }
}
