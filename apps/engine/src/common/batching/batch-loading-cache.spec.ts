import { describe, expect, it } from 'vitest';
import { BatchLoadingCache } from './batch-loading-cache';

function countingCache(capacity = 10) {
  const loads: string[][] = [];
  const cache = new BatchLoadingCache<string, string>(capacity, (id) => id, async (missing) => {
    loads.push(missing);
    return new Map(missing.filter((id) => id !== 'gone').map((id) => [id, `value of ${id}`]));
  });
  return { cache, loads };
}

describe('BatchLoadingCache', () => {
  it('loads a batch of misses in one call and serves them from memory afterwards', async () => {
    const { cache, loads } = countingCache();

    await cache.getMany(['a', 'b', 'a']);
    const again = await cache.getMany(['a', 'b', 'c']);

    expect(loads).toEqual([['a', 'b'], ['c']]);
    expect(again.get('b')).toBe('value of b');
  });

  it('leaves out what the loader could not find, and asks for it again next time', async () => {
    const { cache, loads } = countingCache();

    expect((await cache.getMany(['gone'])).has('gone')).toBe(false);
    await cache.getMany(['gone']);

    expect(loads).toEqual([['gone'], ['gone']]);
  });

  it('drops the least recently used entry when full', async () => {
    const { cache, loads } = countingCache(2);

    await cache.getMany(['a', 'b']);
    await cache.getMany(['a']);
    await cache.getMany(['c']);
    await cache.getMany(['a', 'b']);

    expect(loads).toEqual([['a', 'b'], ['c'], ['b']]);
  });
});
