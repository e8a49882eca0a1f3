import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Status, Substatus } from '@postino/status';
import { DataSource, EntityManager } from 'typeorm';
import { cursorTimeSql, escapeLike, KeysetPosition } from '../../common/http/keyset-cursor';
import { SHIPMENT_COLUMNS, ShipmentRow, TRACKING_EVENT_COLUMNS, TrackingEventRow } from './shipment';

export interface ShipmentStatusUpdate {
  id: string;
  status: Status;
  substatus: Substatus | null;
  statusEventId: string | null;
  lastEventAt: Date | null;
}

/** What a shop says about a shipment (the rest is decided from its carrier events; its tags by the flows' tag nodes). */
export type ShipmentIntake = Omit<ShipmentRow, 'status' | 'substatus' | 'statusEventId' | 'lastEventAt' | 'updatedAt' | 'tags'>;

export interface ShipmentListFilter {
  status?: Status;
  carrier?: string;
  q?: string;
  after?: KeysetPosition;
  limit: number;
}

export type ShipmentListRow = ShipmentRow & {
  cursorAt: string;
  lastEvent: { description: string | null; code: string; occurredAt: string; location: string | null } | null;
};


@Injectable()
export class ShipmentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(merchantId: string, id: string, manager: EntityManager = this.db.manager): Promise<ShipmentRow | null> {
    const rows = await manager.query(`SELECT ${SHIPMENT_COLUMNS} FROM shipments s WHERE s.merchant_id = $1 AND s.id = $2`, [
      merchantId,
      id,
    ]);
    return rows[0] ?? null;
  }

  /** The shipments of a batch (of any merchants), each looked up within its merchant. */
  async findMany(keys: { merchantId: string; shipmentId: string }[]): Promise<ShipmentRow[]> {
    if (keys.length === 0) return [];
    return this.db.query(
      `SELECT ${SHIPMENT_COLUMNS}
         FROM shipments s JOIN unnest($1::uuid[], $2::uuid[]) AS k(merchant_id, id) ON s.merchant_id = k.merchant_id AND s.id = k.id`,
      [keys.map((k) => k.merchantId), keys.map((k) => k.shipmentId)],
    );
  }

  /**
   * The batch's shipments as committed now, each held FOR SHARE until the caller's transaction ends: a
   * status change (which updates the row under FOR UPDATE, with its outbox event, in one transaction) either
   * committed before this read, and is seen, or commits after the caller. Locked in id order, the order
   * ingest locks in, so the two cannot deadlock.
   */
  async findManyForShare(manager: EntityManager, keys: { merchantId: string; shipmentId: string }[]): Promise<ShipmentRow[]> {
    if (keys.length === 0) return [];
    return manager.query(
      `SELECT ${SHIPMENT_COLUMNS}
         FROM shipments s JOIN unnest($1::uuid[], $2::uuid[]) AS k(merchant_id, id) ON s.merchant_id = k.merchant_id AND s.id = k.id
        ORDER BY s.id
        FOR SHARE OF s`,
      [keys.map((k) => k.merchantId), keys.map((k) => k.shipmentId)],
    );
  }

  /** The latest event of each of a batch's shipments, by shipment id (absent when it has none). */
  async latestEventsOf(keys: { merchantId: string; shipmentId: string }[]): Promise<Map<string, TrackingEventRow>> {
    if (keys.length === 0) return new Map();
    const rows: (TrackingEventRow & { shipmentId: string })[] = await this.db.query(
      `SELECT k.id AS "shipmentId", ${TRACKING_EVENT_COLUMNS}
         FROM unnest($1::uuid[], $2::uuid[]) AS k(merchant_id, id)
         JOIN LATERAL (SELECT * FROM tracking_events t WHERE t.merchant_id = k.merchant_id AND t.shipment_id = k.id
                        ORDER BY t.occurred_at DESC, t.sequence DESC LIMIT 1) e ON true`,
      [keys.map((k) => k.merchantId), keys.map((k) => k.shipmentId)],
    );
    return new Map(rows.map(({ shipmentId, ...event }) => [shipmentId, event]));
  }

  /**
   * Serialises the creation of a shipment with the ingestion of events for its tracking number, so an
   * event can never be parked as "unknown shipment" by a batch that missed the shipment being created.
   * Taken in key order by every caller (no deadlocks); released at commit.
   */
  async lockTrackingNumbers(
    manager: EntityManager,
    merchantId: string,
    keys: { carrier: string; trackingNumber: string }[],
  ): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || k.carrier || ':' || k.tracking_number, 0))
         FROM unnest($2::text[], $3::text[]) AS k(carrier, tracking_number)
        ORDER BY k.carrier, k.tracking_number`,
      [merchantId, keys.map((k) => k.carrier), keys.map((k) => k.trackingNumber)],
    );
  }

  /** Locks the shipments in id order, so concurrent batches touching the same shipments cannot deadlock. */
  async lockByNumbers(
    manager: EntityManager,
    merchantId: string,
    keys: { carrier: string; trackingNumber: string }[],
  ): Promise<{ id: string; carrier: string; trackingNumber: string }[]> {
    return manager.query(
      `SELECT s.id, s.carrier, s.tracking_number AS "trackingNumber"
         FROM shipments s
         JOIN unnest($2::text[], $3::text[]) AS k(carrier, tracking_number)
           ON s.carrier = k.carrier AND s.tracking_number = k.tracking_number
        WHERE s.merchant_id = $1
        ORDER BY s.id
        FOR UPDATE OF s`,
      [merchantId, keys.map((k) => k.carrier), keys.map((k) => k.trackingNumber)],
    );
  }

  async statusesOf(manager: EntityManager, merchantId: string, ids: string[]) {
    const rows: {
      id: string;
      carrier: string;
      status: Status;
      substatus: Substatus | null;
      statusEventId: string | null;
      lastEventAt: Date | null;
    }[] = await manager.query(
      `SELECT id, carrier, status, substatus, status_event_id AS "statusEventId", last_event_at AS "lastEventAt"
         FROM shipments WHERE merchant_id = $1 AND id = ANY($2::uuid[])`,
      [merchantId, ids],
    );
    return rows;
  }

  /** What deciding the status needs of every event of these shipments, nothing more. */
  async statusEventsOf(manager: EntityManager, merchantId: string, shipmentIds: string[]) {
    const rows: {
      id: string;
      shipmentId: string;
      status: Status | null;
      substatus: Substatus | null;
      occurredAt: Date;
      sequence: number;
    }[] = await manager.query(
      `SELECT id, shipment_id AS "shipmentId", status, substatus, occurred_at AS "occurredAt", sequence::float8 AS sequence
         FROM tracking_events WHERE merchant_id = $1 AND shipment_id = ANY($2::uuid[])`,
      [merchantId, shipmentIds],
    );
    return rows;
  }

  async updateStatuses(manager: EntityManager, merchantId: string, updates: ShipmentStatusUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await manager.query(
      `UPDATE shipments s
          SET status = u.status, substatus = u.substatus, status_event_id = u.status_event_id,
              last_event_at = u.last_event_at, updated_at = now()
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[])
              AS u(id, status, substatus, status_event_id, last_event_at)
        WHERE s.merchant_id = $1 AND s.id = u.id`,
      [
        merchantId,
        updates.map((u) => u.id),
        updates.map((u) => u.status),
        updates.map((u) => u.substatus),
        updates.map((u) => u.statusEventId),
        updates.map((u) => u.lastEventAt?.toISOString() ?? null),
      ],
    );
  }

  async events(merchantId: string, shipmentId: string, manager: EntityManager = this.db.manager): Promise<TrackingEventRow[]> {
    return manager.query(
      `SELECT ${TRACKING_EVENT_COLUMNS} FROM tracking_events e
        WHERE e.merchant_id = $1 AND e.shipment_id = $2 ORDER BY e.occurred_at DESC, e.sequence DESC`,
      [merchantId, shipmentId],
    );
  }

  /** Keyset pagination on (created_at, id), newest first, with each shipment's latest event. */
  async list(merchantId: string, filter: ShipmentListFilter): Promise<ShipmentListRow[]> {
    const params: unknown[] = [merchantId];
    const where = ['s.merchant_id = $1'];
    if (filter.status) where.push(`s.status = $${params.push(filter.status)}`);
    if (filter.carrier) where.push(`s.carrier = $${params.push(filter.carrier)}`);
    if (filter.q) {
      const n = params.push(`%${escapeLike(filter.q)}%`);
      where.push(
        `(s.tracking_number ILIKE $${n} OR s.order_number ILIKE $${n} OR s.customer_email ILIKE $${n} OR s.customer_name ILIKE $${n})`,
      );
    }
    if (filter.after) {
      const c = params.push(filter.after.at);
      const i = params.push(filter.after.id);
      where.push(`(s.created_at, s.id) < ($${c}::timestamptz, $${i}::uuid)`);
    }
    const limit = params.push(filter.limit);
    return this.db.query(
      `SELECT ${SHIPMENT_COLUMNS},
              ${cursorTimeSql('s.created_at')} AS "cursorAt",
              (SELECT json_build_object('description', e.description, 'code', e.code, 'occurredAt', e.occurred_at,
                                        'location', e.location)
                 FROM tracking_events e WHERE e.shipment_id = s.id AND e.merchant_id = s.merchant_id
                ORDER BY e.occurred_at DESC, e.sequence DESC LIMIT 1) AS "lastEvent"
         FROM shipments s
        WHERE ${where.join(' AND ')}
        ORDER BY s.created_at DESC, s.id DESC
        LIMIT $${limit}`,
      params,
    );
  }

  /**
   * Locks, in id order (the order tracking ingest locks in, so the two cannot deadlock), the shipments a
   * shop-data batch writes: those it names, and those waiting for one of its orders (same order number, no
   * order yet).
   */
  async lockForIntake(
    manager: EntityManager,
    merchantId: string,
    keys: { carrier: string; trackingNumber: string }[],
    waitingForOrders: string[],
  ): Promise<ShipmentRow[]> {
    if (keys.length === 0 && waitingForOrders.length === 0) return [];
    return manager.query(
      `SELECT ${SHIPMENT_COLUMNS} FROM shipments s
        WHERE s.merchant_id = $1
          AND ((s.carrier, s.tracking_number) IN (SELECT * FROM unnest($2::text[], $3::text[]))
               OR (s.order_id IS NULL AND s.order_number = ANY($4::text[])))
        ORDER BY s.id
        FOR UPDATE OF s`,
      [merchantId, keys.map((k) => k.carrier), keys.map((k) => k.trackingNumber), waitingForOrders],
    );
  }

  /** Inserts new shipments and overwrites what the shop says of changed ones (by id): one statement. */
  async writeIntake(manager: EntityManager, merchantId: string, rows: ShipmentIntake[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(pick: (r: ShipmentIntake) => T) => rows.map(pick);
    await manager.query(
      `INSERT INTO shipments AS s (id, merchant_id, tracking_number, carrier, order_number, order_id, customer_id,
              customer_email, customer_phone, customer_name, customer_locale, customer_timezone, destination_country,
              destination_postal_code, destination_city, promised_delivery_date, tracking_token, created_at, updated_at)
       SELECT u.id, $1, u.tracking_number, u.carrier, u.order_number, u.order_id, u.customer_id, u.customer_email,
              u.customer_phone, u.customer_name, u.customer_locale, u.customer_timezone, u.destination_country,
              u.destination_postal_code, u.destination_city, u.promised_delivery_date, u.tracking_token, u.created_at, $18
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::date[],
                     $17::text[], $19::timestamptz[])
              AS u(id, tracking_number, carrier, order_number, order_id, customer_id, customer_email, customer_phone,
                   customer_name, customer_locale, customer_timezone, destination_country, destination_postal_code,
                   destination_city, promised_delivery_date, tracking_token, created_at)
       ON CONFLICT (id) DO UPDATE SET
         order_number = EXCLUDED.order_number, order_id = EXCLUDED.order_id, customer_id = EXCLUDED.customer_id,
         customer_email = EXCLUDED.customer_email, customer_phone = EXCLUDED.customer_phone,
         customer_name = EXCLUDED.customer_name, customer_locale = EXCLUDED.customer_locale,
         customer_timezone = EXCLUDED.customer_timezone, destination_country = EXCLUDED.destination_country,
         destination_postal_code = EXCLUDED.destination_postal_code, destination_city = EXCLUDED.destination_city,
         promised_delivery_date = EXCLUDED.promised_delivery_date, updated_at = EXCLUDED.updated_at
       WHERE s.merchant_id = $1`,
      [
        merchantId,
        col((r) => r.id),
        col((r) => r.trackingNumber),
        col((r) => r.carrier),
        col((r) => r.orderNumber),
        col((r) => r.orderId),
        col((r) => r.customerId),
        col((r) => r.customerEmail),
        col((r) => r.customerPhone),
        col((r) => r.customerName),
        col((r) => r.customerLocale),
        col((r) => r.customerTimezone),
        col((r) => r.destinationCountry),
        col((r) => r.destinationPostalCode),
        col((r) => r.destinationCity),
        col((r) => r.promisedDeliveryDate),
        col((r) => r.trackingToken),
        now,
        col((r) => r.createdAt),
      ],
    );
  }

  /** The newest shipments of an order or of a customer. */
  async listFor(
    merchantId: string,
    owner: { orderId: string } | { customerId: string },
    limit: number,
    manager: EntityManager = this.db.manager,
  ): Promise<ShipmentRow[]> {
    const [column, id] = 'orderId' in owner ? ['order_id', owner.orderId] : ['customer_id', owner.customerId];
    return manager.query(
      `SELECT ${SHIPMENT_COLUMNS} FROM shipments s WHERE s.merchant_id = $1 AND s.${column} = $2
        ORDER BY s.created_at DESC, s.id DESC LIMIT $3`,
      [merchantId, id, limit],
    );
  }
}
