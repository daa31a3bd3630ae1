/**
 * Worker thread: reads an export file and prepares its lines (validation, hash) while the
 * importing thread writes the previous blocks. A block of valid lines of a full file goes packed
 * (`pakRijen`: three strings and an array); any other block (narrow lines, rejected lines, the
 * header) as JSON text: cheaper to pass between threads than structured clones of arrays of 29
 * values (measured: half the cost).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { maakWerkdagkalender } from '../calendar/werkdagen.js';
import { bouwRegio } from '../config/regio.js';
import { AppFout } from '../shared/fouten.js';
import { pakRijen, voorbereidBestand, type WorkerBericht, type WorkerOpdracht } from './blokken.js';
import type { Voorbereid } from './voorbereiding.js';

const opdracht = workerData as WorkerOpdracht;
const poort = parentPort!;
const stuur = (bericht: WorkerBericht) => poort.postMessage(JSON.stringify(bericht));
/** A block of full valid lines goes packed (`pakRijen`), any other block as JSON. */
const stuurBlok = (bytes: number, items: Voorbereid[]) => {
  const rijen = pakRijen(items);
  if (rijen) poort.postMessage({ soort: 'rijen', bytes, rijen } satisfies WorkerBericht);
  else stuur({ soort: 'blok', bytes, items });
};

// at most this many blocks wait for the writer: memory stays flat when the writes are slower
let onderweg = 0;
let verder: (() => void) | null = null;
poort.on('message', () => {
  onderweg--;
  verder?.();
  verder = null;
});

async function bereidVoor(): Promise<void> {
  const ctx = {
    bestand: opdracht.bestand,
    regio: bouwRegio(opdracht.regio),
    kalender: maakWerkdagkalender(opdracht.extraFeestdagen),
    vandaag: opdracht.vandaag,
    mapping: opdracht.mapping,
    metCellen: opdracht.metCellen,
  };
  let bytes = 0;
  let blok: Voorbereid[] = [];
  const verstuur = async () => {
    while (onderweg >= opdracht.maxOnderweg) await new Promise<void>((resolve) => (verder = resolve));
    onderweg++;
    stuurBlok(bytes, blok);
    blok = [];
  };
  for await (const deel of voorbereidBestand(opdracht.pad, ctx, (gelezen) => (bytes = gelezen))) {
    for (const item of deel) {
      blok.push(item);
      if (blok.length >= opdracht.blokgrootte) await verstuur();
    }
  }
  if (blok.length > 0) await verstuur();
  stuur({ soort: 'klaar' });
}

bereidVoor().catch((error: unknown) => {
  const fout =
    error instanceof AppFout
      ? { melding: error.melding, context: error.context }
      : {
          melding: `${opdracht.bestand}: het bestand kan niet worden gelezen en is niet geïmporteerd`,
          context: { bestand: opdracht.bestand, regel: 0, oorzaak: (error as Error).message },
        };
  stuur({ soort: 'fout', appFout: true, ...fout });
});
