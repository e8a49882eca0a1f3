import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The digest ledger: one row per message that opened a digest window (a send node's parcels of one order for
 * one recipient), written under the digest's lock; the window's other messages are skipped as combined into it.
 */
export class Digests1764000000014 implements MigrationInterface {
  name = 'Digests1764000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest_ledger (
        message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        -- sha256 of flow, node, order and lower-cased recipient: who it went to is not kept here.
        digest_key text NOT NULL,
        opened_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX digest_ledger_key ON digest_ledger (merchant_id, digest_key, opened_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE digest_ledger`);
  }
}
