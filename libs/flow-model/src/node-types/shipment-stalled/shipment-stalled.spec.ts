import { describe, expect, it } from 'vitest';
import type { Status } from '@postino/status';
import { configIssues } from '../../config-issues';
import { SHIPMENT_DELAYED, SHIPMENT_STALLED, type FlowEvent } from '../../flow-events';
import { triggerTypesListeningTo } from '../../node-type-registry';
import { shipmentStalledNodeType } from './shipment-stalled';

const { configSchema, matches, stillHolds, summary } = shipmentStalledNodeType;

const LAST_SCAN = '2026-11-28T09:30:00.000Z';

const stalled = (carrier = 'fedex'): FlowEvent => ({
  type: SHIPMENT_STALLED,
  payload: { merchantId: 'm', shipmentId: 's', carrier, lastScanAt: LAST_SCAN, hours: 48, status: 'in_transit' },
});

const present = (status: Status, lastScanAt: string | null) => ({ shipment: { status, lastScanAt, promisedDeliveryDate: null } });

describe('shipment_stalled node type', () => {
  it('is the trigger of stall events, with one "next" exit', () => {
    expect(shipmentStalledNodeType.kind).toBe('trigger');
    expect(triggerTypesListeningTo(SHIPMENT_STALLED)).toEqual([shipmentStalledNodeType]);
    expect(shipmentStalledNodeType.ports(shipmentStalledNodeType.defaultConfig).map((port) => port.id)).toEqual(['next']);
  });

  it('matches every carrier, or only the chosen ones', () => {
    expect(matches(configSchema.parse({ carriers: [] }), stalled('usps'))).toBe(true);
    expect(matches(configSchema.parse({ carriers: ['dhl-express'] }), stalled('usps'))).toBe(false);
    expect(matches(configSchema.parse({ carriers: ['dhl-express'] }), stalled('dhl-express'))).toBe(true);
  });

  it('does not match a delay', () => {
    const delay: FlowEvent = {
      type: SHIPMENT_DELAYED,
      payload: { merchantId: 'm', shipmentId: 's', carrier: 'fedex', missedDate: '2026-12-01', status: 'in_transit' },
    };
    expect(matches({ carriers: [] }, delay)).toBe(false);
  });

  it('words a wrong carrier list in the marketer’s language', () => {
    expect(configIssues(shipmentStalledNodeType, { carriers: 'fedex' }, 'es')).toEqual([
      { path: ['carriers'], message: 'Elige un transportista de la lista.' },
    ]);
  });

  it('still holds while no scan came after the one the stall was measured from', () => {
    const event = stalled();

    expect(stillHolds({ carriers: [] }, event, present('in_transit', LAST_SCAN))).toBe(true);
    // The same instant written differently is the same scan.
    expect(stillHolds({ carriers: [] }, event, present('in_transit', '2026-11-28T10:30:00+01:00'))).toBe(true);
    expect(stillHolds({ carriers: [] }, event, present('in_transit', '2026-11-30T08:00:00.000Z'))).toBe(false);
    expect(stillHolds({ carriers: [] }, event, present('delivered', LAST_SCAN))).toBe(false);
  });

  it('summarizes itself in each locale', () => {
    expect(summary({ carriers: [] }, 'en')).toBe('No carrier scan for too long');
    expect(summary({ carriers: ['usps'] }, 'fr')).toBe('Aucun scan du transporteur depuis trop longtemps (USPS)');
  });
});
