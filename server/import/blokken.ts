import { Worker } from 'node:worker_threads';
import type { RegioBestand } from '../config/regio.js';
import { ongeldigeInvoer } from '../shared/fouten.js';
import type { Mapping } from './mapping.js';
import { AppFout } from '../shared/fouten.js';
import { bestandSoort, leesTabelBlokken, type ByteProgress, type TableRow } from './readers.js';
import { Voorbereider, type Voorbereid, type VoorbereidingContext } from './voorbereiding.js';
import { idVanTekst } from './hash.js';

const BLOKGROOTTE = 1000;
const MAX_ONDERWEG = 8;
/**
 * Heap of the preparation worker: a file that would need more (a hostile XLSX whose sizes lie in
 * its zip directory) stops the worker, not the server; the import is refused in Dutch.
 */
export const WORKER_HEAP_MB = 256;
/** Longest the importing thread waits for the next block of the worker. */
const STILSTAND_MS = 120_000;

/** Prepares rows given in memory (demo data, tests), in this thread. */
export async function* blokkenVanRijen(rows: AsyncIterable<TableRow>, ctx: VoorbereidingContext): AsyncGenerator<Voorbereid[]> {
  const voorbereider = new Voorbereider(ctx);
  let blok: Voorbereid[] = [];
  for await (const row of rows) {
    blok.push(voorbereider.bereidVoor(row));
    if (blok.length >= BLOKGROOTTE) {
      yield blok;
      blok = [];
    }
  }
  if (blok.length > 0) yield blok;
}

/**
 * Reads and prepares a file, a block of lines at a time (a CSV: the lines each 64 KiB read
 * finishes; an XLSX: 1000 rows): its type from its content, the field-count rule of that type,
 * every reader error as one Dutch line naming the file. The worker runs this; tests that import
 * hundreds of small files may run it in their own thread (`inThread`).
 */
export async function* voorbereidBestand(pad: string, ctx: VoorbereidingContext, onBytes?: ByteProgress): AsyncGenerator<Voorbereid[]> {
  try {
    const soort = await bestandSoort(pad, ctx.bestand);
    // XLSX leaves trailing empty cells out of a row; a CSV line has exactly the header's fields
    const voorbereider = new Voorbereider({ ...ctx, veldtelling: soort === 'xlsx' ? 'hoogstens' : 'exact' });
    for await (const regels of leesTabelBlokken(pad, onBytes, ctx.bestand, soort)) yield regels.map((row) => voorbereider.bereidVoor(row));
  } catch (error) {
    if (error instanceof AppFout) throw error;
    // whatever a reader throws in English (a library's message, a string too long for V8) reaches
    // the user as one Dutch line naming the file; the original stays in the context for the log
    throw ongeldigeInvoer(`${ctx.bestand}: het bestand kan niet worden gelezen en is niet geïmporteerd`, {
      bestand: ctx.bestand,
      regel: 0,
      oorzaak: (error as Error).message,
    });
  }
}

/** `voorbereidBestand` in blocks of BLOKGROOTTE, in this thread. */
export async function* blokkenVanBestandHier(pad: string, ctx: VoorbereidingContext, onBytes?: ByteProgress): AsyncGenerator<Voorbereid[]> {
  let blok: Voorbereid[] = [];
  for await (const deel of voorbereidBestand(pad, ctx, onBytes)) {
    for (const item of deel) {
      blok.push(item);
      if (blok.length >= BLOKGROOTTE) {
        yield blok;
        blok = [];
      }
    }
  }
  if (blok.length > 0) yield blok;
}

export interface WorkerOpdracht {
  pad: string;
  bestand: string;
  regio: RegioBestand;
  extraFeestdagen: readonly string[];
  vandaag: string;
  mapping?: Mapping;
  metCellen?: boolean;
  blokgrootte: number;
  maxOnderweg: number;
}

export type WorkerBericht =
  | { soort: 'blok'; bytes: number; items: Voorbereid[] }
  | { soort: 'rijen'; bytes: number; rijen: GepakteRijen }
  | { soort: 'klaar' }
  | { soort: 'fout'; appFout: boolean; melding: string; context?: Record<string, unknown> };

/**
 * A block of valid lines of a full file, packed for the way to the importing thread: every line's
 * `rijHashTekst` in one string (separated by U+001E, which no validated value holds), the hashes
 * (40 hex digits each) in one string, the line numbers in one array. Three values to copy instead
 * of an object per line: a structured clone of 1.000 small objects cost more than the JSON it
 * replaced, and JSON escapes every U+001F of the text.
 */
export interface GepakteRijen {
  teksten: string;
  hashes: string;
  regels: Int32Array;
  /** [position in the block, registratie_id as the file wrote it], for ids normalisation changed */
  origineel: [number, string][];
}

