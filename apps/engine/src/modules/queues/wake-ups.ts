import type { Queue } from 'bull';

export const WAKE_UP_JOB = 'wake';

/** A wake-up names the rows that became due (for operators reading the queue); workers claim whatever is due. */
export interface WakeUpJob {
  ids: string[];
}

const IDS_PER_JOB = 50;

/**
 * Tells the workers of a stage that rows are due now, or at `at` (a delayed job; wake-ups due in the same
 * second share one job). Redis losing it costs latency only: the sweeper finds due rows by itself.
 */
export async function sendWakeUp(queue: Queue<WakeUpJob>, ids: string[], at?: { at: Date; now: Date }): Promise<void> {
  if (ids.length === 0) return;
  const data = { ids: ids.slice(0, IDS_PER_JOB) };
  try {
    if (!at) {
      await queue.add(WAKE_UP_JOB, data);
      return;
    }
    const second = Math.ceil(at.at.getTime() / 1000);
    await queue.add(WAKE_UP_JOB, data, { jobId: `wake-at-${second}`, delay: Math.max(0, second * 1000 - at.now.getTime()) });
  } catch {
    // Redis is down or flushed: the rows are due in Postgres and the sweeper will find them.
  }
}
