import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { startTestEngine } from '../support/engine';
import { apiClient, createMerchant, createUser, logIn, sessionClient, TestMerchant, testDb } from '../support/fixtures';
import { fixtureBytes, postHook } from '../support/shop-hooks';

type Call = ReturnType<typeof apiClient>;

const SHOPIFY_SECRET = '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';

describe('shop integrations: settings', () => {
  let engine: RunningEngine;
  let a: TestMerchant;
  let b: TestMerchant;
  const owner = {} as Record<'a' | 'b', Call>;
  const key = {} as Record<'a' | 'b', Call>;

  beforeAll(async () => {
    engine = await startTestEngine({ PUBLIC_URL: 'https://postino.shop.example' });
    [a, b] = await Promise.all([createMerchant(), createMerchant()]);
    for (const [name, merchant] of [['a', a], ['b', b]] as const) {
      owner[name] = sessionClient(engine.url, await logIn(engine.url, merchant.email, merchant.password));
      key[name] = apiClient(engine.url, merchant.apiKey);
    }
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('creates an integration with the secret given (Shopify) or a generated one (WooCommerce), shown this once', async () => {
    const shopify = await owner.a('POST', '/api/v1/settings/integrations', { platform: 'shopify', name: 'Tienda', secret: ` ${SHOPIFY_SECRET} `, currency: 'eur' });
    expect(shopify.status, JSON.stringify(shopify.body)).toBe(201);
    expect(shopify.body).toMatchObject({
      platform: 'shopify',
      name: 'Tienda',
      currency: 'EUR',
      secret: SHOPIFY_SECRET,
      hookUrl: `https://postino.shop.example/hooks/shopify/${shopify.body.id}`,
      lastDelivery: null,
      counts: { received: 0, ignored: 0, failed: 0 },
    });
    const woo = await owner.a('POST', '/api/v1/settings/integrations', { platform: 'woocommerce', name: 'Boutique' });
    expect(woo.status).toBe(201);
    expect(woo.body.secret).toMatch(/^[\w-]{43}$/);
    expect(woo.body.hookUrl).toBe(`https://postino.shop.example/hooks/woocommerce/${woo.body.id}`);

    // The secret is never listed nor read back, and the database holds it sealed.
    for (const listed of [await owner.a('GET', '/api/v1/settings/integrations'), await key.a('GET', '/api/v1/settings/integrations')]) {
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([woo.body.id, shopify.body.id]);
      expect(JSON.stringify(listed.body)).not.toContain(SHOPIFY_SECRET);
      expect(JSON.stringify(listed.body)).not.toContain(woo.body.secret);
      expect(listed.body.items.every((i: object) => !('secret' in i))).toBe(true);
    }
    const got = await key.a('GET', `/api/v1/settings/integrations/${shopify.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).not.toHaveProperty('secret');
    const { rows } = await testDb().query(`SELECT secret_sealed FROM shop_integrations WHERE id = ANY($1::uuid[])`, [[shopify.body.id, woo.body.id]]);
    expect(rows).toHaveLength(2);
    for (const { secret_sealed: sealed } of rows) {
      expect(sealed).toMatch(/^v1\./);
      expect(sealed).not.toContain(SHOPIFY_SECRET);
      expect(sealed).not.toContain(woo.body.secret);
      expect(sealed).not.toContain('shpss_');
    }
  });

  it('refuses invalid settings with a 400 naming the field', async () => {
    const bad = await owner.a('POST', '/api/v1/settings/integrations', { platform: 'magento', name: '', secret: 'short', currency: 'XXY' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['currency', 'name', 'platform', 'secret']);
  });

  it('lets only owners, from the studio, create, rotate and delete; everyone reads', async () => {
    const created = await owner.a('POST', '/api/v1/settings/integrations', { platform: 'woocommerce', name: 'Roles' });
    const marketer = await createUser(a.merchantId, 'marketer');
    const asMarketer = sessionClient(engine.url, await logIn(engine.url, marketer.email, marketer.password));
    for (const call of [key.a, asMarketer]) {
      expect((await call('POST', '/api/v1/settings/integrations', { platform: 'shopify', name: 'X', secret: SHOPIFY_SECRET })).status).toBe(403);
      expect((await call('POST', `/api/v1/settings/integrations/${created.body.id}/rotate-secret`, {})).status).toBe(403);
      expect((await call('DELETE', `/api/v1/settings/integrations/${created.body.id}`)).status).toBe(403);
      expect((await call('GET', `/api/v1/settings/integrations/${created.body.id}`)).status).toBe(200);
    }
  });

  it('rotates the secret: the old one stops verifying at once, the new one verifies', async () => {
    const created = await owner.a('POST', '/api/v1/settings/integrations', { platform: 'shopify', name: 'Rotating', secret: SHOPIFY_SECRET });
    const body = fixtureBytes('shopify', 'products-create');
    const deliver = (secret: string) => postHook(engine.url, 'shopify', created.body.id, secret, { topic: 'products/create', body });
    expect((await deliver(SHOPIFY_SECRET)).status).toBe(200);

    const rotated = await owner.a('POST', `/api/v1/settings/integrations/${created.body.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(SHOPIFY_SECRET);
    expect(rotated.body.secretRotatedAt).not.toBeNull();
    expect((await deliver(SHOPIFY_SECRET)).status).toBe(401);
    expect((await deliver(rotated.body.secret)).status).toBe(200);

    const given = await owner.a('POST', `/api/v1/settings/integrations/${created.body.id}/rotate-secret`, { secret: `${SHOPIFY_SECRET}-2` });
    expect(given.body.secret).toBe(`${SHOPIFY_SECRET}-2`);
    expect((await deliver(`${SHOPIFY_SECRET}-2`)).status).toBe(200);
  });

  it('deletes an integration: its hook answers 404 and the shop data it brought stays', async () => {
    const created = await owner.a('POST', '/api/v1/settings/integrations', { platform: 'shopify', name: 'Leaving', secret: SHOPIFY_SECRET });
    const body = fixtureBytes('shopify', 'customers-create');
    expect((await postHook(engine.url, 'shopify', created.body.id, SHOPIFY_SECRET, { topic: 'customers/create', body })).status).toBe(200);
    expect((await owner.a('DELETE', `/api/v1/settings/integrations/${created.body.id}`)).status).toBe(204);
    expect((await owner.a('GET', `/api/v1/settings/integrations/${created.body.id}`)).status).toBe(404);
    expect((await owner.a('DELETE', `/api/v1/settings/integrations/${created.body.id}`)).status).toBe(404);
    expect((await postHook(engine.url, 'shopify', created.body.id, SHOPIFY_SECRET, { topic: 'customers/create', body })).status).toBe(404);
    const customers = await key.a('GET', '/api/v1/customers?q=marco.rossi');
    expect(customers.body.items).toHaveLength(1);
  });

  it('keeps each merchant to its own integrations', async () => {
    const theirs = await owner.b('POST', '/api/v1/settings/integrations', { platform: 'shopify', name: 'B shop', secret: SHOPIFY_SECRET });
    const path = `/api/v1/settings/integrations/${theirs.body.id}`;
    for (const call of [owner.a, key.a]) {
      expect((await call('GET', path)).status).toBe(404);
      expect((await call('GET', '/api/v1/settings/integrations')).body.items.map((i: { id: string }) => i.id)).not.toContain(theirs.body.id);
    }
    expect((await owner.a('POST', `${path}/rotate-secret`, {})).status).toBe(404);
    expect((await owner.a('DELETE', path)).status).toBe(404);
    expect((await owner.a('GET', '/api/v1/settings/integrations/not-a-uuid')).status).toBe(404);
    // B's integration is untouched: its secret still verifies.
    const still = await postHook(engine.url, 'shopify', theirs.body.id, SHOPIFY_SECRET, { topic: 'products/create', body: fixtureBytes('shopify', 'products-create') });
    expect(still.status).toBe(200);
    expect((await owner.b('GET', path)).body.counts.received).toBe(1);
  });

  it('documents the settings API and the hooks in OpenAPI', async () => {
    const doc = await (await fetch(`${engine.url}/api/docs-json`)).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/settings/integrations',
        '/api/v1/settings/integrations/{id}',
        '/api/v1/settings/integrations/{id}/rotate-secret',
        '/hooks/{platform}/{integrationId}',
      ]),
    );
  });
});
