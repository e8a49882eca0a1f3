import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The path of one scan: shipments and their tracking events, the transactional outbox of domain events,
 * email templates, flows with immutable versions, runs, steps and messages.
 */
export class Spine1764000000001 implements MigrationInterface {
  name = 'Spine1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shipments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        tracking_number text NOT NULL,
        carrier text NOT NULL,
        order_number text,
        customer_email text,
        customer_phone text,
        customer_name text,
        customer_locale text,
        customer_timezone text,
        destination_country text,
        destination_postal_code text,
        destination_city text,
        promised_delivery_date date,
        status text NOT NULL DEFAULT 'pending',
        substatus text,
        status_event_id uuid,
        last_event_at timestamptz,
        tracking_token text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (merchant_id, carrier, tracking_number)
      )`);
    await q.query(`CREATE INDEX shipments_list ON shipments (merchant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shipments_status ON shipments (merchant_id, status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shipments_order ON shipments (merchant_id, order_number)`);
    await q.query(`CREATE INDEX shipments_tracking ON shipments (merchant_id, tracking_number)`);

    // Append-only; designed to be range-partitioned by month later (its dedupe key is per shipment).
    await q.query(`
      CREATE TABLE tracking_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
        code text NOT NULL,
        description text,
        occurred_at timestamptz NOT NULL,
        location text,
        status text,
        substatus text,
        mapped_via text NOT NULL,
        sequence bigserial NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (shipment_id, code, occurred_at)
      )`);
    await q.query(`CREATE INDEX tracking_events_shipment ON tracking_events (merchant_id, shipment_id, occurred_at DESC)`);

    // Events for a tracking number we do not know yet; applied when the shipment is created.
    await q.query(`
      CREATE TABLE unmatched_tracking_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        carrier text NOT NULL,
        tracking_number text NOT NULL,
        code text NOT NULL,
        description text,
        occurred_at timestamptz NOT NULL,
        location text,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (merchant_id, carrier, tracking_number, code, occurred_at)
      )`);

    await q.query(`
      CREATE TABLE unknown_carrier_codes (
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        carrier text NOT NULL,
        code text NOT NULL,
        occurrences bigint NOT NULL DEFAULT 0,
        last_description text,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (merchant_id, carrier, code)
      )`);

    // The transactional outbox: written in the same transaction as the state it describes.
    await q.query(`
      CREATE TABLE domain_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz
      )`);
    await q.query(`CREATE INDEX domain_events_unrelayed ON domain_events (created_at) WHERE relayed_at IS NULL`);
    await q.query(`
      CREATE FUNCTION notify_domain_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('postino_domain_events', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER domain_events_notify AFTER INSERT ON domain_events
      FOR EACH STATEMENT EXECUTE FUNCTION notify_domain_event()`);

    await q.query(`
      CREATE TABLE email_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        name text NOT NULL,
        subject text NOT NULL,
        mjml text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX email_templates_merchant ON email_templates (merchant_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE email_template_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        template_id uuid NOT NULL REFERENCES email_templates(id) ON DELETE CASCADE,
        version integer NOT NULL,
        subject text NOT NULL,
        mjml text NOT NULL,
        html text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (template_id, version)
      )`);

    await q.query(`
      CREATE TABLE flows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        name text NOT NULL,
        draft jsonb NOT NULL,
        published_version_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX flows_merchant ON flows (merchant_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE flow_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        flow_id uuid NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (flow_id, version)
      )`);
    await q.query(`ALTER TABLE flows ADD FOREIGN KEY (published_version_id) REFERENCES flow_versions(id)`);

    await q.query(`
      CREATE TABLE flow_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        flow_version_id uuid NOT NULL REFERENCES flow_versions(id),
        trigger_event_id uuid NOT NULL REFERENCES domain_events(id),
        shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (flow_version_id, trigger_event_id)
      )`);
    await q.query(`
      CREATE TABLE flow_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        run_id uuid NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL DEFAULT now(),
        lease_expires_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (run_id, node_id)
      )`);
    await q.query(`CREATE INDEX flow_steps_due ON flow_steps (available_at) WHERE state = 'queued'`);
    await q.query(`CREATE INDEX flow_steps_leased ON flow_steps (lease_expires_at) WHERE state = 'running'`);

    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        idempotency_key text NOT NULL UNIQUE,
        message_id text NOT NULL UNIQUE,
        run_id uuid NOT NULL REFERENCES flow_runs(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
        channel text NOT NULL DEFAULT 'email',
        recipient text NOT NULL,
        template_version_id uuid NOT NULL REFERENCES email_template_versions(id),
        trigger_status text NOT NULL,
        subject text,
        state text NOT NULL DEFAULT 'queued'
          CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'skipped')),
        skip_reason text,
        attempts integer NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL DEFAULT now(),
        lease_expires_at timestamptz,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX messages_shipment ON messages (merchant_id, shipment_id, created_at DESC)`);
    await q.query(`CREATE INDEX messages_due ON messages (available_at) WHERE state IN ('queued', 'uncertain')`);
    await q.query(`CREATE INDEX messages_leased ON messages (lease_expires_at) WHERE state = 'sending'`);
    await q.query(`
      CREATE TABLE message_state_changes (
        id bigserial PRIMARY KEY,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        state text NOT NULL,
        detail text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX message_state_changes_message ON message_state_changes (message_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'message_state_changes',
      'messages',
      'flow_steps',
      'flow_runs',
      'flows',
      'flow_versions',
      'email_template_versions',
      'email_templates',
      'domain_events',
      'unknown_carrier_codes',
      'unmatched_tracking_events',
      'tracking_events',
      'shipments',
    ]) {
      await q.query(`DROP TABLE ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION notify_domain_event()`);
  }
}
