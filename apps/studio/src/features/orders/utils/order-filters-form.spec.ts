import { describe, expect, it } from 'vitest';
import { orderFiltersFormSchema, toFormValues } from './order-filters-form';

describe('orderFiltersFormSchema', () => {
  it('reads empty fields as no filter', () => {
    expect(orderFiltersFormSchema.parse({ status: '', q: ' ', from: '', to: '' })).toEqual({
      status: undefined,
      q: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('keeps the filters given', () => {
    expect(orderFiltersFormSchema.parse({ status: 'open', q: ' #1001 ', from: '2026-11-01', to: '2026-11-30' })).toEqual({
      status: 'open',
      q: '#1001',
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('refuses a range that ends before it starts', () => {
    const result = orderFiltersFormSchema.safeParse({ status: '', q: '', from: '2026-11-30', to: '2026-11-01' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['to'] });
  });

  it('starts from the filters in the URL', () => {
    expect(toFormValues({ status: 'cancelled', customerId: 'c' })).toEqual({ status: 'cancelled', q: '', from: '', to: '' });
  });
});
