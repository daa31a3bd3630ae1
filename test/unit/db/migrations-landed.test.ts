import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../server/config/paths.js';
import { legVast, type Landed } from '../../../scripts/migraties-vastleggen.js';

const DIR = projectPath('migrations');
const NAME = /^\d{14}_[a-z0-9_]+\.ts$/;
const landedBestand = JSON.parse(readFileSync(join(DIR, 'landed.json'), 'utf8')) as Landed;
const landed = landedBestand.migraties;
const files = readdirSync(DIR)
  .filter((f) => NAME.test(f))
  .sort();
const sha256 = (f: string) =>
  createHash('sha256')
    .update(readFileSync(join(DIR, f)))
    .digest('hex');

describe(`landed migrations are never edited (${Object.keys(landed).length} recorded, ${files.length} files)`, () => {
  it.each(Object.keys(landed))('%s still exists with its recorded sha256', (f) => {
    expect(files).toContain(f);
    expect(sha256(f)).toBe(landed[f]);
  });

  it('every migration file is recorded (add a new one to migrations/landed.json in the commit that adds it)', () => {
    expect(files.filter((f) => !(f in landed))).toEqual([]);
  });

  it('a new migration sorts after every landed one (no migration slipped in between)', () => {
    const last = Object.keys(landed).sort().at(-1)!;
    expect(files.filter((f) => !(f in landed) && f < last)).toEqual([]);
  });
});

/**
 * The hash each migration had when landed.json first recorded it, from git history: a later commit
 * that edits a migration and records its new hash is caught here. Null outside a git checkout.
 */
function eersteHashes(): Map<string, string> | null {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: projectPath(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  let commits: string[];
  try {
    commits = git('log', '--reverse', '--format=%H', '--', 'migrations/landed.json').split('\n').filter(Boolean);
  } catch {
    return null;
  }
  const eerst = new Map<string, string>();
  for (const c of commits) {
    let inhoud: Landed;
    try {
      inhoud = JSON.parse(git('show', `${c}:migrations/landed.json`)) as Landed;
    } catch {
      continue; // the commit that deleted or broke it: the next one is checked
    }
    for (const [f, h] of Object.entries(inhoud.migraties ?? {})) if (!eerst.has(f)) eerst.set(f, h);
  }
  return eerst;
}

describe('a recorded hash is never replaced', () => {
  const eerst = eersteHashes();

  it.skipIf(eerst === null)(
    `every recorded hash is the one first recorded in git history (${eerst?.size ?? 0} seen), bar the three documented exceptions`,
    () => {
      expect(eerst!.size).toBeGreaterThanOrEqual(18);
      const herzien = landedBestand.herzien ?? {};
      // the exception list is closed: the three migrations edited after they landed, before this guard
      expect(Object.keys(herzien).sort()).toEqual([
        '20261201160100_create_rapportarchief.ts',
        '20261201160200_create_ontvangers_verzendingen.ts',
        '20261202090000_create_tellingen.ts',
      ]);
      const anders = Object.keys(landed)
        .filter((f) => eerst!.has(f) && eerst!.get(f) !== landed[f])
        .filter((f) => !(herzien[f] && herzien[f].eerst === eerst!.get(f) && herzien[f].geldig === landed[f]));
      expect(anders).toEqual([]);
      for (const h of Object.values(herzien)) expect(h.toelichting.length).toBeGreaterThan(100);
    },
  );

  it('the recording tool only adds: a new file is recorded, an edited landed file is refused and keeps its hash', () => {
    const vastgelegd = { '20261122090000_a.ts': 'aaa', '20261122090100_b.ts': 'bbb' };
    const uit = legVast(vastgelegd, { '20261122090000_a.ts': 'aaa', '20261122090100_b.ts': 'BEWERKT', '20261122090200_c.ts': 'ccc' });
    expect(uit).toEqual({
      migraties: { '20261122090000_a.ts': 'aaa', '20261122090100_b.ts': 'bbb', '20261122090200_c.ts': 'ccc' },
      toegevoegd: ['20261122090200_c.ts'],
      gewijzigd: ['20261122090100_b.ts'],
    });
    expect(vastgelegd).toEqual({ '20261122090000_a.ts': 'aaa', '20261122090100_b.ts': 'bbb' });
    // on this tree: nothing edited, so nothing refused
    const hier = Object.fromEntries(files.map((f) => [f, sha256(f)]));
    expect(legVast(landed, hier).gewijzigd).toEqual([]);
  });
});
