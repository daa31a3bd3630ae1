import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../server/config/paths.js';
import { CATALOGUS, PER_SLEUTEL } from '../../../server/indicatoren/catalogus.js';
import { TWEEDE_GOLF_SLEUTELS } from '../../../server/indicatoren/tweede-golf.js';

/**
 * TWEEDE_GOLF_SLEUTELS stands for the indicators added in definitions 2027.1: exactly the catalogue
 * keys docs/indicatoren.md names under "Toegevoegd in 2027.1", each once, in catalogue order.
 */
const docs = readFileSync(projectPath('docs', 'indicatoren.md'), 'utf8');
const sectie = /^## Toegevoegd in 2027\.1[^\n]*\n([\s\S]*?)^## /m.exec(docs)![1]!;
const gedocumenteerd = [...new Set([...sectie.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]!).filter((k) => PER_SLEUTEL.has(k)))];

describe(`the second wave's keys: ${TWEEDE_GOLF_SLEUTELS.length} in the list, ${gedocumenteerd.length} in the docs`, () => {
  it('are the catalogue keys the docs add in 2027.1, no more and no fewer', () => {
    expect(gedocumenteerd.length).toBeGreaterThan(20);
    expect([...TWEEDE_GOLF_SLEUTELS].sort()).toEqual([...gedocumenteerd].sort());
  });

  it('each once, in catalogue order', () => {
    expect(new Set(TWEEDE_GOLF_SLEUTELS).size).toBe(TWEEDE_GOLF_SLEUTELS.length);
    const volgorde = CATALOGUS.map((i) => i.sleutel as string);
    expect([...TWEEDE_GOLF_SLEUTELS].sort((a, b) => volgorde.indexOf(a) - volgorde.indexOf(b))).toEqual(TWEEDE_GOLF_SLEUTELS);
  });
});
