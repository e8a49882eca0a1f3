import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SigningSecretRow {
  merchantId: string;
  secretSealed: string;
  createdAt: Date;
  rotatedAt: Date | null;
}

const COLUMNS = `merchant_id AS "merchantId", secret_sealed AS "secretSealed", created_at AS "createdAt", rotated_at AS "rotatedAt"`;

/** One sealed signing secret per merchant. */
@Injectable()
export class WebhookSigningRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(merchantId: string): Promise<SigningSecretRow | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM webhook_signing_secrets WHERE merchant_id = $1`, [merchantId]);
    return rows[0] ?? null;
  }

  /** The batch's merchants' secrets in one statement. */
  async getMany(merchantIds: string[]): Promise<SigningSecretRow[]> {
    if (merchantIds.length === 0) return [];
    return this.db.query(`SELECT ${COLUMNS} FROM webhook_signing_secrets WHERE merchant_id = ANY($1::uuid[])`, [[...new Set(merchantIds)]]);
  }

  /** Creates the secret, or replaces it (a rotation: the old one signs nothing more). */
  async put(merchantId: string, secretSealed: string, at: Date): Promise<SigningSecretRow> {
    const rows = await this.db.query(
      `INSERT INTO webhook_signing_secrets (merchant_id, secret_sealed, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (merchant_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, rotated_at = EXCLUDED.created_at
       RETURNING ${COLUMNS}`,
      [merchantId, secretSealed, at],
    );
    return rows[0];
  }
}
