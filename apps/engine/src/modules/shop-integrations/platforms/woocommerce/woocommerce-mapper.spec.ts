import { shopDataBatchSchema } from '@postino/api-contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonKeepingLongIntegers } from '../../exact-json';
import { woocommerce } from './woocommerce.platform';

const fixture = (name: string) => parseJsonKeepingLongIntegers(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;

function mapped(topic: string, payload: unknown, currency: string | null = 'EUR') {
  const mapping = woocommerce.topics.get(topic);
  if (!mapping) throw new Error(`no mapping for ${topic}`);
  const result = mapping.map(mapping.schema.parse(payload), { currency });
  return { batch: shopDataBatchSchema.parse(result.batch), notes: result.notes };
}

describe('WooCommerce mapping', () => {
  it('maps order.created to an order in UTC with unit prices from line subtotals, its coupon and billing customer', () => {
    const { batch, notes } = mapped('order.created', fixture('order-created'));
    expect(notes).toEqual([]);
    expect(batch.orders[0]).toMatchObject({
      number: '727',
      externalId: '727',
      createdAt: '2026-11-27T09:28:02Z',
      status: 'open',
      currency: 'EUR',
      subtotal: '54.90',
      discounts: '5.00',
      shipping: '6.90',
      total: '56.80',
      discountCodes: ['bienvenue5'],
      shippingAddress: { name: 'Sophie Martin', address1: '12 rue de Rivoli', address2: 'Bât. B', city: 'Paris', postalCode: '75004', country: 'FR' },
      customer: { email: 'sophie.martin@example.com', externalId: '26', name: 'Sophie Martin', firstName: 'Sophie', phone: '06 12 34 56 78', country: 'FR' },
    });
    expect(batch.orders[0].lineItems).toEqual([
      {
        productId: '93',
        sku: 'CARNET-A5',
        title: 'Carnet de voyage',
        quantity: 2,
        unitPrice: '12.45',
        imageUrl: 'https://boutique.example/wp-content/uploads/2026/10/carnet.jpg',
      },
      { productId: '22', variantId: '23', sku: 'SAC-NOIR', title: 'Sac en toile – Couleur : Noir', quantity: 1, unitPrice: '30.00' },
    ]);
    expect(batch.shipments).toEqual([]);
  });

  it('maps the shipment-tracking meta to one shipment per tracking number: provider slug or custom provider name', () => {
    const { batch } = mapped('order.updated', fixture('order-updated'));
    expect(batch.orders[0].status).toBe('open');
    expect(batch.shipments).toEqual([
      {
        trackingNumber: '9405511899223197428490',
        carrier: 'usps',
        orderNumber: '727',
        customer: { email: 'sophie.martin@example.com', name: 'Sophie Martin' },
        destination: { country: 'FR', postalCode: '75004', city: 'Paris' },
      },
      expect.objectContaining({ trackingNumber: 'JJD0099999999', carrier: 'dhl-express', orderNumber: '727' }),
    ]);
  });

  it('maps cancelled and refunded orders; leaves out unreadable tracking meta and unsupported carriers, saying so', () => {
    expect(mapped('order.updated', { ...fixture('order-created'), status: 'cancelled' }).batch.orders[0].status).toBe('cancelled');
    expect(mapped('order.updated', { ...fixture('order-created'), status: 'refunded' }).batch.orders[0].status).toBe('refunded');
    const meta = [
      { key: '_wc_shipment_tracking_items', value: 'not a list' },
      { key: '_wc_shipment_tracking_items', value: [{ tracking_provider: 'colissimo', tracking_number: '6A12345678901' }] },
    ];
    const { batch, notes } = mapped('order.updated', { ...fixture('order-created'), meta_data: meta });
    expect(batch.shipments).toEqual([]);
    expect(notes).toEqual([
      'the _wc_shipment_tracking_items meta is not a list of tracking items: left out',
      'shipment 6A12345678901 left out: carrier "colissimo" is not supported',
    ]);
  });

  it('maps products with their permalink, tags and stock, priced in the integration’s currency', () => {
    expect(mapped('product.created', fixture('product-created')).batch.products).toEqual([
      {
        externalId: '794',
        title: 'Carnet de voyage',
        url: 'https://boutique.example/produit/carnet-de-voyage/',
        imageUrl: 'https://boutique.example/wp-content/uploads/2026/10/carnet.jpg',
        price: '12.45',
        currency: 'EUR',
        tags: ['voyage', 'cadeau'],
        inStock: true,
      },
    ]);
    expect(mapped('product.updated', fixture('product-updated')).batch.products[0]).toMatchObject({ price: '9.90', tags: ['soldes'], inStock: false });
    expect(mapped('product.updated', { ...fixture('product-created'), status: 'draft', price: '' }).batch.products[0]).toMatchObject({
      price: undefined,
      inStock: false,
    });
  });

  it('knows the unsigned ping WooCommerce sends when a webhook is saved, and nothing else as one', () => {
    const ping = (body: string, headers: Record<string, string> = {}) => woocommerce.isPing?.(Buffer.from(body), headers);
    expect(ping('webhook_id=15')).toBe(true);
    expect(ping('webhook_id=15', { 'x-wc-webhook-signature': 'c2ln' })).toBe(false);
    expect(ping('webhook_id=15&x=1')).toBe(false);
    expect(ping('{"webhook_id":15}')).toBe(false);
  });
});
