import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Run logs, run states and per-node counters.
 * - flow_steps keep what a run's log shows after the fact: `finished_at` (done or failed), and what a wait waited
 *   for — `wait_until` and `wait_for` (the awaited event) — which `available_at` and `awaiting` forget once it
 *   goes on. A step's `created_at` is when the run entered the node.
 * - flow_runs count their steps that are open (not done or failed), waiting (open with a port to resume
 *   through) and failed, maintained by the step settlement in its transaction (commutative increments, so
 *   workers settling parallel branches of one run need not agree on an order); `state` is derived from them and
 *   indexed for the runs API.
 * - flow_node_count_deltas: one row per (version, node, kind, port) per settled batch, insert-only so concurrent
 *   workers never wait on each other; compacted into flow_node_counts by the sweeper. A read sums both.
 */
export class RunLogsAndCounters1764000000013 implements MigrationInterface {
  name = 'RunLogsAndCounters1764000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flow_steps ADD COLUMN finished_at timestamptz, ADD COLUMN wait_until timestamptz, ADD COLUMN wait_for jsonb`);
    await q.query(`UPDATE flow_steps SET finished_at = updated_at WHERE state IN ('done', 'failed')`);
    await q.query(
      `UPDATE flow_steps SET wait_until = available_at, wait_for = awaiting->'event'
        WHERE state = 'waiting' AND available_at <> 'infinity'`,
    );

    await q.query(`
      ALTER TABLE flow_runs
        ADD COLUMN steps_open integer NOT NULL DEFAULT 0,
        ADD COLUMN steps_waiting integer NOT NULL DEFAULT 0,
        ADD COLUMN steps_failed integer NOT NULL DEFAULT 0`);
    await q.query(`
      UPDATE flow_runs r SET steps_open = c.open, steps_waiting = c.waiting, steps_failed = c.failed
        FROM (SELECT run_id,
                     count(*) FILTER (WHERE state NOT IN ('done', 'failed')) AS open,
                     count(*) FILTER (WHERE state NOT IN ('done', 'failed') AND resume_port IS NOT NULL) AS waiting,
                     count(*) FILTER (WHERE state = 'failed') AS failed
                FROM flow_steps GROUP BY run_id) c
       WHERE r.id = c.run_id`);
    await q.query(`
      ALTER TABLE flow_runs ADD COLUMN state text GENERATED ALWAYS AS (
        CASE WHEN steps_open > steps_waiting THEN 'running'
             WHEN steps_open > 0 THEN 'waiting'
             WHEN steps_failed > 0 THEN 'failed'
             ELSE 'done' END) STORED`);
    await q.query(`CREATE INDEX flow_runs_by_state ON flow_runs (merchant_id, state, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX flow_runs_by_version ON flow_runs (flow_version_id, state, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX flow_runs_by_shipment ON flow_runs (shipment_id, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE flow_node_counts (
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        flow_version_id uuid NOT NULL REFERENCES flow_versions(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('entered', 'exited', 'ended', 'failed', 'waiting')),
        port text NOT NULL DEFAULT '',
        n bigint NOT NULL,
        PRIMARY KEY (flow_version_id, node_id, kind, port)
      )`);
    await q.query(`
      CREATE TABLE flow_node_count_deltas (
        id bigserial PRIMARY KEY,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        flow_version_id uuid NOT NULL REFERENCES flow_versions(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        kind text NOT NULL,
        port text NOT NULL DEFAULT '',
        n bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX flow_node_count_deltas_version ON flow_node_count_deltas (flow_version_id)`);
    await q.query(`
      INSERT INTO flow_node_counts (merchant_id, flow_version_id, node_id, kind, port, n)
      SELECT r.merchant_id, r.flow_version_id, c.node_id, c.kind, c.port, sum(c.n)
        FROM flow_steps st
        JOIN flow_runs r ON r.id = st.run_id
       CROSS JOIN LATERAL (VALUES
              (st.node_id, 'entered', '', 1),
              (st.node_id, CASE WHEN st.exit_port IS NULL THEN 'ended' ELSE 'exited' END, coalesce(st.exit_port, ''),
               CASE WHEN st.state = 'done' THEN 1 ELSE 0 END),
              (st.node_id, 'failed', '', CASE WHEN st.state = 'failed' THEN 1 ELSE 0 END),
              (st.node_id, 'waiting', '', CASE WHEN st.state NOT IN ('done', 'failed') AND st.resume_port IS NOT NULL THEN 1 ELSE 0 END)
            ) AS c(node_id, kind, port, n)
       WHERE c.n > 0
       GROUP BY r.merchant_id, r.flow_version_id, c.node_id, c.kind, c.port`);
    // Runs started before this migration entered their trigger node too.
    await q.query(`
      INSERT INTO flow_node_counts (merchant_id, flow_version_id, node_id, kind, port, n)
      SELECT merchant_id, flow_version_id, trigger_node_id, 'entered', '', count(*)
        FROM flow_runs GROUP BY merchant_id, flow_version_id, trigger_node_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE flow_node_count_deltas`);
    await q.query(`DROP TABLE flow_node_counts`);
    await q.query(`DROP INDEX flow_runs_by_shipment`);
    await q.query(`DROP INDEX flow_runs_by_version`);
    await q.query(`DROP INDEX flow_runs_by_state`);
    await q.query(`ALTER TABLE flow_runs DROP COLUMN state, DROP COLUMN steps_failed, DROP COLUMN steps_waiting, DROP COLUMN steps_open`);
    await q.query(`ALTER TABLE flow_steps DROP COLUMN wait_for, DROP COLUMN wait_until, DROP COLUMN finished_at`);
  }
}
