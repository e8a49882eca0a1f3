import { describe, expect, it } from 'vitest';
import { WorkPump } from './work-pump';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('WorkPump', () => {
  it('keeps passing while passes come back full, and stops at the first partial one', async () => {
    const handled = [10, 10, 3];
    let passes = 0;
    const pump = new WorkPump('test', async () => handled[passes++] ?? 0, { batchSize: 10, parallelism: 1 });

    pump.wake();
    await pump.idle();

    expect(passes).toBe(3);
  });

  it('turns wake-ups that arrive during a pass into exactly one more pass', async () => {
    const gate = deferred();
    let passes = 0;
    const pump = new WorkPump(
      'test',
      async () => {
        passes++;
        if (passes === 1) await gate.promise;
        return 0;
      },
      { batchSize: 10, parallelism: 1 },
    );

    pump.wake();
    pump.wake();
    pump.wake();
    gate.resolve();
    await pump.idle();

    expect(passes).toBe(2);
  });

  it('starts no pass once stopped', async () => {
    let passes = 0;
    const pump = new WorkPump('test', async () => ++passes && 10, { batchSize: 10, parallelism: 1 });

    await pump.stop();
    pump.wake();

    expect(passes).toBe(0);
  });

  it('survives a failing pass: the next wake-up passes again', async () => {
    let passes = 0;
    const pump = new WorkPump(
      'test',
      async () => {
        passes++;
        if (passes === 1) throw new Error('database restarting');
        return 0;
      },
      { batchSize: 10, parallelism: 1 },
    );

    pump.wake();
    await pump.idle();
    pump.wake();
    await pump.idle();

    expect(passes).toBe(2);
  });
});
