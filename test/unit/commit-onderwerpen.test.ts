import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../server/config/paths.js';

/**
 * Commit subjects of at most 72 characters (the why in the body): the commit-msg hook in .githooks,
 * enabled by `npm prepare`, and the history since the guard came (older subjects cannot be rewritten).
 */
const HOOK = projectPath('.githooks', 'commit-msg');
const ACTIVEER = projectPath('.githooks', 'activeer.mjs');
/** main's head when the check came: every commit after it is checked. */
const BASIS = '4072874';

const tmp = mkdtempSync(join(tmpdir(), 'vt-commit-msg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function hook(bericht: string): { rc: number | null; fout: string } {
  const f = join(tmp, 'COMMIT_EDITMSG');
  writeFileSync(f, bericht);
  const r = spawnSync(process.execPath, [HOOK, f], { encoding: 'utf8' });
  return { rc: r.status, fout: r.stderr };
}

describe('commit-msg hook: subjects of at most 72 characters', () => {
  it('accepts 72 characters (72 letters, or with é counted as one), refuses 73 and names the length', () => {
    expect(hook(`${'a'.repeat(72)}\n\nwhy\n`).rc).toBe(0);
    expect(hook(`${'é'.repeat(72)}\n`).rc).toBe(0);
    const lang = hook(`${'a'.repeat(73)}\n\nwhy\n`);
    expect(lang.rc).toBe(1);
    expect(lang.fout).toContain('the subject is 73 characters, at most 72');
  });

  it('reads the subject after comment lines and blank lines; a long body line is fine', () => {
    expect(hook(`# Please enter the commit message\n\n${'b'.repeat(73)}\n`).rc).toBe(1);
    expect(hook(`# Please enter the commit message\nShort subject\n\n${'b'.repeat(300)}\n`).rc).toBe(0);
  });

  it('npm prepare enables it inside a git checkout and does nothing, without failing, outside one', () => {
    const buiten = join(tmp, 'geen-git');
    execFileSync('mkdir', ['-p', buiten]);
    const r = spawnSync(process.execPath, [ACTIVEER], { cwd: buiten, encoding: 'utf8', env: { ...process.env, GIT_CEILING_DIRECTORIES: tmp } });
    expect(r.status).toBe(0);
    const repo = join(tmp, 'repo');
    execFileSync('git', ['init', '-q', repo]);
    expect(spawnSync(process.execPath, [ACTIVEER], { cwd: repo }).status).toBe(0);
    expect(execFileSync('git', ['-C', repo, 'config', 'core.hooksPath'], { encoding: 'utf8' }).trim()).toBe('.githooks');
  });
});

function onderwerpenSindsBasis(): string[] | null {
  try {
    return execFileSync('git', ['log', '--format=%h %s', `${BASIS}..HEAD`], { cwd: projectPath(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean);
  } catch {
    return null; // not a git checkout, or a shallow one without the base
  }
}

const onderwerpen = onderwerpenSindsBasis();
describe.skipIf(onderwerpen === null)(`history: every commit after ${BASIS} (${onderwerpen?.length ?? 0}) has a subject of at most 72 characters`, () => {
  it('no long subject', () => {
    expect(onderwerpen!.filter((r) => [...r.slice(r.indexOf(' ') + 1)].length > 72)).toEqual([]);
  });
});
