import type { Status, Substatus } from '@postino/status';

export interface ShipmentRow {
  id: string;
  merchantId: string;
  trackingNumber: string;
  carrier: string;
  orderNumber: string | null;
  orderId: string | null;
  customerId: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  customerName: string | null;
  customerLocale: string | null;
  customerTimezone: string | null;
  destinationCountry: string | null;
  destinationPostalCode: string | null;
  destinationCity: string | null;
  promisedDeliveryDate: string | null;
  status: Status;
  substatus: Substatus | null;
  statusEventId: string | null;
  lastEventAt: Date | null;
  trackingToken: string;
  /** Given by the shop's flows (tag nodes): normalized, lower case. */
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}

export const SHIPMENT_COLUMNS = `
  s.id, s.merchant_id AS "merchantId", s.tracking_number AS "trackingNumber", s.carrier,
  s.order_number AS "orderNumber", s.order_id AS "orderId", s.customer_id AS "customerId",
  s.customer_email AS "customerEmail", s.customer_phone AS "customerPhone",
  s.customer_name AS "customerName", s.customer_locale AS "customerLocale", s.customer_timezone AS "customerTimezone",
  s.destination_country AS "destinationCountry", s.destination_postal_code AS "destinationPostalCode",
  s.destination_city AS "destinationCity", to_char(s.promised_delivery_date, 'YYYY-MM-DD') AS "promisedDeliveryDate",
  s.status, s.substatus, s.status_event_id AS "statusEventId", s.last_event_at AS "lastEventAt",
  s.tracking_token AS "trackingToken", s.tags, s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

export interface TrackingEventRow {
  id: string;
  code: string;
  description: string | null;
  occurredAt: Date;
  location: string | null;
  status: Status | null;
  substatus: Substatus | null;
  mappedVia: string;
  sequence: number;
}

export const TRACKING_EVENT_COLUMNS = `
  e.id, e.code, e.description, e.occurred_at AS "occurredAt", e.location, e.status, e.substatus,
  e.mapped_via AS "mappedVia", e.sequence::float8 AS sequence`;
