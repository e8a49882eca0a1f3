import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderStatus } from '@postino/api-contract';
import { DataSource, EntityManager } from 'typeorm';
import { cursorTimeSql, escapeLike, KeysetPosition } from '../../common/http/keyset-cursor';
import { CUSTOMER_COLUMNS, CustomerDbRow, CustomerRow, fromDb } from '../customers/customer';
import { ORDER_COLUMNS, OrderRow } from './order';

export interface OrderListFilter {
  status?: OrderStatus;
  customerId?: string;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  after?: KeysetPosition;
  limit: number;
}

/** Orders with their line items; every statement works on a whole batch and is scoped by merchant. */
@Injectable()
export class OrderRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Serialises writers of the same order numbers — the order's own and the shipments that name it — so an
   * order and a shipment arriving together always link, whichever commits first. Key order: no deadlocks.
   */
  async lockNumbers(manager: EntityManager, merchantId: string, numbers: string[]): Promise<void> {
    if (numbers.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':order:' || k.number, 0))
         FROM unnest($2::text[]) AS k(number) ORDER BY k.number`,
      [merchantId, [...new Set(numbers)]],
    );
  }

  async findByNumbers(manager: EntityManager, merchantId: string, numbers: string[]): Promise<OrderRow[]> {
    if (numbers.length === 0) return [];
    return manager.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.merchant_id = $1 AND o.number = ANY($2::text[])`, [
      merchantId,
      numbers,
    ]);
  }

  /** Inserts new orders and overwrites changed ones (by id): one statement. */
  async writeMany(manager: EntityManager, merchantId: string, rows: OrderRow[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(pick: (r: OrderRow) => T) => rows.map(pick);
    await manager.query(
      `INSERT INTO orders AS o (id, merchant_id, number, external_id, customer_id, status, currency, subtotal_minor,
              discounts_minor, shipping_minor, total_minor, line_items, discount_codes, shipping_address, created_at,
              received_at, updated_at)
       SELECT u.id, $1, u.number, u.external_id, u.customer_id, u.status, u.currency, u.subtotal, u.discounts, u.shipping,
              u.total, u.line_items, ARRAY(SELECT jsonb_array_elements_text(u.discount_codes)), u.shipping_address,
              u.created_at, u.received_at, u.updated_at
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::bigint[], $9::bigint[],
                     $10::bigint[], $11::bigint[], $12::jsonb[], $13::jsonb[], $14::jsonb[], $15::timestamptz[],
                     $16::timestamptz[], $17::timestamptz[])
              AS u(id, number, external_id, customer_id, status, currency, subtotal, discounts, shipping, total,
                   line_items, discount_codes, shipping_address, created_at, received_at, updated_at)
       ON CONFLICT (id) DO UPDATE SET
         external_id = EXCLUDED.external_id, customer_id = EXCLUDED.customer_id, status = EXCLUDED.status,
         currency = EXCLUDED.currency, subtotal_minor = EXCLUDED.subtotal_minor,
         discounts_minor = EXCLUDED.discounts_minor, shipping_minor = EXCLUDED.shipping_minor,
         total_minor = EXCLUDED.total_minor, line_items = EXCLUDED.line_items, discount_codes = EXCLUDED.discount_codes,
         shipping_address = EXCLUDED.shipping_address, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
       WHERE o.merchant_id = $1`,
      [
        merchantId,
        col((r) => r.id),
        col((r) => r.number),
        col((r) => r.externalId),
        col((r) => r.customerId),
        col((r) => r.status),
        col((r) => r.currency),
        col((r) => r.subtotalMinor),
        col((r) => r.discountsMinor),
        col((r) => r.shippingMinor),
        col((r) => r.totalMinor),
        col((r) => JSON.stringify(r.lineItems)),
        col((r) => JSON.stringify(r.discountCodes)),
        col((r) => (r.shippingAddress ? JSON.stringify(r.shippingAddress) : null)),
        col((r) => r.createdAt),
        col((r) => r.receivedAt),
        col((r) => r.updatedAt),
      ],
    );
  }

  async findById(merchantId: string, id: string): Promise<OrderRow | null> {
    const rows = await this.db.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.merchant_id = $1 AND o.id = $2`, [
      merchantId,
      id,
    ]);
    return rows[0] ?? null;
  }

  /** The order's customer (read here: the customers module reads orders, not the other way round). */
  async customerOf(merchantId: string, order: OrderRow): Promise<CustomerRow | null> {
    if (!order.customerId) return null;
    const rows: CustomerDbRow[] = await this.db.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.merchant_id = $1 AND c.id = $2`,
      [merchantId, order.customerId],
    );
    return rows[0] ? fromDb(rows[0]) : null;
  }

  /** Newest placed first, keyset on (created_at, id). */
  async list(merchantId: string, filter: OrderListFilter): Promise<(OrderRow & { cursorAt: string })[]> {
    const params: unknown[] = [merchantId];
    const where = ['o.merchant_id = $1'];
    if (filter.status) where.push(`o.status = $${params.push(filter.status)}`);
    if (filter.customerId) where.push(`o.customer_id = $${params.push(filter.customerId)}::uuid`);
    if (filter.createdFrom) where.push(`o.created_at >= $${params.push(filter.createdFrom)}::timestamptz`);
    if (filter.createdTo) where.push(`o.created_at < $${params.push(filter.createdTo)}::timestamptz`);
    if (filter.q) {
      const n = params.push(`%${escapeLike(filter.q)}%`);
      where.push(
        `(o.number ILIKE $${n} OR EXISTS (SELECT 1 FROM customers c WHERE c.merchant_id = o.merchant_id
            AND c.id = o.customer_id AND (c.email ILIKE $${n} OR c.name ILIKE $${n})))`,
      );
    }
    if (filter.after) {
      const at = params.push(filter.after.at);
      const id = params.push(filter.after.id);
      where.push(`(o.created_at, o.id) < ($${at}::timestamptz, $${id}::uuid)`);
    }
    const limit = params.push(filter.limit);
    return this.db.query(
      `SELECT ${ORDER_COLUMNS}, ${cursorTimeSql('o.created_at')} AS "cursorAt"
         FROM orders o WHERE ${where.join(' AND ')}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $${limit}`,
      params,
    );
  }

  async listForCustomer(merchantId: string, customerId: string, limit: number, manager: EntityManager = this.db.manager): Promise<OrderRow[]> {
    return manager.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.merchant_id = $1 AND o.customer_id = $2
        ORDER BY o.created_at DESC, o.id DESC LIMIT $3`,
      [merchantId, customerId, limit],
    );
  }
}
