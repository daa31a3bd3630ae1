import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config/paths.js';

/**
 * No line of code over 160 characters (prettier's printWidth), in every folder of code the project
 * writes by hand. Prettier cannot break a long string or comment, so this is checked apart:
 * migrations (never edited once landed) and generated files (config/, fixtures) are left out.
 */
const MAPPEN = ['server', 'test', 'bench', 'scripts', 'bin', 'public/js'];
const UITGEZONDERD = ['test/fixtures', 'test/artifacts'];
const MAX = 160;

function bestanden(map: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(PROJECT_ROOT, map), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const pad = join(map, e.name);
    if (UITGEZONDERD.includes(pad)) return [];
    if (e.isDirectory()) return bestanden(pad);
    return /\.(ts|js|mjs)$/.test(e.name) ? [pad] : [];
  });
}

describe('line length', () => {
  const alle = MAPPEN.flatMap(bestanden);

  it(`no line over ${MAX} characters in ${alle.length} files of code`, () => {
    expect(alle.length).toBeGreaterThan(300);
    const te = alle.flatMap((b) =>
      readFileSync(join(PROJECT_ROOT, b), 'utf8')
        .split('\n')
        .flatMap((regel, i) => (regel.length > MAX ? [`${relative('.', b)}:${i + 1} (${regel.length})`] : [])),
    );
    expect(te).toEqual([]);
  });
});
