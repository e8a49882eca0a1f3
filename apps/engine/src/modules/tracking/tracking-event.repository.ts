import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TrackingEventRow } from './shipment';

/** An event to store on a known shipment: the stored row without what Postgres assigns. */
export type NewTrackingEvent = Omit<TrackingEventRow, 'id' | 'sequence'> & { shipmentId: string };

/** A raw carrier event as received, before it is matched to a shipment and normalized. */
export type UnmatchedTrackingEvent = Pick<TrackingEventRow, 'code' | 'description' | 'occurredAt' | 'location'> & {
  carrier: string;
  trackingNumber: string;
};

/** What identifies a stored event: a second one with the same is a duplicate. */
export type InsertedTrackingEvent = Pick<TrackingEventRow, 'code' | 'occurredAt'> & { shipmentId: string };
export type KeptTrackingEvent = Pick<UnmatchedTrackingEvent, 'carrier' | 'trackingNumber' | 'code' | 'occurredAt'>;

@Injectable()
export class TrackingEventRepository {
  /** Inserts what is new; duplicates (same shipment, code and time) are skipped. Returns the rows inserted. */
  async insertMany(manager: EntityManager, merchantId: string, events: NewTrackingEvent[]): Promise<InsertedTrackingEvent[]> {
    if (events.length === 0) return [];
    const rows: InsertedTrackingEvent[] = await manager.query(
      `INSERT INTO tracking_events (merchant_id, shipment_id, code, description, occurred_at, location, status, substatus, mapped_via)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[])
       ON CONFLICT (shipment_id, code, occurred_at) DO NOTHING
       RETURNING shipment_id AS "shipmentId", code, occurred_at AS "occurredAt"`,
      [
        merchantId,
        events.map((e) => e.shipmentId),
        events.map((e) => e.code),
        events.map((e) => e.description),
        events.map((e) => e.occurredAt.toISOString()),
        events.map((e) => e.location),
        events.map((e) => e.status),
        events.map((e) => e.substatus),
        events.map((e) => e.mappedVia),
      ],
    );
    return rows;
  }

  /** Keeps events of tracking numbers not known yet; returns the rows that were new. */
  async keepUnmatched(manager: EntityManager, merchantId: string, events: UnmatchedTrackingEvent[]): Promise<KeptTrackingEvent[]> {
    if (events.length === 0) return [];
    const rows: KeptTrackingEvent[] = await manager.query(
      `INSERT INTO unmatched_tracking_events (merchant_id, carrier, tracking_number, code, description, occurred_at, location)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
       ON CONFLICT (merchant_id, carrier, tracking_number, code, occurred_at) DO NOTHING
       RETURNING carrier, tracking_number AS "trackingNumber", code, occurred_at AS "occurredAt"`,
      [
        merchantId,
        events.map((e) => e.carrier),
        events.map((e) => e.trackingNumber),
        events.map((e) => e.code),
        events.map((e) => e.description),
        events.map((e) => e.occurredAt.toISOString()),
        events.map((e) => e.location),
      ],
    );
    return rows;
  }

  /** Removes and returns the kept events of these tracking numbers, for the shipments that now exist: one statement. */
  async takeUnmatched(
    manager: EntityManager,
    merchantId: string,
    keys: { carrier: string; trackingNumber: string }[],
  ): Promise<UnmatchedTrackingEvent[]> {
    if (keys.length === 0) return [];
    const [rows] = await manager.query(
      `DELETE FROM unmatched_tracking_events u
        USING unnest($2::text[], $3::text[]) AS k(carrier, tracking_number)
        WHERE u.merchant_id = $1 AND u.carrier = k.carrier AND u.tracking_number = k.tracking_number
       RETURNING u.carrier, u.tracking_number AS "trackingNumber", u.code, u.description, u.occurred_at AS "occurredAt",
                 u.location`,
      [merchantId, keys.map((k) => k.carrier), keys.map((k) => k.trackingNumber)],
    );
    return rows;
  }

  /** Unknown codes are counted per merchant and carrier so the code tables can be completed. */
  async countUnknownCodes(
    manager: EntityManager,
    merchantId: string,
    codes: { carrier: string; code: string; description: string | null }[],
  ): Promise<void> {
    if (codes.length === 0) return;
    await manager.query(
      `INSERT INTO unknown_carrier_codes AS u (merchant_id, carrier, code, occurrences, last_description)
       SELECT $1, carrier, code, count(*), max(description)
         FROM unnest($2::text[], $3::text[], $4::text[]) AS t(carrier, code, description)
        GROUP BY carrier, code
        ORDER BY carrier, code
       ON CONFLICT (merchant_id, carrier, code) DO UPDATE
         SET occurrences = u.occurrences + EXCLUDED.occurrences,
             last_description = coalesce(EXCLUDED.last_description, u.last_description),
             last_seen_at = now()`,
      [merchantId, codes.map((c) => c.carrier), codes.map((c) => c.code), codes.map((c) => c.description)],
    );
  }
}
