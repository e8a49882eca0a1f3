import { beforeAll, describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

async function listenerBackends(): Promise<number[]> {
  const { rows } = await testDb().query(
    `SELECT pid FROM pg_stat_activity WHERE application_name = 'postino-outbox-listener' AND datname = current_database()`,
  );
  return rows.map((row) => row.pid);
}

/**
 * The engine's LISTEN connection is its fast path from a committed event to its runs. Losing it (a database
 * restart, a terminated backend) must leave exactly one listener again, and events must keep flowing.
 */
describe('the outbox listener', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];

  beforeAll(async () => {
    await publishEmailFlow(api, { statuses: ['in_transit'] });
  });

  it('comes back as one connection after its backend is terminated three times', async () => {
    for (let round = 1; round <= 3; round++) {
      const [pid] = await waitFor(async () => {
        const pids = await listenerBackends();
        return pids.length === 1 ? pids : null;
      }, 10_000, `one listener before termination ${round}`);
      await testDb().query(`SELECT pg_terminate_backend($1)`, [pid]);
      await waitFor(async () => !(await listenerBackends()).includes(pid), 10_000, 'the old backend to go');
    }
    await waitFor(async () => (await listenerBackends()).length === 1, 10_000, 'the listener to reconnect');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await listenerBackends()).toHaveLength(1);

    const recipient = `listened-${context.merchant.slug}@example.com`;
    const shipment = await api('POST', '/api/v1/shipments', { trackingNumber: 'LISTEN-1', carrier: 'fedex', customer: { email: recipient } });
    const posted = Date.now();
    await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber: 'LISTEN-1', code: 'IT', occurredAt: '2026-11-30T10:00:00Z' }],
    });
    await waitFor(async () => {
      const listed = await api('GET', `/api/v1/messages?shipmentId=${shipment.body.id}`);
      return listed.body.items[0]?.state === 'sent';
    }, 10_000, 'the message');
    // Woken by NOTIFY, not by the 2-second sweep.
    expect(Date.now() - posted).toBeLessThan(1_500);
  });
});
