import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { startTestEngine } from '../support/engine';
import { apiClient, createMerchant, TestMerchant, testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

/**
 * Every send re-reads the present. With only an API engine running, a shipment goes out for delivery and
 * is delivered before any worker sees it; when a worker starts, the "out for delivery" message is no longer
 * true and must be skipped, with the reason recorded, not sent.
 */
describe('a message that is no longer true', () => {
  let api: RunningEngine;
  let worker: RunningEngine | undefined;
  let merchant: TestMerchant;
  let call: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    api = await startTestEngine({ ROLE: 'api' });
    merchant = await createMerchant();
    call = apiClient(api.url, merchant.apiKey);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('is skipped and recorded as skipped when its trigger status has passed', async () => {
    await publishEmailFlow(call, { statuses: ['out_for_delivery'] });
    const recipient = `late-${merchant.slug}@example.com`;
    const shipment = await call('POST', '/api/v1/shipments', {
      trackingNumber: 'STALE-1',
      carrier: 'fedex',
      customer: { email: recipient },
    });
    const scan = (code: string, occurredAt: string) =>
      call('POST', '/api/v1/tracking-events', { events: [{ carrier: 'fedex', trackingNumber: 'STALE-1', code, occurredAt }] });
    await scan('OD', '2026-11-25T08:00:00Z');
    await scan('DL', '2026-11-25T12:00:00Z');

    worker = await startTestEngine({ ROLE: 'worker' });
    const [message] = await waitFor(async () => {
      const listed = await call('GET', `/api/v1/messages?shipmentId=${shipment.body.id}`);
      return listed.body.items[0]?.state === 'skipped' ? listed.body.items : null;
    }, 15_000, 'the message to be skipped');
    expect(message.skipReason).toMatch(/no longer true: the shipment is now delivered/);
    expect(message.history.map((h: { state: string }) => h.state)).toEqual(['queued', 'sending', 'skipped']);
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM captured_emails WHERE $1 = ANY(envelope_to)`, [
      recipient,
    ]);
    expect(rows[0].n).toBe(0);
  });
});
