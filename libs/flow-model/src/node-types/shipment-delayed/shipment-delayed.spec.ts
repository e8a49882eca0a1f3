import { describe, expect, it } from 'vitest';
import type { Status } from '@postino/status';
import { configIssues } from '../../config-issues';
import { SHIPMENT_DELAYED, SHIPMENT_STATUS_CHANGED, type FlowEvent } from '../../flow-events';
import { triggerTypesListeningTo } from '../../node-type-registry';
import { shipmentDelayedNodeType } from './shipment-delayed';

const { configSchema, matches, stillHolds, summary } = shipmentDelayedNodeType;

const delayed = (carrier = 'fedex', missedDate = '2026-12-01'): FlowEvent => ({
  type: SHIPMENT_DELAYED,
  payload: { merchantId: 'm', shipmentId: 's', carrier, missedDate, status: 'in_transit' },
});

const present = (status: Status, promisedDeliveryDate: string | null = '2026-12-01') => ({
  shipment: { status, lastScanAt: '2026-11-30T10:00:00.000Z', promisedDeliveryDate },
});

describe('shipment_delayed node type', () => {
  it('is the trigger of delay events, with one "next" exit', () => {
    expect(shipmentDelayedNodeType.kind).toBe('trigger');
    expect(triggerTypesListeningTo(SHIPMENT_DELAYED)).toEqual([shipmentDelayedNodeType]);
    expect(shipmentDelayedNodeType.ports(shipmentDelayedNodeType.defaultConfig).map((port) => port.id)).toEqual(['next']);
  });

  it('takes every carrier when none is chosen', () => {
    expect(matches(configSchema.parse(shipmentDelayedNodeType.defaultConfig), delayed('usps'))).toBe(true);
  });

  it('matches only the chosen carriers when some are', () => {
    const config = configSchema.parse({ carriers: ['fedex', 'usps'] });

    expect(matches(config, delayed('usps'))).toBe(true);
    expect(matches(config, delayed('dhl-express'))).toBe(false);
  });

  it('does not match other events', () => {
    const statusChanged: FlowEvent = {
      type: SHIPMENT_STATUS_CHANGED,
      payload: { merchantId: 'm', shipmentId: 's', from: null, to: 'in_transit', substatus: null, eventId: null },
    };
    expect(matches({ carriers: [] }, statusChanged)).toBe(false);
  });

  it('matches every carrier when a stored config has no carrier list, as the engine reads it unparsed', () => {
    expect(configIssues(shipmentDelayedNodeType, {}, 'en')).toEqual([]);
    expect(shipmentDelayedNodeType.matches({} as never, delayed('usps'))).toBe(true);
  });

  it('refuses a carrier chosen twice or one that is not a carrier, in the marketer’s language', () => {
    expect(configIssues(shipmentDelayedNodeType, { carriers: ['fedex', 'fedex'] }, 'en')).toEqual([
      { path: ['carriers'], message: 'Each carrier can be chosen only once.' },
    ]);
    expect(configIssues(shipmentDelayedNodeType, { carriers: ['FedEx Ground!'] }, 'de')).toEqual([
      { path: ['carriers', 0], message: 'Wählen Sie einen Versanddienstleister aus der Liste.' },
    ]);
  });

  it('still holds while the shipment is on its way and still promised for the missed date', () => {
    const event = delayed();

    expect(stillHolds({ carriers: [] }, event, present('in_transit'))).toBe(true);
    expect(stillHolds({ carriers: [] }, event, present('failed_attempt'))).toBe(true);
    expect(stillHolds({ carriers: [] }, event, present('delivered'))).toBe(false);
    expect(stillHolds({ carriers: [] }, event, present('returned'))).toBe(false);
    // The shop promised a new date: that one is a new episode once it passes.
    expect(stillHolds({ carriers: [] }, event, present('in_transit', '2026-12-05'))).toBe(false);
  });

  it('summarizes itself, naming the chosen carriers', () => {
    expect(summary({ carriers: [] }, 'en')).toBe('Promised delivery date passed');
    expect(summary({ carriers: ['fedex', 'usps'] }, 'en')).toBe('Promised delivery date passed (FedEx or USPS)');
    expect(summary({ carriers: ['dhl-express'] }, 'it')).toBe('La data di consegna promessa è passata (DHL Express)');
  });
});
