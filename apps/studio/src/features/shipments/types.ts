import type { Status, Substatus } from '@postino/status';

/** A location or address as the API sends it: free text or an address object. */
export type Place = string | Record<string, unknown>;

export interface LastEvent {
  description: string;
  occurredAt: string;
  location: Place | null;
}

export interface ShipmentCustomer {
  name: string | null;
  email: string | null;
}

export interface ShipmentSummary {
  id: string;
  trackingNumber: string;
  carrier: string;
  carrierName: string;
  status: Status;
  substatus: Substatus | null;
  orderNumber: string | null;
  customer: ShipmentCustomer;
  lastEvent: LastEvent | null;
  trackingPageUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ShipmentPage {
  items: ShipmentSummary[];
  nextCursor: string | null;
}

/** One carrier scan; `status` is null when the carrier's code could not be mapped. */
export interface TrackingEvent {
  id: string;
  code: string | null;
  description: string;
  occurredAt: string;
  location: Place | null;
  status: Status | null;
  substatus: Substatus | null;
}

export interface ShipmentDetail extends Omit<ShipmentSummary, 'customer'> {
  /** The order and customer it is linked to, once known (a shipment can arrive before its order). */
  orderId: string | null;
  customerId: string | null;
  customer: ShipmentCustomer & {
    phone: string | null;
    locale: string | null;
    timezone: string | null;
  };
  destination: Place | null;
  promisedDeliveryDate: string | null;
  /** Newest first. */
  events: TrackingEvent[];
}

export interface Carrier {
  slug: string;
  name: string;
  countries: string[];
  trackingUrl: string | null;
  nativeFormat: string | null;
}

export interface ShipmentFilters {
  status?: Status;
  carrier?: string;
  /** Order number, tracking number or customer. */
  q?: string;
}
