import type { Pool } from 'pg';
import type { LogLine } from './log-lines';

/** Rows written by one INSERT at most; more wait for the next one. */
const GROUP_LIMIT = 200;

interface Pending<T> {
  row: T;
  stored: () => void;
  failed: (error: Error) => void;
}

/**
 * A capture's store: rows arriving while an INSERT is in flight are written together by the next one (group
 * commit). One durable commit per row would cap a capture at what the disk flushes, a few hundred per second,
 * and make it the slowest part of a benchmark or crash test. Each row's promise resolves only once committed.
 * A PostgreSQL restart kills the pool's idle connections, and an `error` event without a listener would take
 * the whole process down: it is logged once per outage instead, and the pool connects afresh on the next row.
 * Meanwhile stores fail, which the capture answers with an error its sender retries.
 */
export function createPgGroupInsert<T>(
  pool: Pool,
  insert: (pool: Pool, rows: T[]) => Promise<void>,
  { what, log = () => {} }: { what: string; log?: LogLine },
): (row: T) => Promise<void> {
  let connectionLost = false;
  pool.on('error', (error) => {
    if (connectionLost) return;
    connectionLost = true;
    log(`the ${what} store lost its connection to PostgreSQL (${error.message}); it reconnects on the next ${what}`);
  });

  const pending: Pending<T>[] = [];
  let writing = false;
  const writeGroups = async () => {
    writing = true;
    while (pending.length > 0) {
      const group = pending.splice(0, GROUP_LIMIT);
      try {
        await insert(pool, group.map((p) => p.row));
        connectionLost = false;
        for (const p of group) p.stored();
      } catch (error) {
        for (const p of group) p.failed(error as Error);
      }
    }
    writing = false;
  };

  return (row: T) =>
    new Promise<void>((stored, failed) => {
      pending.push({ row, stored, failed });
      if (!writing) void writeGroups();
    });
}
