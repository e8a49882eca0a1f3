/**
 * Every queue shares one Redis hash tag (`{postino}`), so Bull's multi-key scripts work on Redis Cluster.
 * Payloads carry ids only; Postgres holds the state.
 */
export const QUEUE_PREFIX = '{postino}';

export const QUEUES = {
  domainEvents: 'domain-events',
  flowSteps: 'flow-steps',
  messages: 'messages',
  maintenance: 'maintenance',
} as const;

/** Bull makes one attempt; Postgres rows own retries. Finished jobs are removed so their ids can be reused. */
export const DEFAULT_JOB_OPTIONS = { attempts: 1, removeOnComplete: true, removeOnFail: true } as const;

/** Job ids include the attempt, so a retry is never swallowed by the job of the attempt still running. */
export function attemptJobId(kind: 'step' | 'message', id: string, attempts: number): string {
  return `${kind}-${id}-${attempts}`;
}

export interface RowJob {
  id: string;
  merchantId: string;
}
