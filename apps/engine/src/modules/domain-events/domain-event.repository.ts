import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventPayloads, DomainEventType } from './domain-event-types';

/** An outbox row claimed for handling, with what its merchant's caches need to check they are current. */
export type ClaimedDomainEvent = DomainEvent & {
  id: string;
  merchantId: string;
  publicationRevision: string;
};

@Injectable()
export class DomainEventRepository {
  /** Must run inside the transaction that changes the state the events describe. */
  async appendMany<T extends DomainEventType>(
    manager: EntityManager,
    merchantId: string,
    type: T,
    payloads: DomainEventPayloads[T][],
  ): Promise<void> {
    if (payloads.length === 0) return;
    await manager.query(
      `INSERT INTO domain_events (merchant_id, type, payload) SELECT $1, $2, unnest($3::jsonb[])`,
      [merchantId, type, payloads.map((p) => JSON.stringify(p))],
    );
  }

  /** Events of several types in one statement, in order; like appendMany, inside the state's transaction. */
  async append(manager: EntityManager, merchantId: string, events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO domain_events (merchant_id, type, payload)
       SELECT $1, e.type, e.payload FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS e(type, payload, n) ORDER BY e.n`,
      [merchantId, events.map((e) => e.type), events.map((e) => JSON.stringify(e.payload))],
    );
  }

  /** Events of several merchants (each payload names its own) in one statement, in order; inside the state's transaction. */
  async appendAcrossMerchants(manager: EntityManager, events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO domain_events (merchant_id, type, payload)
       SELECT e.merchant_id, e.type, e.payload
         FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e(merchant_id, type, payload, n) ORDER BY e.n`,
      [events.map((e) => e.payload.merchantId), events.map((e) => e.type), events.map((e) => JSON.stringify(e.payload))],
    );
  }

  /**
   * Locks a batch of events nobody has handled yet, oldest first, with SKIP LOCKED (never "id greater than
   * the last seen": a late commit would be skipped). The caller's transaction handles them and marks them.
   */
  claimUnhandled(manager: EntityManager, limit: number): Promise<ClaimedDomainEvent[]> {
    return manager.query(
      `WITH batch AS (
         SELECT id FROM domain_events WHERE handled_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       SELECT e.id, e.merchant_id AS "merchantId", e.type, e.payload, m.publication_revision AS "publicationRevision"
         FROM batch JOIN domain_events e ON e.id = batch.id JOIN merchants m ON m.id = e.merchant_id
        ORDER BY e.created_at`,
      [limit],
    );
  }

  /** An event is handled once the runs it starts exist: the caller marks it in the transaction creating them. */
  async markHandled(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.query(`UPDATE domain_events SET handled_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]);
  }

  /** Whether events wait longer than `olderThan` (their wake-up was lost): the sweeper's cheap question. */
  async anyUnhandledBefore(manager: EntityManager, olderThan: Date): Promise<boolean> {
    const rows = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM domain_events WHERE handled_at IS NULL AND created_at < $1) AS due`,
      [olderThan],
    );
    return rows[0].due;
  }
}
