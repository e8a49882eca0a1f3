import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface Merchant {
  id: string;
  name: string;
  slug: string;
}

export interface User {
  id: string;
  merchantId: string;
  email: string;
  name: string;
  role: 'owner' | 'marketer' | 'agent';
}

const USER_COLUMNS = `id, merchant_id AS "merchantId", email, name, role`;

@Injectable()
export class MerchantRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(id: string): Promise<Merchant | null> {
    const rows = await this.db.query(`SELECT id, name, slug FROM merchants WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findBySlug(slug: string): Promise<Merchant | null> {
    const rows = await this.db.query(`SELECT id, name, slug FROM merchants WHERE slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  async create(input: { name: string; slug: string }, manager: EntityManager = this.db.manager): Promise<Merchant> {
    const rows = await manager.query(`INSERT INTO merchants (name, slug) VALUES ($1, $2) RETURNING id, name, slug`, [
      input.name,
      input.slug,
    ]);
    return rows[0];
  }

  async createUser(
    input: { merchantId: string; email: string; name: string; role: User['role']; passwordHash: string },
    manager: EntityManager = this.db.manager,
  ): Promise<User> {
    const rows = await manager.query(
      `INSERT INTO users (merchant_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${USER_COLUMNS}`,
      [input.merchantId, input.email, input.name, input.role, input.passwordHash],
    );
    return rows[0];
  }

  /** Logins are by e-mail across all merchants: an address belongs to one user. */
  async findUserForLogin(email: string): Promise<(User & { passwordHash: string }) | null> {
    const rows = await this.db.query(
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  async findUser(merchantId: string, userId: string): Promise<User | null> {
    const rows = await this.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE merchant_id = $1 AND id = $2`, [
      merchantId,
      userId,
    ]);
    return rows[0] ?? null;
  }
}
