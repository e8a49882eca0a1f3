import type { Status, Substatus } from '@postino/status';

/** Written to the outbox in the same transaction as the status change it describes. */
export interface ShipmentStatusChanged {
  merchantId: string;
  shipmentId: string;
  from: Status;
  to: Status;
  substatus: Substatus | null;
  eventId: string | null;
}

export const SHIPMENT_STATUS_CHANGED = 'shipment.status_changed';
