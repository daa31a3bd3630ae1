/**
 * npm run bench:pdf — kwartaalrapportage and 15 factsheets against Chromium printing static HTML.
 * Usage: tsx bench/pdf.ts [--db pad.sqlite] [--kwartaal 2026-Q3] [--halfjaar 2026-H1] [--schaal 46]
 * Without --db it generates and imports the demo data at the given scale first (3,000,000
 * registrations at 46; takes minutes). A database given with --db is migrated in place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { maakContext } from '../server/context.js';
import { importDeps } from '../server/import/service.js';
import { demoBron } from '../server/demo/export.js';
import { genereerDemo } from '../server/demo/generator.js';
import { importeer } from '../server/import/importer.js';
import { telRegistraties } from '../server/registraties/repository.js';
import { meetPdf, profielTekst } from './metingen/pdf.js';
import { leesHalfjaar } from '../server/rapportage/periode.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const s = (ms: number) => `${nl.format(ms / 1000)} s`;

const tijdelijk = arg('--db') ? null : mkdtempSync(join(tmpdir(), 'vt-bench-pdf-'));
try {
  const ctx = await maakContext({ DATABASE_URL: arg('--db') ?? join(tijdelijk!, 'bench.sqlite'), LOG_LEVEL: 'silent', vandaag: () => '2026-11-22' });
  if ((await telRegistraties(ctx.db)) === 0) {
    const schaal = Number(arg('--schaal') ?? '46');
    console.log(`generating and importing demo data at scale ${schaal}…`);
    await importeer(importDeps(ctx), [demoBron(genereerDemo(ctx.regio, ctx.kalender, { tot: '2026-09-30', seed: 1, schaal }), 'demo')], { door: 'bench' });
  }
  const n = await telRegistraties(ctx.db);
  const m = await meetPdf(ctx, { kwartaal: arg('--kwartaal'), halfjaar: arg('--halfjaar') ? leesHalfjaar(arg('--halfjaar')) : undefined });
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}; ${nl.format(n)} registrations; kwartaal ${m.kwartaal}`);
  console.log(`browser start (once per batch): ${s(m.browserStartMs)}`);
  console.log(
    `kwartaalrapportage (${m.rapportPaginas} pages): median ${s(m.rapportMs)} (runs ${m.rapportRuns.map(s).join(', ')}) ` +
      `— target < 3 s; baseline static HTML of ${m.rapportPaginas} pages: ${s(m.baselineRapportMs)}`,
  );
  if (m.halfjaar)
    console.log(
      `halfjaarrapportage ${m.halfjaar.periode} (${m.halfjaar.paginas} pages): median ${s(m.halfjaar.ms)} (runs ${m.halfjaar.runs.map(s).join(', ')})`,
    );
  console.log(
    `${m.factsheets} factsheets in one batch: ${s(m.factsheetsMs)} — target < 15 s; baseline ${m.factsheets} × 2 static pages: ${s(m.baselineFactsheetsMs)}`,
  );
  console.log(`\nwhere the time goes, kwartaalrapportage (per run):\n${profielTekst(m.profielRapport, m.rapportMs)}`);
  console.log(`where the time goes, ${m.factsheets} factsheets (batch):\n${profielTekst(m.profielFactsheets, m.factsheetsMs)}`);
  console.log(
    `ratios: kwartaalrapportage ${nl.format(m.rapportMs / m.baselineRapportMs)}× (target ≤ 1,5×), ` +
      `factsheets ${nl.format(m.factsheetsMs / m.baselineFactsheetsMs)}× (target ≤ 1,2×)`,
  );
  await ctx.db.destroy();
} finally {
  if (tijdelijk) rmSync(tijdelijk, { recursive: true, force: true });
}
