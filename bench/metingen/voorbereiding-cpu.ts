/**
 * CPU per row of the import's preparation, stage by stage, in one thread and streaming (rows are
 * not collected first). Not part of `npm run bench`: a tool to compare two versions of the code.
 *
 *   node --import tsx bench/metingen/voorbereiding-cpu.ts <stap> <bestand> [<projectmap>]
 *
 * stap: `lees` (read, decode, parse), `leesblok` (the same per block of lines: leesTabelBlokken),
 * `valideer` (+ the line's cells in the order of COLUMNS and controleerCellen, as the Voorbereider
 * does), `record` (as `valideer`, but through a record keyed by column name and controleerRij),
 * `hash` (`valideer` + rijHashTekst and its SHA-1, as the Voorbereider does), `alles`
 * (Voorbereider.bereidVoor per line). `keten` is `alles` in the shape of the worker (blokken.ts:
 * voorbereidBestand, gathered into blocks of 1000 and packed with pakRijen as the worker sends
 * them); `ketenblok` the same with the lines of leesTabelBlokken prepared in a plain loop.
 * <projectmap> is the root whose server/ is loaded (default: this project), so a copy
 * of an older version can be measured beside this one in the same run. Prints one JSON line:
 * rows, valid rows, wall and CPU milliseconds.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Stap = 'lees' | 'leesblok' | 'valideer' | 'record' | 'hash' | 'alles' | 'keten' | 'ketenblok';
const STAPPEN: readonly Stap[] = ['lees', 'leesblok', 'valideer', 'record', 'hash', 'alles', 'keten', 'ketenblok'];

async function main(): Promise<void> {
  const stap = process.argv[2] as Stap;
  const pad = process.argv[3];
  const root = resolve(process.argv[4] ?? new URL('../..', import.meta.url).pathname);
  if (!STAPPEN.includes(stap) || !pad) {
    throw new Error(`gebruik: voorbereiding-cpu.ts ${STAPPEN.join('|')} <bestand> [<projectmap>]`);
  }
  const laad = (rel: string) => import(pathToFileURL(resolve(root, 'server', rel)).href);
  const { leesTabel, leesTabelBlokken } = await laad('import/readers.ts');
  const { Voorbereider } = await laad('import/voorbereiding.ts');
  const { controleerRij, controleerCellen } = await laad('import/validate-row.ts');
  const { COLUMN_NAMES } = await laad('registraties/schema.ts');
  const { rijHashTekst, hashVanTekst } = await laad('import/hash.ts');
  const { voorbereidBestand, pakRijen } = await laad('import/blokken.ts');
  const { laadRegio } = await laad('config/regio.ts');
  const { maakWerkdagkalender } = await laad('calendar/werkdagen.ts');
  const regio = laadRegio(resolve(root, 'config/regio/gelderland-zuid.json'));
  const kalender = maakWerkdagkalender([]);
  const vandaag = '2026-12-01';
  const v = new Voorbereider({ bestand: 'x.csv', regio, kalender, vandaag, veldtelling: 'exact' });

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rijen = 0;
  let geldig = 0;
  let kop = true;
  let controle = 0;
  /** per column of the format, its place in the line (-1: absent) */
  let plaatsen: number[] = [];
  /** a block of 1000 prepared lines, packed as the worker sends it (voorbereiding-worker.ts) */
  let blok: { soort: string }[] = [];
  const verzamel = (item: { soort: string }) => {
    rijen++;
    if (item.soort === 'rij') geldig++;
    blok.push(item);
    if (blok.length >= 1000) {
      controle += pakRijen(blok)?.hashes.length ?? 0;
      blok = [];
    }
  };
  if (stap === 'keten') {
    // voorbereidBestand and the worker's loop, as in blokken.ts and voorbereiding-worker.ts
    const ctx = { bestand: 'x.csv', regio, kalender, vandaag };
    for await (const deel of voorbereidBestand(pad, ctx)) for (const item of deel) verzamel(item);
  } else if (stap === 'ketenblok') {
    for await (const regels of leesTabelBlokken(pad, undefined, 'x.csv', 'csv')) for (const row of regels) verzamel(v.bereidVoor(row));
  } else if (stap === 'leesblok') {
    for await (const blok of leesTabelBlokken(pad, undefined, 'x.csv', 'csv')) {
      for (const row of blok) {
        rijen++;
        controle += row.values.length;
      }
    }
  } else
    for await (const row of leesTabel(pad, undefined, 'x.csv', 'csv')) {
      rijen++;
      if (stap === 'lees') {
        controle += row.values.length;
        continue;
      }
      if (kop) {
        kop = false;
        const uit = v.bereidVoor(row);
        const namen: string[] = uit.soort === 'kop' ? uit.cellen : [];
        plaatsen = (COLUMN_NAMES as string[]).map((c) => namen.indexOf(c));
        continue;
      }
      if (stap === 'alles') {
        if (v.bereidVoor(row).soort === 'rij') geldig++;
        continue;
      }
      const rowCtx = { bestand: 'x.csv', regel: row.regel, regio, vandaag };
      let res;
      if (stap === 'record') {
        const record: Record<string, unknown> = {};
        for (let i = 0; i < plaatsen.length; i++) if (plaatsen[i]! >= 0) record[COLUMN_NAMES[i]!] = row.values[plaatsen[i]!] ?? null;
        res = controleerRij(record, rowCtx);
      } else {
        const cellen = new Array(plaatsen.length);
        for (let i = 0; i < plaatsen.length; i++) cellen[i] = plaatsen[i]! < 0 ? undefined : (row.values[plaatsen[i]!] ?? null);
        res = controleerCellen(cellen, rowCtx);
      }
      if (!res.ok) continue;
      geldig++;
      if (stap === 'hash') controle += hashVanTekst(rijHashTekst(res.registratie)).length;
    }
  const wand = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ stap, root, rijen, geldig, controle, wandMs: Math.round(wand), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
