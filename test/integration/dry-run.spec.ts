import { statusLabel } from '@postino/status';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { FlowDryRunModule } from '../../apps/engine/src/modules/flow-dry-run/flow-dry-run.module';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';
import { FlowSketch, publishTemplate } from '../support/flows';

type Api = EngineWithMerchant['api'];

const HOUR = 3_600_000;
const SPAIN = { match: 'all', groups: [{ match: 'all', rules: [{ fact: 'shipment.destination_country', operator: 'is_any_of', value: ['ES'] }] }] };

/** Trigger (in transit) → to Spain? → yes: wait 2 h → e-mail; no: exit. */
const branching = (templateId: string): FlowSketch => ({
  nodes: [
    { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
    { id: 'spain', type: 'condition', config: SPAIN },
    { id: 'pause', type: 'wait', config: { mode: 'duration', duration: { amount: 2, unit: 'hours' } } },
    { id: 'email', type: 'send_email', config: { templateId } },
    { id: 'stop', type: 'exit', config: {} },
  ],
  edges: [
    ['trigger', 'next', 'spain'],
    ['spain', 'yes', 'pause'],
    ['pause', 'next', 'email'],
    ['spain', 'no', 'stop'],
  ],
});

const definitionOf = (sketch: FlowSketch) => ({
  nodes: sketch.nodes.map((node, index) => ({ ...node, position: { x: 0, y: 120 * index } })),
  edges: sketch.edges.map(([from, fromPort, to]) => ({ from, fromPort, to })),
});

/**
 * Dry-runs on the running stack: one shipment's path through a draft (each decision, waits simulated, the
 * e-mail rendered and judged by the send guards), a range replayed with the counts a real run produced, no
 * row changed by either, and the refusals.
 */
describe('flow dry-run', () => {
  const context = useEngineWithMerchant();
  let scanned = Date.parse('2026-11-30T08:00:00Z');

  async function merchantApi(): Promise<Api> {
    return apiClient(context.engine.url, (await createMerchant()).apiKey);
  }

  async function draftFlow(api: Api, sketch: FlowSketch): Promise<string> {
    const flow = await api('POST', '/api/v1/flows', { name: 'Dry', definition: definitionOf(sketch) });
    expect(flow.status, JSON.stringify(flow.body)).toBe(201);
    return flow.body.id;
  }

  async function ship(api: Api, number: string, country: string, customer: Record<string, unknown> = {}): Promise<string> {
    const created = await api('POST', '/api/v1/shipments', {
      trackingNumber: number,
      carrier: 'fedex',
      customer: { email: `${number.toLowerCase()}@example.com`, name: 'Ana García', ...customer },
      destination: { country },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  /** Carrier scans: IT in transit, DL delivered. */
  async function scan(api: Api, numbers: string[], code: 'IT' | 'DL') {
    scanned += 60_000;
    const events = numbers.map((trackingNumber) => ({ carrier: 'fedex', trackingNumber, code, occurredAt: new Date(scanned).toISOString() }));
    expect((await api('POST', '/api/v1/tracking-events', { events })).status).toBe(202);
  }

  const dryRun = (api: Api, flowId: string, body: unknown) => api('POST', `/api/v1/flows/${flowId}/dry-run`, body);

  it('shows the path one shipment takes through the draft, each decision, and the e-mail rendered as it would go', async () => {
    const api = await merchantApi();
    const templateId = await publishTemplate(api, 'Hello', { subject: 'Hi {{ customer.first_name }}: {{ shipment.status_label }}' });
    const flowId = await draftFlow(api, branching(templateId));
    const toSpain = await ship(api, 'DRY-ES', 'ES');
    const toFrance = await ship(api, 'DRY-FR', 'FR');
    await scan(api, ['DRY-ES', 'DRY-FR'], 'IT');

    const yes = await dryRun(api, flowId, { shipmentId: toSpain });
    expect(yes.status, JSON.stringify(yes.body)).toBe(200);
    expect(yes.body).toMatchObject({ version: 'draft', range: null, shipment: { shipmentId: toSpain, started: true } });
    const { trigger, decisions, messages } = yes.body.shipment;
    expect(trigger).toMatchObject({ nodeId: 'trigger', type: 'shipment.status_changed' });
    expect(decisions.map((d: { nodeId: string; port: string | null }) => [d.nodeId, d.port])).toEqual([
      ['spain', 'yes'],
      ['pause', 'next'],
      ['email', 'next'],
    ]);
    // The wait moved the simulated clock: the e-mail is due two hours after the scan's event.
    const waited = Date.parse(decisions[1].until) - Date.parse(trigger.at);
    expect(decisions[1]).toMatchObject({ outcome: 'wait_until', at: trigger.at });
    expect(waited).toBe(2 * HOUR);
    expect(decisions[2].at).toBe(decisions[1].until);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      nodeId: 'email',
      channel: 'email',
      recipient: 'dry-es@example.com',
      verdict: 'would_send',
      at: decisions[1].until,
      subject: `Hi Ana: ${statusLabel('in_transit', 'en')}`,
    });
    expect(messages[0].html).toContain(statusLabel('in_transit', 'en'));
    expect(messages[0].text).toContain(statusLabel('in_transit', 'en'));

    const no = await dryRun(api, flowId, { shipmentId: toFrance });
    expect(no.status).toBe(200);
    expect(no.body.shipment.decisions.map((d: { nodeId: string; outcome: string }) => [d.nodeId, d.outcome])).toEqual([
      ['spain', 'continue'],
      ['stop', 'end'],
    ]);
    expect(no.body.shipment.decisions[0].port).toBe('no');
    expect(no.body.shipment.messages).toEqual([]);

    // A shipment none of whose events starts the flow: nothing would run.
    const notYet = await dryRun(api, flowId, { shipmentId: await ship(api, 'DRY-NEW', 'ES') });
    expect(notYet.body.shipment).toMatchObject({ started: false, trigger: null, decisions: [], messages: [] });
  });

  it('looks into the shipment’s history for a status wait, and says what the send guards would: not true any more, deferred, no consent', async () => {
    const api = await merchantApi();
    const templateId = await publishTemplate(api, 'Update');
    const flowId = await draftFlow(api, {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        { id: 'until', type: 'wait', config: { mode: 'status', statuses: ['delivered'], timeout: { amount: 1, unit: 'days' } } },
        { id: 'reached', type: 'send_email', config: { templateId } },
        { id: 'late', type: 'send_email', config: { templateId, quietHours: { start: '00:00', end: '23:59' } } },
      ],
      edges: [
        ['trigger', 'next', 'until'],
        ['until', 'next', 'reached'],
        ['until', 'timeout', 'late'],
      ],
    });
    const delivered = await ship(api, 'WAIT-DL', 'ES');
    const stuck = await ship(api, 'WAIT-IT', 'ES', { timezone: 'Europe/Madrid' });
    await scan(api, ['WAIT-DL', 'WAIT-IT'], 'IT');
    await scan(api, ['WAIT-DL'], 'DL');

    const reached = (await dryRun(api, flowId, { shipmentId: delivered })).body.shipment;
    expect(reached.decisions[0]).toMatchObject({
      nodeId: 'until',
      outcome: 'wait_for',
      port: 'next',
      waitingFor: { type: 'shipment.status_changed', match: { to: ['delivered'] } },
    });
    expect(reached.decisions[0].why).toMatch(/^the awaited shipment.status_changed came at /);
    // The wait went on because the shipment was delivered: the e-mail is about that, and still true.
    expect(reached.messages[0]).toMatchObject({ nodeId: 'reached', verdict: 'would_send', subject: 'Update: Delivered' });

    const timedOut = (await dryRun(api, flowId, { shipmentId: stuck })).body.shipment;
    expect(timedOut.decisions[0]).toMatchObject({ nodeId: 'until', port: 'timeout' });
    expect(timedOut.decisions[0].why).toContain('still waiting today');
    expect(Date.parse(timedOut.decisions[0].until) - Date.parse(timedOut.trigger.at)).toBe(24 * HOUR);
    expect(timedOut.messages[0]).toMatchObject({ nodeId: 'late', verdict: 'deferred' });
    expect(timedOut.messages[0].reason).toMatch(/^quiet hours 00:00–23:59 in Europe\/Madrid: deferred to /);
    expect(Date.parse(timedOut.messages[0].deferredUntil)).toBeGreaterThan(Date.parse(timedOut.messages[0].at));

    // The customer withdraws consent to shipment updates: the same message would be skipped.
    const customerId = (await testDb().query(`SELECT customer_id FROM shipments WHERE id = $1`, [stuck])).rows[0].customer_id;
    await testDb().query(`UPDATE customers SET transactional_consent = 'denied' WHERE id = $1`, [customerId]);
    const withdrawn = (await dryRun(api, flowId, { shipmentId: stuck })).body.shipment;
    expect(withdrawn.messages[0]).toMatchObject({ verdict: 'skipped', reason: 'the customer withdrew consent to shipment updates' });
  });

  it('renders an SMS as its sender would: the text, its segments and encoding', async () => {
    const api = await merchantApi();
    const flowId = await draftFlow(api, {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        { id: 'sms', type: 'send_sms', config: { text: 'Hola {{ customer.first_name }}, tu pedido {{ shipment.tracking_number }} está en camino' } },
      ],
      edges: [['trigger', 'next', 'sms']],
    });
    const shipmentId = await ship(api, 'DRY-SMS', 'ES', { phone: '612 345 678' });
    await scan(api, ['DRY-SMS'], 'IT');

    const { messages } = (await dryRun(api, flowId, { shipmentId })).body.shipment;
    expect(messages).toEqual([
      expect.objectContaining({
        nodeId: 'sms',
        channel: 'sms',
        recipient: '+34612345678',
        verdict: 'would_send',
        text: 'Hola Ana, tu pedido DRY-SMS está en camino',
        html: null,
        segments: 1,
        encoding: 'UCS-2',
      }),
    ]);
  });

  /** Per node of the merchant's runs: entered and exits by port, as the steps recorded them. */
  async function realCounts(merchantId: string) {
    const { rows } = await testDb().query(
      `SELECT node_id AS "nodeId", exit_port AS port, count(*)::int AS n FROM flow_steps
        WHERE merchant_id = $1 AND state = 'done' GROUP BY 1, 2 ORDER BY 1, 2`,
      [merchantId],
    );
    return rows as { nodeId: string; port: string | null; n: number }[];
  }

  /** Row counts and a checksum of every table a run, a send or a capture writes. */
  async function fingerprint() {
    const tables = ['flow_runs', 'flow_steps', 'messages', 'message_state_changes', 'domain_events', 'captured_emails', 'captured_sms',
      'frequency_cap_ledger', 'flows', 'flow_versions', 'merchants', 'customers', 'shipments', 'idempotency_keys'];
    const rows = await Promise.all(
      tables.map(async (table) => (await testDb().query(`SELECT '${table}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM ${table} x`)).rows[0]),
    );
    return rows;
  }

  it('replays a range with the counts a real run over the same events produced, and changes no row doing it', async () => {
    const merchant = await createMerchant();
    const api = apiClient(context.engine.url, merchant.apiKey);
    const templateId = await publishTemplate(api, 'Range', { subject: 'On its way: {{ shipment.tracking_number }}' });
    // As `branching` without the wait, so the real runs finish without moving the clock.
    const sketch: FlowSketch = {
      nodes: branching(templateId).nodes.filter((node) => node.id !== 'pause'),
      edges: [['trigger', 'next', 'spain'], ['spain', 'yes', 'email'], ['spain', 'no', 'stop']],
    };
    const flow = await api('POST', '/api/v1/flows', { name: 'Live', definition: definitionOf(sketch) });
    expect((await api('POST', `/api/v1/flows/${flow.body.id}/publish`, {})).status).toBe(201);
    const from = new Date(Date.now() - 60_000).toISOString();
    const numbers = ['R-ES-1', 'R-ES-2', 'R-ES-3', 'R-FR-1', 'R-FR-2'];
    for (const number of numbers) await ship(api, number, number.slice(2, 4));
    await scan(api, numbers, 'IT');
    await waitFor(
      async () => {
        const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM messages WHERE merchant_id = $1 AND state = 'sent'`, [merchant.merchantId]);
        const captured = await testDb().query(`SELECT count(*)::int AS n FROM captured_emails WHERE to_address LIKE 'r-es-%'`);
        return rows[0].n === 3 && captured.rows[0].n >= 3;
      },
      20_000,
      'the real runs sent and captured',
    );
    const real = await realCounts(merchant.merchantId);
    const before = await fingerprint();

    const range = await dryRun(api, flow.body.id, { from, to: new Date(Date.now() + 60_000).toISOString(), version: 1 });
    expect(range.status, JSON.stringify(range.body)).toBe(200);
    expect(range.body.range).toMatchObject({ shipments: 5, runs: 5, messages: { total: 3, wouldSend: 3, skipped: 0, deferred: 0 } });
    const simulated = (range.body.range.nodes as { nodeId: string; exits: Record<string, number>; ended: number }[])
      .filter((node) => node.nodeId !== 'trigger')
      .flatMap(({ nodeId, exits, ended }) => [
        ...Object.entries(exits).map(([port, n]) => ({ nodeId, port, n })),
        ...(ended > 0 ? [{ nodeId, port: null, n: ended }] : []),
      ])
      .sort((a, b) => a.nodeId.localeCompare(b.nodeId) || String(a.port).localeCompare(String(b.port)));
    expect(simulated).toEqual(real);
    expect(real).toEqual([
      { nodeId: 'email', port: 'next', n: 3 },
      { nodeId: 'spain', port: 'no', n: 2 },
      { nodeId: 'spain', port: 'yes', n: 3 },
      { nodeId: 'stop', port: null, n: 2 },
    ]);
    expect(range.body.range.nodes.find((node: { nodeId: string }) => node.nodeId === 'trigger')).toMatchObject({ entered: 5, exits: { next: 5 } });
    expect(range.body.range.samples.map((m: { subject: string }) => m.subject).sort()).toEqual(['On its way: R-ES-1', 'On its way: R-ES-2', 'On its way: R-ES-3']);

    // The draft and one shipment too, then nothing anywhere may have changed.
    const [shipmentId] = (await testDb().query(`SELECT id FROM shipments WHERE merchant_id = $1 AND tracking_number = 'R-ES-1'`, [merchant.merchantId])).rows.map((r) => r.id);
    expect((await dryRun(api, flow.body.id, { shipmentId })).body.shipment.messages[0]).toMatchObject({ verdict: 'would_send' });
    expect((await dryRun(api, flow.body.id, { from, to: new Date(Date.now() + 60_000).toISOString() })).status).toBe(200);
    expect(await fingerprint()).toEqual(before);
  });

  it('runs on connections that refuse to write, so no node type can change a row by accident', async () => {
    // What the module's executors, repositories and senders are given in place of the engine's data source.
    const readOnly = context.engine.app.select(FlowDryRunModule).get(DataSource, { strict: true });
    expect(readOnly).not.toBe(context.engine.app.get(DataSource));
    await expect(readOnly.query(`UPDATE merchants SET name = name WHERE id = $1`, [context.merchant.merchantId])).rejects.toThrow(
      /read-only transaction/,
    );
  });

  it('refuses bad bodies naming the field, invalid drafts with the validator’s problems, and what is not the merchant’s', async () => {
    const api = await merchantApi();
    const templateId = await publishTemplate(api, 'Refusals');
    const flowId = await draftFlow(api, branching(templateId));
    const shipmentId = await ship(api, 'REF-1', 'ES');
    const fieldOf = async (body: unknown) => {
      const answer = await dryRun(api, flowId, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      return answer.body.details.map((d: { field: string; message: string }) => `${d.field}: ${d.message}`);
    };
    expect(await fieldOf({})).toEqual(['shipmentId: is required unless from and to are given']);
    expect(await fieldOf({ shipmentId: 'nope' })).toEqual(['shipmentId: must be a UUID']);
    expect(await fieldOf({ from: '2026-11-02T00:00:00Z' })).toEqual(['to: is required with from']);
    expect(await fieldOf({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' })).toEqual(['to: must be after from']);
    expect(await fieldOf({ from: '2026-10-01T00:00:00Z', to: '2026-11-02T00:00:00Z' })).toEqual(['to: must be at most 31 days after from']);
    expect(await fieldOf({ shipmentId, from: '2026-11-02T00:00:00Z', to: '2026-11-03T00:00:00Z' })).toEqual([
      'shipmentId: give either shipmentId or from and to, not both',
    ]);
    expect(await fieldOf({ shipmentId, version: 'latest' })).toEqual(['version: must be "draft" or a version number']);
    expect(await fieldOf({ shipmentId, version: 3 })).toEqual(['version: the flow has no version 3']);

    const unknownShipment = await dryRun(api, flowId, { shipmentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownShipment.status).toBe(404);
    expect(unknownShipment.body.message).toBe('Shipment not found');

    // Another merchant's shipment is unknown here, and this merchant's flow unknown there.
    const other = await merchantApi();
    const theirs = await ship(other, 'REF-THEIRS', 'ES');
    expect((await dryRun(api, flowId, { shipmentId: theirs })).status).toBe(404);
    expect((await dryRun(other, flowId, { shipmentId: theirs })).status).toBe(404);

    // A draft that cannot run: the validator's problems, as publishing would list them.
    const broken = await api('PUT', `/api/v1/flows/${flowId}`, {
      definition: definitionOf({ ...branching(templateId), nodes: branching(templateId).nodes.map((n) => (n.id === 'pause' ? { ...n, config: { mode: 'duration' } } : n)) }),
    });
    expect(broken.status).toBe(200);
    const invalid = await dryRun(api, flowId, { shipmentId });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toBe('flow_invalid');
    expect(invalid.body.details[0]).toMatchObject({ nodeId: 'pause' });
    expect(invalid.body.details[0].field).toMatch(/^definition\.nodes\.2\.config\.duration/);
  });
});
