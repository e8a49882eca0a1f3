import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UserRole } from '../../common/auth/principal';

export interface SessionRecord {
  tokenHash: string;
  merchantId: string;
  userId: string;
  role: UserRole;
  email: string;
  csrfToken: string;
}

@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(input: { tokenHash: string; merchantId: string; userId: string; csrfToken: string; ttlHours: number }) {
    await this.db.query(
      `INSERT INTO sessions (token_hash, merchant_id, user_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))`,
      [input.tokenHash, input.merchantId, input.userId, input.csrfToken, input.ttlHours],
    );
  }

  async findValid(tokenHash: string): Promise<SessionRecord | null> {
    const rows = await this.db.query(
      `SELECT s.token_hash AS "tokenHash", s.merchant_id AS "merchantId", s.user_id AS "userId",
              u.role, u.email, s.csrf_token AS "csrfToken"
         FROM sessions s JOIN users u ON u.id = s.user_id AND u.merchant_id = s.merchant_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
  }

  async deleteExpired(): Promise<number> {
    const [, count] = await this.db.query(`DELETE FROM sessions WHERE expires_at <= now()`);
    return count ?? 0;
  }
}
