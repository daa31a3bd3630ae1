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
import { schrijfRegistraties, zoekBestaande, zoekHashes, type BestaandeRegistratie } from '../registraties/repository.js';
import { tellingenSluitenAan, werkTellingenBij } from '../registraties/tellingen-repository.js';
import { Tellingdelta } from '../registraties/tellingen.js';
import { kwartaalVan } from '../calendar/kwartaal.js';
import { AppFout } from '../shared/fouten.js';
import { blokkenVanBestand, blokkenVanBestandHier, blokkenVanRijen } from './blokken.js';
import { COLUMN_NAMES, type Registratie } from '../registraties/schema.js';
import { rijHash } from './hash.js';
import { neemImportslot } from '../db/importslot.js';
import { Plausibiliteit, type Waarschuwing } from './plausibiliteit.js';
import { controleerSamengevoegd, volgordeAfwijkingen } from './validate-row.js';
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

/**
 * Imports registration exports: validates every row, upserts by registratie_id, refreshes the
 * indicators of the touched quarters — all in one transaction. A file with an invalid row
 * loads nothing unless `accepteerGeldige` is set.
 */
export async function importeer(deps: ImportDeps, bronnen: ImportBron[], opties: ImportOpties): Promise<ImportSamenvatting> {
  const totaal = legeSamenvatting(bronnen.map((b) => b.bestand));
  const vandaag = deps.vandaag();
  const gestartOp = new Date().toISOString();
  const perBron: BronTelling[] = [];
  const geraakt = new GeraakteKwartalen();

  const addFout = (f: RijFout) => {
    if (totaal.fouten.length < MAX_GEMELDE_FOUTEN) totaal.fouten.push(f);
  };

  try {
    await deps.db.transaction(async (trx) => {
      /**
       * The kept counts do not match the rows (a group below zero, or a sum other than the number of
       * registrations): a fault, not a state to keep. They are rebuilt from every stored registration,
       * every quarter is recomputed, and the import says so.
       */
      const herbouwTellingen = async (bestand: string) => {
        await bouwTellingenOpnieuw(trx, deps.regio, deps.kalender);
        geraakt.markeerAlles();
        totaal.waarschuwingen.push({
          bestand,
          soort: 'tellingen_herbouwd',
          melding:
            'de bijgehouden tellingen sloten niet aan op de opgeslagen registraties; ze zijn opnieuw opgebouwd uit alle registraties en alle kwartalen zijn herberekend (meld dit aan de ontwikkelaars)',
        });
      };
      await neemImportslot(trx, opties.bijBezet ?? 'wacht', opties.onWacht);
      // counts kept with another calendar or region are rebuilt first; every quarter is then recomputed
      if (await zorgVoorTellingen(trx, deps.regio, deps.kalender)) geraakt.markeerAlles();
      for (const bron of bronnen) {
        const telling: BronTelling = { rijen: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezen: 0 };
        perBron.push(telling);
        const plausibiliteit = new Plausibiliteit(bron.bestand, deps.regio);
        const delta = new Tellingdelta();
        const batchId = await voegImportbatchToe(trx, {
          soort: 'registraties',
          bestand: bron.bestand,
          sha256: bron.sha256,
          door: opties.door,
          gestart_op: gestartOp,
          beeindigd_op: null,
          status: 'geladen',
          rijen: 0,
          nieuw: 0,
          gewijzigd: 0,
          ongewijzigd: 0,
          afgewezen: 0,
          fouten_voorbeeld: null,
        });
        let pending: TeSchrijven[] = [];
        const pendingIds = new Set<string>();
        let aanwezig = new Set<string>(COLUMN_NAMES);
        const weiger = (f: RijFout, fouten: RijFout[] = [f]) => {
          for (const x of fouten) addFout(x);
          throw new BestandGeweigerd(f);
        };
        const flush = async () => {
          if (pending.length === 0) return;
          // once a row is rejected (default mode) nothing will be kept: the writes are skipped
          // (the merged rows are still checked, so that every error is reported)
          const verwerking: Verwerking = {
            trx,
            batchId,
            telling,
            geraakt,
            delta,
            aanwezig,
            plausibiliteit,
            deps,
            vandaag,
            bestand: bron.bestand,
            schrijven: () => opties.accepteerGeldige === true || totaal.afgewezen === 0,
            afwijzen: (item, fouten) => {
              telling.afgewezen++;
              totaal.afgewezen++;
              for (const f of fouten) addFout(f);
              bron.afgewezen?.rij(
                item.cellen,
                fouten.map((f) => `${f.kolom}: ${f.melding}`),
              );
            },
          };
          await verwerk(verwerking, pending);
          pending = [];
          pendingIds.clear();
        };

        let kopGelezen = false;
        const ctx: VoorbereidingContext = {
          bestand: bron.bestand,
          regio: deps.regio,
          kalender: deps.kalender,
          vandaag,
          mapping: opties.mapping,
          metCellen: bron.afgewezen !== undefined,
        };
        const blokken = !('pad' in bron)
          ? blokkenVanRijen(bron.rows, ctx)
          : bron.inThread
            ? blokkenVanBestandHier(bron.pad, ctx, bron.onBytes)
            : blokkenVanBestand(bron.pad, ctx, bron.onBytes);
        try {
          for await (const blok of blokken) {
            for (const item of blok) {
              if (item.soort === 'kop') {
                kopGelezen = true;
                if (item.structureel) weiger({ bestand: bron.bestand, regel: item.regel, kolom: '', waarde: '', melding: item.structureel }, item.fouten);
                aanwezig = new Set(item.aanwezig);
                bron.afgewezen?.header(item.cellen);
                for (const f of item.fouten) addFout(f);
                continue;
              }
              telling.rijen++;
              opties.onRij?.();
              if (item.soort === 'afgewezen') {
                telling.afgewezen++;
                totaal.afgewezen++;
                for (const f of item.fouten) addFout(f);
                bron.afgewezen?.rij(item.cellen, item.redenen);
                continue;
              }
              // a repeated id within one file: the later line wins, so write the earlier one first
              const id = idVanRij(item.rij);
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
            weiger({ bestand: bron.bestand, regel, kolom: '', waarde: '', melding });
          }
          throw error;
        }
        await flush();
        await bron.afgewezen?.sluit();
        if (!kopGelezen) weiger({ bestand: bron.bestand, regel: 1, kolom: '', waarde: '', melding: 'het bestand is leeg: geen kopregel gevonden' });
        if (telling.rijen === 0) {
          weiger({ bestand: bron.bestand, regel: 2, kolom: '', waarde: '', melding: 'het bestand bevat alleen een kopregel en geen enkele registratie' });
        }
        if (!(await werkTellingenBij(trx, delta))) await herbouwTellingen(bron.bestand);
        const waarschuwingen = await plausibiliteit.waarschuwingen(trx);
        totaal.waarschuwingen.push(...waarschuwingen);
        await werkImportbatchBij(trx, batchId, {
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
      if (totaal.afgewezen > 0 && !opties.accepteerGeldige) throw new ImportAfgewezen(totaal);
      if (!(await tellingenSluitenAan(trx))) await herbouwTellingen(bronnen.at(-1)?.bestand ?? '');
      if (deps.herbereken && !geraakt.isLeeg) await deps.herbereken(trx, geraakt);
      // every successful import changes what pages show (at least the data date)
      await schrijfMeta(trx, 'data_versie', new Date().toISOString());
    });
    totaal.geladen = true;
    // PostgreSQL plans the count queries from table statistics, and its index-only scans need the
    // visibility map; after a large import both are stale until autovacuum comes by (measured at
    // 1M rows: VACUUM takes 1.3 s, and a full rebuild then drops from 4.9 s to 2.5 s)
    if (isPostgres(deps.db) && totaal.nieuw + totaal.gewijzigd >= 10_000) await deps.db.raw('VACUUM (ANALYZE) registraties, tellingen');
    return totaal;
  } catch (fout) {
    let error = fout;
    if (error instanceof BestandGeweigerd) {
      totaal.weigering = weigeringTekst(error.fout);
      error = new ImportAfgewezen(totaal);
    }
    if (!(error instanceof ImportAfgewezen)) throw error;
    // nothing was loaded; the attempt itself is recorded
    for (const [i, bron] of bronnen.entries()) {
      const t = perBron[i] ?? { rijen: 0, afgewezen: 0 };
      await voegImportbatchToe(deps.db, {
        soort: 'registraties',
        bestand: bron.bestand,
        sha256: bron.sha256,
        door: opties.door,
        gestart_op: gestartOp,
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
    throw error;
  }
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

/** where the plausibility check finds its two columns in a stored row (no object per unchanged row) */

interface Verwerking {
  trx: Knex.Transaction;
  batchId: number;
  telling: BronTelling;
  geraakt: GeraakteKwartalen;
  /** the counts this file adds and takes away (written to `tellingen` at the end of the file) */
  delta: Tellingdelta;
  /** the columns the file carries */
  aanwezig: Set<string>;
  plausibiliteit: Plausibiliteit;
  deps: ImportDeps;
  vandaag: string;
  bestand: string;
  schrijven: () => boolean;
  afwijzen: (item: Extract<Voorbereid, { soort: 'deel' }>, fouten: RijFout[]) => void;
}

/**
 * Looks up the stored versions of a chunk, merges lines of a narrow file with them (and checks
 * the rules between columns on the merge), and writes what changed. The counts and touched
 * quarters come from the registration as it will be stored, and for a replaced one also from
 * its stored version (derived again: nothing derived is stored).
 */
async function verwerk(v: Verwerking, items: TeSchrijven[]): Promise<void> {
  const { trx, telling, geraakt, delta } = v;
  const { regio, kalender } = v.deps;
  // the stored hashes first: an unchanged full line needs nothing more. A stored version is read in
  // full only where it is needed: a narrow line to merge with it, or a full line whose hash differs
  const hashes = await zoekHashes(
    trx,
    items.map((item) => idVanRij(item.rij)),
  );
  const volledig = items.filter((item) => {
    const h = hashes.get(idVanRij(item.rij));
    return h !== undefined && (item.soort === 'deel' || h !== hashVanRij(item.rij));
  });
  const bestaand =
    volledig.length > 0
      ? await zoekBestaande(
          trx,
          volledig.map((item) => idVanRij(item.rij)),
        )
      : new Map<string, BestaandeRegistratie>();
  const schrijven = v.schrijven();
  const nieuw: OpgeslagenRij[] = [];
  const gewijzigd: OpgeslagenRij[] = [];
  for (const item of items) {
    let rij: OpgeslagenRij;
    let r: Registratie | null = null;
    if (item.soort === 'deel' && bestaand.has(idVanRij(item.rij))) {
      // a narrow line of a stored id: merged with the stored version here
      const oud = bestaand.get(idVanRij(item.rij))!;
      r = voegSamen(oud, item.rij, v.aanwezig);
      const fouten = controleerSamengevoegd(r, { bestand: v.bestand, regel: item.regel, regio, vandaag: v.vandaag });
      if (fouten.length > 0) {
        v.afwijzen(
          item,
          fouten.map((f) => ({ ...f, melding: `${f.melding} (na samenvoegen met de opgeslagen registratie)` })),
        );
        continue;
      }
      rij = opgeslagenRij(r, rijHash(r));
    } else if (item.soort === 'deel' && item.fouten) {
      // a narrow line of a new id: the worker merged it with nothing and checked that already
      v.afwijzen(item, item.fouten);
      continue;
    } else rij = item.rij;
    r ??= registratieVanRij(rij);
    const id = r.registratie_id;
    v.plausibiliteit.rij(id, r.gemeente_code, gemeenteSleutel(r.gemeente_code, regio), kwartaalVan(r.datum_binnenkomst), item.regel);
    if (item.idOrigineel !== undefined) v.plausibiliteit.idGenormaliseerd(item.regel, item.idOrigineel, id);
    const afwijkingen = volgordeAfwijkingen(r);
    if (afwijkingen) v.plausibiliteit.datumVolgorde(item.regel, afwijkingen);
    if (r.gemeente_code !== null && r.gemeente !== null) {
      // the code wins; a name of another gemeente is named (a former name of the same one is not)
      const codeVanNaam = regio.codeVoorNaam(r.gemeente);
      if (
        codeVanNaam !== null &&
        codeVanNaam !== r.gemeente_code &&
        (regio.sleutelVoorCode(codeVanNaam) !== regio.sleutelVoorCode(r.gemeente_code) || regio.sleutelVoorCode(codeVanNaam) === BUITEN_REGIO)
      ) {
        v.plausibiliteit.gemeenteTegenstrijdig(item.regel, r.gemeente_code, r.gemeente, codeVanNaam);
      }
    }
    if (hashes.get(id) === hashVanRij(rij)) {
      telling.ongewijzigd++;
      continue;
    }
    const oud = bestaand.get(id);
    const afgeleid = leidRegistratieAf(r, regio, kalender);
    if (oud) {
      telling.gewijzigd++;
      const oudAfgeleid = leidRegistratieAf(oud, regio, kalender);
      geraakt.add(raakvlak(oudAfgeleid));
      if (schrijven) delta.tel(oud, oudAfgeleid, -1);
    } else telling.nieuw++;
    geraakt.add(raakvlak(afgeleid));
    if (schrijven) delta.tel(r, afgeleid, 1);
    zetImportbatch(rij, v.batchId);
    (oud ? gewijzigd : nieuw).push(rij);
  }
  if (schrijven) await schrijfRegistraties(trx, { nieuw, gewijzigd });
}
