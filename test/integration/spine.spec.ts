import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

const MJML = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Hola {{ customer.first_name }}, tu pedido {{ shipment.order_number }}: {{ shipment.status_label }}</mj-text>
  <mj-button href="{{ tracking_url }}">Track</mj-button>
</mj-column></mj-section></mj-body></mjml>`;

describe('one carrier scan becomes one branded email', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];

  beforeAll(async () => {
    await publishEmailFlow(api, {
      statuses: ['out_for_delivery'],
      subject: '{{ merchant.name }}: {{ shipment.status_label }}',
      mjml: MJML,
    });
  });

  async function capturedFor(recipient: string) {
    const { rows } = await testDb().query(`SELECT raw FROM captured_emails WHERE $1 = ANY(envelope_to)`, [recipient]);
    return rows as { raw: string }[];
  }

  it('sends exactly one email, escaped and with the tracking link, and records it as sent', async () => {
    const recipient = `ana-${context.merchant.slug}@example.com`;
    const created = await api('POST', '/api/v1/shipments', {
      trackingNumber: '449044304137821',
      carrier: 'fedex',
      orderNumber: '#1001',
      customer: { email: recipient, name: '<b>Ana</b> & "Co"', locale: 'es-ES', timezone: 'Europe/Madrid' },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending');
    const event = { carrier: 'fedex', trackingNumber: '449044304137821', code: 'OD', occurredAt: '2026-11-25T08:00:00Z' };

    const first = await api('POST', '/api/v1/tracking-events', { events: [event] });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ accepted: 1, duplicates: 0, unknownShipments: 0, rejected: [] });
    expect((await api('GET', `/api/v1/shipments/${created.body.id}`)).body.status).toBe('out_for_delivery');

    const [mail] = await waitFor(async () => {
      const captured = await capturedFor(recipient);
      return captured.length > 0 ? captured : null;
    });
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe(`Shop ${context.merchant.slug}: En reparto`);
    expect(parsed.html).toContain('Hola &lt;b&gt;Ana&lt;/b&gt;');
    expect(parsed.html).not.toContain('<b>Ana</b>');
    expect(parsed.html).toContain(created.body.trackingPageUrl);

    const messages = await waitFor(async () => {
      const r = await api('GET', `/api/v1/messages?shipmentId=${created.body.id}`);
      return r.body.items[0]?.state === 'sent' ? r.body.items : null;
    });
    expect(messages).toHaveLength(1);
    expect(messages[0].history.map((h: { state: string }) => h.state)).toEqual(['queued', 'sending', 'sent']);
    expect(`<${messages[0].messageId}>`).toBe(parsed.messageId);

    const again = await api('POST', '/api/v1/tracking-events', { events: [event] });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 1 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await capturedFor(recipient)).toHaveLength(1);
  });

  it('records why nothing was sent to a customer without an e-mail address', async () => {
    const created = await api('POST', '/api/v1/shipments', { trackingNumber: 'NOMAIL-1', carrier: 'fedex', customer: {} });
    await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: 'NOMAIL-1', code: 'OD', occurredAt: '2026-11-25T08:00:00Z' }],
    });
    const [message] = await waitFor(async () => {
      const listed = await api('GET', `/api/v1/messages?shipmentId=${created.body.id}`);
      return listed.body.items.length > 0 ? listed.body.items : null;
    });
    expect(message).toMatchObject({ state: 'skipped', skipReason: 'the shipment has no customer e-mail address' });
  });

  it('ends in the right status when events arrive out of order', async () => {
    const created = await api('POST', '/api/v1/shipments', {
      trackingNumber: 'OOO-1',
      carrier: 'fedex',
      customer: { email: `ooo-${context.merchant.slug}@example.com` },
    });
    const post = (code: string, occurredAt: string) =>
      api('POST', '/api/v1/tracking-events', { events: [{ carrier: 'fedex', trackingNumber: 'OOO-1', code, occurredAt }] });
    await post('DL', '2026-11-25T15:00:00Z');
    await post('PU', '2026-11-23T09:00:00Z');
    await post('OD', '2026-11-25T08:00:00Z');
    const shipment = await api('GET', `/api/v1/shipments/${created.body.id}`);
    expect(shipment.body.status).toBe('delivered');
    expect(shipment.body.events.map((e: { code: string }) => e.code)).toEqual(['DL', 'OD', 'PU']);
    // The late "out for delivery" scan changed nothing, so no out-of-date email goes out.
    const { rows } = await testDb().query(
      `SELECT payload->>'to' AS "to" FROM domain_events
        WHERE type = 'shipment.status_changed' AND payload->>'shipmentId' = $1 ORDER BY created_at`,
      [created.body.id],
    );
    expect(rows.map((r) => r.to)).toEqual(['delivered']);
  });

  it('keeps events of unknown tracking numbers and applies them when the shipment appears', async () => {
    const early = await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: 'LATE-1', code: 'IT', occurredAt: '2026-11-24T10:00:00Z' }],
    });
    expect(early.body).toMatchObject({ accepted: 1, unknownShipments: 1 });
    const created = await api('POST', '/api/v1/shipments', { trackingNumber: 'LATE-1', carrier: 'fedex', customer: {} });
    expect(created.body.status).toBe('in_transit');
  });

  it('never loses events that race the creation of their shipment', async () => {
    const numbers = Array.from({ length: 40 }, (_, i) => `RACE-${i}`);
    await Promise.all(
      numbers.flatMap((trackingNumber) => [
        api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', customer: {} }),
        api('POST', '/api/v1/tracking-events', {
          events: [{ carrier: 'fedex', trackingNumber, code: 'IT', occurredAt: '2026-11-24T10:00:00Z' }],
        }),
      ]),
    );
    const { rows } = await testDb().query(
      `SELECT tracking_number AS n, status FROM shipments WHERE merchant_id = $1 AND tracking_number LIKE 'RACE-%'`,
      [context.merchant.merchantId],
    );
    expect(rows).toHaveLength(numbers.length);
    expect(rows.filter((r) => r.status !== 'in_transit')).toEqual([]);
  });

  it('answers each of many concurrent one-event calls for itself, though they share transactions', async () => {
    const numbers = Array.from({ length: 30 }, (_, i) => `SHARED-${i}`);
    await Promise.all(
      numbers.slice(0, 20).map((trackingNumber) => api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', customer: {} })),
    );
    const scan = (trackingNumber: string) => ({ carrier: 'fedex', trackingNumber, code: 'IT', occurredAt: '2026-11-24T10:00:00Z' });
    // Each number twice at once: one call stores the scan, the other is told it is a duplicate.
    const calls = [...numbers, ...numbers].map((trackingNumber) => api('POST', '/api/v1/tracking-events', { events: [scan(trackingNumber)] }));
    const answers = (await Promise.all(calls)).map((answer) => answer.body);
    for (const index of numbers.keys()) {
      const pair = [answers[index], answers[index + numbers.length]];
      expect(pair.map((answer) => answer.accepted).sort()).toEqual([0, 1]);
      expect(pair.map((answer) => answer.duplicates).sort()).toEqual([0, 1]);
      const known = index < 20;
      expect(pair.map((answer) => answer.unknownShipments).sort()).toEqual(known ? [0, 0] : [0, 1]);
    }
    const { rows } = await testDb().query(
      `SELECT count(*)::int AS n FROM shipments WHERE merchant_id = $1 AND tracking_number LIKE 'SHARED-%' AND status = 'in_transit'`,
      [context.merchant.merchantId],
    );
    expect(rows[0].n).toBe(20);
  });

  it('reports each bad event of a batch and stores the good ones', async () => {
    const result = await api('POST', '/api/v1/tracking-events', {
      events: [
        { carrier: 'fedex', trackingNumber: 'X', code: 'IT', occurredAt: 'yesterday' },
        { carrier: 'nope', trackingNumber: 'X', code: 'IT', occurredAt: '2026-11-24T10:00:00Z' },
        { carrier: 'fedex', trackingNumber: 'X', code: 'ZZ', description: 'Weird scan', occurredAt: '2026-11-24T10:00:00Z' },
      ],
    });
    expect(result.status).toBe(202);
    expect(result.body.accepted).toBe(1);
    // The unknown code is kept for the unknown shipment; it is counted once the shipment exists.
    await api('POST', '/api/v1/shipments', { trackingNumber: 'X', carrier: 'fedex', customer: {} });
    const unknown = await api('GET', '/api/v1/carriers/unknown-codes');
    expect(unknown.body.items).toContainEqual(
      expect.objectContaining({ carrier: 'fedex', code: 'ZZ', occurrences: 1, lastDescription: 'Weird scan' }),
    );
    expect(result.body.rejected).toEqual([
      { index: 0, reason: expect.stringContaining('occurredAt') },
      { index: 1, reason: expect.stringContaining('unknown carrier "nope"') },
    ]);
  });
});