const RS = '\u001e';

/** Packs a block of which every item is a valid line of a full file; null when one is not. */
export function pakRijen(items: readonly Voorbereid[]): GepakteRijen | null {
  const teksten: string[] = [];
  let hashes = '';
  const regels = new Int32Array(items.length);
  const origineel: [number, string][] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.soort !== 'rij' || item.hash.length !== 40 || item.tekst.includes(RS)) return null;
    teksten.push(item.tekst);
    hashes += item.hash;
    regels[i] = item.regel;
    if (item.idOrigineel !== undefined) origineel.push([i, item.idOrigineel]);
  }
  return { teksten: teksten.join(RS), hashes, regels, origineel };
}

/** The items `pakRijen` packed, as they were. */
export function pakUit(p: GepakteRijen): Voorbereid[] {
  const teksten = p.teksten.split(RS);
  const items: Voorbereid[] = new Array(teksten.length);
  for (let i = 0; i < teksten.length; i++) {
    const tekst = teksten[i]!;
    items[i] = { soort: 'rij', regel: p.regels[i]!, id: idVanTekst(tekst), tekst, hash: p.hashes.slice(40 * i, 40 * i + 40) };
  }
  for (const [i, id] of p.origineel) (items[i] as Extract<Voorbereid, { soort: 'rij' }>).idOrigineel = id;
  return items;
}

/**
 * Prepares a file in a worker thread: reading, parsing, validating, deriving and hashing run in
 * parallel with the writes of the importing thread. Blocks arrive in file order.
 */
export async function* blokkenVanBestand(pad: string, ctx: VoorbereidingContext, onBytes?: ByteProgress): AsyncGenerator<Voorbereid[]> {
  const { naam, organisatie, toelichting, gemeenten, voormaligeGemeenten, overige_zorgmelding_vanaf } = ctx.regio;
  const opdracht: WorkerOpdracht = {
    pad,
    bestand: ctx.bestand,
    regio: { naam, organisatie, toelichting, overige_zorgmelding_vanaf, gemeenten, voormaligeGemeenten },
    extraFeestdagen: ctx.kalender.extraFeestdagen,
    vandaag: ctx.vandaag,
    mapping: ctx.mapping,
    metCellen: ctx.metCellen,
    blokgrootte: BLOKGROOTTE,
    maxOnderweg: MAX_ONDERWEG,
  };
  const worker = new Worker(new URL('./voorbereiding-worker.mjs', import.meta.url), {
    workerData: opdracht,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const wachtrij: WorkerBericht[] = [];
  let wacht: (() => void) | null = null;
  let gestopt: Error | null = null;
  const wek = () => {
    wacht?.();
    wacht = null;
  };
  worker.on('message', (bericht: string | WorkerBericht) => {
    wachtrij.push(typeof bericht === 'string' ? (JSON.parse(bericht) as WorkerBericht) : bericht);
    wek();
  });
  worker.on('error', (error: Error & { code?: string }) => {
    gestopt =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? ongeldigeInvoer(
            `${ctx.bestand}: het bestand vraagt bij het lezen meer dan ${WORKER_HEAP_MB} MB geheugen en is niet geïmporteerd; lever de export als CSV`,
            { bestand: ctx.bestand, regel: 0 },
          )
        : error;
    wek();
  });
  worker.on('exit', (code) => {
    gestopt ??= new Error(`de voorbereiding van ${ctx.bestand} stopte onverwacht (code ${code})`);
    wek();
  });
  try {
    for (;;) {
      const bericht = wachtrij.shift();
      if (!bericht) {
        if (gestopt) throw gestopt;
        // a reader that never finishes (a damaged file a library waits on forever) is stopped
        let timer: NodeJS.Timeout | undefined;
        const stil = await Promise.race([
          new Promise<false>((resolve) => (wacht = () => resolve(false))),
          new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), STILSTAND_MS))),
        ]);
        clearTimeout(timer);
        if (stil) {
          throw ongeldigeInvoer(
            `${ctx.bestand}: het lezen van het bestand stond ${STILSTAND_MS / 1000} seconden stil; het bestand is beschadigd en niet geïmporteerd`,
            { bestand: ctx.bestand, regel: 0 },
          );
        }
        continue;
      }
      if (bericht.soort === 'klaar') return;
      if (bericht.soort === 'fout') throw bericht.appFout ? ongeldigeInvoer(bericht.melding, bericht.context) : new Error(bericht.melding);
      onBytes?.(bericht.bytes);
      yield bericht.soort === 'rijen' ? pakUit(bericht.rijen) : bericht.items;
      worker.postMessage('verder');
    }
  } finally {
    await worker.terminate();
  }
}
