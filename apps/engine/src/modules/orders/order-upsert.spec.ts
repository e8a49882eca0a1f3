import { orderInputSchema } from '@postino/api-contract';
import { describe, expect, it } from 'vitest';
import { planOrder } from './order-upsert';

const now = new Date('2026-11-27T09:00:00Z');
const context = { id: '00000000-0000-4000-8000-00000000000a', merchantId: 'm', customerId: null, now };
const order = (overrides: Record<string, unknown> = {}) =>
  orderInputSchema.parse({
    number: '#1001',
    createdAt: '2026-11-27T08:00:00+01:00',
    currency: 'EUR',
    subtotal: '59.90',
    shipping: 4.95,
    total: '64.85',
    lineItems: [{ productId: 'p1', sku: 'TEE-M', title: 'T-shirt', quantity: 2, unitPrice: '29.95' }],
    discountCodes: ['BF25', 'BF25'],
    ...overrides,
  });

describe('planOrder', () => {
  it('stores money in minor units and line items as a snapshot', () => {
    const { row, outcome } = planOrder(null, order(), context);
    expect(outcome).toBe('created');
    expect(row).toMatchObject({ subtotalMinor: 5990, discountsMinor: 0, shippingMinor: 495, totalMinor: 6485, discountCodes: ['BF25'] });
    expect(row.lineItems).toEqual([
      { productId: 'p1', variantId: null, sku: 'TEE-M', title: 'T-shirt', quantity: 2, unitPriceMinor: 2995, imageUrl: null },
    ]);
    expect(row.createdAt).toEqual(new Date('2026-11-27T07:00:00Z'));
  });

  it('reports an identical resend as unchanged, and names what an update changed', () => {
    const stored = planOrder(null, order(), context).row;
    // jsonb gives keys back in its own order: still the same order.
    const reread = { ...stored, lineItems: stored.lineItems.map((item) => Object.fromEntries(Object.entries(item).reverse()) as never) };
    expect(planOrder(reread, order(), context).outcome).toBe('unchanged');
    const update = planOrder(reread, order({ total: '60', status: 'cancelled' }), { ...context, customerId: null });
    expect(update).toMatchObject({ outcome: 'updated', changed: ['status', 'total'], cancelledFrom: 'open' });
  });

  it('keeps the stored customer when an update names none', () => {
    const stored = planOrder(null, order(), { ...context, customerId: 'c1' }).row;
    expect(planOrder(stored, order(), context)).toMatchObject({ outcome: 'unchanged' });
  });

  it('refuses amounts with more decimals than the currency, naming the line item', () => {
    const result = orderInputSchema.safeParse({ ...order(), currency: 'JPY', subtotal: '1500', shipping: '0', total: '1500.5', lineItems: [{ title: 'x', quantity: 1, unitPrice: '10.5' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['total', 'lineItems.0.unitPrice']);
  });
});
