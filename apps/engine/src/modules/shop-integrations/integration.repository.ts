import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliveryResult, ShopPlatform } from '@postino/api-contract';
import { DataSource, EntityManager } from 'typeorm';

export interface IntegrationRow {
  id: string;
  merchantId: string;
  platform: ShopPlatform;
  name: string;
  currency: string | null;
  /** SecretBox-sealed, bound to the row's id. */
  secretSealed: string;
  createdAt: Date;
  secretRotatedAt: Date | null;
  lastDeliveryAt: Date | null;
  lastDeliveryTopic: string | null;
  lastDeliveryStatus: number | null;
  lastDeliveryResult: DeliveryResult | null;
  lastDeliveryDetail: string | null;
  /** bigint columns, as PostgreSQL sends them. */
  receivedCount: string;
  ignoredCount: string;
  failedCount: string;
}

/** What one delivery with a valid signature did, for the integration's summary. */
export interface DeliveryRecord {
  at: Date;
  topic: string | null;
  status: number;
  result: DeliveryResult;
  detail: string | null;
}

const COLUMNS = `id, merchant_id AS "merchantId", platform, name, currency, secret_sealed AS "secretSealed",
  created_at AS "createdAt", secret_rotated_at AS "secretRotatedAt", last_delivery_at AS "lastDeliveryAt",
  last_delivery_topic AS "lastDeliveryTopic", last_delivery_status AS "lastDeliveryStatus",
  last_delivery_result AS "lastDeliveryResult", last_delivery_detail AS "lastDeliveryDetail",
  received_count AS "receivedCount", ignored_count AS "ignoredCount", failed_count AS "failedCount"`;

// A detail is a sentence or a list of field problems: kept short, the summary is not a log.
const MAX_DETAIL_LENGTH = 1000;

@Injectable()
export class IntegrationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(row: Pick<IntegrationRow, 'id' | 'merchantId' | 'platform' | 'name' | 'currency' | 'secretSealed'>): Promise<IntegrationRow> {
    const rows = await this.db.query(
      `INSERT INTO shop_integrations (merchant_id, id, platform, name, currency, secret_sealed)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [row.merchantId, row.id, row.platform, row.name, row.currency, row.secretSealed],
    );
    return rows[0];
  }

  list(merchantId: string): Promise<IntegrationRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM shop_integrations WHERE merchant_id = $1 ORDER BY created_at DESC, id`, [merchantId]);
  }

  async find(merchantId: string, id: string): Promise<IntegrationRow | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM shop_integrations WHERE merchant_id = $1 AND id = $2`, [merchantId, id]);
    return rows[0] ?? null;
  }

  /**
   * The integration a hook URL names, whatever its merchant: a webhook carries no credentials but its
   * signature, and the merchant is the one whose integration's secret signed it. The only unscoped read.
   */
  async findForHook(id: string): Promise<IntegrationRow | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM shop_integrations WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async replaceSecret(merchantId: string, id: string, secretSealed: string, at: Date): Promise<IntegrationRow | null> {
    // An UPDATE answers [rows, affected count].
    const [rows] = await this.db.query(
      `UPDATE shop_integrations SET secret_sealed = $3, secret_rotated_at = $4 WHERE merchant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [merchantId, id, secretSealed, at],
    );
    return rows[0] ?? null;
  }

  /** Its delivery ids go with it (ON DELETE CASCADE). False when the merchant has no such integration. */
  async delete(merchantId: string, id: string): Promise<boolean> {
    const [, deleted] = await this.db.query(`DELETE FROM shop_integrations WHERE merchant_id = $1 AND id = $2`, [merchantId, id]);
    return deleted > 0;
  }

  /**
   * Counts the delivery and makes it the last one. Inside the delivery's transaction when it wrote data, as
   * its last statement: the row lock that serialises one integration's deliveries is held only until commit.
   */
  async recordDelivery(merchantId: string, id: string, delivery: DeliveryRecord, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `UPDATE shop_integrations
          SET last_delivery_at = $3, last_delivery_topic = $4, last_delivery_status = $5, last_delivery_result = $6,
              last_delivery_detail = $7, received_count = received_count + 1,
              ignored_count = ignored_count + (CASE WHEN $6 = 'ignored' THEN 1 ELSE 0 END),
              failed_count = failed_count + (CASE WHEN $6 = 'failed' THEN 1 ELSE 0 END)
        WHERE merchant_id = $1 AND id = $2`,
      [merchantId, id, delivery.at, delivery.topic, delivery.status, delivery.result, delivery.detail?.slice(0, MAX_DETAIL_LENGTH) ?? null],
    );
  }
}
