import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { startTestEngine } from '../support/engine';
import { apiClient, createMerchant, logIn, sessionClient, TestMerchant, testDb } from '../support/fixtures';
import { fixtureBytes, fixtureWith, HookDelivery, HookPlatform, postHook, signatureOf } from '../support/shop-hooks';

type Call = ReturnType<typeof apiClient>;

interface Shop {
  merchant: TestMerchant;
  api: Call;
  integrationId: string;
  secret: string;
  deliver(delivery: HookDelivery): ReturnType<typeof postHook>;
}

const SHOPIFY_SECRET = 'b3c1f4e2d5a6978812345678901234567890abcdef0123456789abcdef012345';

async function row<T = Record<string, any>>(sql: string, params: unknown[]): Promise<T> {
  return (await testDb().query(sql, params)).rows[0];
}

describe('shop hooks: signed Shopify and WooCommerce webhooks become shop data', () => {
  let engine: RunningEngine;
  let shopify: Shop;
  let woo: Shop;

  async function connect(platform: HookPlatform, secret?: string, merchant?: TestMerchant): Promise<Shop> {
    const owner = merchant ?? (await createMerchant());
    const session = sessionClient(engine.url, await logIn(engine.url, owner.email, owner.password));
    const created = await session('POST', '/api/v1/settings/integrations', { platform, name: `${platform} shop`, secret, currency: 'EUR' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id, secret: shown } = created.body;
    return {
      merchant: owner,
      api: apiClient(engine.url, owner.apiKey),
      integrationId: id,
      secret: shown,
      deliver: (delivery) => postHook(engine.url, platform, id, shown, delivery),
    };
  }

  const counts = (merchantId: string) =>
    row(
      `SELECT (SELECT count(*) FROM customers WHERE merchant_id = $1)::int AS customers,
              (SELECT count(*) FROM orders WHERE merchant_id = $1)::int AS orders,
              (SELECT count(*) FROM products WHERE merchant_id = $1)::int AS products,
              (SELECT count(*) FROM shipments WHERE merchant_id = $1)::int AS shipments,
              (SELECT count(*) FROM domain_events WHERE merchant_id = $1)::int AS events,
              (SELECT count(*) FROM webhook_deliveries WHERE merchant_id = $1)::int AS deliveries`,
      [merchantId],
    );

  beforeAll(async () => {
    engine = await startTestEngine();
    shopify = await connect('shopify', SHOPIFY_SECRET);
    woo = await connect('woocommerce');
  });

  afterAll(async () => {
    await engine?.close();
  });

  describe('Shopify', () => {
    const send = (topic: string, fixture: string) => shopify.deliver({ topic, body: fixtureBytes('shopify', fixture) });
    const order = () => row(`SELECT * FROM orders WHERE merchant_id = $1 AND number = '#1001'`, [shopify.merchant.merchantId]);

    it('orders/create: the order with exact ids, minor units, line items, its customer and consents', async () => {
      const answer = await send('orders/create', 'orders-create');
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toEqual({ outcome: 'applied', detail: null });
      const stored = await order();
      expect(stored).toMatchObject({
        external_id: '820982911946154508',
        status: 'open',
        currency: 'EUR',
        subtotal_minor: '10997',
        discounts_minor: '1000',
        shipping_minor: '495',
        total_minor: '10492',
        discount_codes: ['BLACKFRIDAY'],
      });
      expect(stored.line_items).toHaveLength(2);
      expect(stored.line_items[0]).toMatchObject({ productId: '788032119674292922', quantity: 2, unitPriceMinor: 2999 });
      const customer = await shopify.api('GET', `/api/v1/customers/${stored.customer_id}`);
      expect(customer.body).toMatchObject({
        email: 'lucia.fernandez@example.com',
        externalId: '115310627314723954',
        phone: '+34612345678',
        locale: 'es',
        consents: { transactional: { state: 'granted' }, marketing: { state: 'granted', source: 'shopify_checkout' } },
      });
    });

    it('fulfillments/create and fulfillments/update: one shipment, linked to its order, then updated', async () => {
      expect((await send('fulfillments/create', 'fulfillments-create')).body.outcome).toBe('applied');
      const { id: orderId } = await order();
      const shipment = await row(`SELECT * FROM shipments WHERE merchant_id = $1 AND tracking_number = '794622728852'`, [shopify.merchant.merchantId]);
      expect(shipment).toMatchObject({ carrier: 'fedex', order_id: orderId, order_number: '#1001', destination_city: 'Madrid' });
      expect((await send('fulfillments/update', 'fulfillments-update')).body.outcome).toBe('applied');
      const updated = await row(`SELECT * FROM shipments WHERE id = $1`, [shipment.id]);
      expect(updated).toMatchObject({ destination_city: 'Alcalá de Henares', destination_postal_code: '28801', order_id: orderId });
    });

    it('orders/updated then orders/cancelled: the same order updated, its fulfillment the same shipment, then cancelled', async () => {
      expect((await send('orders/updated', 'orders-updated')).body.outcome).toBe('applied');
      const detail = await shopify.api('GET', `/api/v1/orders/${(await order()).id}`);
      expect(detail.body.shippingAddress.address2).toBe('4º A');
      expect(detail.body.shipments.map((s: { trackingNumber: string }) => s.trackingNumber)).toEqual(['794622728852']);
      expect((await send('orders/cancelled', 'orders-cancelled')).body.outcome).toBe('applied');
      expect((await order()).status).toBe('cancelled');
      const events = await testDb().query(`SELECT type FROM domain_events WHERE merchant_id = $1 AND type LIKE 'order.%' ORDER BY created_at`, [
        shopify.merchant.merchantId,
      ]);
      expect(events.rows.map((e) => e.type)).toEqual(['order.created', 'order.updated', 'order.updated', 'order.cancelled']);
    });

    it('products/create and products/update: the product priced in the integration’s currency, then out of stock', async () => {
      expect((await send('products/create', 'products-create')).body.outcome).toBe('applied');
      const product = () => row(`SELECT * FROM products WHERE merchant_id = $1 AND external_id = '788032119674292922'`, [shopify.merchant.merchantId]);
      expect(await product()).toMatchObject({ title: 'Camiseta de algodón', price_minor: '2999', currency: 'EUR', in_stock: true });
      expect((await send('products/update', 'products-update')).body.outcome).toBe('applied');
      expect(await product()).toMatchObject({ title: 'Camiseta de algodón orgánico', price_minor: '2499', in_stock: false, tags: ['algodón', 'rebajas'] });
    });

    it('customers/create, customers/update (older shape) and customers_email_marketing_consent/update', async () => {
      const customer = () => row(`SELECT * FROM customers WHERE merchant_id = $1 AND email = 'marco.rossi@example.com'`, [shopify.merchant.merchantId]);
      expect((await send('customers/create', 'customers-create')).body.outcome).toBe('applied');
      expect(await customer()).toMatchObject({ name: 'Marco Rossi', country: 'IT', marketing_consent: 'none', transactional_consent: 'none' });
      expect((await send('customers/update', 'customers-update')).body.outcome).toBe('applied');
      expect(await customer()).toMatchObject({ name: 'Marco Rossi Bianchi', tags: ['vip', 'newsletter'], marketing_consent: 'granted' });
      expect((await send('customers_email_marketing_consent/update', 'customers-email-marketing-consent-update')).body.outcome).toBe('applied');
      expect(await customer()).toMatchObject({ marketing_consent: 'denied', marketing_consent_source: 'shopify' });
    });

    it('answers a replay 200 and writes nothing twice, even when the replays race', async () => {
      const deliveryId = randomUUID();
      const body = fixtureWith('shopify', 'orders-create', (p) => {
        p.id = '4400000000001';
        p.name = '#REPLAY-1';
      });
      const first = await shopify.deliver({ topic: 'orders/create', body, deliveryId });
      expect(first.body.outcome).toBe('applied');
      const before = await counts(shopify.merchant.merchantId);
      const replays = await Promise.all(Array.from({ length: 5 }, () => shopify.deliver({ topic: 'orders/create', body, deliveryId })));
      expect(replays.map((r) => [r.status, r.body.outcome])).toEqual(Array(5).fill([200, 'duplicate']));
      expect(await counts(shopify.merchant.merchantId)).toEqual(before);

      const raced = randomUUID();
      const racedBody = fixtureWith('shopify', 'orders-create', (p) => (p.name = '#REPLAY-2'));
      const answers = await Promise.all(Array.from({ length: 6 }, () => shopify.deliver({ topic: 'orders/create', body: racedBody, deliveryId: raced })));
      expect(answers.map((a) => a.body.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      expect(await row(`SELECT count(*)::int AS n FROM orders WHERE merchant_id = $1 AND number = '#REPLAY-2'`, [shopify.merchant.merchantId])).toEqual({ n: 1 });
    });

    it('stores nothing for a wrong, missing or other-integration signature (401), an unknown integration or id (404)', async () => {
      const body = fixtureWith('shopify', 'orders-create', (p) => (p.name = '#FORGED'));
      const received = async () => (await shopify.api('GET', `/api/v1/settings/integrations/${shopify.integrationId}`)).body.counts.received;
      const [before, receivedBefore] = [await counts(shopify.merchant.merchantId), await received()];
      const other = await connect('shopify', `${SHOPIFY_SECRET}-other`);
      const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
      const forged = await Promise.all([
        shopify.deliver({ topic: 'orders/create', body, signature: 'bm90IHRoZSBzaWduYXR1cmU=' }),
        shopify.deliver({ topic: 'orders/create', body, signature: null }),
        shopify.deliver({ topic: 'orders/create', body, signature: signatureOf(body, other.secret) }),
        // The same JSON in other bytes: the signature is over the bytes received.
        shopify.deliver({ topic: 'orders/create', body: reserialized, signature: signatureOf(body, SHOPIFY_SECRET) }),
      ]);
      for (const answer of forged) {
        expect(answer.status).toBe(401);
        expect(answer.body.error).toBe('invalid_signature');
      }
      for (const id of [randomUUID(), 'not-a-uuid', woo.integrationId]) {
        expect((await postHook(engine.url, 'shopify', id, SHOPIFY_SECRET, { topic: 'orders/create', body })).status).toBe(404);
      }
      const unknownPlatform = await fetch(`${engine.url}/hooks/magento/${shopify.integrationId}`, { method: 'POST', body: new Uint8Array(body) });
      expect(unknownPlatform.status).toBe(404);
      expect(await counts(shopify.merchant.merchantId)).toEqual(before);
      expect(await received()).toBe(receivedBefore);
    });

    it('ignores and counts unknown topics; refuses, names and counts malformed bodies; shows the last delivery', async () => {
      const status = async () => (await shopify.api('GET', `/api/v1/settings/integrations/${shopify.integrationId}`)).body;
      const before = await status();
      const ignored = await shopify.deliver({ topic: 'app/uninstalled', body: Buffer.from('{"id":548380009}') });
      expect(ignored.body).toEqual({ outcome: 'ignored', detail: 'topic app/uninstalled is not one Postino reads' });

      const notJson = await shopify.deliver({ topic: 'orders/create', body: Buffer.from('{"id": 1, "name": ') });
      expect(notJson.status).toBe(400);
      expect(notJson.body.error).toBe('invalid_json');
      const wrongShape = await shopify.deliver({ topic: 'orders/create', body: fixtureWith('shopify', 'orders-create', (p) => (p.total_price = 'lots')) });
      expect(wrongShape.status).toBe(400);
      expect(wrongShape.body.details).toEqual([{ field: 'total_price', message: expect.stringContaining('amount') }]);
      const noTopic = await shopify.deliver({ topic: '', body: fixtureBytes('shopify', 'orders-create') });
      expect(noTopic.status).toBe(400);
      expect(noTopic.body.message).toBe('The X-Shopify-Topic header is required');

      const after = await status();
      expect(after.counts).toEqual({
        received: before.counts.received + 4,
        ignored: before.counts.ignored + 1,
        failed: before.counts.failed + 3,
      });
      expect(after.lastDelivery).toEqual({ at: expect.any(String), topic: null, status: 400, result: 'failed', detail: 'The X-Shopify-Topic header is required' });
    });

    it('says what it left out: a shipment of a carrier Postino has no table for', async () => {
      const ups = fixtureWith('shopify', 'fulfillments-create', (p) => {
        p.tracking_company = 'UPS';
        p.tracking_numbers = ['1z827wk74630'];
      });
      const answer = await shopify.deliver({ topic: 'fulfillments/create', body: ups });
      expect(answer.body).toEqual({ outcome: 'ignored', detail: 'fulfillment #1001.1: shipment 1z827wk74630 left out, carrier "UPS" is not supported' });
      const status = await shopify.api('GET', `/api/v1/settings/integrations/${shopify.integrationId}`);
      expect(status.body.lastDelivery).toMatchObject({ topic: 'fulfillments/create', status: 200, result: 'ignored' });
    });

    it('gives a split order (two fulfillments) two shipments', async () => {
      const fulfillment = (suffix: number, company: string, number: string) =>
        fixtureWith('shopify', 'fulfillments-create', (p) => {
          p.id = 900 + suffix;
          p.name = `#2001.${suffix}`;
          p.tracking_company = company;
          p.tracking_numbers = [number];
        });
      await shopify.deliver({ topic: 'orders/create', body: fixtureWith('shopify', 'orders-create', (p) => (p.name = '#2001')) });
      expect((await shopify.deliver({ topic: 'fulfillments/create', body: fulfillment(1, 'FedEx', '449044304137821') })).body.outcome).toBe('applied');
      expect((await shopify.deliver({ topic: 'fulfillments/create', body: fulfillment(2, 'DHL Express', 'JJD0099999999') })).body.outcome).toBe('applied');
      const { id } = await row(`SELECT id FROM orders WHERE merchant_id = $1 AND number = '#2001'`, [shopify.merchant.merchantId]);
      const detail = await shopify.api('GET', `/api/v1/orders/${id}`);
      expect(detail.body.shipments.map((s: { trackingNumber: string; carrier: string }) => `${s.carrier} ${s.trackingNumber}`).sort()).toEqual([
        'dhl-express JJD0099999999',
        'fedex 449044304137821',
      ]);
    });

    it('keeps the same tracking number under two merchants as two shipments', async () => {
      const other = await connect('shopify', SHOPIFY_SECRET);
      const body = fixtureBytes('shopify', 'fulfillments-create');
      expect((await other.deliver({ topic: 'fulfillments/create', body })).body.outcome).toBe('applied');
      const { rows } = await testDb().query(`SELECT merchant_id FROM shipments WHERE tracking_number = '794622728852' AND merchant_id = ANY($1::uuid[])`, [
        [shopify.merchant.merchantId, other.merchant.merchantId],
      ]);
      expect(rows.map((r) => r.merchant_id).sort()).toEqual([shopify.merchant.merchantId, other.merchant.merchantId].sort());
    });
  });

  describe('WooCommerce', () => {
    const send = (topic: string, fixture: string) => woo.deliver({ topic, body: fixtureBytes('woocommerce', fixture) });

    it('answers the unsigned creation ping 200 and stores nothing', async () => {
      const before = await counts(woo.merchant.merchantId);
      const ping = await woo.deliver({
        topic: '',
        body: Buffer.from('webhook_id=15'),
        signature: null,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(ping.status).toBe(200);
      expect(ping.body).toEqual({ outcome: 'ping', detail: null });
      expect(await counts(woo.merchant.merchantId)).toEqual(before);
      expect((await woo.api('GET', `/api/v1/settings/integrations/${woo.integrationId}`)).body.counts.received).toBe(0);
    });

    it('order.created then order.updated: the order, then its two tracked parcels as two shipments', async () => {
      expect((await send('order.created', 'order-created')).body).toEqual({ outcome: 'applied', detail: null });
      const stored = await row(`SELECT * FROM orders WHERE merchant_id = $1 AND number = '727'`, [woo.merchant.merchantId]);
      expect(stored).toMatchObject({ total_minor: '5680', subtotal_minor: '5490', status: 'open', discount_codes: ['bienvenue5'] });
      expect(stored.created_at.toISOString()).toBe('2026-11-27T09:28:02.000Z');
      expect((await send('order.updated', 'order-updated')).body.outcome).toBe('applied');
      const detail = await woo.api('GET', `/api/v1/orders/${stored.id}`);
      expect(detail.body.shipments.map((s: { trackingNumber: string; carrier: string }) => `${s.carrier} ${s.trackingNumber}`).sort()).toEqual([
        'dhl-express JJD0099999999',
        'usps 9405511899223197428490',
      ]);
      expect(detail.body.customer).toMatchObject({ email: 'sophie.martin@example.com', phone: '+33612345678' });
    });

    it('product.created then product.updated', async () => {
      const product = () => row(`SELECT * FROM products WHERE merchant_id = $1 AND external_id = '794'`, [woo.merchant.merchantId]);
      expect((await send('product.created', 'product-created')).body.outcome).toBe('applied');
      expect(await product()).toMatchObject({ price_minor: '1245', url: 'https://boutique.example/produit/carnet-de-voyage/', in_stock: true });
      expect((await send('product.updated', 'product-updated')).body.outcome).toBe('applied');
      expect(await product()).toMatchObject({ price_minor: '990', in_stock: false, tags: ['soldes'] });
    });

    it('refuses a wrong signature with 401 and stores nothing; ignores other topics', async () => {
      const before = await counts(woo.merchant.merchantId);
      const body = fixtureWith('woocommerce', 'order-created', (p) => (p.number = 'FORGED'));
      const forged = await woo.deliver({ topic: 'order.created', body, signature: 'c2lnbmF0dXJl' });
      expect(forged.status).toBe(401);
      expect(await counts(woo.merchant.merchantId)).toEqual(before);
      const coupon = await woo.deliver({ topic: 'coupon.created', body: Buffer.from('{"id":1}') });
      expect(coupon.body.outcome).toBe('ignored');
    });
  });
});
