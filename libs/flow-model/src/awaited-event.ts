import { isTerminalStatus, type Status } from '@postino/status';
import { SHIPMENT_CREATED, SHIPMENT_DELAYED, SHIPMENT_STALLED, SHIPMENT_STATUS_CHANGED, type FlowEvent, type FlowEventPayloads, type FlowEventType } from './flow-events';
import type { PresentFacts } from './node-type';

type PayloadValue = string | number | boolean | null;

/**
 * An event a waiting step is waiting for, as data the engine stores and matches without knowing node types:
 * an event type and, per payload field, the values any of which will do (every listed field must match).
 * E.g. `{ type: 'shipment.status_changed', match: { to: ['delivered', 'returned'] } }`.
 */
// Distributed over the event types, so each type's match names that type's own payload fields.
export type AwaitedEvent<T extends FlowEventType = FlowEventType> = {
  [E in T]: { type: E; match: { [K in keyof FlowEventPayloads[E]]?: readonly PayloadValue[] } };
}[T];

/** Whether `event` is one the waiting step awaits. */
export function awaitedEventMatches(awaited: AwaitedEvent, event: FlowEvent): boolean {
  if (awaited.type !== event.type) return false;
  const payload = event.payload as unknown as Record<string, unknown>;
  return Object.entries(awaited.match).every(
    ([field, values]) => Array.isArray(values) && values.includes(payload[field] as PayloadValue),
  );
}

/**
 * Per event type, whether the present still is what an awaited event of that type describes: asked before a
 * message leaves whose run went on because of such an event (a wait "until delivered"), where the run's trigger
 * is no longer the news.
 */
const PRESENT_STILL_MATCHES: { [T in FlowEventType]: (match: AwaitedEvent<T>['match'], present: PresentFacts) => boolean } = {
  // "Delivered" stops being true once the shipment has moved on (e.g. to returned).
  [SHIPMENT_STATUS_CHANGED]: (match, present) => match.to === undefined || match.to.includes(present.shipment.status as never),
  // A shipment that was created stays created.
  [SHIPMENT_CREATED]: () => true,
  // Late or silent until it arrives, or until a new promised date or a new scan starts another episode.
  [SHIPMENT_DELAYED]: (match, present) =>
    !isTerminalStatus(present.shipment.status as Status) &&
    (match.missedDate === undefined || match.missedDate.includes(present.shipment.promisedDeliveryDate)),
  [SHIPMENT_STALLED]: (match, present) =>
    !isTerminalStatus(present.shipment.status as Status) &&
    (match.lastScanAt === undefined || match.lastScanAt.includes(present.shipment.lastScanAt)),
};

/** Whether what a run went on by (an awaited event, or the present it found already so) still holds now. */
export function awaitedEventStillHolds(awaited: AwaitedEvent, present: PresentFacts): boolean {
  const check = PRESENT_STILL_MATCHES[awaited.type] as ((match: AwaitedEvent['match'], present: PresentFacts) => boolean) | undefined;
  return check ? check(awaited.match, present) : false;
}
