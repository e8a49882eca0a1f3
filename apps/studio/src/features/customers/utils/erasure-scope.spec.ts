import { describe, expect, it } from 'vitest';
import { erasureScope } from './erasure-scope';

const many = (n: number) => Array.from({ length: n }, () => ({}) as never);

describe('erasureScope', () => {
  it('names only what the customer has', () => {
    expect(erasureScope({ orders: many(2), shipments: [], messages: [] })).toBe('the customer and its 2 orders');
    expect(erasureScope({ orders: many(1), shipments: many(1), messages: many(3) })).toBe(
      'the customer and its 1 order, 1 shipment and 3 messages',
    );
  });

  it('is the customer alone when nothing else is linked', () => {
    expect(erasureScope({ orders: [], shipments: [], messages: [] })).toBe('the customer');
  });

  it('says "100+" when the screen shows only the newest 100', () => {
    expect(erasureScope({ orders: many(100), shipments: [], messages: [] })).toBe('the customer and its 100+ orders');
  });
});
