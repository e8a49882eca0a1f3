import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SMS: a message need not render an e-mail template (an SMS's text is its send node's, frozen in the flow
 * version), and `captured_sms` is the local SMS capture's store, as `captured_emails` is the SMTP capture's:
 * not tenant-owned, joined to a merchant's messages by Message-ID (the idempotency key the provider got).
 */
export class Sms1764000000008 implements MigrationInterface {
  name = 'Sms1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ALTER COLUMN template_version_id DROP NOT NULL`);
    await q.query(`
      CREATE TABLE captured_sms (
        id uuid PRIMARY KEY,
        received_at timestamptz NOT NULL,
        sender text,
        recipient text NOT NULL,
        text text NOT NULL,
        segments integer NOT NULL,
        encoding text NOT NULL,
        message_id text
      )`);
    await q.query(`CREATE INDEX captured_sms_message_id ON captured_sms (message_id)`);
    await q.query(`CREATE INDEX captured_sms_received ON captured_sms (received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE captured_sms`);
    await q.query(`DELETE FROM messages WHERE template_version_id IS NULL`);
    await q.query(`ALTER TABLE messages ALTER COLUMN template_version_id SET NOT NULL`);
  }
}
