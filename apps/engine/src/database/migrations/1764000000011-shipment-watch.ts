import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the shipment-watch sweeper needs to find delays and stalls without scanning every shipment:
 * - `delay_seen_for` / `stall_seen_for`: the episode key last recorded for the shipment (the promised date that
 *   was missed, the scan a stall was measured from). Two partial indexes hold only the shipments whose current
 *   key has no episode yet and that can still be delayed (not delivered or returned) or stalled (on its way),
 *   ordered by the time that decides when they fall due: a recorded episode or a delivery takes the row out,
 *   a new promised date or a new scan brings it back.
 * - `shipment_watch_episodes`: one row per shipment, kind and episode key — the unique key that makes the
 *   event be written once however many sweepers run.
 * - `shipment_watch_settings`: a merchant's stall thresholds (general and per carrier) over the carriers'
 *   defaults; no row: the defaults.
 */
export class ShipmentWatch1764000000011 implements MigrationInterface {
  name = 'ShipmentWatch1764000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shipments ADD COLUMN delay_seen_for date, ADD COLUMN stall_seen_for timestamptz`);
    await q.query(
      `CREATE INDEX shipments_delay_watch ON shipments (promised_delivery_date)
        WHERE promised_delivery_date IS NOT NULL AND status NOT IN ('delivered', 'returned')
          AND delay_seen_for IS DISTINCT FROM promised_delivery_date`,
    );
    await q.query(
      `CREATE INDEX shipments_stall_watch ON shipments (last_event_at)
        WHERE last_event_at IS NOT NULL AND status IN ('in_transit', 'out_for_delivery', 'failed_attempt')
          AND stall_seen_for IS DISTINCT FROM last_event_at`,
    );
    await q.query(`
      CREATE TABLE shipment_watch_episodes (
        shipment_id uuid NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('delayed', 'stalled')),
        episode_key text NOT NULL,
        merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        detected_at timestamptz NOT NULL,
        PRIMARY KEY (shipment_id, kind, episode_key)
      )`);
    await q.query(`
      CREATE TABLE shipment_watch_settings (
        merchant_id uuid PRIMARY KEY REFERENCES merchants(id) ON DELETE CASCADE,
        stall_after_hours integer,
        stall_after_hours_by_carrier jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shipment_watch_settings`);
    await q.query(`DROP TABLE shipment_watch_episodes`);
    await q.query(`DROP INDEX shipments_stall_watch`);
    await q.query(`DROP INDEX shipments_delay_watch`);
    await q.query(`ALTER TABLE shipments DROP COLUMN stall_seen_for, DROP COLUMN delay_seen_for`);
  }
}
