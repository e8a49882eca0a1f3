import type { Status, Substatus } from '@postino/status';

/**
 * The domain events flows react to, as the outbox stores them (`type` + `payload`). Written by the engine in
 * the same transaction as the state they describe; triggers match them and waits may await them.
 */
export interface ShipmentStatusChangedPayload {
  merchantId: string;
  shipmentId: string;
  /** Null for a shipment's first status. */
  from: Status | null;
  to: Status;
  substatus: Substatus | null;
  eventId: string | null;
  /** The shipment's carrier code; absent from events stored before it was written. */
  carrier?: string;
}

/** Written by shop data when a shipment is first stored, in the same transaction. */
export interface ShipmentCreatedPayload {
  merchantId: string;
  shipmentId: string;
  orderId: string | null;
  carrier: string;
  trackingNumber: string;
}

export const SHIPMENT_STATUS_CHANGED = 'shipment.status_changed';
export const SHIPMENT_CREATED = 'shipment.created';

export interface FlowEventPayloads {
  [SHIPMENT_STATUS_CHANGED]: ShipmentStatusChangedPayload;
  [SHIPMENT_CREATED]: ShipmentCreatedPayload;
}

export type FlowEventType = keyof FlowEventPayloads;

export type FlowEvent = {
  [T in FlowEventType]: { type: T; payload: FlowEventPayloads[T] };
}[FlowEventType];

/** Every flow event concerns one shipment; runs are for that shipment. */
export function shipmentIdOf(event: FlowEvent): string {
  return event.payload.shipmentId;
}
