import { describe, expect, it } from 'vitest';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';
import { publishFlow, publishTemplate } from '../support/flows';

type Api = EngineWithMerchant['api'];

const HOUR = 3_600_000;

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

  /** Publishes "trigger → (a pause) → e-mail". */
  async function publishTriggerFlow(api: Api, trigger: { type: string; config: Record<string, unknown> }, pause?: { amount: number; unit: string }) {
    const templateId = await publishTemplate(api, `On ${trigger.type}`);
    const email = { id: 'email', type: 'send_email', config: { templateId } };
    if (!pause) {
      return publishFlow(api, `On ${trigger.type}`, { nodes: [{ id: 'trigger', ...trigger }, email], edges: [['trigger', 'next', 'email']] });
    }
    return publishFlow(api, `On ${trigger.type}, later`, {
      nodes: [{ id: 'trigger', ...trigger }, { id: 'pause', type: 'wait', config: { duration: pause } }, email],
      edges: [['trigger', 'next', 'pause'], ['pause', 'next', 'email']],
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

  /** Waits until every one of these shipments' runs waits in its pause. */
  async function pausing(shipmentIds: string[]) {
    await waitFor(
      async () => {
        const { rows } = await testDb().query(
          `SELECT count(*)::int AS n FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id
            WHERE r.shipment_id = ANY($1::uuid[]) AND st.node_id = 'pause' AND st.state = 'waiting'`,
          [shipmentIds],
        );
        return rows[0].n === shipmentIds.length;
      },
      10_000,
      'every run pausing',
    );
  }

  /** Waits until each shipment has one message, sent or skipped, and returns them. */
  async function settledMessages(shipmentIds: string[]) {
    return waitFor(
      async () => {
        const messages = await messagesOf(shipmentIds);
        return messages.length === shipmentIds.length && messages.every((m) => m.state === 'sent' || m.state === 'skipped') && messages;
      },
      20_000,
      'every message settled',
    );
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

  it('shipment_created: a new FedEx shipment sends at once; a USPS one does not, nor does the FedEx one sent again', async () => {
    const api = await merchantApi();
    await publishTriggerFlow(api, { type: 'shipment_created', config: { carriers: ['fedex'] } });
    const fedex = await ship(api, 'TRIG-NEW-FEDEX', 'fedex');
    const usps = await ship(api, 'TRIG-NEW-USPS', 'usps');
    // Sending the same shipment again is no new shipment (409, nothing written): one message only.
    const again = await api('POST', '/api/v1/shipments', { trackingNumber: 'TRIG-NEW-FEDEX', carrier: 'fedex', customer: { email: 'trig-new-fedex@example.com' } });
    expect(again.status).toBe(409);

    await expectSentOnlyTo([fedex], [usps]);
    expect(await messagesOf([fedex])).toHaveLength(1);
  });

  it('shipment_created still holds until delivery: a welcome due after the parcel was delivered is skipped', async () => {
    const api = await merchantApi();
    await publishTriggerFlow(api, { type: 'shipment_created', config: {} }, { amount: 2, unit: 'hours' });
    const delivered = await ship(api, 'TRIG-NEW-DELIVERED');
    const travelling = await ship(api, 'TRIG-NEW-TRAVELLING');
    await pausing([delivered, travelling]);
    await scan(api, 'fedex', 'TRIG-NEW-DELIVERED', 'IT', 'DL');
    await scan(api, 'fedex', 'TRIG-NEW-TRAVELLING', 'IT');

    context.engine.app.get(Clock).advance(2 * HOUR + 1_000);
    const settled = await settledMessages([delivered, travelling]);
    expect(settled.find((m) => m.shipmentId === travelling)?.state).toBe('sent');
    expect(settled.find((m) => m.shipmentId === delivered)?.state).toBe('skipped');
  });

  it('shipment_exception with reasons: a customs hold sends, a cancellation and a plain delivery exception do not', async () => {
    const api = await merchantApi();
    await publishTriggerFlow(api, { type: 'shipment_exception', config: { substatuses: ['customs_hold'] } });
    const held = await ship(api, 'TRIG-EXC-HOLD');
    const cancelled = await ship(api, 'TRIG-EXC-CANCEL');
    const plain = await ship(api, 'TRIG-EXC-PLAIN');
    await scan(api, 'fedex', 'TRIG-EXC-CANCEL', 'IT', 'CA');
    await scan(api, 'fedex', 'TRIG-EXC-PLAIN', 'IT', 'DE');
    await scan(api, 'fedex', 'TRIG-EXC-HOLD', 'IT', 'CD');

    await expectSentOnlyTo([held], [cancelled, plain]);
  });

  it('shipment_exception still holds only while in exception: a message due after the parcel moved on is skipped', async () => {
    const api = await merchantApi();
    await publishTriggerFlow(api, { type: 'shipment_exception', config: {} }, { amount: 1, unit: 'hours' });
    const recovered = await ship(api, 'TRIG-EXC-RECOVERED');
    const stuck = await ship(api, 'TRIG-EXC-STUCK');
    await scan(api, 'fedex', 'TRIG-EXC-RECOVERED', 'IT', 'DE');
    await scan(api, 'fedex', 'TRIG-EXC-STUCK', 'IT', 'DE');
    await pausing([recovered, stuck]);
    await scan(api, 'fedex', 'TRIG-EXC-RECOVERED', 'IT');

    context.engine.app.get(Clock).advance(HOUR + 1_000);
    const settled = await settledMessages([recovered, stuck]);
    expect(settled.find((m) => m.shipmentId === stuck)?.state).toBe('sent');
    expect(settled.find((m) => m.shipmentId === recovered)).toMatchObject({ state: 'skipped' });
    expect(settled.find((m) => m.shipmentId === recovered)?.skipReason).toMatch(/\S/);
  });
});
