import { describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';
import { publishFlow, publishTemplate } from '../support/flows';

type Api = EngineWithMerchant['api'];

/**
 * The trigger node types on the running stack: each starts a run that sends when its event matches, and
 * starts nothing when it does not. Each test has a merchant of its own, so its flows see only its shipments.
 */
describe('trigger nodes', () => {
  const context = useEngineWithMerchant();
  let scanned = Date.parse('2026-11-30T08:00:00Z');

  let merchantId = '';

  /** A merchant of the test's own; its events are the ones `unhandledEvents` counts. */
  async function merchantApi(): Promise<Api> {
    const merchant = await createMerchant();
    merchantId = merchant.merchantId;
    return apiClient(context.engine.url, merchant.apiKey);
  }

  /** Publishes "trigger → e-mail". */
  async function publishTriggerFlow(api: Api, trigger: { type: string; config: Record<string, unknown> }) {
    const templateId = await publishTemplate(api, `On ${trigger.type}`);
    return publishFlow(api, `On ${trigger.type}`, {
      nodes: [{ id: 'trigger', ...trigger }, { id: 'email', type: 'send_email', config: { templateId } }],
      edges: [['trigger', 'next', 'email']],
    });
  }

  async function ship(api: Api, number: string, carrier = 'fedex'): Promise<string> {
    const created = await api('POST', '/api/v1/shipments', { trackingNumber: number, carrier, customer: { email: `${number.toLowerCase()}@example.com` } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  /** Carrier scans, one request per step so each one is its own status change. */
  async function scan(api: Api, carrier: string, number: string, ...codes: string[]) {
    for (const code of codes) {
      scanned += 60_000;
      const response = await api('POST', '/api/v1/tracking-events', {
        events: [{ carrier, trackingNumber: number, code, occurredAt: new Date(scanned).toISOString() }],
      });
      expect(response.status).toBe(202);
    }
  }

  /** The messages of each shipment's runs: state and skip reason. */
  async function messagesOf(shipmentIds: string[]) {
    const { rows } = await testDb().query(
      `SELECT shipment_id AS "shipmentId", state, skip_reason AS "skipReason" FROM messages WHERE shipment_id = ANY($1::uuid[])`,
      [shipmentIds],
    );
    return rows as { shipmentId: string; state: string; skipReason: string | null }[];
  }

  /** Waits until each of `sending` has a sent message, then checks that `silent` got no run at all. */
  async function expectSentOnlyTo(sending: string[], silent: string[]) {
    await waitFor(
      async () => {
        const messages = await messagesOf(sending);
        return sending.every((id) => messages.some((m) => m.shipmentId === id && m.state === 'sent'));
      },
      20_000,
      `a sent message for each of ${sending.length} shipments`,
    );
    // Events are handled in order per pass: once the later matching ones have sent, the earlier ones are handled.
    await waitFor(async () => (await unhandledEvents()) === 0, 10_000, 'every event handled');
    const { rows } = await testDb().query(`SELECT count(*)::int AS runs FROM flow_runs WHERE shipment_id = ANY($1::uuid[])`, [silent]);
    expect(rows[0].runs).toBe(0);
  }

  async function unhandledEvents(): Promise<number> {
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM domain_events WHERE merchant_id = $1 AND handled_at IS NULL`, [merchantId]);
    return rows[0].n;
  }

  it('status_changed with a from-set and a carrier filter: only "out for delivery → delivered" of a USPS parcel sends', async () => {
    const api = await merchantApi();
    await publishTriggerFlow(api, { type: 'status_changed', config: { statuses: ['delivered'], from: ['out_for_delivery'], carriers: ['usps'] } });
    const match = await ship(api, 'TRIG-USPS-OFD', 'usps');
    const fromTransit = await ship(api, 'TRIG-USPS-IT', 'usps');
    const otherCarrier = await ship(api, 'TRIG-FEDEX-OD', 'fedex');
    await scan(api, 'usps', 'TRIG-USPS-IT', '10', '01');
    await scan(api, 'fedex', 'TRIG-FEDEX-OD', 'OD', 'DL');
    await scan(api, 'usps', 'TRIG-USPS-OFD', 'OF', '01');

    await expectSentOnlyTo([match], [fromTransit, otherCarrier]);
    // The outbox event now names the carrier it was matched on.
    const { rows } = await testDb().query(
      `SELECT payload->>'carrier' AS carrier FROM domain_events WHERE type = 'shipment.status_changed' AND payload->>'shipmentId' = $1 LIMIT 1`,
      [match],
    );
    expect(rows[0].carrier).toBe('usps');
  });

  it('status_changed: an event stored before events named their carrier starts the unfiltered flow, not the filtered one', async () => {
    const api = await merchantApi();
    const anyCarrier = await publishTriggerFlow(api, { type: 'status_changed', config: { statuses: ['in_transit'] } });
    await publishTriggerFlow(api, { type: 'status_changed', config: { statuses: ['in_transit'], carriers: ['fedex'] } });
    const shipmentId = await ship(api, 'TRIG-OLD-EVENT');
    await waitFor(async () => (await unhandledEvents()) === 0, 10_000, 'the shipment.created event handled');
    await testDb().query(`INSERT INTO domain_events (merchant_id, type, payload) VALUES ($1, 'shipment.status_changed', $2::jsonb)`, [
      merchantId,
      JSON.stringify({ merchantId, shipmentId, from: 'pending', to: 'in_transit', substatus: null, eventId: null }),
    ]);

    await waitFor(async () => (await unhandledEvents()) === 0, 10_000, 'the old event handled');
    const { rows } = await testDb().query(
      `SELECT v.flow_id AS "flowId" FROM flow_runs r JOIN flow_versions v ON v.id = r.flow_version_id WHERE r.shipment_id = $1`,
      [shipmentId],
    );
    expect(rows.map((row) => row.flowId)).toEqual([anyCarrier]);
  });
});
