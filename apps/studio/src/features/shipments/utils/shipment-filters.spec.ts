import { describe, expect, it } from 'vitest';
import { hasActiveFilters, readShipmentFilters, writeShipmentFilters } from './shipment-filters';

describe('readShipmentFilters', () => {
  it('reads status, carrier and a trimmed search from the URL', () => {
    const params = new URLSearchParams('status=delivered&carrier=brt&q=%20ORD-1%20');

    expect(readShipmentFilters(params)).toEqual({ status: 'delivered', carrier: 'brt', q: 'ORD-1' });
  });

  it('ignores a status the studio does not know and blank values', () => {
    expect(readShipmentFilters(new URLSearchParams('status=teleported&carrier=&q=%20'))).toEqual({});
  });
});

describe('writeShipmentFilters', () => {
  it('writes only the filters that are set', () => {
    expect(writeShipmentFilters({ carrier: 'gls', q: '  ' }).toString()).toBe('carrier=gls');
  });

  it('round-trips through the URL', () => {
    const filters = { status: 'in_transit' as const, carrier: 'dhl', q: 'Rossi' };

    expect(readShipmentFilters(writeShipmentFilters(filters))).toEqual(filters);
  });
});

describe('hasActiveFilters', () => {
  it('is false when nothing narrows the list and true otherwise', () => {
    expect(hasActiveFilters({ q: ' ' })).toBe(false);
    expect(hasActiveFilters({ status: 'exception' })).toBe(true);
  });
});
