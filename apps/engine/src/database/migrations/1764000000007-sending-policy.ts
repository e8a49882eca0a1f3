import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a merchant's messages go out (time zone, quiet hours, frequency caps) and the ledger the frequency cap
 * counts: one row per message that passed a cap, written under the recipient's lock, so concurrent senders
 * count each other's messages. Merchants without a policy row use the defaults (UTC, no quiet hours, no caps).
 */
export class SendingPolicy1764000000007 implements MigrationInterface {
  name = 'SendingPolicy1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sending_policies (
        merchant_id uuid PRIMARY KEY REFERENCES merchants(id) ON DELETE CASCADE,
        timezone text NOT NULL,
        quiet_hours jsonb,
        frequency_caps jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE frequency_cap_ledger (
        message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        channel text NOT NULL,
        -- sha256 of the lower-cased address: the ledger counts sends without keeping who they went to.
        recipient_key text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX frequency_cap_ledger_recipient ON frequency_cap_ledger (merchant_id, channel, recipient_key, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE frequency_cap_ledger`);
    await q.query(`DROP TABLE sending_policies`);
  }
}
