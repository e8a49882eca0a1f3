import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import type { Delivery } from '../../apps/engine/src/modules/messaging/sending/channels/channel-sender';
import { DigestGuard } from '../../apps/engine/src/modules/messaging/sending/guards/digest.guard';
import { EngineWithMerchant, startTestEngine, useEngineWithMerchant } from '../support/engine';
import { testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

const MINUTE = 60_000;

/**
 * A send node's digest window: the parcels of a split order reaching it for one recipient within the window
 * produce one message, sent when the window closes; a parcel after the window has its own message.
 */
describe('digest window', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  const clock = () => context.engine.app.get(Clock);

  async function messagesOf(orderNumber: string) {
    const { rows } = await testDb().query(
      `SELECT m.id, m.state, m.skip_reason, m.sent_at, s.tracking_number
         FROM messages m JOIN shipments s ON s.id = m.shipment_id
        WHERE m.merchant_id = $1 AND s.order_number = $2 ORDER BY s.tracking_number`,
      [context.merchant.merchantId, orderNumber],
    );
    return rows;
  }

  async function splitOrder(orderNumber: string, email: string, parcels: string[]) {
    const order = await api('POST', '/api/v1/orders', {
      number: orderNumber,
      createdAt: clock().now().toISOString(),
      currency: 'EUR',
      subtotal: '40.00',
      total: '40.00',
      lineItems: [{ title: 'Mug', quantity: 2, unitPrice: '20.00' }],
      customer: { email },
    });
    expect(order.status).toBe(200);
    for (const trackingNumber of parcels) {
      const shipment = await api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', orderNumber, customer: { email } });
      expect(shipment.status).toBe(201);
    }
  }

  async function scan(trackingNumber: string) {
    const answer = await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber, code: 'OD', occurredAt: clock().now().toISOString() }],
    });
    expect(answer.status).toBe(202);
  }

  beforeAll(async () => {
    await publishEmailFlow(api, {
      statuses: ['out_for_delivery'],
      name: 'Out for delivery, one message per order',
      emailConfig: { digestMinutes: 30 },
    });
  });

  it('sends one message for two parcels of an order out for delivery within the window, when it closes', async () => {
    await splitOrder('#D-1', `split-${context.merchant.slug}@example.com`, ['DIGEST-1A', 'DIGEST-1B']);
    await scan('DIGEST-1A');
    await waitFor(async () => (await messagesOf('#D-1')).length === 1, 10_000, 'the first parcel’s message');
    clock().advance(10 * MINUTE);
    await scan('DIGEST-1B');
    const combined = await waitFor(
      async () => {
        const rows = await messagesOf('#D-1');
        return rows.length === 2 && rows[1].state === 'skipped' ? rows : null;
      },
      10_000,
      'the second parcel combined into the first',
    );
    expect(combined[0].state).toBe('queued');
    expect(combined[1].skip_reason).toBe(`combined into message ${combined[0].id}: same order, same step, within 30 min`);

    clock().advance(21 * MINUTE);
    const sent = await waitFor(async () => ((await messagesOf('#D-1'))[0].state === 'sent' ? messagesOf('#D-1') : null), 15_000, 'the one message sent');
    expect(sent.map((m) => m.state)).toEqual(['sent', 'skipped']);
  });

  it('gives a parcel of the order reaching the step after the window its own message', async () => {
    await splitOrder('#D-2', `late-${context.merchant.slug}@example.com`, ['DIGEST-2A', 'DIGEST-2B']);
    await scan('DIGEST-2A');
    await waitFor(async () => (await messagesOf('#D-2'))[0]?.state === 'queued', 10_000, 'the first parcel’s message');
    clock().advance(31 * MINUTE);
    await waitFor(async () => (await messagesOf('#D-2'))[0]?.state === 'sent', 15_000, 'the first message sent');
    await scan('DIGEST-2B');
    await waitFor(async () => (await messagesOf('#D-2'))[1]?.state === 'queued', 10_000, 'the late parcel’s message opening its digest');
    clock().advance(31 * MINUTE);
    const rows = await waitFor(async () => ((await messagesOf('#D-2'))[1]?.state === 'sent' ? messagesOf('#D-2') : null), 15_000, 'the late parcel’s own message');
    expect(rows.map((m) => m.state)).toEqual(['sent', 'sent']);
  });

  it('sends each parcel of a shipment without an order on its own', async () => {
    const email = `no-order-${context.merchant.slug}@example.com`;
    for (const trackingNumber of ['LONE-1', 'LONE-2']) {
      expect((await api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', customer: { email } })).status).toBe(201);
      await scan(trackingNumber);
    }
    const { rows } = await waitFor(
      async () => {
        const result = await testDb().query(`SELECT state FROM messages WHERE recipient = $1`, [email]);
        return result.rows.length === 2 && result.rows.every((r) => r.state === 'sent') ? result : null;
      },
      10_000,
      'both sent at once',
    );
    expect(rows).toHaveLength(2);
  });

  describe('under concurrency', () => {
    let second: RunningEngine;
    beforeAll(async () => {
      second = await startTestEngine();
      const secondClock = second.app.get(Clock);
      secondClock.advance(clock().now().getTime() - secondClock.now().getTime());
    });
    afterAll(async () => second?.close());

    it('lets exactly one parcel open the digest when two engines judge an order’s parcels at once', async () => {
      const email = `raced-${context.merchant.slug}@example.com`;
      const parcels = Array.from({ length: 8 }, (_, i) => `RACE-${i}`);
      await splitOrder('#D-3', email, parcels);
      // Real message rows for the guard to judge (the ledger refers to them), made by a flow without a digest.
      await publishEmailFlow(api, { statuses: ['in_transit'], name: 'In transit, one message per parcel' });
      await api('POST', '/api/v1/tracking-events', {
        events: parcels.map((trackingNumber) => ({ carrier: 'fedex', trackingNumber, code: 'IT', occurredAt: clock().now().toISOString() })),
      });
      const candidates = await waitFor(async () => {
        const rows = await messagesOf('#D-3');
        return rows.length === parcels.length ? rows : null;
      }, 10_000, 'a message per parcel');
      const { rows: digestStep } = await testDb().query(
        `SELECT m.node_id AS "nodeId", r.flow_version_id AS "versionId", s.order_id AS "orderId"
           FROM messages m JOIN flow_runs r ON r.id = m.run_id JOIN shipments s ON s.id = m.shipment_id
          WHERE m.merchant_id = $1 AND s.order_number = '#D-1' LIMIT 1`,
        [context.merchant.merchantId],
      );
      const { rows: order } = await testDb().query(`SELECT id FROM orders WHERE merchant_id = $1 AND number = '#D-3'`, [context.merchant.merchantId]);
      const delivery = (messageId: string) =>
        ({
          message: { id: messageId, merchantId: context.merchant.merchantId, flowVersionId: digestStep[0].versionId, nodeId: digestStep[0].nodeId, channel: 'email', recipient: email },
          shipment: { orderId: order[0].id },
        }) as unknown as Delivery;
      const guards = [context.engine.app.get(DigestGuard), second.app.get(DigestGuard)];
      const now = clock().now();
      const verdicts = (await Promise.all(candidates.map((m, i) => guards[i % 2].judge([delivery(m.id)], now)))).flat();
      expect(verdicts.filter((v) => v.kind === 'defer')).toHaveLength(1);
      expect(verdicts.filter((v) => v.kind === 'skip')).toHaveLength(parcels.length - 1);
    });
  });
});
