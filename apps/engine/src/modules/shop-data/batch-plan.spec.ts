import { shopDataBatchSchema } from '@postino/api-contract';
import { describe, expect, it } from 'vitest';
import { planBatch } from './batch-plan';

const carrier = () => 'fedex';
const order = { number: '#1', createdAt: '2026-11-27T08:00:00Z', currency: 'EUR', subtotal: '10', total: '10' };

describe('planBatch', () => {
  it('gathers one customer per e-mail from orders, shipments and customers, the full record winning', () => {
    const plan = planBatch(
      shopDataBatchSchema.parse({
        orders: [{ ...order, customer: { email: 'Ana@x.com', name: 'Ana' }, shippingAddress: { country: 'es' } }],
        shipments: [{ trackingNumber: 'T1', carrier: 'fedex', customer: { email: 'ana@X.com', phone: '612345678' } }],
        customers: [{ email: 'ANA@x.com', firstName: 'Ana', tags: ['vip'] }],
      }),
      carrier,
    );
    expect([...plan.customers.keys()]).toEqual(['ana@x.com']);
    expect(plan.customers.get('ana@x.com')).toEqual({
      input: { email: 'ANA@x.com', name: 'Ana', phone: '612345678', firstName: 'Ana', tags: ['vip'], consents: undefined },
      purchase: 'order',
      countryHint: 'ES',
    });
  });

  it('keeps the last of items with the same key, in the order keys first appear', () => {
    const plan = planBatch(
      shopDataBatchSchema.parse({
        orders: [{ ...order, total: '1' }, { ...order, number: '#2' }, { ...order, total: '3' }],
        shipments: [{ trackingNumber: 'T1' }, { trackingNumber: 'T1', carrier: 'fedex', orderNumber: '#2' }],
      }),
      carrier,
    );
    expect([...plan.orders.values()].map((o) => [o.number, o.total])).toEqual([['#1', '3'], ['#2', '10']]);
    // The first names no carrier: detected as the same FedEx shipment, it is one shipment.
    expect(plan.shipments).toEqual([{ carrier: 'fedex', input: expect.objectContaining({ orderNumber: '#2' }) }]);
  });

  it('marks a customer named only by a shipment as having bought, and one named only in customers as not', () => {
    const plan = planBatch(
      shopDataBatchSchema.parse({
        shipments: [{ trackingNumber: 'T1', carrier: 'fedex', customer: { email: 'b@x.com' } }],
        customers: [{ email: 'c@x.com' }],
      }),
      carrier,
    );
    expect(plan.customers.get('b@x.com')?.purchase).toBe('shipment');
    expect(plan.customers.get('c@x.com')?.purchase).toBeNull();
  });
});
