import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../apps/engine/src/bootstrap';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import type { Delivery } from '../../apps/engine/src/modules/messaging/sending/channels/channel-sender';
import { FrequencyCapGuard } from '../../apps/engine/src/modules/messaging/sending/guards/frequency-cap.guard';
import { EngineWithMerchant, startTestEngine, useEngineWithMerchant } from '../support/engine';
import { testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

const NIGHT = { start: '21:00', end: '08:00' };

/**
 * The guards every message passes when it is about to leave: quiet hours in the recipient's time zone defer
 * it (and it is re-checked when they end), a frequency cap skips what is over it, under a per-recipient lock.
 */
describe('send guards', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  const recipient = (name: string) => `${name}-${context.merchant.slug}@example.com`;

  async function messagesTo(address: string) {
    const { rows } = await testDb().query(
      `SELECT m.id, m.state, m.attempts, m.skip_reason, m.available_at, m.sent_at,
              (SELECT array_agg(h.state ORDER BY h.id) FROM message_state_changes h WHERE h.message_id = m.id) AS history
         FROM messages m WHERE m.recipient = $1 ORDER BY m.created_at`,
      [address],
    );
    return rows;
  }

  async function scan(trackingNumber: string, code: string, at: Date) {
    const answer = await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber, code, occurredAt: at.toISOString() }],
    });
    expect(answer.status).toBe(202);
  }

  describe('the sending policy', () => {
    it('starts with no quiet hours and no caps, in UTC, and refuses a wrong one naming the field', async () => {
      expect((await api('GET', '/api/v1/settings/sending-policy')).body).toEqual({ timezone: 'UTC', quietHours: null, frequencyCaps: [] });
      const wrong = await api('PUT', '/api/v1/settings/sending-policy', {
        timezone: 'Mars/Olympus',
        quietHours: { start: '9pm', end: '08:00' },
        frequencyCaps: [{ channel: 'fax', max: 0, windowHours: 24 }],
      });
      expect(wrong.status).toBe(400);
      const fields = wrong.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['timezone', 'quietHours.start', 'frequencyCaps.0.channel', 'frequencyCaps.0.max']),
      );
    });
  });

  describe('quiet hours', () => {
    beforeAll(async () => {
      const put = await api('PUT', '/api/v1/settings/sending-policy', { timezone: 'Europe/Madrid', quietHours: NIGHT, frequencyCaps: [] });
      expect(put.status).toBe(200);
      await publishEmailFlow(api, { statuses: ['out_for_delivery', 'delivered'], name: 'Night-aware updates' });
      await publishEmailFlow(api, { statuses: ['exception'], name: 'Urgent problems', emailConfig: { quietHours: 'none' } });
    });

    it('defers "out for delivery" and "delivered" at 23:00 to 08:00 local across the spring clock change, then sends only what is still true', async () => {
      const clock = context.engine.app.get(Clock);
      // 27 March 2027, 23:00 in Madrid (CET, UTC+1); the clocks go forward that night, so 08:00 is 06:00 UTC.
      const lateEvening = new Date('2027-03-27T22:00:00Z');
      clock.advance(lateEvening.getTime() - clock.now().getTime());
      const address = recipient('night-owl');
      await api('POST', '/api/v1/shipments', {
        trackingNumber: 'QUIET-1',
        carrier: 'fedex',
        customer: { email: address, timezone: 'Europe/Madrid' },
      });
      await scan('QUIET-1', 'OD', lateEvening);
      await waitFor(async () => (await messagesTo(address))[0]?.history?.includes('deferred'), 10_000, 'the first message deferred');
      await scan('QUIET-1', 'DL', new Date(lateEvening.getTime() + 10 * 60_000));
      const deferred = await waitFor(
        async () => {
          const rows = await messagesTo(address);
          return rows.length === 2 && rows.every((m) => m.history.includes('deferred')) ? rows : null;
        },
        10_000,
        'both messages deferred',
      );
      for (const message of deferred) {
        expect(message).toMatchObject({ state: 'queued', attempts: 0 });
        expect(new Date(message.available_at).toISOString()).toBe('2027-03-28T06:00:00.000Z');
      }

      clock.advance(new Date('2027-03-28T06:00:05Z').getTime() - clock.now().getTime());
      const settled = await waitFor(
        async () => {
          const rows = await messagesTo(address);
          return rows.every((m) => ['sent', 'skipped', 'failed'].includes(m.state)) ? rows : null;
        },
        15_000,
        'the deferred messages to settle at 08:00',
      );
      expect(settled.map((m) => m.state)).toEqual(['skipped', 'sent']);
      expect(settled[0].skip_reason).toBe('no longer true: the shipment is now delivered');
      expect(settled[1].attempts).toBe(1);
      expect(new Date(settled[1].sent_at).getTime()).toBeGreaterThanOrEqual(new Date('2027-03-28T06:00:00Z').getTime());
    });

    it('lets a send node that ignores quiet hours go at night', async () => {
      const clock = context.engine.app.get(Clock);
      const address = recipient('urgent');
      await api('POST', '/api/v1/shipments', { trackingNumber: 'QUIET-2', carrier: 'fedex', customer: { email: address, timezone: 'Europe/Madrid' } });
      // 02:00 in Madrid.
      clock.advance(new Date('2027-03-30T00:00:00Z').getTime() - clock.now().getTime());
      await scan('QUIET-2', 'DE', clock.now());
      const [message] = await waitFor(async () => ((await messagesTo(address))[0]?.state === 'sent' ? messagesTo(address) : null), 10_000, 'the urgent message');
      expect(message.history).not.toContain('deferred');
    });
  });

  describe('frequency caps', () => {
    let second: RunningEngine;

    /** Messages sent before any cap existed: ids the race below can judge as if they were leaving now. */
    let uncountedMessageIds: string[];

    beforeAll(async () => {
      await api('PUT', '/api/v1/settings/sending-policy', { timezone: 'Europe/Madrid', quietHours: null, frequencyCaps: [] });
      await publishEmailFlow(api, { statuses: ['in_transit'], name: 'In transit' });
      const clock = context.engine.app.get(Clock);
      for (let i = 0; i < 10; i++) {
        await api('POST', '/api/v1/shipments', { trackingNumber: `POOL-${i}`, carrier: 'fedex', customer: { email: recipient(`pool-${i}`) } });
        await scan(`POOL-${i}`, 'IT', clock.now());
      }
      uncountedMessageIds = await waitFor(
        async () => {
          const { rows } = await testDb().query(`SELECT id FROM messages WHERE merchant_id = $1 AND recipient LIKE 'pool-%' AND state = 'sent'`, [
            context.merchant.merchantId,
          ]);
          return rows.length === 10 ? rows.map((r) => r.id) : null;
        },
        15_000,
        'ten messages sent without caps',
      );
      const put = await api('PUT', '/api/v1/settings/sending-policy', {
        timezone: 'Europe/Madrid',
        quietHours: null,
        frequencyCaps: [{ channel: 'email', max: 1, windowHours: 24 }],
      });
      expect(put.status).toBe(200);
      second = await startTestEngine();
      // One time for both engines: the quiet-hours tests moved the first one's clock into 2027, and a message
      // settled by an engine living in 2026 would fall outside the other's cap window.
      const secondClock = second.app.get(Clock);
      secondClock.advance(clock.now().getTime() - secondClock.now().getTime());
    });
    afterAll(async () => second?.close());

    it('sends the first message to a recipient in the window and skips the next one, saying why', async () => {
      const address = recipient('capped');
      for (const trackingNumber of ['CAP-1', 'CAP-2']) {
        await api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', customer: { email: address } });
      }
      const clock = context.engine.app.get(Clock);
      await scan('CAP-1', 'IT', clock.now());
      await waitFor(async () => (await messagesTo(address))[0]?.state === 'sent', 10_000, 'the first message');
      await scan('CAP-2', 'IT', clock.now());
      const rows = await waitFor(async () => ((await messagesTo(address))[1]?.state === 'skipped' ? messagesTo(address) : null), 10_000, 'the second message skipped');
      expect(rows[1].skip_reason).toBe('frequency cap: 1 per 24 h to this recipient reached');
    });

    it('lets exactly the capped number through when two engines judge the same recipient at once', async () => {
      const address = recipient('raced');
      const delivery = (id: string) =>
        ({ message: { id, merchantId: context.merchant.merchantId, channel: 'email', recipient: address } }) as unknown as Delivery;
      const guards = [context.engine.app.get(FrequencyCapGuard), second.app.get(FrequencyCapGuard)];
      const now = context.engine.app.get(Clock).now();
      const verdicts = await Promise.all(uncountedMessageIds.map((id, i) => guards[i % 2].judge([delivery(id)], now)));
      expect(verdicts.flat().filter((v) => v.kind === 'pass')).toHaveLength(1);
      expect(verdicts.flat().filter((v) => v.kind === 'skip')).toHaveLength(9);
    });
  });
});
