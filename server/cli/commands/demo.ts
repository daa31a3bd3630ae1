import { basename } from 'node:path';
import { isIsoDate } from '../../calendar/dates.js';
import { maakContext, type AppContext } from '../../context.js';
import { importDeps } from '../../import/service.js';
import { demoBron, schrijfDemoCsv } from '../../demo/export.js';
import { genereerDemo } from '../../demo/generator.js';
import { financienBron, genereerFinancien, schrijfFinancienCsv, telInstroom } from '../../demo/financien.js';
import { importeerFinancieel } from '../../financien/importer.js';

import { importeer, type ImportSamenvatting } from '../../import/importer.js';
import { sha256VanBestand } from '../../import/readers.js';
import { ongeldigeInvoer } from '../../shared/fouten.js';
import { maakVoortgang } from '../voortgang.js';
import { samenvattingJson, samenvattingTekst } from './importeer.js';

export interface DemoCliOpties {
  tot?: string;
  seed: string;
  schaal: string;
  uit?: string;
  alleenBestand?: boolean;
  json?: boolean;
}

export function leesDemoOpties(opties: DemoCliOpties, vandaag: string) {
  const tot = opties.tot ?? vandaag;
  if (!isIsoDate(tot)) throw ongeldigeInvoer(`--tot moet een datum zijn als 2024-12-31 (gekregen: ${tot})`);
  if (tot > vandaag) throw ongeldigeInvoer(`--tot (${tot}) ligt in de toekomst`);
  if (tot < '2019-01-01') throw ongeldigeInvoer('--tot ligt vóór 2019-01-01, de eerste dag van de demodata');
  const seed = Number(opties.seed);
  const schaal = Number(opties.schaal);
  if (!Number.isInteger(seed)) throw ongeldigeInvoer(`--seed moet een geheel getal zijn (gekregen: ${opties.seed})`);
  if (!(schaal > 0 && schaal <= 1000)) throw ongeldigeInvoer(`--schaal moet een getal tussen 0 en 1000 zijn (gekregen: ${opties.schaal})`);
  return { tot, seed, schaal };
}

/** Generates the demo export and imports it (through a CSV file when `uit` is given). */
export async function laadDemo(ctx: AppContext, opties: DemoCliOpties): Promise<ImportSamenvatting | null> {
  const parsed = leesDemoOpties(opties, ctx.vandaag());
  // the registrations are generated once (file or import); their volumes drive the financial demo files
  const instroom = new Map<string, number>();
  const rijen = () => telInstroom(genereerDemo(ctx.regio, ctx.kalender, parsed), instroom);
  const financieel = () => genereerFinancien(instroom, parsed.tot, parsed.seed);
  const voortgang = maakVoortgang('demo', 0, 'rijen', 100_000);
  if (opties.uit) {
    const n = await schrijfDemoCsv(rijen(), opties.uit, (v) => voortgang.update(v));
    process.stderr.write(`Demo-export geschreven: ${opties.uit} (${new Intl.NumberFormat('nl-NL').format(n)} rijen)\n`);
    const basis = opties.uit.replace(/\.csv$/i, '');
    for (const soort of ['financien', 'formatie'] as const) schrijfFinancienCsv(financieel(), `${basis}-${soort}.csv`, soort);
    process.stderr.write(`Demo-financiën geschreven: ${basis}-financien.csv en ${basis}-formatie.csv\n`);
    if (opties.alleenBestand) return null;
  }
  let verwerkt = 0;
  const bron = opties.uit
    ? { bestand: basename(opties.uit), sha256: await sha256VanBestand(opties.uit), pad: opties.uit }
    : demoBron(rijen(), `demo seed=${parsed.seed} tot=${parsed.tot} schaal=${parsed.schaal}`);
  const samenvatting = await importeer(importDeps(ctx), [bron], { door: 'demo', onRij: () => voortgang.update(++verwerkt) });
  voortgang.stop();
  const demo = financieel();
  for (const soort of ['financien', 'formatie'] as const) await importeerFinancieel(ctx.db, soort, financienBron(demo, soort), { door: 'demo' });
  return samenvatting;
}

export async function demoCommand(opties: DemoCliOpties): Promise<void> {
  const ctx = await maakContext();
  try {
    const samenvatting = await laadDemo(ctx, opties);
    if (samenvatting) process.stdout.write(opties.json ? `${samenvattingJson(samenvatting)}\n` : samenvattingTekst(samenvatting));
  } finally {
    await ctx.db.destroy();
  }
}
