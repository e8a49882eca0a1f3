import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, name, prefix, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(input: { merchantId: string; name: string; prefix: string; keyHash: string; createdBy: string | null }) {
    const rows = await this.db.query(
      `INSERT INTO api_keys (merchant_id, name, prefix, key_hash, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [input.merchantId, input.name, input.prefix, input.keyHash, input.createdBy],
    );
    return rows[0] as ApiKeySummary;
  }

  async list(merchantId: string): Promise<ApiKeySummary[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM api_keys WHERE merchant_id = $1 ORDER BY created_at DESC`, [
      merchantId,
    ]);
  }

  /** Returns false when the key does not exist for this merchant. Revoking twice is harmless. */
  async revoke(merchantId: string, id: string): Promise<boolean> {
    const [, updated] = await this.db.query(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE merchant_id = $1 AND id = $2`,
      [merchantId, id],
    );
    return updated > 0;
  }

  async findActiveByHash(keyHash: string): Promise<{ id: string; merchantId: string } | null> {
    const rows = await this.db.query(
      `SELECT id, merchant_id AS "merchantId" FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    return rows[0] ?? null;
  }

  /** Coarse on purpose: one write per key per minute, not one per request. */
  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
