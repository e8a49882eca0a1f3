import type { FlowEvent, FlowEventPayloads, FlowEventType } from './flow-events';

type PayloadValue = string | number | boolean | null;

/**
 * An event a waiting step is waiting for, as data the engine stores and matches without knowing node types:
 * an event type and, per payload field, the values any of which will do (every listed field must match).
 * E.g. `{ type: 'shipment.status_changed', match: { to: ['delivered', 'returned'] } }`.
 */
export type AwaitedEvent<T extends FlowEventType = FlowEventType> = {
  // One member per event type, so each type's match names its own payload's fields.
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
