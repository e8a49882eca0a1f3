import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { testDb, waitFor } from '../support/fixtures';
import { publishEmailFlow } from '../support/flows';

/**
 * Postgres owns the work: a worker that dies holding a lease is replaced by the sweeper. A message whose
 * sender died may already have been accepted by SMTP, so it is resent as `uncertain` with the same
 * Message-ID (receivers can de-duplicate); a step whose worker died runs again without a second message.
 */
describe('recovery from workers that died holding a lease', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];

  beforeAll(async () => {
    await publishEmailFlow(api, { statuses: ['in_transit'] });
  });

  async function sentOnce(trackingNumber: string) {
    const recipient = `${trackingNumber.toLowerCase()}-${context.merchant.slug}@example.com`;
    const shipment = await api('POST', '/api/v1/shipments', { trackingNumber, carrier: 'fedex', customer: { email: recipient } });
    await api('POST', '/api/v1/tracking-events', {
      events: [{ carrier: 'fedex', trackingNumber, code: 'IT', occurredAt: '2026-11-24T10:00:00Z' }],
    });
    const [message] = await waitFor(async () => {
      const listed = await api('GET', `/api/v1/messages?shipmentId=${shipment.body.id}`);
      return listed.body.items[0]?.state === 'sent' ? listed.body.items : null;
    });
    return { recipient, shipmentId: shipment.body.id as string, message };
  }

  async function captured(recipient: string) {
    const { rows } = await testDb().query(`SELECT raw FROM captured_emails WHERE $1 = ANY(envelope_to)`, [recipient]);
    return Promise.all(rows.map((r) => simpleParser(r.raw)));
  }

  it('resends a message whose sender died after handing it over, as uncertain, with the same Message-ID', async () => {
    const { recipient, shipmentId, message } = await sentOnce('CRASH-MSG');
    // The sender "crashed" between SMTP's acceptance and its commit: the row is still leased to it.
    await testDb().query(
      `UPDATE messages SET state = 'sending', lease_expires_at = now() - interval '1 second' WHERE id = $1`,
      [message.id],
    );
    const history = await waitFor(
      async () => {
        const listed = await api('GET', `/api/v1/messages?shipmentId=${shipmentId}`);
        const states = listed.body.items[0].history.map((h: { state: string }) => h.state);
        return states.at(-1) === 'sent' && states.includes('uncertain') ? states : null;
      },
      20_000,
      'the sweeper to resend the message',
    );
    expect(history).toEqual(['queued', 'sending', 'sent', 'uncertain', 'sending', 'sent']);
    const copies = await captured(recipient);
    expect(copies).toHaveLength(2);
    expect(copies[1].messageId).toBe(copies[0].messageId);
  });

  it('re-runs a step whose worker died without sending its message twice', async () => {
    const { recipient, message } = await sentOnce('CRASH-STEP');
    const { rows } = await testDb().query(
      `UPDATE flow_steps s SET state = 'running', lease_expires_at = now() - interval '1 second'
         FROM messages m WHERE m.id = $1 AND s.run_id = m.run_id AND s.node_id = m.node_id RETURNING s.id`,
      [message.id],
    );
    expect(rows).toHaveLength(1);
    await waitFor(
      async () => {
        const step = await testDb().query(`SELECT state, attempts FROM flow_steps WHERE id = $1`, [rows[0].id]);
        return step.rows[0].state === 'done' && step.rows[0].attempts === 2;
      },
      20_000,
      'the sweeper to re-run the step',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await captured(recipient)).toHaveLength(1);
  });
});
