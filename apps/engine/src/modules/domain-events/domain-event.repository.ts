import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredDomainEvent<P = unknown> {
  id: string;
  merchantId: string;
  type: string;
  payload: P;
  createdAt: Date;
}

@Injectable()
export class DomainEventRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Must run inside the transaction that changes the state the events describe. */
  async appendMany(manager: EntityManager, merchantId: string, type: string, payloads: unknown[]): Promise<void> {
    if (payloads.length === 0) return;
    await manager.query(
      `INSERT INTO domain_events (merchant_id, type, payload) SELECT $1, $2, unnest($3::jsonb[])`,
      [merchantId, type, payloads.map((p) => JSON.stringify(p))],
    );
  }

  async find<P>(merchantId: string, id: string): Promise<StoredDomainEvent<P> | null> {
    const rows = await this.db.query(
      `SELECT id, merchant_id AS "merchantId", type, payload, created_at AS "createdAt"
         FROM domain_events WHERE merchant_id = $1 AND id = $2`,
      [merchantId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * Claims unrelayed events with SKIP LOCKED (never "id greater than the last seen": a late commit
   * would be skipped), hands them to `relay` and marks them relayed, all in one transaction.
   */
  async relayBatch(limit: number, relay: (events: { id: string; merchantId: string }[]) => Promise<void>): Promise<number> {
    return this.db.transaction(async (manager) => {
      const rows: { id: string; merchantId: string }[] = await manager.query(
        `SELECT id, merchant_id AS "merchantId" FROM domain_events
          WHERE relayed_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await relay(rows);
      await manager.query(`UPDATE domain_events SET relayed_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }
}
