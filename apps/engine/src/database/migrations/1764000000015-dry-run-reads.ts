import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a dry-run reads of the outbox, by merchant: the events of a time range (which shipments a replay
 * covers) and each shipment's history (what its waits look into, its status at a simulated time). Without
 * these, both would scan every merchant's events ever recorded. Two more entries per event written.
 */
export class DryRunReads1764000000015 implements MigrationInterface {
  name = 'DryRunReads1764000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX domain_events_merchant_time ON domain_events (merchant_id, created_at)`);
    await q.query(`CREATE INDEX domain_events_merchant_shipment ON domain_events (merchant_id, (payload->>'shipmentId'), created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX domain_events_merchant_shipment`);
    await q.query(`DROP INDEX domain_events_merchant_time`);
  }
}
