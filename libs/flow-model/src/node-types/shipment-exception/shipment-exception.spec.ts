import type { Status, Substatus } from '@postino/status';
import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { SHIPMENT_STATUS_CHANGED, type FlowEvent } from '../../flow-events';
import { shipmentExceptionNodeType } from './shipment-exception';

const { configSchema, matches, stillHolds, summary } = shipmentExceptionNodeType;

const statusChanged = (from: Status | null, to: Status, substatus: Substatus | null): FlowEvent => ({
  type: SHIPMENT_STATUS_CHANGED,
  payload: { merchantId: 'm', shipmentId: 's', from, to, substatus, eventId: null },
});

describe('shipment_exception node type', () => {
  it('is a trigger listening to status changes, with one "next" exit', () => {
    expect(shipmentExceptionNodeType.listensTo).toEqual([SHIPMENT_STATUS_CHANGED]);
    expect(shipmentExceptionNodeType.ports({}).map((port) => port.id)).toEqual(['next']);
    expect(configSchema.safeParse(shipmentExceptionNodeType.defaultConfig).success).toBe(true);
  });

  it('matches a shipment entering exception, whatever the reason, without a filter', () => {
    expect(matches({}, statusChanged('in_transit', 'exception', 'lost'))).toBe(true);
    expect(matches({}, statusChanged('in_transit', 'exception', null))).toBe(true);
    expect(matches({}, statusChanged('exception', 'in_transit', null))).toBe(false);
    expect(matches({}, statusChanged('in_transit', 'failed_attempt', 'recipient_unavailable'))).toBe(false);
  });

  it('with reasons, matches only an exception entered with one of them', () => {
    const config = configSchema.parse({ substatuses: ['lost', 'damaged'] });

    expect(matches(config, statusChanged('in_transit', 'exception', 'damaged'))).toBe(true);
    expect(matches(config, statusChanged('in_transit', 'exception', 'customs_hold'))).toBe(false);
    expect(matches(config, statusChanged('in_transit', 'exception', null))).toBe(false);
  });

  it('still holds while the shipment is in exception, and no longer once it moved on', () => {
    const event = statusChanged('in_transit', 'exception', 'lost');

    expect(stillHolds({}, event, { shipment: { status: 'exception', lastScanAt: null, promisedDeliveryDate: null } })).toBe(true);
    expect(stillHolds({}, event, { shipment: { status: 'in_transit', lastScanAt: null, promisedDeliveryDate: null } })).toBe(false);
    expect(stillHolds({}, event, { shipment: { status: 'delivered', lastScanAt: null, promisedDeliveryDate: null } })).toBe(false);
  });

  it('refuses unknown or repeated reasons, in the marketer’s language', () => {
    expect(configIssues(shipmentExceptionNodeType, { substatuses: ['gone'] }, 'fr')).toEqual([
      { path: ['substatuses', 0], message: 'Choisissez un motif dans la liste.' },
    ]);
    expect(configIssues(shipmentExceptionNodeType, { substatuses: ['lost', 'lost'] }, 'de')).toEqual([
      { path: ['substatuses'], message: 'Jeder Grund kann nur einmal gewählt werden.' },
    ]);
  });

  it('summarizes its reasons', () => {
    expect(summary({}, 'en')).toBe('Delivery problem');
    expect(summary({ substatuses: ['lost', 'damaged'] }, 'en')).toBe('Delivery problem: Lost or Damaged');
  });
});
