import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a step and a message are true to, when it is not the run's trigger event: what a wait of the run went on
 * by ("until delivered": the awaited event, as data). Null keeps the trigger event, as before.
 */
export class AwaitedEventTruth1764000000016 implements MigrationInterface {
  name = 'AwaitedEventTruth1764000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flow_steps ADD COLUMN truth jsonb`);
    await q.query(`ALTER TABLE messages ADD COLUMN truth jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP COLUMN truth`);
    await q.query(`ALTER TABLE flow_steps DROP COLUMN truth`);
  }
}
