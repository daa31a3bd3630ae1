import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { maakContext, type AppContext } from '../../context.js';
import { importDeps } from '../../import/service.js';
import { kalenderWaarschuwingenVoorData } from '../../indicatoren/kalenderdekking.js';
import { ImportAfgewezen, importeer, type ImportBron, type ImportSamenvatting } from '../../import/importer.js';
import { laadMapping } from '../../import/mapping.js';
import { importeerFinancieel, type Soort } from '../../financien/importer.js';
import { leesTabel, sha256VanBestand } from '../../import/readers.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';
import { importeerCbs } from '../../spiegel/service.js';
import { afgewezenBestand } from '../afgewezen-bestand.js';
import { maakVoortgang } from '../voortgang.js';
import { werkMetContext } from '../met-context.js';

export interface ImporteerOpties {
  soort?: string;
  mapping?: string;
  accepteerGeldige?: boolean;
  json?: boolean;
}

const nl = new Intl.NumberFormat('nl-NL');

export function cliGebruiker(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export function samenvattingJson(s: ImportSamenvatting): string {
  const { bestanden, rijen, nieuw, gewijzigd, ongewijzigd, afgewezen, fouten, waarschuwingen, weigering } = s;
  return JSON.stringify({ bestanden, rijen, nieuw, gewijzigd, ongewijzigd, afgewezen, ...(weigering ? { weigering } : {}), fouten, waarschuwingen }, null, 2);
}

export function samenvattingTekst(s: ImportSamenvatting): string {
  const regels = [
    s.geladen ? 'Import geslaagd.' : 'Import afgewezen: er is niets geladen.',
    ...(s.weigering ? [`  ${s.weigering}`] : []),
    `  rijen:        ${nl.format(s.rijen)}`,
    `  nieuw:        ${nl.format(s.nieuw)}`,
    `  gewijzigd:    ${nl.format(s.gewijzigd)}`,
    `  ongewijzigd:  ${nl.format(s.ongewijzigd)}`,
    `  afgewezen:    ${nl.format(s.afgewezen)}`,
  ];
  if (s.waarschuwingen.length > 0) {
    regels.push('', 'Waarschuwingen (het bestand is wel geladen; kijk of dit klopt):');
    for (const w of s.waarschuwingen) regels.push(`  ${w.bestand}: ${w.melding}`);
  }
  if (s.fouten.length > 0 && !(s.weigering && s.fouten.length === 1)) {
    regels.push('', 'Fouten (bestand:regel, kolom, waarde — melding):');
    for (const f of s.fouten.slice(0, 50)) regels.push(`  ${f.bestand}:${f.regel}  ${f.kolom || '-'}  "${f.waarde}" — ${f.melding}`);
    if (s.fouten.length > 50) regels.push(`  … en nog ${nl.format(s.fouten.length - 50)} fout(en); gebruik --json voor de volledige lijst`);
  }
  return `${regels.join('\n')}\n`;
}

export async function importeerCommand(bestanden: string[], opties: ImporteerOpties): Promise<void> {
  for (const pad of bestanden) {
    if (!existsSync(pad) || !statSync(pad).isFile()) throw ongeldigeInvoer(`Bestand niet gevonden: ${pad}`);
  }
  const soort = opties.soort ?? 'registraties';
  if (soort === 'financien' || soort === 'formatie') {
    await importeerFinancieelCommand(soort, bestanden, opties);
    return;
  }
  if (soort === 'cbs') {
    await importeerCbsCommand(bestanden, opties);
    return;
  }
  if (soort !== 'registraties') throw ongeldigeInvoer(`--soort moet registraties, financien, formatie of cbs zijn (gekregen: ${soort})`);
  const mapping = opties.mapping ? laadMapping(opties.mapping) : undefined;
  const ctx = await maakContext();
  try {
    const totaalBytes = bestanden.reduce((sum, pad) => sum + statSync(pad).size, 0);
    // a terminal gets a bar over the bytes read; a pipe gets a line per 20.000 rows
    const balk = process.stderr.isTTY ? maakVoortgang('importeer', Math.ceil(totaalBytes / 1024), 'kB') : null;
    const regels = process.stderr.isTTY ? null : maakVoortgang('importeer', 0, 'rijen');
    let klaarBytes = 0;
    let rijen = 0;
    const schrijvers = new Map<string, ReturnType<typeof afgewezenBestand>>();
    const bronnen: ImportBron[] = [];
    for (const pad of bestanden) {
      const basis = klaarBytes;
      const schrijver = opties.accepteerGeldige ? afgewezenBestand(pad) : undefined;
      if (schrijver) schrijvers.set(pad, schrijver);
      bronnen.push({
        bestand: basename(pad),
        sha256: await sha256VanBestand(pad),
        pad,
        onBytes: balk ? (bytes) => balk.update(Math.floor((basis + bytes) / 1024)) : undefined,
        afgewezen: schrijver,
      });
      klaarBytes += statSync(pad).size;
    }
    const gestart = Date.now();
    let samenvatting: ImportSamenvatting;
    try {
      samenvatting = await importeer(importDeps(ctx), bronnen, {
        accepteerGeldige: opties.accepteerGeldige,
        mapping,
        door: cliGebruiker(),
        onRij: () => regels?.update(++rijen),
        onWacht: (melding) => process.stderr.write(`${melding}\n`),
      });
    } catch (error) {
      balk?.stop();
      if (!(error instanceof ImportAfgewezen)) throw error;
      process.stdout.write(opties.json ? `${samenvattingJson(error.samenvatting)}\n` : samenvattingTekst(error.samenvatting));
      process.exitCode = 1;
      return;
    }
    balk?.stop();
    ctx.logger.info({ ...samenvatting, fouten: samenvatting.fouten.length, ms: Date.now() - gestart }, 'import');
    process.stdout.write(opties.json ? `${samenvattingJson(samenvatting)}\n` : samenvattingTekst(samenvatting));
    // with --json the warnings go to stderr, so that stdout stays one JSON document
    for (const w of await kalenderWaarschuwingenVoorData(ctx.db, ctx.kalender)) (opties.json ? process.stderr : process.stdout).write(`${w}\n`);
    for (const s of schrijvers.values()) {
      if (s.aantal() > 0 && !opties.json) process.stdout.write(`Afgewezen rijen met reden: ${s.pad}\n`);
    }
  } finally {
    await ctx.db.destroy();
  }
}

/**
 * The imports that take each file on its own, all or nothing per file (financien, formatie, cbs):
 * a refused file prints its summary and sets exit code 1, the next file still runs.
 */
async function perBestand<S extends Parameters<typeof samenvattingTekst>[0]>(
  soort: string,
  bestanden: string[],
  opties: ImporteerOpties,
  importeerEen: (ctx: AppContext, pad: string) => Promise<S>,
  json: (s: S) => string = samenvattingJson,
  extra: (s: S) => string = () => '',
): Promise<void> {
  if (opties.mapping || opties.accepteerGeldige) throw ongeldigeInvoer(`--mapping en --accepteer-geldige gelden alleen voor registraties, niet voor ${soort}`);
  await werkMetContext(async (ctx) => {
    for (const pad of bestanden) {
      try {
        const s = await importeerEen(ctx, pad);
        ctx.logger.info({ soort, bestand: pad, rijen: s.rijen, nieuw: s.nieuw, gewijzigd: s.gewijzigd }, 'import');
        process.stdout.write(opties.json ? `${json(s)}\n` : samenvattingTekst(s) + extra(s));
      } catch (error) {
        if (!(error instanceof ImportAfgewezen)) throw error;
        process.stdout.write(opties.json ? `${samenvattingJson(error.samenvatting)}\n` : samenvattingTekst(error.samenvatting));
        process.exitCode = 1;
      }
    }
  });
}

/** `importeer --soort financien|formatie`: a file replaces its quarters or months. */
function importeerFinancieelCommand(soort: Soort, bestanden: string[], opties: ImporteerOpties): Promise<void> {
  return perBestand(soort, bestanden, opties, async (ctx, pad) =>
    importeerFinancieel(ctx.db, soort, { bestand: basename(pad), sha256: await sha256VanBestand(pad), rows: leesTabel(pad) }, { door: cliGebruiker() }),
  );
}

/** `importeer --soort cbs`: a file adds or replaces CBS figures. */
function importeerCbsCommand(bestanden: string[], opties: ImporteerOpties): Promise<void> {
  return perBestand(
    'cbs',
    bestanden,
    opties,
    async (ctx, pad) =>
      importeerCbs(
        ctx.db,
        ctx.regio,
        { bestand: basename(pad), sha256: await sha256VanBestand(pad), tekst: readFileSync(pad, 'utf8') },
        { door: cliGebruiker() },
      ),
    (s) => JSON.stringify({ ...JSON.parse(samenvattingJson(s)), niet_in_spiegel: s.niet_in_spiegel }, null, 2),
    (s) =>
      s.niet_in_spiegel > 0 ? `  ${s.niet_in_spiegel} cijfer(s) opgeslagen die de spiegel niet toont (maat buiten de catalogus, zie docs/spiegel.md)\n` : '',
  );
}
