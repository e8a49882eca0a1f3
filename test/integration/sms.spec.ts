import { smsSegments } from '@postino/templating-sms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgCapturedSmsStore, startSmsCapture, type CapturedSms, type RunningSmsCapture, type SmsCaptureAnswer } from '@postino/stack';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import { senderIdOf } from '../../apps/engine/src/modules/messaging/sending/channels/sms/sender-id';
import { EngineWithMerchant, startTestEngine } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';
import { publishSmsFlow } from '../support/sms-flows';

const OUT_FOR_DELIVERY_TEXT = '{{ merchant.name }}: tu pedido {{ shipment.order_number }} está en reparto. Síguelo: {{ tracking_url }}';
const DELIVERED_TEXT = 'Delivered: {{ shipment.tracking_number }}. Rate us at {{ tracking_url }}';

/**
 * The SMS channel on the real stack: a published status_changed → send_sms flow texts the shipment's customer
 * through the HTTP SMS provider (here an SMS capture of its own, which can play a failing provider), with the
 * send guards of every channel, and a provider's 5xx retried with the same Message-ID while a 4xx fails.
 */
describe('SMS', () => {
  const context = {} as EngineWithMerchant;
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  let capture: RunningSmsCapture;
  /** Answers to play, per recipient, before the capture accepts again; and every request that reached it. */
  const scripted = new Map<string, SmsCaptureAnswer[]>();
  const requests: CapturedSms[] = [];
  let n = 0;

  beforeAll(async () => {
    capture = await startSmsCapture({
      store: createPgCapturedSmsStore(testDb()),
      answer: (sms) => {
        requests.push(sms);
        return scripted.get(sms.to)?.shift();
      },
    });
    context.engine = await startTestEngine({ SMS_URL: capture.url });
    context.merchant = await createMerchant();
    context.api = apiClient(context.engine.url, context.merchant.apiKey);
    await publishSmsFlow(api, { statuses: ['out_for_delivery'], text: OUT_FOR_DELIVERY_TEXT });
    await publishSmsFlow(api, { statuses: ['delivered'], text: DELIVERED_TEXT });
  });
  afterAll(async () => {
    await context.engine?.close();
    await capture?.stop();
  });

  /** A new shipment in Spain for a customer reached at `phone` (national format welcome); and its scans. */
  async function shipmentTo(phone: string | undefined, extra: { email?: string } = {}) {
    const trackingNumber = `SMS-${++n}-${context.merchant.slug}`;
    const created = await api('POST', '/api/v1/shipments', {
      trackingNumber,
      carrier: 'fedex',
      orderNumber: `#S${n}`,
      customer: { phone, name: 'Lucía Pérez', locale: 'es', ...extra },
      destination: { country: 'ES' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const scan = async (code: string) => {
      const answer = await api('POST', '/api/v1/tracking-events', {
        events: [{ carrier: 'fedex', trackingNumber, code, occurredAt: context.engine.app.get(Clock).now().toISOString() }],
      });
      expect(answer.status).toBe(202);
    };
    return { id: created.body.id as string, customerId: created.body.customerId as string | null, trackingNumber, scan };
  }

  async function messagesOf(shipmentId: string) {
    const { rows } = await testDb().query(
      `SELECT m.id, m.channel, m.recipient, m.state, m.subject, m.skip_reason, m.last_error, m.attempts, m.message_id, m.available_at,
              (SELECT array_agg(h.state ORDER BY h.id) FROM message_state_changes h WHERE h.message_id = m.id) AS history
         FROM messages m WHERE m.shipment_id = $1 ORDER BY m.created_at`,
      [shipmentId],
    );
    return rows;
  }

  const settled = (shipmentId: string, count = 1, timeoutMs = 10_000) =>
    waitFor(
      async () => {
        const rows = await messagesOf(shipmentId);
        return rows.length >= count && rows.every((m) => ['sent', 'skipped', 'failed'].includes(m.state)) ? rows : null;
      },
      timeoutMs,
      `${count} settled messages`,
    );

  async function capturedFor(messageId: string) {
    const { rows } = await testDb().query(`SELECT * FROM captured_sms WHERE message_id = $1 ORDER BY received_at`, [messageId]);
    return rows;
  }

  it('texts the customer the rendered text at their E.164 number, captured with its segments and encoding', async () => {
    const shipment = await shipmentTo('612 34 56 78');
    await shipment.scan('OD');
    const [message] = await settled(shipment.id);
    const { rows } = await testDb().query(`SELECT tracking_token FROM shipments WHERE id = $1`, [shipment.id]);
    const text = `Shop ${context.merchant.slug}: tu pedido #S${n} está en reparto. Síguelo: ${context.engine.url}/t/${rows[0].tracking_token}`;

    expect(message).toMatchObject({ channel: 'sms', recipient: '+34612345678', state: 'sent', subject: text, attempts: 1 });
    const [captured] = await capturedFor(message.message_id);
    // "á" and "í" are not in the GSM alphabet: the whole text goes as UCS-2, 67 characters per part.
    expect(captured).toMatchObject({ recipient: '+34612345678', text, encoding: 'UCS-2', segments: 2, sender: senderIdOf(`Shop ${context.merchant.slug}`) });
    expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', segments: 2 });

    await shipment.scan('DL');
    const [, delivered] = await settled(shipment.id, 2);
    const [plain] = await capturedFor(delivered.message_id);
    expect(plain).toMatchObject({ text: `Delivered: ${shipment.trackingNumber}. Rate us at ${context.engine.url}/t/${rows[0].tracking_token}`, encoding: 'GSM-7', segments: 1 });
  });

  it('records the SMS skipped, saying why, when the shipment has no usable phone number', async () => {
    const none = await shipmentTo(undefined, { email: `no-phone-${context.merchant.slug}@example.com` });
    const wrong = await shipmentTo('12');
    await none.scan('OD');
    await wrong.scan('OD');
    expect(await settled(none.id)).toEqual([
      expect.objectContaining({ state: 'skipped', recipient: '', skip_reason: 'the shipment has no customer phone number' }),
    ]);
    expect(await settled(wrong.id)).toEqual([
      expect.objectContaining({ state: 'skipped', skip_reason: 'the customer phone number of the shipment is not a valid number' }),
    ]);
  });

  it('retries a provider answering 503 and then 500, with the same Message-ID each time, until it accepts', async () => {
    const phone = '+34600000001';
    scripted.set(phone, [{ status: 503 }, { status: 500 }]);
    const shipment = await shipmentTo(phone);
    const clock = context.engine.app.get(Clock);
    await shipment.scan('OD');

    await waitFor(
      async () => {
        const [message] = await messagesOf(shipment.id);
        return message?.state === 'queued' && message.attempts === 1;
      },
      10_000,
      'the 503 queued for a retry',
    );
    clock.advance(11_000);
    await waitFor(async () => (await messagesOf(shipment.id))[0]?.state === 'uncertain', 10_000, 'the 500 made uncertain');
    clock.advance(21_000);
    const [message] = await settled(shipment.id);

    expect(message).toMatchObject({ state: 'sent', attempts: 3 });
    expect(message.history).toEqual(['queued', 'sending', 'queued', 'sending', 'uncertain', 'sending', 'sent']);
    const tried = requests.filter((sms) => sms.to === phone);
    expect(tried.map((sms) => sms.messageId)).toEqual([message.message_id, message.message_id, message.message_id]);
    expect(await capturedFor(message.message_id)).toHaveLength(1);
  });

  it('fails an SMS the provider refuses with a 4xx, keeping its answer, without retrying', async () => {
    const phone = '+34600000002';
    scripted.set(phone, [{ status: 400, body: { error: 'invalid_to', message: 'not a mobile number' } }]);
    const shipment = await shipmentTo(phone);
    await shipment.scan('OD');
    const [message] = await settled(shipment.id);
    expect(message).toMatchObject({
      state: 'failed',
      attempts: 1,
      last_error: 'the SMS provider answered 400: {"error":"invalid_to","message":"not a mobile number"}',
    });
    expect(await capturedFor(message.message_id)).toEqual([]);
  });

  it('skips an SMS to a customer who withdrew consent to shipment updates, matched by phone number', async () => {
    const shipment = await shipmentTo('+34600000003', { email: `withdrawn-${context.merchant.slug}@example.com` });
    const withdrawn = await api('PATCH', `/api/v1/customers/${shipment.customerId}/consents`, {
      transactional: { state: 'denied', source: 'customer_service' },
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    await shipment.scan('OD');
    expect(await settled(shipment.id)).toEqual([
      expect.objectContaining({ state: 'skipped', skip_reason: 'the customer withdrew consent to shipment updates' }),
    ]);
  });

  it('counts SMS against an SMS frequency cap per recipient', async () => {
    const put = await api('PUT', '/api/v1/settings/sending-policy', {
      timezone: 'Europe/Madrid',
      quietHours: null,
      frequencyCaps: [{ channel: 'sms', max: 1, windowHours: 24 }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const first = await shipmentTo('+34600000004');
    const second = await shipmentTo('+34600000004');
    await first.scan('OD');
    expect((await settled(first.id))[0].state).toBe('sent');
    await second.scan('OD');
    expect(await settled(second.id)).toEqual([
      expect.objectContaining({ state: 'skipped', skip_reason: 'frequency cap: 1 per 24 h to this recipient reached' }),
    ]);
  });

  it('refuses to publish an SMS whose merge tags are broken or whose text takes more than three SMS, naming the field', async () => {
    for (const [text, message] of [
      ['Hola {{ customer.first_name', 'Fix the merge tags: close every {{ }} and {% %}, and use only known filters.'],
      ['a'.repeat(460), expect.stringMatching(/^Shorten the text: with sample data it takes more than 3 SMS/)],
    ] as const) {
      const flow = await api('POST', '/api/v1/flows', {
        name: 'Too much to say',
        definition: {
          nodes: [
            { id: 'trigger', type: 'status_changed', config: { statuses: ['delivered'] }, position: { x: 0, y: 0 } },
            { id: 'sms', type: 'send_sms', config: { text }, position: { x: 0, y: 120 } },
          ],
          edges: [{ from: 'trigger', fromPort: 'next', to: 'sms' }],
        },
      });
      expect(flow.status, JSON.stringify(flow.body)).toBe(201);
      const published = await api('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
      expect(published.status).toBe(422);
      expect(published.body.details).toEqual([{ field: 'definition.nodes.1.config.text', nodeId: 'sms', message }]);
    }
  });

  it('defers an SMS due during quiet hours in the recipient’s time zone to their end', async () => {
    const put = await api('PUT', '/api/v1/settings/sending-policy', {
      timezone: 'UTC',
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCaps: [],
    });
    expect(put.status).toBe(200);
    const clock = context.engine.app.get(Clock);
    // 23:00 in Madrid (the destination country's zone, the shipment naming none), 22:00 UTC.
    clock.advance(new Date('2027-03-10T22:00:00Z').getTime() - clock.now().getTime());
    const shipment = await shipmentTo('+34600000005');
    await shipment.scan('OD');
    const [deferred] = await waitFor(
      async () => ((await messagesOf(shipment.id))[0]?.history?.includes('deferred') ? messagesOf(shipment.id) : null),
      10_000,
      'the SMS deferred',
    );
    expect(deferred).toMatchObject({ state: 'queued', attempts: 0 });
    expect(new Date(deferred.available_at).toISOString()).toBe('2027-03-11T07:00:00.000Z');

    clock.advance(new Date('2027-03-11T07:00:05Z').getTime() - clock.now().getTime());
    const [sent] = await settled(shipment.id, 1, 15_000);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1 });
    expect(await capturedFor(sent.message_id)).toHaveLength(1);
  });
});
