import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Engine v2: work moves in batches and every stage is recoverable from Postgres alone.
 * - An outbox event is `handled` when the runs it starts exist (not when a job was enqueued).
 * - A run remembers the trigger node that started it, so a send can ask that trigger whether it still holds.
 * - Steps may wait: `waiting` until `available_at`, then continue through `resume_port`.
 * - Merchants carry a publication revision that every publish bumps: engines' caches check it per batch.
 */
export class EngineV21764000000002 implements MigrationInterface {
  name = 'EngineV21764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchants ADD COLUMN publication_revision bigint NOT NULL DEFAULT 0`);

    await q.query(`ALTER TABLE domain_events RENAME COLUMN relayed_at TO handled_at`);
    await q.query(`DROP INDEX domain_events_unrelayed`);
    await q.query(`CREATE INDEX domain_events_unhandled ON domain_events (created_at) WHERE handled_at IS NULL`);

    await q.query(`ALTER TABLE flow_runs ADD COLUMN trigger_node_id text`);
    // Runs made before this migration were all started by the one trigger type that existed then.
    await q.query(`
      UPDATE flow_runs r SET trigger_node_id = (
        SELECT n->>'id' FROM flow_versions v, jsonb_array_elements(v.definition->'nodes') n
         WHERE v.id = r.flow_version_id AND n->>'type' = 'status_changed' LIMIT 1)`);
    await q.query(`DELETE FROM flow_runs WHERE trigger_node_id IS NULL`);
    await q.query(`ALTER TABLE flow_runs ALTER COLUMN trigger_node_id SET NOT NULL`);

    await q.query(`ALTER TABLE flow_steps DROP CONSTRAINT flow_steps_state_check`);
    await q.query(
      `ALTER TABLE flow_steps ADD CONSTRAINT flow_steps_state_check
         CHECK (state IN ('queued', 'running', 'waiting', 'done', 'failed'))`,
    );
    await q.query(`ALTER TABLE flow_steps ADD COLUMN resume_port text`);
    await q.query(`DROP INDEX flow_steps_due`);
    await q.query(`CREATE INDEX flow_steps_due ON flow_steps (available_at) WHERE state IN ('queued', 'waiting')`);

    // Whether a message is still true is asked of the run's trigger, not decided from a copied status.
    await q.query(`ALTER TABLE messages DROP COLUMN trigger_status`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN trigger_status text NOT NULL DEFAULT ''`);
    await q.query(`DROP INDEX flow_steps_due`);
    await q.query(`CREATE INDEX flow_steps_due ON flow_steps (available_at) WHERE state = 'queued'`);
    await q.query(`ALTER TABLE flow_steps DROP COLUMN resume_port`);
    await q.query(`UPDATE flow_steps SET state = 'queued' WHERE state = 'waiting'`);
    await q.query(`ALTER TABLE flow_steps DROP CONSTRAINT flow_steps_state_check`);
    await q.query(
      `ALTER TABLE flow_steps ADD CONSTRAINT flow_steps_state_check CHECK (state IN ('queued', 'running', 'done', 'failed'))`,
    );
    await q.query(`ALTER TABLE flow_runs DROP COLUMN trigger_node_id`);
    await q.query(`DROP INDEX domain_events_unhandled`);
    await q.query(`ALTER TABLE domain_events RENAME COLUMN handled_at TO relayed_at`);
    await q.query(`CREATE INDEX domain_events_unrelayed ON domain_events (created_at) WHERE relayed_at IS NULL`);
    await q.query(`ALTER TABLE merchants DROP COLUMN publication_revision`);
  }
}
