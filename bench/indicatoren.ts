/**
 * npm run bench:indicatoren — the indicator engine at national scale on SQLite:
 * import of ~3,000,000 registrations, full rebuild, and incremental refresh after one extra month.
 * Usage: tsx bench/indicatoren.ts [--schaal 46] [--tot 2026-09-30]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { telDagenOp } from '../server/calendar/dates.js';
import { maakContext } from '../server/context.js';
import { importDeps } from '../server/import/service.js';
import { demoBron, schrijfDemoCsv } from '../server/demo/export.js';
import { genereerDemo } from '../server/demo/generator.js';
import { importeer } from '../server/import/importer.js';
import { herberekenIndicatoren } from '../server/indicatoren/herbereken.js';
import { telRegistraties } from '../server/registraties/repository.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const schaal = Number(arg('--schaal', '46'));
const tot = arg('--tot', '2026-09-30');
const dir = mkdtempSync(join(tmpdir(), 'vt-bench-'));
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const seconds = (ms: number) => `${nl.format(ms / 1000)} s`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

try {
  const ctx = await maakContext({ DATABASE_URL: join(dir, 'bench.sqlite'), LOG_LEVEL: 'silent', vandaag: () => '2026-11-22' });
  const csv = join(dir, 'export.csv');
  const [rijen, genMs] = await timed(() => schrijfDemoCsv(genereerDemo(ctx.regio, ctx.kalender, { tot, seed: 1, schaal }), csv));
  console.log(`generated ${nl.format(rijen)} rows (${nl.format(statSync(csv).size / 1e6)} MB) in ${seconds(genMs)}`);

  let refreshMs = 0;
  const deps = importDeps(ctx);
  const timedDeps = {
    ...deps,
    herbereken: async (...args: Parameters<NonNullable<typeof deps.herbereken>>) => {
      const s = performance.now();
      await deps.herbereken!(...args);
      refreshMs += performance.now() - s;
    },
  };
  const [, importMs] = await timed(() => importeer(timedDeps, [{ bestand: 'export.csv', sha256: '-', pad: csv }], { door: 'bench' }));
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `import: ${seconds(importMs)} (${nl.format(rijen / (importMs / 1000))} rows/s incl. validation, ` +
      `derivation and first computation ${seconds(refreshMs)}); peak RSS ${nl.format(rss)} MB`,
  );

  const rebuilds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [, ms] = await timed(() => ctx.db.transaction((trx) => herberekenIndicatoren(trx, ctx.regio, ctx.kalender, null)));
    rebuilds.push(ms);
  }
  rebuilds.sort((a, b) => a - b);
  console.log(
    `full rebuild at ${nl.format(await telRegistraties(ctx.db))} registrations: median ${seconds(rebuilds[1]!)} (runs: ${rebuilds.map(seconds).join(', ')})`,
  );

  refreshMs = 0;
  const van = telDagenOp(tot, 1);
  const maandTot = telDagenOp(van, 30);
  const maand = demoBron(genereerDemo(ctx.regio, ctx.kalender, { van, tot: maandTot, seed: 2, schaal }), 'maand');
  const [maandResultaat, maandMs] = await timed(() => importeer(timedDeps, [maand], { door: 'bench' }));
  console.log(
    `one extra month (${van} – ${maandTot}): ${nl.format(maandResultaat.nieuw)} new registrations ` +
      `imported in ${seconds(maandMs)}, incremental refresh ${seconds(refreshMs)}`,
  );
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`);
  await ctx.db.destroy();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
