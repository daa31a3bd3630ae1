/**
 * Worker thread: reads an export file and prepares its lines (validation, derivation, hash)
 * while the importing thread writes the previous blocks. Blocks go out as JSON text: cheaper
 * to pass between threads than structured clones of ~60-value rows (measured: half the cost).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createWerkdagkalender } from '../calendar/werkdagen.js';
import { buildRegio } from '../config/regio.js';
import { AppFout } from '../shared/fouten.js';
import type { WorkerBericht, WorkerOpdracht } from './blokken.js';
import { bestandSoort, readTable } from './readers.js';
import { Voorbereider, type Voorbereid } from './voorbereiding.js';

const opdracht = workerData as WorkerOpdracht;
const poort = parentPort!;
const stuur = (bericht: WorkerBericht) => poort.postMessage(JSON.stringify(bericht));

// at most this many blocks wait for the writer: memory stays flat when the writes are slower
let onderweg = 0;
let verder: (() => void) | null = null;
poort.on('message', () => {
  onderweg--;
  verder?.();
  verder = null;
});

async function bereidVoor(): Promise<void> {
  const soort = await bestandSoort(opdracht.pad, opdracht.bestand);
  const voorbereider = new Voorbereider({
    bestand: opdracht.bestand, regio: buildRegio(opdracht.regio), kalender: createWerkdagkalender(opdracht.extraFeestdagen),
    vandaag: opdracht.vandaag, mapping: opdracht.mapping,
    // XLSX leaves trailing empty cells out of a row; a CSV line has exactly the header's fields
    veldtelling: soort === 'xlsx' ? 'hoogstens' : 'exact',
  });
  let bytes = 0;
  let blok: Voorbereid[] = [];
  const verstuur = async () => {
    while (onderweg >= opdracht.maxOnderweg) await new Promise<void>((resolve) => (verder = resolve));
    onderweg++;
    stuur({ soort: 'blok', bytes, items: blok });
    blok = [];
  };
  for await (const row of readTable(opdracht.pad, (gelezen) => (bytes = gelezen), opdracht.bestand, soort)) {
    blok.push(voorbereider.bereidVoor(row));
    if (blok.length >= opdracht.blokgrootte) await verstuur();
  }
  if (blok.length > 0) await verstuur();
  stuur({ soort: 'klaar' });
}

bereidVoor().catch((error: unknown) => {
  // whatever a reader throws in English (a library's message, a string too long for V8) reaches
  // the user as one Dutch line naming the file; the original stays in the context for the log
  const fout = error instanceof AppFout
    ? { melding: error.melding, context: error.context }
    : { melding: `${opdracht.bestand}: het bestand kan niet worden gelezen en is niet geïmporteerd`, context: { bestand: opdracht.bestand, regel: 0, oorzaak: (error as Error).message } };
  stuur({ soort: 'fout', appFout: true, ...fout });
});
