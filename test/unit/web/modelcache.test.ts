import { describe, expect, it } from 'vitest';
import { modelCache } from '../../../server/web/grafiek-antwoord.js';

/** The read model a page and its downloads share: built once per key and data version, never across a change. */
describe('modelCache', () => {
  it('50 requests at once build the model once; the same key and version keep it', async () => {
    let bouwen = 0;
    const cache = modelCache<{ n: number }>(async () => 'v1');
    const bouw = async () => ({ n: ++bouwen });
    const modellen = await Promise.all(Array.from({ length: 50 }, () => cache('regio|2019-Q4', bouw)));
    expect(bouwen).toBe(1);
    expect(new Set(modellen).size).toBe(1);
    expect(await cache('regio|2019-Q4', bouw)).toBe(modellen[0]);
    expect(bouwen).toBe(1);
  });

  it('a new data version is never served the old model; another key (protection, gebied, day) has its own', async () => {
    let versie = 'v1';
    let bouwen = 0;
    const cache = modelCache<number>(async () => versie);
    const bouw = async () => ++bouwen;
    expect(await cache('a', bouw)).toBe(1);
    expect(await cache('b', bouw)).toBe(2);
    versie = 'v2';
    expect(await cache('a', bouw)).toBe(3);
    expect(await cache('a', bouw)).toBe(3);
    versie = 'v1'; // a version seen before is still another version than the one the model was built with
    expect(await cache('a', bouw)).toBe(4);
  });

  it('a failed build is not kept, and the oldest key goes when full', async () => {
    let bouwen = 0;
    const cache = modelCache<number>(async () => 'v', 2);
    await expect(
      cache('x', async () => {
        bouwen += 1;
        throw new Error('kapot');
      }),
    ).rejects.toThrow('kapot');
    expect(await cache('x', async () => ++bouwen)).toBe(2);
    await cache('y', async () => ++bouwen);
    await cache('z', async () => ++bouwen);
    expect(await cache('x', async () => ++bouwen)).toBe(5);
  });
});
