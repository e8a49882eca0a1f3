import type { ConsentPurpose, ConsentState, OrderStatus } from '@postino/api-contract';
import { SHIPMENT_CREATED, SHIPMENT_DELAYED, SHIPMENT_STALLED, SHIPMENT_STATUS_CHANGED, type FlowEvent, type FlowEventPayloads, type FlowEventType } from '@postino/flow-model';

/**
 * Every event the outbox carries: the flow events (which flows react to, see @postino/flow-model) and the
 * other shop-data events, which no flow listens to yet. The trigger matcher marks every claimed event handled,
 * whatever its type, so an event no flow listens to never lingers.
 */
export const ORDER_CREATED = 'order.created';
export const ORDER_UPDATED = 'order.updated';
export const ORDER_CANCELLED = 'order.cancelled';
export const CUSTOMER_CONSENT_CHANGED = 'customer.consent_changed';
// A flow event (defined in @postino/flow-model), exported here too for shop data, which writes it.
export { SHIPMENT_CREATED };

export interface OrderEventPayload {
  merchantId: string;
  orderId: string;
  orderNumber: string;
  customerId: string | null;
  status: OrderStatus;
}

export interface DomainEventPayloads extends FlowEventPayloads {
  [ORDER_CREATED]: OrderEventPayload;
  /** `changed` names what differs from the stored order (e.g. status, lineItems, total). */
  [ORDER_UPDATED]: OrderEventPayload & { changed: string[] };
  [ORDER_CANCELLED]: OrderEventPayload & { from: OrderStatus };
  [CUSTOMER_CONSENT_CHANGED]: {
    merchantId: string;
    customerId: string;
    purpose: ConsentPurpose;
    from: ConsentState;
    to: ConsentState;
    source: string;
  };
}

export type DomainEventType = keyof DomainEventPayloads;

export type DomainEvent = {
  [T in DomainEventType]: { type: T; payload: DomainEventPayloads[T] };
}[DomainEventType];

// A flow event type added to @postino/flow-model fails to compile here until it is listed.
const FLOW_EVENT_TYPES: Record<FlowEventType, true> = {
  [SHIPMENT_STATUS_CHANGED]: true,
  [SHIPMENT_CREATED]: true,
  [SHIPMENT_DELAYED]: true,
  [SHIPMENT_STALLED]: true,
};

/** Whether flows can react to this event (a trigger may listen to it). */
export function isFlowEvent<E extends DomainEvent>(event: E): event is E & FlowEvent {
  return Object.hasOwn(FLOW_EVENT_TYPES, event.type);
}
