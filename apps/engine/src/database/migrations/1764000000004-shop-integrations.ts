import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shop integrations: one row per connected shop (Shopify, WooCommerce) with its webhook signing secret and the
 * summary of its last delivery, and the delivery ids already received, so a replayed delivery writes nothing.
 *
 * The secret is stored sealed (AES-256-GCM under a key derived from APP_SECRET, bound to the row's id; see
 * common/auth/secret-box.ts): hooks must read it back to verify signatures, so it cannot be hashed like API keys.
 * The delivery counters live on the integration row, updated in the delivery's own transaction.
 */
export class ShopIntegrations1764000000004 implements MigrationInterface {
  name = 'ShopIntegrations1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shop_integrations (
        id uuid PRIMARY KEY,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        platform text NOT NULL CHECK (platform IN ('shopify', 'woocommerce')),
        name text NOT NULL,
        currency text,
        secret_sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        secret_rotated_at timestamptz,
        last_delivery_at timestamptz,
        last_delivery_topic text,
        last_delivery_status integer,
        last_delivery_result text CHECK (last_delivery_result IN ('applied', 'ignored', 'duplicate', 'failed')),
        last_delivery_detail text,
        received_count bigint NOT NULL DEFAULT 0,
        ignored_count bigint NOT NULL DEFAULT 0,
        failed_count bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX shop_integrations_merchant ON shop_integrations (merchant_id, created_at DESC)`);

    // The platform's delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID) of every delivery accepted
    // in the last days; the primary key makes a replay, even a concurrent one, a no-op.
    await q.query(`
      CREATE TABLE webhook_deliveries (
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        integration_id uuid NOT NULL REFERENCES shop_integrations(id) ON DELETE CASCADE,
        delivery_id text NOT NULL,
        topic text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('applied', 'ignored')),
        received_at timestamptz NOT NULL,
        PRIMARY KEY (integration_id, delivery_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE shop_integrations`);
  }
}
