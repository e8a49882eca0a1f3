import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A shipment as its public tracking page needs it; statuses are as stored (unchecked text). */
export interface TrackedShipmentRecord {
  id: string;
  merchantId: string;
  merchantName: string;
  carrier: string;
  trackingNumber: string;
  orderNumber: string | null;
  customerLocale: string | null;
  customerTimezone: string | null;
  /** `YYYY-MM-DD`: a calendar date, kept as text so no timezone shifts it. */
  promisedDeliveryDate: string | null;
  status: string;
  substatus: string | null;
  lastEventAt: Date | null;
}

export interface TrackedEventRecord {
  occurredAt: Date;
  status: string | null;
  description: string | null;
  location: string | null;
}

// Bounds the work an anonymous request can cause; real shipments have a few dozen events.
const MAX_EVENTS = 200;

@Injectable()
export class TrackingPageRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The token is the only credential of the page, so it alone finds the shipment (and so its merchant). */
  async findShipmentByToken(token: string): Promise<TrackedShipmentRecord | null> {
    const rows = await this.db.query(
      `SELECT s.id, s.merchant_id AS "merchantId", m.name AS "merchantName", s.carrier,
              s.tracking_number AS "trackingNumber", s.order_number AS "orderNumber",
              s.customer_locale AS "customerLocale", s.customer_timezone AS "customerTimezone",
              s.promised_delivery_date::text AS "promisedDeliveryDate", s.status, s.substatus,
              s.last_event_at AS "lastEventAt"
         FROM shipments s JOIN merchants m ON m.id = s.merchant_id
        WHERE s.tracking_token = $1`,
      [token],
    );
    return rows[0] ?? null;
  }

  /** Newest first. */
  async listEvents(merchantId: string, shipmentId: string): Promise<TrackedEventRecord[]> {
    return this.db.query(
      `SELECT occurred_at AS "occurredAt", status, description, location
         FROM tracking_events
        WHERE merchant_id = $1 AND shipment_id = $2
        ORDER BY occurred_at DESC, sequence DESC
        LIMIT $3`,
      [merchantId, shipmentId, MAX_EVENTS],
    );
  }
}
