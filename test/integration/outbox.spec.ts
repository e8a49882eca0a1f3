import { beforeAll, describe, expect, it } from 'vitest';
import { senderIdOf } from '../../apps/engine/src/modules/messaging/sending/channels/sms/sender-id';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, logIn, sessionClient, testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';
import { publishSmsFlow } from '../support/sms-flows';

/**
 * The Outbox lists what the local capture servers received for the merchant's messages — e-mails and SMS in one
 * list, newest first, or one channel's — and shows one with its content; nobody else's.
 */
describe('the Outbox of e-mails and SMS', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  let customerId: string;
  let smsIds: string[];
  let emailId: string;

  beforeAll(async () => {
    await publishEmailFlow(api, { statuses: ['out_for_delivery'], subject: 'Out for delivery: {{ shipment.tracking_number }}' });
    await publishSmsFlow(api, { statuses: ['out_for_delivery', 'delivered'], text: 'Parcel {{ shipment.tracking_number }}: {{ shipment.status_label }} 📦' });
    const trackingNumber = `OUTBOX-${context.merchant.slug}`;
    const created = await api('POST', '/api/v1/shipments', {
      trackingNumber,
      carrier: 'fedex',
      customer: { email: `outbox-${context.merchant.slug}@example.com`, phone: '+393471234567' },
      destination: { country: 'IT' },
    });
    customerId = created.body.customerId;
    for (const code of ['OD', 'DL']) {
      await api('POST', '/api/v1/tracking-events', { events: [{ carrier: 'fedex', trackingNumber, code, occurredAt: new Date().toISOString() }] });
      // One at a time: "out for delivery" is no longer true once delivered.
      await waitFor(
        async () => {
          const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM messages WHERE merchant_id = $1 AND state = 'sent'`, [
            context.merchant.merchantId,
          ]);
          return rows[0].n === (code === 'OD' ? 2 : 3);
        },
        10_000,
        `the messages of ${code} sent`,
      );
    }
    const all = await waitFor(async () => {
      const page = await api('GET', '/api/v1/outbox');
      return page.body.items.length === 3 ? page.body.items : null;
    }, 10_000, 'three captures in the Outbox');
    smsIds = all.filter((item: { channel: string }) => item.channel === 'sms').map((item: { id: string }) => item.id);
    emailId = all.find((item: { channel: string }) => item.channel === 'email').id;
  });

  it('lists e-mails and SMS together, newest first, each saying its channel', async () => {
    const { body } = await api('GET', '/api/v1/outbox');
    expect(body.items.map((item: { channel: string }) => item.channel)).toEqual(['sms', expect.any(String), expect.any(String)]);
    const times = body.items.map((item: { receivedAt: string }) => Date.parse(item.receivedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(body.nextCursor).toBeNull();
  });

  it('lists one channel with ?channel=, an SMS carrying its text, segments and encoding', async () => {
    const sms = await api('GET', '/api/v1/outbox?channel=sms');
    expect(sms.body.items).toHaveLength(2);
    expect(sms.body.items[0]).toEqual({
      id: smsIds[0],
      channel: 'sms',
      receivedAt: expect.any(String),
      from: senderIdOf(`Shop ${context.merchant.slug}`),
      to: '+393471234567',
      text: `Parcel OUTBOX-${context.merchant.slug}: Delivered 📦`,
      segments: 1,
      encoding: 'UCS-2',
      messageId: expect.stringMatching(/@/),
      shipmentId: expect.any(String),
    });
    const email = await api('GET', '/api/v1/outbox?channel=email');
    expect(email.body.items).toEqual([expect.objectContaining({ id: emailId, channel: 'email', subject: `Out for delivery: OUTBOX-${context.merchant.slug}` })]);
  });

  it('pages through both channels with the cursor, each capture once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api(
        'GET',
        `/api/v1/outbox?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items).toHaveLength(1);
      seen.push(page.body.items[0].id);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await api('GET', '/api/v1/outbox')).body.items.map((item: { id: string }) => item.id));
  });

  it('shows one SMS, and one e-mail with its content', async () => {
    const sms = await api('GET', `/api/v1/outbox/${smsIds[1]}`);
    expect(sms.status).toBe(200);
    expect(sms.body).toMatchObject({ id: smsIds[1], channel: 'sms', to: '+393471234567', segments: 1, encoding: 'UCS-2' });
    expect(sms.body.text).toMatch(/^Parcel OUTBOX-.+ 📦$/);
    const email = await api('GET', `/api/v1/outbox/${emailId}`);
    expect(email.body).toMatchObject({ id: emailId, channel: 'email', html: expect.stringContaining('<'), text: expect.any(String) });
  });

  it('refuses a channel no capture speaks, naming the field', async () => {
    const answer = await api('GET', '/api/v1/outbox?channel=fax');
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'channel', message: 'must be one of email, sms, webhook' }]);
  });

  it('shows another merchant none of it', async () => {
    const other = await createMerchant();
    const otherApi = apiClient(context.engine.url, other.apiKey);
    const list = await otherApi('GET', '/api/v1/outbox');
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toEqual(expect.arrayContaining([smsIds[0]]));
    expect((await otherApi('GET', '/api/v1/outbox?channel=sms')).body.items).toEqual([]);
    for (const id of [...smsIds, emailId]) expect((await otherApi('GET', `/api/v1/outbox/${id}`)).status).toBe(404);
  });

  it('exports the captured SMS of a customer, and erasing the customer empties them', async () => {
    const exported = await api('GET', `/api/v1/customers/${customerId}/export`);
    expect(exported.body.capturedSms).toEqual([
      expect.objectContaining({ to: '+393471234567', text: expect.stringMatching(/^Parcel /) }),
      expect.objectContaining({ to: '+393471234567' }),
    ]);
    const session = sessionClient(context.engine.url, await logIn(context.engine.url, context.merchant.email, context.merchant.password));
    const erased = await session('POST', `/api/v1/customers/${customerId}/erase`, {});
    expect(erased.body.erased).toMatchObject({ capturedEmails: 1, capturedSms: 2 });
    const { rows } = await testDb().query(`SELECT recipient, text FROM captured_sms WHERE id = ANY($1::uuid[])`, [smsIds]);
    expect(rows).toEqual([
      { recipient: '', text: '' },
      { recipient: '', text: '' },
    ]);
  });
});
