import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { cursorTimeSql, escapeLike, KeysetPosition } from '../../common/http/keyset-cursor';
import { PRODUCT_COLUMNS, ProductRow } from './product';

/** The product catalogue; every statement works on a whole batch and is scoped by merchant. */
@Injectable()
export class ProductRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Serialises writers of the same products, existing or not yet (key order: no deadlocks). */
  async lockExternalIds(manager: EntityManager, merchantId: string, externalIds: string[]): Promise<void> {
    if (externalIds.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':product:' || k.id, 0))
         FROM unnest($2::text[]) AS k(id) ORDER BY k.id`,
      [merchantId, [...new Set(externalIds)]],
    );
  }

  async findByExternalIds(manager: EntityManager, merchantId: string, externalIds: string[]): Promise<ProductRow[]> {
    if (externalIds.length === 0) return [];
    return manager.query(
      `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.merchant_id = $1 AND p.external_id = ANY($2::text[])`,
      [merchantId, externalIds],
    );
  }

  /** Inserts new products and overwrites changed ones (by id): one statement. */
  async writeMany(manager: EntityManager, merchantId: string, rows: ProductRow[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(pick: (r: ProductRow) => T) => rows.map(pick);
    await manager.query(
      `INSERT INTO products AS p (id, merchant_id, external_id, title, url, image_url, price_minor, currency, tags,
              in_stock, created_at, updated_at)
       SELECT u.id, $1, u.external_id, u.title, u.url, u.image_url, u.price_minor, u.currency,
              ARRAY(SELECT jsonb_array_elements_text(u.tags)), u.in_stock, u.created_at, u.updated_at
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::jsonb[],
                     $10::boolean[], $11::timestamptz[], $12::timestamptz[])
              AS u(id, external_id, title, url, image_url, price_minor, currency, tags, in_stock, created_at, updated_at)
       ON CONFLICT (id) DO UPDATE SET
         title = EXCLUDED.title, url = EXCLUDED.url, image_url = EXCLUDED.image_url, price_minor = EXCLUDED.price_minor,
         currency = EXCLUDED.currency, tags = EXCLUDED.tags, in_stock = EXCLUDED.in_stock, updated_at = EXCLUDED.updated_at
       WHERE p.merchant_id = $1`,
      [
        merchantId,
        col((r) => r.id),
        col((r) => r.externalId),
        col((r) => r.title),
        col((r) => r.url),
        col((r) => r.imageUrl),
        col((r) => r.priceMinor),
        col((r) => r.currency),
        col((r) => JSON.stringify(r.tags)),
        col((r) => r.inStock),
        col((r) => r.createdAt),
        col((r) => r.updatedAt),
      ],
    );
  }

  async findById(merchantId: string, id: string): Promise<ProductRow | null> {
    const rows = await this.db.query(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.merchant_id = $1 AND p.id = $2`, [
      merchantId,
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Newest first, keyset on (created_at, id); `q` matches part of the title or the shop's id. */
  async list(
    merchantId: string,
    filter: { q?: string; inStock?: boolean; after?: KeysetPosition; limit: number },
  ): Promise<(ProductRow & { cursorAt: string })[]> {
    const params: unknown[] = [merchantId];
    const where = ['p.merchant_id = $1'];
    if (filter.q) {
      const n = params.push(`%${escapeLike(filter.q)}%`);
      where.push(`(p.title ILIKE $${n} OR p.external_id ILIKE $${n})`);
    }
    if (filter.inStock !== undefined) where.push(`p.in_stock = $${params.push(filter.inStock)}`);
    if (filter.after) {
      const at = params.push(filter.after.at);
      const id = params.push(filter.after.id);
      where.push(`(p.created_at, p.id) < ($${at}::timestamptz, $${id}::uuid)`);
    }
    const limit = params.push(filter.limit);
    return this.db.query(
      `SELECT ${PRODUCT_COLUMNS}, ${cursorTimeSql('p.created_at')} AS "cursorAt"
         FROM products p WHERE ${where.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC LIMIT $${limit}`,
      params,
    );
  }
}
