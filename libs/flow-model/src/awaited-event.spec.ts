import { describe, expect, it } from 'vitest';
import { awaitedEventMatches, awaitedEventStillHolds, type AwaitedEvent } from './awaited-event';
import { SHIPMENT_STATUS_CHANGED, type FlowEvent } from './flow-events';

const changed = (to: 'delivered' | 'in_transit', from: 'in_transit' | null = 'in_transit'): FlowEvent => ({
  type: SHIPMENT_STATUS_CHANGED,
  payload: { merchantId: 'm', shipmentId: 's', from, to, substatus: null, eventId: null },
});

describe('awaited events', () => {
  const delivered: AwaitedEvent = { type: SHIPMENT_STATUS_CHANGED, match: { to: ['delivered', 'returned'] } };

  it('match an event of the type whose every listed field has one of the listed values', () => {
    expect(awaitedEventMatches(delivered, changed('delivered'))).toBe(true);
    expect(awaitedEventMatches(delivered, changed('in_transit'))).toBe(false);
    expect(awaitedEventMatches({ ...delivered, match: { to: ['delivered'], from: [null] } }, changed('delivered'))).toBe(false);
  });

  it('survive a round trip through JSON, as they are stored', () => {
    expect(awaitedEventMatches(JSON.parse(JSON.stringify(delivered)), changed('delivered'))).toBe(true);
  });
});

describe('awaitedEventStillHolds', () => {
  const untilDelivered = { type: SHIPMENT_STATUS_CHANGED, match: { to: ['delivered', 'returned'] } } as const;

  it('holds while the shipment is in one of the awaited statuses', () => {
    expect(awaitedEventStillHolds(untilDelivered, { shipment: { status: 'delivered', lastScanAt: null, promisedDeliveryDate: null } })).toBe(true);
    expect(awaitedEventStillHolds(untilDelivered, { shipment: { status: 'returned', lastScanAt: null, promisedDeliveryDate: null } })).toBe(true);
  });

  it('no longer holds once the shipment has moved on', () => {
    expect(awaitedEventStillHolds(untilDelivered, { shipment: { status: 'exception', lastScanAt: null, promisedDeliveryDate: null } })).toBe(false);
  });
});
