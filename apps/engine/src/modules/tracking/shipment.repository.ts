import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Status, Substatus } from '@postino/status';
import { DataSource, EntityManager } from 'typeorm';
import { SHIPMENT_COLUMNS, ShipmentRow, TRACKING_EVENT_COLUMNS, TrackingEventRow } from './shipment';

export interface ShipmentStatusUpdate {
  id: string;
  status: Status;
  substatus: Substatus | null;
  statusEventId: string | null;
  lastEventAt: Date | null;
}

export type NewShipment = Omit<
  ShipmentRow,
  'id' | 'status' | 'substatus' | 'statusEventId' | 'lastEventAt' | 'createdAt' | 'updatedAt'
>;

export interface ShipmentListFilter {
  status?: Status;
  carrier?: string;
  q?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

export type ShipmentListRow = ShipmentRow & {
  lastEvent: { description: string | null; code: string; occurredAt: string; location: string | null } | null;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class ShipmentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Returns null when the merchant already has this carrier + tracking number. */
  async insert(manager: EntityManager, s: NewShipment): Promise<ShipmentRow | null> {
    const rows = await manager.query(
      `INSERT INTO shipments AS s (merchant_id, tracking_number, carrier, order_number, customer_email, customer_phone,
         customer_name, customer_locale, customer_timezone, destination_country, destination_postal_code,
         destination_city, promised_delivery_date, tracking_token)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (merchant_id, carrier, tracking_number) DO NOTHING
       RETURNING ${SHIPMENT_COLUMNS}`,
      [
        s.merchantId,
        s.trackingNumber,
        s.carrier,
        s.orderNumber,
        s.customerEmail,
        s.customerPhone,
        s.customerName,
        s.customerLocale,
        s.customerTimezone,
        s.destinationCountry,
        s.destinationPostalCode,
        s.destinationCity,
        s.promisedDeliveryDate,
        s.trackingToken,
      ],
    );
    return rows[0] ?? null;
  }

  async findIdByNumber(merchantId: string, carrier: string, trackingNumber: string): Promise<string | null> {
    const rows = await this.db.query(
      `SELECT id FROM shipments WHERE merchant_id = $1 AND carrier = $2 AND tracking_number = $3`,
      [merchantId, carrier, trackingNumber],
    );
    return rows[0]?.id ?? null;
  }

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
      status: Status;
      substatus: Substatus | null;
      statusEventId: string | null;
      lastEventAt: Date | null;
    }[] = await manager.query(
      `SELECT id, status, substatus, status_event_id AS "statusEventId", last_event_at AS "lastEventAt"
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
      const c = params.push(filter.after.createdAt);
      const i = params.push(filter.after.id);
      where.push(`(s.created_at, s.id) < ($${c}::timestamptz, $${i}::uuid)`);
    }
    const limit = params.push(filter.limit);
    return this.db.query(
      `SELECT ${SHIPMENT_COLUMNS},
              to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtCursor",
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
}
