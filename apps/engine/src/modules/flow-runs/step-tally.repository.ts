import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { StepTally } from './step-tally';

/** Deltas moved into the totals per compaction: bounded, so one compaction never holds locks for long. */
const COMPACT_BATCH = 20_000;
/** Only one engine compacts at a time; the others skip their turn (pg_try_advisory_xact_lock). */
const COMPACT_LOCK = 'flow-node-counts:compaction';

/**
 * Writes a batch's tallies in the transaction that settles its steps, so they commit or vanish with them:
 * the node counters as insert-only delta rows (one statement; concurrent workers never wait on a counter row)
 * and the runs' step counts as increments (one statement). The sweeper folds the deltas into the totals.
 */
@Injectable()
export class StepTallyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(manager: EntityManager, tally: StepTally): Promise<void> {
    const { nodes, runs } = tally;
    if (nodes.length > 0) {
      await manager.query(
        `INSERT INTO flow_node_count_deltas (merchant_id, flow_version_id, node_id, kind, port, n)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[])`,
        [
          nodes.map((d) => d.merchantId),
          nodes.map((d) => d.flowVersionId),
          nodes.map((d) => d.nodeId),
          nodes.map((d) => d.kind),
          nodes.map((d) => d.port),
          nodes.map((d) => d.n),
        ],
      );
    }
    if (runs.length > 0) {
      // Increments commute: two workers settling branches of one run serialise on its row, never lose a count.
      await manager.query(
        `UPDATE flow_runs r
            SET steps_open = r.steps_open + u.open, steps_waiting = r.steps_waiting + u.waiting,
                steps_failed = r.steps_failed + u.failed
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[]) AS u(id, open, waiting, failed)
          WHERE r.id = u.id`,
        [runs.map((d) => d.runId), runs.map((d) => d.open), runs.map((d) => d.waiting), runs.map((d) => d.failed)],
      );
    }
  }

  /**
   * Folds the oldest deltas into flow_node_counts (one statement under a transaction-scoped advisory lock):
   * deleted and added in one transaction, so a read, which sums totals and deltas in one snapshot, sees the
   * same numbers before and after. Returns how many deltas it folded (0 when another engine holds the lock).
   */
  async compact(): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [COMPACT_LOCK]);
      if (!locked) return 0;
      const rows: { folded: string }[] = await manager.query(
        `WITH folded AS (
           DELETE FROM flow_node_count_deltas
            WHERE id IN (SELECT id FROM flow_node_count_deltas ORDER BY id LIMIT $1)
           RETURNING merchant_id, flow_version_id, node_id, kind, port, n),
         summed AS (
           INSERT INTO flow_node_counts AS c (merchant_id, flow_version_id, node_id, kind, port, n)
           SELECT merchant_id, flow_version_id, node_id, kind, port, sum(n) FROM folded
            GROUP BY merchant_id, flow_version_id, node_id, kind, port
           ON CONFLICT (flow_version_id, node_id, kind, port) DO UPDATE SET n = c.n + excluded.n)
         SELECT count(*) AS folded FROM folded`,
        [COMPACT_BATCH],
      );
      return Number(rows[0].folded);
    });
  }
}
