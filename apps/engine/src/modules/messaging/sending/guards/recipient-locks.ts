import type { EntityManager } from 'typeorm';

/**
 * Takes a transaction-scoped advisory lock per key, in one global order (sorted), so senders locking
 * overlapping sets of recipients wait for each other instead of deadlocking. One statement.
 */
export async function lockKeysInOrder(manager: EntityManager, keys: readonly string[]): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
       FROM (SELECT k FROM unnest($1::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n) ordered`,
    [[...new Set(keys)].sort()],
  );
}
