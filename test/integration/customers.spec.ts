import { shopDataBatchSchema } from '@postino/api-contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { ShopDataService } from '../../apps/engine/src/modules/shop-data/shop-data.service';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

describe('customers: two consents, unsubscribes honoured at once, one screen with everything', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  let n = 0;

  beforeAll(async () => {
    await publishEmailFlow(api, { statuses: ['out_for_delivery', 'delivered'] });
  });

  /** A shipment for a new customer; returns its ids and a function that posts a scan with the given code. */
  async function shipmentFor(email: string) {
    const trackingNumber = `CUST-${++n}-${context.merchant.slug}`;
    const shipment = await api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', customer: { email, name: 'Marta Rossi' } });
    expect(shipment.status, JSON.stringify(shipment.body)).toBe(201);
    const scan = (code: string, occurredAt: string) =>
      api('POST', '/api/v1/tracking-events', { events: [{ carrier: 'fedex', trackingNumber, code, occurredAt }] });
    return { shipmentId: shipment.body.id as string, customerId: shipment.body.customerId as string, scan };
  }

  async function settledMessages(shipmentId: string, count: number) {
    return waitFor(async () => {
      const { rows } = await testDb().query(
        `SELECT state, skip_reason AS "skipReason" FROM messages WHERE shipment_id = $1 AND state IN ('sent', 'skipped', 'failed') ORDER BY created_at`,
        [shipmentId],
      );
      return rows.length >= count ? rows : null;
    }, 15_000, `${count} settled messages`);
  }

  async function consentEvents(customerId: string): Promise<{ purpose: string; from: string; to: string; source: string }[]> {
    const { rows } = await testDb().query(
      `SELECT payload FROM domain_events WHERE type = 'customer.consent_changed' AND payload->>'customerId' = $1 ORDER BY created_at`,
      [customerId],
    );
    return rows.map((r) => ({ purpose: r.payload.purpose, from: r.payload.from, to: r.payload.to, source: r.payload.source }));
  }

  it('gives a shipment’s customer transactional consent by default, and marketing none', async () => {
    const { customerId } = await shipmentFor(`default-${context.merchant.slug}@example.com`);
    const customer = await api('GET', `/api/v1/customers/${customerId}`);
    expect(customer.body.consents).toMatchObject({
      transactional: { state: 'granted', source: 'shipment' },
      marketing: { state: 'none', source: null, at: null },
    });
    expect(customer.body.consentHistory).toEqual([expect.objectContaining({ purpose: 'transactional', state: 'granted', source: 'shipment' })]);
    expect(await consentEvents(customerId)).toEqual([{ purpose: 'transactional', from: 'none', to: 'granted', source: 'shipment' }]);
  });

  it('records a marketing opt-in with its source once, however often it is repeated', async () => {
    const { customerId } = await shipmentFor(`optin-${context.merchant.slug}@example.com`);
    const body = { marketing: { state: 'granted', source: 'checkout' } };
    const granted = await api('PATCH', `/api/v1/customers/${customerId}/consents`, body);
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body.marketing).toMatchObject({ state: 'granted', source: 'checkout', at: expect.any(String) });
    await api('PATCH', `/api/v1/customers/${customerId}/consents`, body);
    expect((await consentEvents(customerId)).filter((e) => e.purpose === 'marketing')).toEqual([
      { purpose: 'marketing', from: 'none', to: 'granted', source: 'checkout' },
    ]);
  });

  it('stops shipment e-mails once transactional consent is withdrawn, and sends again once it is given back', async () => {
    const { shipmentId, customerId, scan } = await shipmentFor(`withdraw-${context.merchant.slug}@example.com`);
    const withdrawn = await api('PATCH', `/api/v1/customers/${customerId}/consents`, { transactional: { state: 'denied', source: 'customer_service' } });
    expect(withdrawn.body.transactional).toMatchObject({ state: 'denied', source: 'customer_service' });
    await scan('OD', '2026-11-28T08:00:00Z');
    expect(await settledMessages(shipmentId, 1)).toEqual([{ state: 'skipped', skipReason: 'the customer withdrew consent to shipment updates' }]);

    await api('PATCH', `/api/v1/customers/${customerId}/consents`, { transactional: { state: 'granted', source: 'customer_service' } });
    await scan('DL', '2026-11-28T15:00:00Z');
    expect((await settledMessages(shipmentId, 2))[1]).toEqual({ state: 'sent', skipReason: null });
  });

  it('keeps a withdrawal when another order for the customer arrives', async () => {
    const email = `stands-${context.merchant.slug}@example.com`;
    const { customerId } = await shipmentFor(email);
    await api('PATCH', `/api/v1/customers/${customerId}/consents`, { transactional: { state: 'denied', source: 'studio' } });
    await api('POST', '/api/v1/orders', { number: `#ST-${n}`, createdAt: '2026-11-28T10:00:00Z', currency: 'EUR', subtotal: '5', total: '5', customer: { email } });
    expect((await api('GET', `/api/v1/customers/${customerId}`)).body.consents.transactional.state).toBe('denied');
  });

  it('unsubscribes from marketing only, keeping shipment updates', async () => {
    const { shipmentId, customerId, scan } = await shipmentFor(`unsub-m-${context.merchant.slug}@example.com`);
    await api('PATCH', `/api/v1/customers/${customerId}/consents`, { marketing: { state: 'granted', source: 'checkout' } });
    const unsubscribed = await api('POST', `/api/v1/customers/${customerId}/unsubscribe`, { scope: 'marketing', source: 'unsubscribe_link' });
    expect(unsubscribed.status, JSON.stringify(unsubscribed.body)).toBe(200);
    expect(unsubscribed.body).toMatchObject({ transactional: { state: 'granted' }, marketing: { state: 'denied', source: 'unsubscribe_link' } });
    await scan('OD', '2026-11-28T08:00:00Z');
    expect(await settledMessages(shipmentId, 1)).toEqual([{ state: 'sent', skipReason: null }]);
    const customer = await api('GET', `/api/v1/customers/${customerId}`);
    expect(customer.body.unsubscribes).toEqual([expect.objectContaining({ scope: 'marketing', source: 'unsubscribe_link' })]);
  });

  it('unsubscribes from everything at once: no more shipment e-mails either', async () => {
    const { shipmentId, customerId, scan } = await shipmentFor(`unsub-all-${context.merchant.slug}@example.com`);
    const unsubscribed = await api('POST', `/api/v1/customers/${customerId}/unsubscribe`, { scope: 'all' });
    expect(unsubscribed.body).toMatchObject({ transactional: { state: 'denied', source: 'api' }, marketing: { state: 'denied', source: 'api' } });
    await scan('OD', '2026-11-28T08:00:00Z');
    expect(await settledMessages(shipmentId, 1)).toEqual([{ state: 'skipped', skipReason: 'the customer withdrew consent to shipment updates' }]);
    expect((await consentEvents(customerId)).map((e) => `${e.purpose}:${e.to}`)).toEqual(['transactional:granted', 'transactional:denied', 'marketing:denied']);
  });

  it('ignores a consent a shop declares with a time older than the one recorded (webhooks arrive out of order)', async () => {
    const email = `late-${context.merchant.slug}@example.com`;
    const shopData = context.engine.app.get(ShopDataService);
    const declare = (state: string, at: string) =>
      shopData.apply(context.merchant.merchantId, shopDataBatchSchema.parse({ customers: [{ email, consents: { marketing: { state, at } } }] }), { source: 'shopify' });
    await declare('denied', '2026-11-28T12:00:00Z');
    const stale = await declare('granted', '2026-11-28T11:00:00Z');
    expect(stale.customers[0].outcome).toBe('unchanged');
    const customer = await api('GET', `/api/v1/customers/${stale.customers[0].id}`);
    expect(customer.body.consents.marketing).toEqual({ state: 'denied', source: 'shopify', at: '2026-11-28T12:00:00.000Z' });
    // Known from a customers/create only, without an order: no transactional consent is assumed.
    expect(customer.body.consents.transactional.state).toBe('none');
  });

  it('shows one customer with their orders, shipments and messages, and finds customers by e-mail, name or phone', async () => {
    const email = `screen-${context.merchant.slug}@example.com`;
    const order = await api('POST', '/api/v1/orders', {
      number: `#SC-${context.merchant.slug}`,
      createdAt: '2026-11-28T10:00:00Z',
      currency: 'EUR',
      subtotal: '15',
      total: '15',
      customer: { email, name: 'Giulia Bianchi', phone: '+39 312 345 6789', locale: 'it' },
    });
    const { scan, shipmentId } = await shipmentFor(email);
    await scan('OD', '2026-11-28T08:00:00Z');
    await settledMessages(shipmentId, 1);
    const customer = await api('GET', `/api/v1/customers/${order.body.order.customer.id}`);
    expect(customer.body).toMatchObject({
      email,
      name: 'Marta Rossi',
      phone: '+393123456789',
      orders: [expect.objectContaining({ number: `#SC-${context.merchant.slug}` })],
      shipments: [expect.objectContaining({ id: shipmentId })],
      messages: [expect.objectContaining({ recipient: email, state: 'sent' })],
    });
    for (const q of [`screen-${context.merchant.slug}`, 'Marta Rossi', '3123456789']) {
      const found = await api('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((c: { email: string }) => c.email), q).toContain(email);
    }
    const page = await api('GET', '/api/v1/customers?limit=2');
    const next = await api('GET', `/api/v1/customers?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items).toHaveLength(2);
    expect(next.body.items[0].id).not.toBe(page.body.items[1].id);
  });
});
