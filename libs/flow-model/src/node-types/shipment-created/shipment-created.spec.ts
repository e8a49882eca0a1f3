import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { SHIPMENT_CREATED, SHIPMENT_STATUS_CHANGED, type FlowEvent } from '../../flow-events';
import { shipmentCreatedNodeType } from './shipment-created';

const { configSchema, matches, stillHolds, summary } = shipmentCreatedNodeType;

const created = (carrier: string): FlowEvent => ({
  type: SHIPMENT_CREATED,
  payload: { merchantId: 'm', shipmentId: 's', orderId: null, carrier, trackingNumber: '1Z' },
});

describe('shipment_created node type', () => {
  it('is a trigger listening to new shipments, with one "next" exit', () => {
    expect(shipmentCreatedNodeType.kind).toBe('trigger');
    expect(shipmentCreatedNodeType.listensTo).toEqual([SHIPMENT_CREATED]);
    expect(shipmentCreatedNodeType.ports({}).map((port) => port.id)).toEqual(['next']);
    expect(configSchema.safeParse(shipmentCreatedNodeType.defaultConfig).success).toBe(true);
  });

  it('matches every new shipment without a filter, and only the chosen carriers with one', () => {
    expect(matches({}, created('fedex'))).toBe(true);
    expect(matches({ carriers: [] }, created('fedex'))).toBe(true);
    expect(matches({ carriers: ['usps'] }, created('usps'))).toBe(true);
    expect(matches({ carriers: ['usps'] }, created('fedex'))).toBe(false);
  });

  it('does not match a status change', () => {
    const event: FlowEvent = {
      type: SHIPMENT_STATUS_CHANGED,
      payload: { merchantId: 'm', shipmentId: 's', from: null, to: 'info_received', substatus: null, eventId: null, carrier: 'fedex' },
    };
    expect(matches({}, event)).toBe(false);
  });

  it('still holds until the shipment is delivered or returned', () => {
    for (const status of ['pending', 'in_transit', 'exception', 'failed_attempt']) {
      expect(stillHolds({}, created('fedex'), { shipment: { status, lastScanAt: null, promisedDeliveryDate: null } }), status).toBe(true);
    }
    expect(stillHolds({}, created('fedex'), { shipment: { status: 'delivered', lastScanAt: null, promisedDeliveryDate: null } })).toBe(false);
    expect(stillHolds({}, created('fedex'), { shipment: { status: 'returned', lastScanAt: null, promisedDeliveryDate: null } })).toBe(false);
  });

  it('refuses an unknown carrier, in the marketer’s language', () => {
    expect(configIssues(shipmentCreatedNodeType, { carriers: ['acme'] }, 'es')).toEqual([
      { path: ['carriers', 0], message: 'Elige un transportista de la lista.' },
    ]);
  });

  it('summarizes itself with its carriers', () => {
    expect(summary({}, 'en')).toBe('A new shipment is created');
    expect(summary({ carriers: ['usps'] }, 'de')).toBe('Eine neue Sendung wird angelegt (USPS)');
  });
});
