import Redis from 'ioredis';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import { StepRunnerService } from '../../apps/engine/src/modules/flow-engine/step-runner.service';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

const HOUR = 3_600_000;

/**
 * A wait is a row due at a time plus a delayed wake-up in Redis. Time is the engine's injected clock, so the
 * test moves it instead of sleeping; and Redis losing every wake-up must not keep a wait from resuming.
 */
describe('the wait node', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];

  beforeAll(async () => {
    await publishEmailFlow(api, {
      statuses: ['in_transit'],
      before: [{ type: 'wait', config: { duration: { amount: 2, unit: 'hours' } } }],
    });
  });

  async function messagesTo(recipient: string) {
    const { rows } = await testDb().query(`SELECT state FROM messages WHERE recipient = $1`, [recipient]);
    return rows.map((row) => row.state);
  }

  it('waits its duration, then resumes and sends, even after Redis lost every wake-up', async () => {
    const recipient = `waiting-${context.merchant.slug}@example.com`;
    const shipment = await api('POST', '/api/v1/shipments', { trackingNumber: 'WAIT-1', carrier: 'fedex', customer: { email: recipient } });
    await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: 'WAIT-1', code: 'IT', occurredAt: '2026-11-30T10:00:00Z' }],
    });
    const waiting = await waitFor(
      async () => {
        const { rows } = await testDb().query(
          `SELECT st.id, st.available_at FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id
            WHERE r.shipment_id = $1 AND st.state = 'waiting'`,
          [shipment.body.id],
        );
        return rows[0];
      },
      10_000,
      'the wait step to be waiting',
    );
    const clock = context.engine.app.get(Clock);
    expect(new Date(waiting.available_at).getTime() - clock.now().getTime()).toBeGreaterThan(2 * HOUR - 60_000);

    // A sweep and a wake-up before it is due change nothing.
    context.engine.app.get(StepRunnerService).pump.wake();
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await messagesTo(recipient)).toEqual([]);

    const redis = new Redis(inject('stack').redisUrl);
    await redis.flushall();
    redis.disconnect();
    clock.advance(2 * HOUR + 1_000);

    await waitFor(async () => (await messagesTo(recipient)).includes('sent'), 15_000, 'the message after the wait');
    const { rows } = await testDb().query(`SELECT state, attempts FROM flow_steps WHERE id = $1`, [waiting.id]);
    expect(rows[0]).toEqual({ state: 'done', attempts: 2 });

    // Stale and duplicate wake-ups afterwards find nothing to do.
    for (let i = 0; i < 3; i++) context.engine.app.get(StepRunnerService).pump.wake();
    await new Promise((r) => setTimeout(r, 500));
    expect(await messagesTo(recipient)).toEqual(['sent']);
  });
});
