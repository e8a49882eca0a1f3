import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { sampleEventCurl, seedDemo, type DemoSeed } from '../../tools/seed/demo-seed';
import { sampleShopifyWebhookCurl } from '../../tools/seed/demo-shopify';
import { startTestEngine } from '../support/engine';
import { apiClient, testDb } from '../support/fixtures';

// Asynchronous: the engine answering the curl runs in this process.
const shell = async (command: string) => JSON.parse((await promisify(execFile)('sh', ['-c', command], { encoding: 'utf8' })).stdout);

const APP_SECRET = 'demo-seed-spec-'.padEnd(40, 'x');

describe('the demo shop seeded by npm start', { timeout: 60_000 }, () => {
  let engine: RunningEngine;
  let seed: DemoSeed;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    engine = await startTestEngine();
    const options = { databaseUrl: inject('stack').databaseUrl, engineUrl: engine.url, publicUrl: 'http://localhost:3000', appSecret: APP_SECRET };
    seed = await seedDemo(options);
    api = apiClient(engine.url, seed.apiKey);
  });
  afterAll(async () => engine?.close());

  it('has a catalogue with pictures served by Postino itself', async () => {
    const products = await api('GET', '/api/v1/products?limit=50');
    expect(products.status).toBe(200);
    expect(products.body.items).toHaveLength(8);
    for (const product of products.body.items) expect(product.imageUrl).toMatch(/^http:\/\/localhost:3000\/demo\/products\/[a-z-]+\.png$/);
  });

  it('has customers in the five studio languages with a mix of marketing consents', async () => {
    const customers = await api('GET', '/api/v1/customers?limit=50');
    expect(customers.status).toBe(200);
    const languages = new Set(customers.body.items.map((c: { locale: string }) => c.locale.slice(0, 2)));
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'it']);
    const { rows } = await testDb().query(
      `SELECT marketing_consent AS state, count(*)::int AS n FROM customers WHERE merchant_id = $1 GROUP BY 1`,
      [seed.merchantId],
    );
    expect(rows.map((r) => r.state).sort()).toEqual(['denied', 'granted', 'none']);
  });

  it('has orders with line items and discount codes, one split over two parcels of two carriers', async () => {
    const orders = await api('GET', '/api/v1/orders?limit=50');
    expect(orders.status).toBe(200);
    expect(orders.body.items.length).toBeGreaterThanOrEqual(9);
    expect(orders.body.items.some((o: { discountCodes: string[] }) => o.discountCodes.includes('BLACKFRIDAY20'))).toBe(true);
    const split = orders.body.items.find((o: { number: string }) => o.number === '#5004');
    const detail = await api('GET', `/api/v1/orders/${split.id}`);
    expect(detail.body.lineItems).toHaveLength(3);
    expect(detail.body.shipments.map((s: { carrier: string }) => s.carrier).sort()).toEqual(['dhl-express', 'fedex']);
  });

  it('prints two curls that work as printed: a scan through the API and a signed Shopify webhook', async () => {
    const scan = await shell(sampleEventCurl(engine.url, seed.apiKey));
    expect(scan).toMatchObject({ accepted: 1 });
    const hook = await shell(sampleShopifyWebhookCurl(seed.shopify));
    expect(hook).toMatchObject({ outcome: 'applied' });
    const orders = await api('GET', '/api/v1/orders?q=5010');
    expect(orders.body.items.map((o: { number: string; total: string }) => [o.number, o.total])).toEqual([['#5010', '63.90']]);
  });

  it('a second start changes nothing and prints the same demo key', async () => {
    const before = await testDb().query(`SELECT (SELECT count(*) FROM orders WHERE merchant_id = $1)::int AS orders`, [seed.merchantId]);
    const again = await seedDemo({ databaseUrl: inject('stack').databaseUrl, engineUrl: engine.url, publicUrl: 'http://localhost:3000', appSecret: APP_SECRET });
    expect(again).toMatchObject({ created: false, apiKey: seed.apiKey, merchantId: seed.merchantId });
    const after = await testDb().query(`SELECT (SELECT count(*) FROM orders WHERE merchant_id = $1)::int AS orders`, [seed.merchantId]);
    expect(after.rows[0].orders).toBe(before.rows[0].orders);
  });
});
