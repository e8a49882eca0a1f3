/**
 * Every queue shares one Redis hash tag (`{postino}`), so Bull's multi-key scripts work on Redis Cluster.
 * Jobs are wake-ups carrying row ids only; Postgres holds the state and the work is found by claiming rows.
 */
export const QUEUE_PREFIX = '{postino}';

export const QUEUES = {
  flowSteps: 'flow-steps',
  messages: 'messages',
  maintenance: 'maintenance',
} as const;

/** Bull makes one attempt; Postgres rows own retries. Finished jobs are removed so their ids can be reused. */
export const DEFAULT_JOB_OPTIONS = { attempts: 1, removeOnComplete: true, removeOnFail: true } as const;
