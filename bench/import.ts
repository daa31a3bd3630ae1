/**
 * npm run bench:import — the import ratios of BENCHMARKS.md ("Import") on their own: our import
 * against `sqlite3 .import` of the same file, full width and lean, measured in this run.
 * Usage: tsx bench/import.ts [--snel] [--alleen-herimport]
 * --snel: small files for a quick check; --alleen-herimport: only the full-width file, imported and
 * imported again (every row unchanged) beside `.import` before and after (section "Herimport").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { herimportSectie, IMPORT_DOELEN, importSectie, meetImport } from './metingen/import.js';

const dir = mkdtempSync(join(tmpdir(), 'vt-bench-import-'));
try {
  const alleenHerimport = process.argv.includes('--alleen-herimport');
  const metingen = await meetImport(dir, {
    snel: process.argv.includes('--snel'),
    alleenHerimport,
    tot: '2026-09-30',
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(`${(alleenHerimport ? herimportSectie(metingen) : importSectie(metingen, IMPORT_DOELEN)).join('\n')}\n`);
  process.stdout.write(
    `${JSON.stringify(
      metingen.map((m) => ({ ...m, verhouding: m.sqlite3Ms / m.oursMs, ...(m.herimportMs ? { herimportVerhouding: m.sqlite3Ms / m.herimportMs } : {}) })),
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
