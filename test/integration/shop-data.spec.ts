import { shopDataBatchSchema } from '@postino/api-contract';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ShopDataService } from '../../apps/engine/src/modules/shop-data/shop-data.service';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';

const order = (number: string, overrides: Record<string, unknown> = {}) => ({
  number,
  createdAt: '2026-11-27T08:15:00+01:00',
  currency: 'EUR',
  subtotal: '89.90',
  discounts: '10',
  shipping: '4.95',
  total: '84.85',
  lineItems: [
    { productId: 'p-tee', variantId: 'v-tee-m', sku: 'TEE-M', title: 'Camiseta', quantity: 2, unitPrice: '29.95' },
    { productId: 'p-cap', sku: 'CAP', title: 'Gorra', quantity: 1, unitPrice: 30, imageUrl: 'https://shop.example/cap.jpg' },
  ],
  discountCodes: ['BLACKFRIDAY'],
  shippingAddress: { name: 'Ana García', address1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' },
  customer: { email: `buyer-${number.replace(/\W/g, '')}@example.com`, name: 'Ana García', phone: '612 34 56 78' },
  ...overrides,
});

describe('shop data: orders, customers, products and shipments through one write path', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  const shopData = () => context.engine.app.get(ShopDataService);

  async function eventsOf(merchantId: string, type: string): Promise<Record<string, unknown>[]> {
    const { rows } = await testDb().query(`SELECT payload FROM domain_events WHERE merchant_id = $1 AND type = $2 ORDER BY created_at`, [
      merchantId,
      type,
    ]);
    return rows.map((r) => r.payload);
  }

  it('stores an order with its customer, line items and money, and gives the customer transactional consent', async () => {
    const created = await api('POST', '/api/v1/orders', order('#1001'));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.outcome).toBe('created');
    expect(created.body.order).toMatchObject({
      number: '#1001',
      status: 'open',
      currency: 'EUR',
      subtotal: '89.90',
      discounts: '10.00',
      shipping: '4.95',
      total: '84.85',
      discountCodes: ['BLACKFRIDAY'],
      createdAt: '2026-11-27T07:15:00.000Z',
      shippingAddress: { city: 'Madrid', country: 'ES' },
      shipments: [],
    });
    expect(created.body.order.lineItems[1]).toEqual({
      productId: 'p-cap',
      variantId: null,
      sku: 'CAP',
      title: 'Gorra',
      quantity: 1,
      unitPrice: '30.00',
      imageUrl: 'https://shop.example/cap.jpg',
    });
    const customer = created.body.order.customer;
    expect(customer).toMatchObject({ email: 'buyer-1001@example.com', phone: '+34612345678', phoneRaw: '612 34 56 78', country: 'ES' });
    expect(customer.consents.transactional).toMatchObject({ state: 'granted', source: 'order' });
    expect(customer.consents.marketing).toEqual({ state: 'none', source: null, at: null });
    const { rows } = await testDb().query(`SELECT total_minor::int AS total, line_items->0->>'unitPriceMinor' AS unit FROM orders WHERE id = $1`, [
      created.body.order.id,
    ]);
    expect(rows[0]).toEqual({ total: 8485, unit: '2995' });
  });

  it('answers a resent order as unchanged and emits nothing; an update names what changed; a cancel says so', async () => {
    const first = await api('POST', '/api/v1/orders', order('#1002'));
    const again = await api('POST', '/api/v1/orders', order('#1002'));
    expect(again.body.outcome).toBe('unchanged');
    expect(again.body.order.id).toBe(first.body.order.id);
    const orderEvents = async (type: string) =>
      (await eventsOf(context.merchant.merchantId, type)).filter((e) => e.orderNumber === '#1002');
    expect(await orderEvents('order.created')).toHaveLength(1);
    expect(await orderEvents('order.updated')).toHaveLength(0);

    const paid = await api('POST', '/api/v1/orders', order('#1002', { total: '80.00' }));
    expect(paid.body.outcome).toBe('updated');
    expect(await orderEvents('order.updated')).toEqual([expect.objectContaining({ changed: ['total'], status: 'open' })]);
    const cancelled = await api('POST', '/api/v1/orders', order('#1002', { total: '80.00', status: 'cancelled' }));
    expect(cancelled.body.order.status).toBe('cancelled');
    expect(await orderEvents('order.cancelled')).toEqual([expect.objectContaining({ from: 'open', orderId: first.body.order.id })]);
  });

  it('links a shipment posted before its order when the order arrives, and gives the shipment the order’s customer', async () => {
    const early = await api('POST', '/api/v1/shipments', {
      trackingNumber: 'EARLY-1',
      carrier: 'fedex',
      orderNumber: '#2001',
      customer: {},
    });
    expect(early.status, JSON.stringify(early.body)).toBe(201);
    expect(early.body).toMatchObject({ orderNumber: '#2001', orderId: null, customerId: null });

    const created = await api('POST', '/api/v1/orders', order('#2001'));
    expect(created.body.order.shipments).toEqual([expect.objectContaining({ id: early.body.id, orderId: created.body.order.id })]);
    const shipment = await api('GET', `/api/v1/shipments/${early.body.id}`);
    expect(shipment.body).toMatchObject({
      orderId: created.body.order.id,
      customerId: created.body.order.customer.id,
      customer: { email: 'buyer-2001@example.com', name: 'Ana García' },
    });
  });

  it('links a shipment posted after its order at once, and upserts the shipment’s customer by e-mail', async () => {
    const created = await api('POST', '/api/v1/orders', order('#2002'));
    const shipment = await api('POST', '/api/v1/shipments', {
      trackingNumber: 'AFTER-1',
      carrier: 'fedex',
      orderNumber: '#2002',
      customer: { email: 'BUYER-2002@example.com', locale: 'es-ES' },
    });
    expect(shipment.body).toMatchObject({ orderId: created.body.order.id, customerId: created.body.order.customer.id });
    const customer = await api('GET', `/api/v1/customers/${created.body.order.customer.id}`);
    expect(customer.body).toMatchObject({ email: 'buyer-2002@example.com', locale: 'es-ES', name: 'Ana García' });
  });

  it('keeps the 409 of POST /api/v1/shipments for a number the merchant has, changing nothing', async () => {
    const first = await api('POST', '/api/v1/shipments', { trackingNumber: 'DUP-1', carrier: 'fedex', customer: { name: 'Ana' } });
    const again = await api('POST', '/api/v1/shipments', { trackingNumber: 'DUP-1', carrier: 'fedex', customer: { name: 'Eve' } });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ id: first.body.id });
    expect((await api('GET', `/api/v1/shipments/${first.body.id}`)).body.customer.name).toBe('Ana');
  });

  it('gives a split order its two shipments', async () => {
    const batch = shopDataBatchSchema.parse({
      orders: [order('#3001')],
      shipments: [
        { trackingNumber: 'SPLIT-A', carrier: 'fedex', orderNumber: '#3001' },
        { trackingNumber: 'SPLIT-B', carrier: 'dhl-express', orderNumber: '#3001' },
      ],
    });
    const result = await shopData().apply(context.merchant.merchantId, batch, { source: 'shopify' });
    const orderId = result.orders[0].id;
    expect(result.shipments.map((s) => [s.trackingNumber, s.orderId, s.outcome])).toEqual([
      ['SPLIT-A', orderId, 'created'],
      ['SPLIT-B', orderId, 'created'],
    ]);
    const detail = await api('GET', `/api/v1/orders/${orderId}`);
    expect(detail.body.shipments.map((s: { trackingNumber: string }) => s.trackingNumber).sort()).toEqual(['SPLIT-A', 'SPLIT-B']);
    // Shipments without a customer of their own take the order's (messages go to it).
    expect(detail.body.shipments.every((s: { customerId: string }) => s.customerId === detail.body.customer.id)).toBe(true);
  });

  it('applies the same batch twice without duplicates: the second time everything is unchanged and no event is emitted', async () => {
    const merchant = await createMerchant();
    const batch = shopDataBatchSchema.parse({
      customers: [{ email: 'twice@example.com', firstName: 'Tw', tags: ['vip'], consents: { marketing: { state: 'granted', source: 'checkout' } } }],
      products: [{ externalId: 'p-1', title: 'Mug', price: '12.50', currency: 'EUR', url: 'https://shop.example/mug' }],
      orders: [order('#4001', { customer: { email: 'twice@example.com' } })],
      shipments: [{ trackingNumber: 'TWICE-1', carrier: 'fedex', orderNumber: '#4001' }],
    });
    const first = await shopData().apply(merchant.merchantId, batch, { source: 'csv_import' });
    expect([first.customers, first.products, first.orders, first.shipments].map((items) => items.map((i) => i.outcome))).toEqual([
      ['created'],
      ['created'],
      ['created'],
      ['created'],
    ]);
    const count = async () =>
      (
        await testDb().query(
          `SELECT (SELECT count(*) FROM customers WHERE merchant_id = $1)::int AS customers,
                  (SELECT count(*) FROM orders WHERE merchant_id = $1)::int AS orders,
                  (SELECT count(*) FROM products WHERE merchant_id = $1)::int AS products,
                  (SELECT count(*) FROM shipments WHERE merchant_id = $1)::int AS shipments,
                  (SELECT count(*) FROM domain_events WHERE merchant_id = $1)::int AS events,
                  (SELECT count(*) FROM customer_consent_changes WHERE merchant_id = $1)::int AS consents`,
          [merchant.merchantId],
        )
      ).rows[0];
    const before = await count();
    // order.created, shipment.created and the customer's two consents (marketing declared, transactional by its order).
    expect(before).toEqual({ customers: 1, orders: 1, products: 1, shipments: 1, events: 4, consents: 2 });

    const second = await shopData().apply(merchant.merchantId, batch, { source: 'csv_import' });
    expect([second.customers, second.products, second.orders, second.shipments].flat().map((i) => i.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(second.orders[0].id).toBe(first.orders[0].id);
    expect(await count()).toEqual(before);
  });

  it('links an order and its shipment that arrive at the same time, whichever commits first', async () => {
    const merchant = await createMerchant();
    for (let i = 0; i < 10; i++) {
      const number = `#RACE-${i}`;
      const [placed, shipped] = await Promise.all([
        shopData().apply(merchant.merchantId, shopDataBatchSchema.parse({ orders: [order(number)] }), { source: 'shopify' }),
        shopData().apply(
          merchant.merchantId,
          shopDataBatchSchema.parse({ shipments: [{ trackingNumber: `RACE-${i}`, carrier: 'fedex', orderNumber: number }] }),
          { source: 'shopify' },
        ),
      ]);
      const { rows } = await testDb().query(`SELECT order_id, customer_email FROM shipments WHERE id = $1`, [shipped.shipments[0].id]);
      expect(rows[0], number).toEqual({ order_id: placed.orders[0].id, customer_email: `buyer-RACE${i}@example.com` });
    }
  });

  it('takes concurrent batches over the same customers, products and orders without deadlocks or duplicates', async () => {
    const merchant = await createMerchant();
    const emails = ['one@example.com', 'two@example.com', 'three@example.com'];
    const batches = Array.from({ length: 6 }, (_, i) => {
      const rotated = [...emails.slice(i % 3), ...emails.slice(0, i % 3)];
      return shopDataBatchSchema.parse({
        customers: rotated.map((email) => ({ email, tags: [`batch-${i}`] })),
        products: ['p-a', 'p-b', 'p-c'].slice(i % 3).concat(['p-a', 'p-b', 'p-c'].slice(0, i % 3)).map((externalId) => ({ externalId, title: `T ${i}` })),
        orders: rotated.map((email, j) => order(`#C-${j}`, { customer: { email } })),
      });
    });
    await Promise.all(batches.map((batch) => shopData().apply(merchant.merchantId, batch, { source: 'api' })));
    const { rows } = await testDb().query(
      `SELECT (SELECT count(*) FROM customers WHERE merchant_id = $1)::int AS customers,
              (SELECT count(*) FROM products WHERE merchant_id = $1)::int AS products,
              (SELECT count(*) FROM orders WHERE merchant_id = $1)::int AS orders,
              (SELECT count(*) FROM domain_events WHERE merchant_id = $1 AND type = 'order.created')::int AS created`,
      [merchant.merchantId],
    );
    expect(rows[0]).toEqual({ customers: 3, products: 3, orders: 3, created: 3 });
  });

  it('writes a batch with the same number of statements whether it holds 2 or 200 of each kind', async () => {
    const db = context.engine.app.get(DataSource);
    const batchOf = (size: number) =>
      shopDataBatchSchema.parse({
        products: Array.from({ length: size }, (_, i) => ({ externalId: `s-${i}`, title: `P ${i}` })),
        orders: Array.from({ length: size }, (_, i) => order(`#S-${i}`, { customer: { email: `s-${i}@example.com` } })),
        shipments: Array.from({ length: size }, (_, i) => ({ trackingNumber: `STMT-${i}`, carrier: 'fedex', orderNumber: `#S-${i}` })),
      });
    const statementsFor = async (size: number) => {
      const merchant = await createMerchant();
      return db.transaction(async (manager) => {
        let statements = 0;
        const query = manager.query.bind(manager);
        manager.query = ((...args: Parameters<typeof query>) => (statements++, query(...args))) as typeof manager.query;
        await shopData().apply(merchant.merchantId, batchOf(size), { source: 'api', manager });
        return statements;
      });
    };
    const [small, large] = [await statementsFor(2), await statementsFor(200)];
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(20);
  });

  it('keeps the same tracking number under two merchants as two shipments', async () => {
    const other = await createMerchant();
    const batch = shopDataBatchSchema.parse({ shipments: [{ trackingNumber: 'SHARED-1', carrier: 'fedex', customer: { email: 'x@example.com' } }] });
    const mine = await shopData().apply(context.merchant.merchantId, batch, { source: 'api' });
    const theirs = await shopData().apply(other.merchantId, batch, { source: 'api' });
    expect(mine.shipments[0].outcome).toBe('created');
    expect(theirs.shipments[0].outcome).toBe('created');
    expect(mine.shipments[0].id).not.toBe(theirs.shipments[0].id);
    expect(mine.customers[0].id).not.toBe(theirs.customers[0].id);
  });

  it('writes inside the caller’s transaction: rolled back, nothing stays', async () => {
    const merchant = await createMerchant();
    const db = context.engine.app.get(DataSource);
    const batch = shopDataBatchSchema.parse({ orders: [order('#5001')], shipments: [{ trackingNumber: 'TX-1', carrier: 'fedex', orderNumber: '#5001' }] });
    await expect(
      db.transaction(async (manager) => {
        const result = await shopData().apply(merchant.merchantId, batch, { source: 'shopify', manager });
        expect(result.orders[0].outcome).toBe('created');
        throw new Error('the webhook delivery was a duplicate after all');
      }),
    ).rejects.toThrow('duplicate');
    const { rows } = await testDb().query(
      `SELECT (SELECT count(*) FROM orders WHERE merchant_id = $1)::int + (SELECT count(*) FROM shipments WHERE merchant_id = $1)::int
              + (SELECT count(*) FROM domain_events WHERE merchant_id = $1)::int AS n`,
      [merchant.merchantId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('applies carrier events that were waiting for a shipment created by a batch', async () => {
    const scan = await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: 'WAITING-1', code: 'OD', occurredAt: '2026-11-27T08:00:00Z' }],
    });
    expect(scan.body).toMatchObject({ accepted: 1, unknownShipments: 1 });
    const result = await shopData().apply(
      context.merchant.merchantId,
      shopDataBatchSchema.parse({ shipments: [{ trackingNumber: 'WAITING-1', carrier: 'fedex' }] }),
      { source: 'shopify' },
    );
    const shipment = await api('GET', `/api/v1/shipments/${result.shipments[0].id}`);
    expect(shipment.body.status).toBe('out_for_delivery');
  });

  it('marks shop-data events handled although no flow listens to them', async () => {
    const created = await api('POST', '/api/v1/orders', order('#6001'));
    const unhandled = () =>
      testDb().query(`SELECT type FROM domain_events WHERE merchant_id = $1 AND handled_at IS NULL AND (payload->>'orderId' = $2 OR type = 'customer.consent_changed')`, [
        context.merchant.merchantId,
        created.body.order.id,
      ]);
    await waitFor(async () => (await unhandled()).rows.length === 0, 10_000, 'order events handled');
  });

  it('lists orders newest placed first with filters and keyset pages', async () => {
    const merchant = await createMerchant();
    const batch = shopDataBatchSchema.parse({
      orders: [1, 2, 3].map((n) =>
        order(`#70${n}`, { createdAt: `2026-11-2${n}T10:00:00Z`, status: n === 2 ? 'refunded' : 'open', customer: { email: `list-${n}@example.com`, name: `Zoe ${n}` } }),
      ),
    });
    await shopData().apply(merchant.merchantId, batch, { source: 'api' });
    const own = apiClient(context.engine.url, merchant.apiKey);
    const first = await own('GET', '/api/v1/orders?limit=2');
    expect(first.body.items.map((o: { number: string }) => o.number)).toEqual(['#703', '#702']);
    const second = await own('GET', `/api/v1/orders?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ number: '#701' })], nextCursor: null });
    expect((await own('GET', '/api/v1/orders?status=refunded')).body.items.map((o: { number: string }) => o.number)).toEqual(['#702']);
    const range = await own('GET', `/api/v1/orders?createdFrom=${encodeURIComponent('2026-11-22T00:00:00Z')}&createdTo=${encodeURIComponent('2026-11-23T00:00:00Z')}`);
    expect(range.body.items.map((o: { number: string }) => o.number)).toEqual(['#702']);
    expect((await own('GET', '/api/v1/orders?q=list-3')).body.items.map((o: { number: string }) => o.number)).toEqual(['#703']);
    const customerId = (await own('GET', '/api/v1/customers?q=list-1')).body.items[0].id;
    expect((await own('GET', `/api/v1/orders?customerId=${customerId}`)).body.items.map((o: { number: string }) => o.number)).toEqual(['#701']);
  });

  it('upserts up to 1,000 products in one call, and lists and reads them', async () => {
    const products = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `sku-${i}`,
      title: i === 7 ? 'Taza grande' : `Product ${i}`,
      price: '9.99',
      currency: 'eur',
      inStock: i % 2 === 0,
      tags: ['bf'],
    }));
    const created = await api('POST', '/api/v1/products', { products });
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(200);
    expect(created.body.items).toHaveLength(1000);
    expect(created.body.items.every((i: { outcome: string }) => i.outcome === 'created')).toBe(true);
    const changed = await api('POST', '/api/v1/products', { products: [{ ...products[7], price: '7.50' }, products[8]] });
    expect(changed.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['updated', 'unchanged']);
    const found = await api('GET', '/api/v1/products?q=taza');
    expect(found.body.items).toEqual([expect.objectContaining({ externalId: 'sku-7', price: '7.50', currency: 'EUR', inStock: false, tags: ['bf'] })]);
    expect((await api('GET', `/api/v1/products/${found.body.items[0].id}`)).body.title).toBe('Taza grande');
    const inStock = await api('GET', '/api/v1/products?inStock=true&limit=200');
    expect(inStock.body.items.every((p: { inStock: boolean }) => p.inStock)).toBe(true);
  });
});
