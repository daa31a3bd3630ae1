import { describe, expect, it } from 'vitest';
import { bijModel, modelCache } from '../../../server/web/grafiek-antwoord.js';

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

/** A download's bytes, kept beside the model they were cut from: built once per model and key, never carried to another model. */
describe('bijModel', () => {
  it('50 calls at once build once per model and key; a new model (a new data version) builds again; a failed build is not kept', async () => {
    let bouwen = 0;
    const bytes = bijModel<string>();
    const bouw = (wat: string) => async () => `${wat}#${++bouwen}`;
    const oud = { versie: 'v1' };
    const antwoorden = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bytes(oud, i % 2 ? 'instroom.csv' : 'instroom.xlsx', bouw(i % 2 ? 'csv' : 'xlsx'))),
    );
    expect(new Set(antwoorden)).toEqual(new Set(['xlsx#1', 'csv#2']));
    expect(bouwen).toBe(2);
    // the same figures in a model of another version are another model: never its old bytes
    const nieuw = { versie: 'v1' };
    expect(await bytes(nieuw, 'instroom.csv', bouw('csv'))).toBe('csv#3');
    expect(await bytes(oud, 'instroom.csv', bouw('csv'))).toBe('csv#2');
    await expect(
      bytes(nieuw, 'kapot.csv', async () => {
        bouwen++;
        throw new Error('kapot');
      }),
    ).rejects.toThrow('kapot');
    expect(await bytes(nieuw, 'kapot.csv', bouw('csv'))).toBe('csv#5');
  });
});
