import { beforeAll, describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { logIn, sessionClient, testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

describe('a customer’s data can be exported and erased, and each is audited', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  const ids = {} as { customer: string; order: string; shipment: string; messageId: string; email: string };

  beforeAll(async () => {
    await publishEmailFlow(api, { statuses: ['out_for_delivery'], subject: 'Hola {{ customer.first_name }}: {{ shipment.status_label }}' });
    ids.email = `lucia-${context.merchant.slug}@example.com`;
    const order = await api('POST', '/api/v1/orders', {
      number: '#P-1',
      createdAt: '2026-11-27T10:00:00Z',
      currency: 'EUR',
      subtotal: '40',
      total: '40',
      lineItems: [{ title: 'Bufanda', quantity: 1, unitPrice: '40' }],
      shippingAddress: { name: 'Lucía Pérez', address1: 'Calle Luna 3', city: 'Sevilla', postalCode: '41001', country: 'ES' },
      customer: { email: ids.email, name: 'Lucía Pérez', phone: '+34 699 12 34 56' },
    });
    ids.order = order.body.order.id;
    ids.customer = order.body.order.customer.id;
    const shipment = await api('POST', '/api/v1/shipments', {
      trackingNumber: `PRIV-${context.merchant.slug}`,
      carrier: 'fedex',
      orderNumber: '#P-1',
      customer: { email: ids.email, name: 'Lucía Pérez' },
      destination: { country: 'ES', postalCode: '41001', city: 'Sevilla' },
    });
    ids.shipment = shipment.body.id;
    await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: `PRIV-${context.merchant.slug}`, code: 'OD', occurredAt: '2026-11-28T08:00:00Z' }],
    });
    ids.messageId = await waitFor(async () => {
      const { rows } = await testDb().query(
        `SELECT m.message_id FROM messages m JOIN captured_emails c ON btrim(c.message_id, '<>') = m.message_id
          WHERE m.shipment_id = $1 AND m.state = 'sent'`,
        [ids.shipment],
      );
      return rows[0]?.message_id as string | undefined;
    }, 15_000, 'the e-mail captured');
  });

  it('exports everything about the customer as JSON', async () => {
    const exported = await api('GET', `/api/v1/customers/${ids.customer}/export`);
    expect(exported.status, JSON.stringify(exported.body).slice(0, 300)).toBe(200);
    expect(exported.body.customer).toMatchObject({ email: ids.email, name: 'Lucía Pérez', phone: '+34699123456' });
    expect(exported.body.orders).toEqual([expect.objectContaining({ number: '#P-1', shippingAddress: expect.objectContaining({ city: 'Sevilla' }) })]);
    expect(exported.body.shipments).toEqual([
      expect.objectContaining({
        id: ids.shipment,
        contact: expect.objectContaining({ email: ids.email }),
        destination: { country: 'ES', postalCode: '41001', city: 'Sevilla' },
        events: [expect.objectContaining({ code: 'OD' })],
      }),
    ]);
    expect(exported.body.messages).toEqual([expect.objectContaining({ recipient: ids.email, state: 'sent', subject: 'Hola Lucía: Out for delivery' })]);
    expect(exported.body.messages[0].history.map((h: { state: string }) => h.state)).toEqual(['queued', 'sending', 'sent']);
    expect(exported.body.capturedEmails).toEqual([expect.objectContaining({ to: expect.stringContaining(ids.email) })]);
    expect(exported.body.consentHistory).toEqual([expect.objectContaining({ purpose: 'transactional', state: 'granted', source: 'order' })]);
    expect(exported.body.privacyAudit).toEqual([expect.objectContaining({ action: 'export', actorKind: 'api_key' })]);
  });

  it('erases the personal data from the customer, its order, shipment, messages and captured mails, keeping the counts', async () => {
    const session = sessionClient(context.engine.url, await logIn(context.engine.url, context.merchant.email, context.merchant.password));
    const erased = await session('POST', `/api/v1/customers/${ids.customer}/erase`, {});
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({
      customerId: ids.customer,
      erased: { orders: 1, shipments: 1, messages: 1, capturedEmails: 1, capturedSms: 0 },
    });

    const customer = await api('GET', `/api/v1/customers/${ids.customer}`);
    expect(customer.body).toMatchObject({ email: null, name: null, phone: null, phoneRaw: null, erasedAt: expect.any(String) });
    expect(customer.body.consents).toMatchObject({ transactional: { state: 'denied', source: 'erasure' }, marketing: { state: 'denied' } });
    expect(customer.body.orders).toEqual([expect.objectContaining({ id: ids.order, shippingAddress: null, total: '40.00' })]);
    const shipment = await api('GET', `/api/v1/shipments/${ids.shipment}`);
    expect(shipment.body.customer).toMatchObject({ email: null, name: null, phone: null });
    expect(shipment.body.destination).toEqual({ country: 'ES', postalCode: null, city: null });

    // Nothing of her stays anywhere in the database's text: messages, their history, captured mails, stored answers.
    const { rows } = await testDb().query(
      `SELECT (SELECT count(*) FROM messages WHERE shipment_id = $1)::int AS messages,
              (SELECT count(*) FROM messages WHERE merchant_id = $4
                  AND (recipient ILIKE $2 OR idempotency_key ILIKE $2 OR subject ILIKE '%Lucía%'))::int AS named_messages,
              (SELECT count(*) FROM captured_emails WHERE raw ILIKE $2 OR to_address ILIKE $2
                  OR array_to_string(envelope_to, ',') ILIKE $2)::int AS named_captures,
              (SELECT count(*) FROM captured_emails WHERE btrim(message_id, '<>') = $3 AND html IS NULL)::int AS captures,
              (SELECT count(*) FROM shipments WHERE merchant_id = $4
                  AND (customer_email ILIKE $2 OR customer_name ILIKE '%Lucía%'))::int AS named_shipments,
              (SELECT count(*) FROM idempotency_keys WHERE merchant_id = $4 AND response_body::text ILIKE $2)::int AS named_answers,
              (SELECT count(*) FROM customers WHERE merchant_id = $4)::int AS customers`,
      [ids.shipment, `%${ids.email}%`, ids.messageId, context.merchant.merchantId],
    );
    expect(rows[0]).toEqual({ messages: 1, named_messages: 0, named_captures: 0, captures: 1, named_shipments: 0, named_answers: 0, customers: 1 });

    const { rows: audit } = await testDb().query(
      `SELECT action, actor_kind AS "actorKind", details FROM privacy_audit WHERE customer_id = $1 ORDER BY at`,
      [ids.customer],
    );
    expect(audit).toEqual([
      { action: 'export', actorKind: 'api_key', details: {} },
      { action: 'erase', actorKind: 'user', details: { orders: 1, shipments: 1, messages: 1, capturedEmails: 1, capturedSms: 0 } },
    ]);
  });

  it('records no consent for an erased customer', async () => {
    const patched = await api('PATCH', `/api/v1/customers/${ids.customer}/consents`, { marketing: { state: 'granted', source: 'checkout' } });
    expect(patched.status).toBe(409);
    expect(patched.body.error).toBe('customer_erased');
  });

  it('lets the same address come back later as a new customer', async () => {
    const again = await api('POST', '/api/v1/shipments', { trackingNumber: `PRIV2-${context.merchant.slug}`, carrier: 'fedex', customer: { email: ids.email } });
    expect(again.body.customerId).not.toBe(ids.customer);
  });

  it('answers 404 for an unknown or malformed customer, and writes no audit row', async () => {
    for (const path of ['/api/v1/customers/00000000-0000-4000-8000-000000000000', '/api/v1/customers/nope']) {
      expect((await api('GET', `${path}/export`)).status).toBe(404);
      expect((await api('POST', `${path}/erase`, {})).status).toBe(404);
    }
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM privacy_audit WHERE merchant_id = $1`, [context.merchant.merchantId]);
    expect(rows[0].n).toBe(2);
  });
});
