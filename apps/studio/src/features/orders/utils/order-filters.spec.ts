import { describe, expect, it } from 'vitest';
import { hasActiveFilters, readOrderFilters, toOrdersQuery, writeOrderFilters } from './order-filters';

const customerId = '0b7c4b5e-1111-4222-8333-944445555666';

describe('order filters in the URL', () => {
  it('reads what it writes', () => {
    const filters = { status: 'open' as const, q: '#1001', from: '2026-11-01', to: '2026-11-30', customerId };
    expect(readOrderFilters(writeOrderFilters(filters))).toEqual(filters);
  });

  it('ignores unknown statuses, malformed days and customer ids', () => {
    expect(readOrderFilters(new URLSearchParams('status=lost&from=yesterday&to=2026-1-1&customer=42&q=%20'))).toEqual({});
  });

  it('knows whether anything filters the list', () => {
    expect(hasActiveFilters({})).toBe(false);
    expect(hasActiveFilters({ q: '  ' })).toBe(false);
    expect(hasActiveFilters({ status: 'cancelled' })).toBe(true);
  });
});

describe('toOrdersQuery', () => {
  it('turns a day range into local midnights, the last day included', () => {
    const query = toOrdersQuery({ from: '2026-03-28', to: '2026-03-29' });
    expect(query.createdFrom).toBe(new Date(2026, 2, 28).toISOString());
    expect(query.createdTo).toBe(new Date(2026, 2, 30).toISOString());
  });

  it('rolls the day after over month ends', () => {
    expect(toOrdersQuery({ to: '2026-12-31' }).createdTo).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('passes the other filters through', () => {
    expect(toOrdersQuery({ status: 'refunded', q: 'ana', customerId })).toEqual({
      status: 'refunded',
      q: 'ana',
      customerId,
      createdFrom: undefined,
      createdTo: undefined,
    });
  });
});
