import { describe, expect, it } from 'vitest';
import { IngestCoalescer } from './ingest-coalescer';

/** A flush whose transactions the test finishes by hand, recording what each one carried. */
function controlledFlush() {
  const batches: { key: string; items: number[]; finish(error?: Error): void }[] = [];
  const flush = (key: string, items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push({ key, items, finish: (error) => (error ? reject(error) : resolve(items.map((item) => item * 10))) });
    });
  return { batches, flush };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('IngestCoalescer', () => {
  it('starts a lone call at once and gives it its own results', async () => {
    const { batches, flush } = controlledFlush();
    const coalescer = new IngestCoalescer(flush, { maxInFlight: 1, maxItems: 100 });
    const answer = coalescer.submit('shop', [1, 2]);
    expect(batches.map((batch) => batch.items)).toEqual([[1, 2]]);
    batches[0].finish();
    expect(await answer).toEqual([10, 20]);
  });

  it('sends the calls that queued behind a running one together, and splits the results back', async () => {
    const { batches, flush } = controlledFlush();
    const coalescer = new IngestCoalescer(flush, { maxInFlight: 1, maxItems: 100 });
    const first = coalescer.submit('shop', [1]);
    const queued = [coalescer.submit('shop', [2]), coalescer.submit('shop', [3, 4]), coalescer.submit('shop', [5])];
    expect(batches).toHaveLength(1);
    batches[0].finish();
    await first;
    await tick();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4, 5]]);
    batches[1].finish();
    expect(await Promise.all(queued)).toEqual([[20], [30, 40], [50]]);
  });

  it('keeps merchants apart and never lets a batch grow past the item limit', async () => {
    const { batches, flush } = controlledFlush();
    const coalescer = new IngestCoalescer(flush, { maxInFlight: 1, maxItems: 3 });
    void coalescer.submit('a', [1]);
    void coalescer.submit('b', [9]);
    void coalescer.submit('a', [2, 3]);
    void coalescer.submit('a', [4, 5]);
    expect(batches.map((batch) => [batch.key, batch.items])).toEqual([['a', [1]], ['b', [9]]]);
    batches[0].finish();
    await tick();
    expect(batches.slice(2).map((batch) => batch.items)).toEqual([[2, 3]]);
    batches[2].finish();
    await tick();
    expect(batches.slice(3).map((batch) => batch.items)).toEqual([[4, 5]]);
  });

  it('runs up to maxInFlight batches of one merchant side by side', () => {
    const { batches, flush } = controlledFlush();
    const coalescer = new IngestCoalescer(flush, { maxInFlight: 2, maxItems: 100 });
    for (const item of [1, 2, 3, 4]) void coalescer.submit('shop', [item]);
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2]]);
  });

  it('retries each call of a failed shared batch alone, so only the call at fault fails', async () => {
    const { batches, flush } = controlledFlush();
    const coalescer = new IngestCoalescer(flush, { maxInFlight: 1, maxItems: 100 });
    const first = coalescer.submit('shop', [1]);
    const good = coalescer.submit('shop', [2]);
    const bad = coalescer.submit('shop', [3]);
    batches[0].finish();
    await first;
    await tick();
    batches[1].finish(new Error('deadlock detected'));
    await tick();
    expect(batches.slice(2).map((batch) => batch.items)).toEqual([[2], [3]]);
    batches[2].finish();
    batches[3].finish(new Error('still failing'));
    expect(await good).toEqual([20]);
    await expect(bad).rejects.toThrow('still failing');
  });
});
