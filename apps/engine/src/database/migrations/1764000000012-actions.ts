import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The action node types: tags on shipments (customers have theirs), the alerts `alert_team` opens, the team's
 * address their e-mails go to, each merchant's webhook signing secret (sealed: the engine signs with it), and
 * `captured_webhooks`, the local webhook capture's store (not tenant-owned, as `captured_emails`).
 */
export class Actions1764000000012 implements MigrationInterface {
  name = 'Actions1764000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shipments ADD COLUMN tags text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE merchants ADD COLUMN team_email text`);
    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        run_id uuid NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
        title text NOT NULL,
        note text,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'assigned', 'resolved')),
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        assigned_at timestamptz,
        assigned_by text,
        resolved_at timestamptz,
        resolved_by text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (run_id, node_id)
      )`);
    await q.query(`CREATE INDEX alerts_merchant_created ON alerts (merchant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX alerts_merchant_state ON alerts (merchant_id, state, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX alerts_shipment ON alerts (merchant_id, shipment_id)`);
    await q.query(`
      CREATE TABLE webhook_signing_secrets (
        merchant_id uuid PRIMARY KEY REFERENCES merchants(id) ON DELETE CASCADE,
        secret_sealed text NOT NULL,
        created_at timestamptz NOT NULL,
        rotated_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE captured_webhooks (
        id uuid PRIMARY KEY,
        received_at timestamptz NOT NULL,
        url text NOT NULL,
        delivery_id text,
        signature text,
        signature_valid boolean,
        body text NOT NULL,
        answered integer NOT NULL
      )`);
    await q.query(`CREATE INDEX captured_webhooks_delivery ON captured_webhooks (delivery_id)`);
    await q.query(`CREATE INDEX captured_webhooks_received ON captured_webhooks (received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE captured_webhooks`);
    await q.query(`DROP TABLE webhook_signing_secrets`);
    await q.query(`DROP TABLE alerts`);
    await q.query(`ALTER TABLE merchants DROP COLUMN team_email`);
    await q.query(`ALTER TABLE shipments DROP COLUMN tags`);
  }
}
