/**
 * Records the sha256 of every new migration in migrations/landed.json (npm run migraties:vastleggen).
 * It only ADDS: a migration already recorded keeps the hash it landed with. When such a file now has
 * another hash, nothing is written and the command fails: a landed migration is never edited, the
 * change belongs in a new migration.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIE_NAAM = /^\d{14}_[a-z0-9_]+\.ts$/;

export interface Landed {
  toelichting: string;
  migraties: Record<string, string>;
  /** migrations edited after they landed, before the guard refused it: which hash counts and why */
  herzien?: Record<string, { eerst: string; geldig: string; toelichting: string }>;
}

export interface Vastlegging {
  migraties: Record<string, string>;
  toegevoegd: string[];
  /** recorded files whose content no longer has the recorded hash */
  gewijzigd: string[];
}

/** The recorded hashes with the new files added; an existing entry is never replaced. */
export function legVast(vastgelegd: Record<string, string>, bestanden: Record<string, string>): Vastlegging {
  const migraties = { ...vastgelegd };
  const toegevoegd: string[] = [];
  const gewijzigd: string[] = [];
  for (const [bestand, hash] of Object.entries(bestanden).sort(([a], [b]) => a.localeCompare(b))) {
    if (!(bestand in vastgelegd)) {
      migraties[bestand] = hash;
      toegevoegd.push(bestand);
    } else if (vastgelegd[bestand] !== hash) gewijzigd.push(bestand);
  }
  return { migraties, toegevoegd, gewijzigd };
}

export const sha256 = (pad: string): string => createHash('sha256').update(readFileSync(pad)).digest('hex');

function main(): void {
  const dir = fileURLToPath(new URL('../migrations/', import.meta.url));
  const pad = join(dir, 'landed.json');
  const landed = JSON.parse(readFileSync(pad, 'utf8')) as Landed;
  const bestanden = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => MIGRATIE_NAAM.test(f))
      .map((f) => [f, sha256(join(dir, f))]),
  );
  const uit = legVast(landed.migraties, bestanden);
  if (uit.gewijzigd.length > 0) {
    process.stderr.write(`Refused: landed migrations were edited (${uit.gewijzigd.join(', ')}). Restore them and write a new migration.\n`);
    process.exit(1);
  }
  writeFileSync(pad, `${JSON.stringify({ ...landed, migraties: uit.migraties }, null, 2)}\n`);
  process.stdout.write(uit.toegevoegd.length > 0 ? `Recorded: ${uit.toegevoegd.join(', ')}\n` : 'Nothing new to record.\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
