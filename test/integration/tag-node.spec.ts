import { describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';
import { publishFlow, publishTemplate } from '../support/flows';

type Api = EngineWithMerchant['api'];

/**
 * The tag node on the running stack: tags added to and removed from customers and shipments, normalized,
 * idempotent across runs, visible in the API, and read by a condition later in the same run.
 */
describe('tag node', () => {
  const context = useEngineWithMerchant();
  let scanned = Date.parse('2026-11-30T08:00:00Z');

  async function merchantApi(): Promise<Api> {
    return apiClient(context.engine.url, (await createMerchant()).apiKey);
  }

  async function ship(api: Api, number: string, body: Record<string, unknown> = {}): Promise<string> {
    const created = await api('POST', '/api/v1/shipments', { trackingNumber: number, carrier: 'fedex', ...body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  async function inTransit(api: Api, numbers: string[]) {
    scanned += 60_000;
    const events = numbers.map((trackingNumber) => ({ carrier: 'fedex', trackingNumber, code: 'IT', occurredAt: new Date(scanned).toISOString() }));
    expect((await api('POST', '/api/v1/tracking-events', { events })).status).toBe(202);
  }

  /** Waits until every run of these shipments has no step left to do; returns the nodes each run messaged from. */
  async function finished(shipmentIds: string[]) {
    return waitFor(
      async () => {
        const { rows } = await testDb().query(
          `SELECT r.shipment_id AS "shipmentId",
                  bool_and(st.state = 'done') AS done,
                  coalesce((SELECT array_agg(m.node_id ORDER BY m.node_id) FROM messages m WHERE m.run_id = r.id), '{}') AS emails
             FROM flow_runs r JOIN flow_steps st ON st.run_id = r.id
            WHERE r.shipment_id = ANY($1::uuid[]) GROUP BY r.id`,
          [shipmentIds],
        );
        const done = rows.filter((row: { done: boolean }) => row.done);
        return done.length === shipmentIds.length && new Map<string, string[]>(done.map((row: { shipmentId: string; emails: string[] }) => [row.shipmentId, row.emails]));
      },
      30_000,
      `${shipmentIds.length} runs done`,
    );
  }

  it('tags the customer and the shipment, and a condition later in the same run already sees both tags', async () => {
    const api = await merchantApi();
    const templateId = await publishTemplate(api, 'VIP late');
    await publishFlow(api, 'Tag then ask', {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        { id: 'tag_customer', type: 'tag', config: { target: 'customer', tags: ['  VIP ', 'Returns'] } },
        { id: 'tag_shipment', type: 'tag', config: { target: 'shipment', tags: ['Late   Parcel'] } },
        {
          id: 'logic',
          type: 'condition',
          config: {
            groups: [
              {
                rules: [
                  { fact: 'customer.tags', operator: 'has_any_of', value: ['vip'] },
                  { fact: 'shipment.tags', operator: 'has_any_of', value: ['late parcel'] },
                ],
              },
            ],
          },
        },
        { id: 'email_yes', type: 'send_email', config: { templateId } },
        { id: 'email_no', type: 'send_email', config: { templateId } },
      ],
      edges: [
        ['trigger', 'next', 'tag_customer'],
        ['tag_customer', 'next', 'tag_shipment'],
        ['tag_shipment', 'next', 'logic'],
        ['logic', 'yes', 'email_yes'],
        ['logic', 'no', 'email_no'],
      ],
    });
    const shipmentId = await ship(api, 'TAG-1', { customer: { email: 'tag-1@example.com' } });
    await inTransit(api, ['TAG-1']);

    expect((await finished([shipmentId])).get(shipmentId)).toEqual(['email_yes']);
    const shipment = await api('GET', `/api/v1/shipments/${shipmentId}`);
    expect(shipment.body.tags).toEqual(['late parcel']);
    const customer = await api('GET', `/api/v1/customers/${shipment.body.customerId}`);
    expect(customer.body.tags).toEqual(['vip', 'returns']);
  });

  it('removes tags ignoring their case, adds each only once, and a second run changes nothing more', async () => {
    const api = await merchantApi();
    await publishFlow(api, 'Retag', {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        { id: 'add', type: 'tag', config: { target: 'customer', action: 'add', tags: ['vip', 'loyal'] } },
        { id: 'remove', type: 'tag', config: { target: 'customer', action: 'remove', tags: ['new customer'] } },
      ],
      edges: [
        ['trigger', 'next', 'add'],
        ['add', 'next', 'remove'],
      ],
    });
    const order = await api('POST', '/api/v1/orders', {
      number: '#T1',
      createdAt: '2026-11-27T10:00:00Z',
      currency: 'EUR',
      subtotal: '1',
      total: '1',
      customer: { email: 'retag@example.com', tags: ['VIP', 'New Customer'] },
    });
    expect(order.status).toBe(200);
    const first = await ship(api, 'RETAG-1', { customer: { email: 'retag@example.com' } });
    await inTransit(api, ['RETAG-1']);
    await finished([first]);
    const customerId = (await api('GET', `/api/v1/shipments/${first}`)).body.customerId;
    // "VIP" was already held (in the shop's case), "New Customer" is gone whatever its case.
    expect((await api('GET', `/api/v1/customers/${customerId}`)).body.tags).toEqual(['VIP', 'loyal']);

    const second = await ship(api, 'RETAG-2', { customer: { email: 'retag@example.com' } });
    await inTransit(api, ['RETAG-2']);
    await finished([second]);
    expect((await api('GET', `/api/v1/customers/${customerId}`)).body.tags).toEqual(['VIP', 'loyal']);
  });

  it('removes a shipment tag, and goes on when the shipment has no customer to tag', async () => {
    const api = await merchantApi();
    const templateId = await publishTemplate(api, 'After tags');
    await publishFlow(api, 'Untag', {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        { id: 'add', type: 'tag', config: { target: 'shipment', tags: ['watch', 'keep'] } },
        { id: 'remove', type: 'tag', config: { target: 'shipment', action: 'remove', tags: ['WATCH'] } },
        { id: 'customer', type: 'tag', config: { target: 'customer', tags: ['nobody'] } },
        { id: 'email', type: 'send_email', config: { templateId } },
      ],
      edges: [
        ['trigger', 'next', 'add'],
        ['add', 'next', 'remove'],
        ['remove', 'next', 'customer'],
        ['customer', 'next', 'email'],
      ],
    });
    const shipmentId = await ship(api, 'UNTAG-1', { customer: { name: 'Walk-in' } });
    await inTransit(api, ['UNTAG-1']);

    expect((await finished([shipmentId])).get(shipmentId)).toEqual(['email']);
    expect((await api('GET', `/api/v1/shipments/${shipmentId}`)).body.tags).toEqual(['keep']);
  });

  it('refuses to publish a tag node without tags, naming the field', async () => {
    const api = await merchantApi();
    const flow = await api('POST', '/api/v1/flows', {
      name: 'Empty tag',
      definition: {
        nodes: [
          { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] }, position: { x: 0, y: 0 } },
          { id: 'tag', type: 'tag', config: { target: 'customer', tags: [] }, position: { x: 0, y: 100 } },
        ],
        edges: [{ from: 'trigger', fromPort: 'next', to: 'tag' }],
      },
    });
    expect(flow.status).toBe(201);
    const published = await api('POST', `/api/v1/flows/${flow.body.id}/publish`, {});
    expect(published.status).toBe(422);
    expect(published.body.details).toEqual([{ field: 'definition.nodes.1.config.tags', nodeId: 'tag', message: 'Write at least one tag.' }]);
  });
});
