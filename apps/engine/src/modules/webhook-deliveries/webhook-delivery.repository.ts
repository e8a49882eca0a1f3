import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface AcceptedDelivery {
  integrationId: string;
  /** The platform's id of the delivery, the same on each of its retries. */
  deliveryId: string;
  topic: string;
  outcome: 'applied' | 'ignored';
  receivedAt: Date;
}

/** The delivery ids each integration accepted: a replay finds its id here and writes nothing. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records the delivery unless its id was accepted already; false for a replay. A concurrent replay waits on
   * the primary key until the first commits (then it is a replay) or rolls back (then it is the first).
   */
  async recordIfNew(manager: EntityManager, merchantId: string, delivery: AcceptedDelivery): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO webhook_deliveries (merchant_id, integration_id, delivery_id, topic, outcome, received_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (integration_id, delivery_id) DO NOTHING RETURNING delivery_id`,
      [merchantId, delivery.integrationId, delivery.deliveryId, delivery.topic, delivery.outcome, delivery.receivedAt],
    );
    return rows.length > 0;
  }

  /** Housekeeping across merchants: platforms stop retrying a delivery within hours to two days. */
  async deleteReceivedBefore(before: Date): Promise<number> {
    const [, deleted] = await this.db.query(`DELETE FROM webhook_deliveries WHERE received_at < $1`, [before]);
    return deleted;
  }
}
