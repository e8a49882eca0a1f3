import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Steps that wait for an event, and the exit every step took.
 * - `awaiting` ({ event, port }: the awaited event as data, and the port it leads to) and
 *   `awaiting_shipment_id` are set on a `waiting` step that waits for its shipment's event; the row is due at
 *   its timeout (`available_at`, `resume_port` = the timeout port) like any wait, so the sweepers need nothing
 *   new. The trigger matcher finds them by shipment through a partial index that holds only such steps: the
 *   steps of every other wait and every finished step cost nothing. No foreign key: the run already holds
 *   the shipment, and a check per insert would tax the hot path.
 * - `exit_port`: the port a finished step left by (an A/B split's holdout is recorded as `holdout`), so
 *   per-node counters and run logs can be built from the steps alone.
 */
export class AwaitedEvents1764000000006 implements MigrationInterface {
  name = 'AwaitedEvents1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flow_steps ADD COLUMN awaiting jsonb, ADD COLUMN awaiting_shipment_id uuid, ADD COLUMN exit_port text`);
    await q.query(
      `CREATE INDEX flow_steps_awaiting ON flow_steps (awaiting_shipment_id)
        WHERE state = 'waiting' AND awaiting_shipment_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX flow_steps_awaiting`);
    await q.query(`ALTER TABLE flow_steps DROP COLUMN exit_port, DROP COLUMN awaiting_shipment_id, DROP COLUMN awaiting`);
  }
}
