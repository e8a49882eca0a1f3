import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface IdempotencyRecord {
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
}

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Claims the key for this request; returns the existing record when another request holds it. */
  async claim(input: {
    merchantId: string;
    key: string;
    method: string;
    path: string;
    requestHash: string;
  }): Promise<IdempotencyRecord | null> {
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (merchant_id, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (merchant_id, key) DO NOTHING RETURNING key`,
      [input.merchantId, input.key, input.method, input.path, input.requestHash],
    );
    if (inserted.length > 0) return null;
    const rows = await this.db.query(
      `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotency_keys WHERE merchant_id = $1 AND key = $2`,
      [input.merchantId, input.key],
    );
    return rows[0] ?? { requestHash: input.requestHash, responseStatus: null, responseBody: null };
  }

  async complete(merchantId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE merchant_id = $1 AND key = $2`,
      [merchantId, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed request frees its key, so the client can retry it. */
  async release(merchantId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE merchant_id = $1 AND key = $2 AND response_status IS NULL`, [
      merchantId,
      key,
    ]);
  }

  async deleteOlderThan(hours: number): Promise<number> {
    const [, count] = await this.db.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [hours],
    );
    return count ?? 0;
  }
}
