import { shopDataBatchSchema } from '@postino/api-contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonKeepingLongIntegers } from '../../exact-json';
import { shopify } from './shopify.platform';

const fixture = (name: string) => parseJsonKeepingLongIntegers(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;

/** A topic's payload mapped as the hook does it, and checked against the shop-data schema. */
function mapped(topic: string, payload: unknown, currency: string | null = 'EUR') {
  const mapping = shopify.topics.get(topic);
  if (!mapping) throw new Error(`no mapping for ${topic}`);
  const result = mapping.map(mapping.schema.parse(payload), { currency });
  return { batch: shopDataBatchSchema.parse(result.batch), notes: result.notes };
}

describe('Shopify mapping', () => {
  it('maps orders/create to an order with its customer, line items, money and checkout opt-in, ids kept exact', () => {
    const { batch, notes } = mapped('orders/create', fixture('orders-create'));
    expect(notes).toEqual([]);
    expect(batch.orders).toEqual([
      expect.objectContaining({
        number: '#1001',
        externalId: '820982911946154508',
        createdAt: '2026-11-27T09:30:00+01:00',
        status: 'open',
        currency: 'EUR',
        subtotal: '109.97',
        discounts: '10.00',
        shipping: '4.95',
        total: '104.92',
        discountCodes: ['BLACKFRIDAY'],
        shippingAddress: expect.objectContaining({ name: 'Lucía Fernández', postalCode: '28014', country: 'ES', address2: '3º B' }),
      }),
    ]);
    expect(batch.orders[0].lineItems[0]).toEqual({
      productId: '788032119674292922',
      variantId: '642667041472713922',
      sku: 'TEE-M',
      title: 'Camiseta de algodón',
      quantity: 2,
      unitPrice: '29.99',
    });
    expect(batch.orders[0].lineItems[1].variantId).toBeUndefined();
    expect(batch.orders[0].customer).toMatchObject({
      email: 'lucia.fernandez@example.com',
      externalId: '115310627314723954',
      name: 'Lucía Fernández',
      firstName: 'Lucía',
      locale: 'es',
      country: 'ES',
      consents: { marketing: { state: 'granted', source: 'shopify_checkout', at: '2026-11-27T09:30:00+01:00' } },
    });
    expect(batch.shipments).toEqual([]);
  });

  it('maps an order’s fulfillments to its shipments, and orders/cancelled to a cancelled order', () => {
    const { batch } = mapped('orders/updated', fixture('orders-updated'));
    expect(batch.shipments).toEqual([
      expect.objectContaining({ trackingNumber: '794622728852', carrier: 'fedex', orderNumber: '#1001' }),
    ]);
    expect(mapped('orders/cancelled', fixture('orders-cancelled')).batch.orders[0].status).toBe('cancelled');
    const refunded = { ...fixture('orders-create'), financial_status: 'refunded' };
    expect(mapped('orders/updated', refunded).batch.orders[0].status).toBe('refunded');
  });

  it('maps a fulfillment to one shipment per tracking number, linked to the order its name belongs to', () => {
    const { batch } = mapped('fulfillments/create', fixture('fulfillments-create'));
    expect(batch.shipments).toEqual([
      {
        trackingNumber: '794622728852',
        carrier: 'fedex',
        orderNumber: '#1001',
        customer: { email: 'lucia.fernandez@example.com', name: 'Lucía Fernández' },
        destination: { country: 'ES', postalCode: '28014', city: 'Madrid' },
      },
    ]);
    const two = { ...fixture('fulfillments-create'), tracking_company: null, tracking_numbers: ['794622728852', 'JJD0099999999'] };
    expect(mapped('fulfillments/update', two).batch.shipments.map((s) => [s.trackingNumber, s.carrier])).toEqual([
      ['794622728852', 'fedex'],
      ['JJD0099999999', 'dhl-express'],
    ]);
  });

  it('leaves out, and says so, shipments of carriers Postino does not support and of cancelled fulfillments', () => {
    // The documented example: UPS, which has no code table in Postino.
    const ups = { ...fixture('fulfillments-create'), tracking_company: 'UPS', tracking_numbers: ['1z827wk74630'], name: '#9999.1' };
    const { batch, notes } = mapped('fulfillments/create', ups);
    expect(batch.shipments).toEqual([]);
    expect(notes).toEqual(['fulfillment #9999.1: shipment 1z827wk74630 left out, carrier "UPS" is not supported']);
    const cancelled = mapped('fulfillments/update', { ...fixture('fulfillments-create'), status: 'cancelled' });
    expect(cancelled.batch.shipments).toEqual([]);
    expect(cancelled.notes).toEqual(['fulfillment #1001.1 is cancelled: its tracking numbers were left out']);
  });

  it('maps products with the integration’s currency, out of stock when no variant is available or the product is archived', () => {
    expect(mapped('products/create', fixture('products-create')).batch.products).toEqual([
      {
        externalId: '788032119674292922',
        title: 'Camiseta de algodón',
        imageUrl: 'https://cdn.shopify.com/s/files/1/0000/0001/products/camiseta.jpg',
        price: '29.99',
        currency: 'EUR',
        tags: ['algodón', 'verano', 'unisex'],
        inStock: true,
      },
    ]);
    expect(mapped('products/update', fixture('products-update')).batch.products[0]).toMatchObject({ price: '24.99', inStock: false });
    const withoutCurrency = mapped('products/create', fixture('products-create'), null);
    expect(withoutCurrency.batch.products[0]).toMatchObject({ price: undefined, currency: undefined });
    expect(withoutCurrency.notes).toEqual(['the price was left out: set the integration’s currency']);
  });

  it('reads a customer’s marketing consent in all three shapes: the 2025-01 topic, email_marketing_consent, accepts_marketing', () => {
    expect(mapped('customers/create', fixture('customers-create')).batch.customers).toEqual([
      {
        email: 'marco.rossi@example.com',
        externalId: '706405506930370084',
        phone: '+39 312 345 6789',
        name: 'Marco Rossi',
        firstName: 'Marco',
        country: 'IT',
      },
    ]);
    expect(mapped('customers/update', fixture('customers-update')).batch.customers[0]).toMatchObject({
      name: 'Marco Rossi Bianchi',
      tags: ['vip', 'newsletter'],
      consents: { marketing: { state: 'granted', at: '2026-11-21T08:00:00+01:00' } },
    });
    expect(mapped('customers_email_marketing_consent/update', fixture('customers-email-marketing-consent-update')).batch.customers).toEqual([
      {
        email: 'marco.rossi@example.com',
        externalId: '706405506930370084',
        consents: { marketing: { state: 'denied', at: '2026-11-25T19:00:00+01:00' } },
      },
    ]);
    const legacy = { ...fixture('customers-create'), accepts_marketing: true, accepts_marketing_updated_at: '2021-01-01T00:00:00-05:00' };
    expect(mapped('customers/update', legacy).batch.customers[0].consents).toEqual({
      marketing: { state: 'granted', at: '2021-01-01T00:00:00-05:00' },
    });
  });

  it('maps a consent that decides nothing or names no address to nothing, saying why', () => {
    const pending = { customer_id: 1, email_address: 'a@example.com', email_marketing_consent: { state: 'pending' } };
    expect(mapped('customers_email_marketing_consent/update', pending)).toEqual({
      batch: expect.objectContaining({ customers: [] }),
      notes: ['marketing consent "pending" decides nothing'],
    });
    const anonymous = { customer_id: 1, email_address: null, email_marketing_consent: { state: 'subscribed' } };
    expect(mapped('customers_email_marketing_consent/update', anonymous).notes).toEqual(['the consent names no e-mail address']);
    expect(mapped('customers/create', { ...fixture('customers-create'), email: null }).notes).toEqual(['the customer has no e-mail address']);
  });

  it('names the Shopify field of a payload that does not fit its topic', () => {
    const result = shopify.topics.get('orders/create')?.schema.safeParse({ ...fixture('orders-create'), total_price: 'lots', line_items: 'none' });
    expect(result?.success).toBe(false);
    expect(result?.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['line_items', 'total_price']);
  });
});
