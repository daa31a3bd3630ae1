import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../server/config/paths.js';

const DIR = projectPath('migrations');
const NAME = /^\d{14}_[a-z0-9_]+\.ts$/;
const landed = (JSON.parse(readFileSync(join(DIR, 'landed.json'), 'utf8')) as { migraties: Record<string, string> }).migraties;
const files = readdirSync(DIR).filter((f) => NAME.test(f)).sort();
const sha256 = (f: string) => createHash('sha256').update(readFileSync(join(DIR, f))).digest('hex');

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
