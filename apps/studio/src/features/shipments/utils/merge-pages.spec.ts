import { describe, expect, it } from 'vitest';
import type { ShipmentSummary } from '../types';
import { mergePages } from './merge-pages';

function shipment(id: string): ShipmentSummary {
  return {
    id,
    trackingNumber: `TRK-${id}`,
    carrier: 'brt',
    carrierName: 'BRT',
    status: 'in_transit',
    substatus: null,
    orderNumber: null,
    customer: { name: null, email: null },
    lastEvent: null,
    trackingPageUrl: null,
    createdAt: '2025-03-10T12:00:00Z',
    updatedAt: '2025-03-10T12:00:00Z',
  };
}

describe('mergePages', () => {
  it('appends the next page after the shown shipments', () => {
    expect(mergePages([shipment('a'), shipment('b')], [shipment('c')]).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('shows a shipment that reappears on a later page only once', () => {
    expect(mergePages([shipment('a'), shipment('b')], [shipment('b'), shipment('c')]).map((s) => s.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
