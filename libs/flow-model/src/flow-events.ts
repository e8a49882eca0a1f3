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

/** Written by the shipment-watch sweeper once per episode: the promised date passed and it is not delivered. */
export interface ShipmentDelayedPayload {
  merchantId: string;
  shipmentId: string;
  carrier: string;
  /** The promised delivery date that was missed (`YYYY-MM-DD`); a new one that passes again is a new episode. */
  missedDate: string;
  status: Status;
}

export const SHIPMENT_DELAYED = 'shipment.delayed';

/** Written by the shipment-watch sweeper once per episode: no carrier scan for `hours` (the threshold that applied). */
export interface ShipmentStalledPayload {
  merchantId: string;
  shipmentId: string;
  carrier: string;
  /** When the last scan happened (ISO 8601); a newer scan ends the episode. */
  lastScanAt: string;
  hours: number;
  status: Status;
}

export const SHIPMENT_STALLED = 'shipment.stalled';

export interface FlowEventPayloads {
  [SHIPMENT_STATUS_CHANGED]: ShipmentStatusChangedPayload;
  [SHIPMENT_CREATED]: ShipmentCreatedPayload;
  [SHIPMENT_DELAYED]: ShipmentDelayedPayload;
  [SHIPMENT_STALLED]: ShipmentStalledPayload;
}

export type FlowEventType = keyof FlowEventPayloads;

export type FlowEvent = {
  [T in FlowEventType]: { type: T; payload: FlowEventPayloads[T] };
}[FlowEventType];

/** Every flow event concerns one shipment; runs are for that shipment. */
export function shipmentIdOf(event: FlowEvent): string {
  return event.payload.shipmentId;
}
