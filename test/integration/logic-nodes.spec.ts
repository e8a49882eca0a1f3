import { abSplitNodeType, assignVariant, customerKeyOf, experimentIdOf, HOLDOUT } from '@postino/flow-model';
import { describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, testDb, waitFor } from '../support/fixtures';
import { publishBranchingFlow, publishFlow, publishTemplate } from '../support/flows';

type Api = EngineWithMerchant['api'];

/**
 * The logic node types on the running stack, each port taken by real shipments: condition (over the order,
 * its products and the customer), switch, A/B split (sticky, with a holdout) and exit. Each test has a
 * merchant of its own, so its flows see only its shipments.
 */
describe('logic nodes', () => {
  const context = useEngineWithMerchant();
  let scanned = Date.parse('2026-11-30T08:00:00Z');

  async function merchantApi(): Promise<Api> {
    return apiClient(context.engine.url, (await createMerchant()).apiKey);
  }

  async function ship(api: Api, number: string, body: Record<string, unknown> = {}): Promise<string> {
    const created = await api('POST', '/api/v1/shipments', {
      trackingNumber: number,
      carrier: 'fedex',
      customer: { email: `${number.toLowerCase()}@example.com` },
      ...body,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  /** In-transit scans for these tracking numbers, 100 per request. */
  async function inTransit(api: Api, numbers: string[]) {
    for (let i = 0; i < numbers.length; i += 100) {
      scanned += 60_000;
      const events = numbers.slice(i, i + 100).map((trackingNumber) => ({
        carrier: 'fedex',
        trackingNumber,
        code: 'IT',
        occurredAt: new Date(scanned).toISOString(),
      }));
      expect((await api('POST', '/api/v1/tracking-events', { events })).status).toBe(202);
    }
  }

  /** Per shipment: the logic step's exit and the e-mail nodes its run reached. */
  async function outcomes(shipmentIds: string[]) {
    const { rows } = await testDb().query(
      `SELECT r.shipment_id AS "shipmentId", st.state, st.exit_port AS "exitPort",
              coalesce((SELECT array_agg(m.node_id ORDER BY m.node_id) FROM messages m WHERE m.run_id = r.id), '{}') AS emails
         FROM flow_runs r JOIN flow_steps st ON st.run_id = r.id AND st.node_id = 'logic'
        WHERE r.shipment_id = ANY($1::uuid[])`,
      [shipmentIds],
    );
    return new Map<string, { state: string; exitPort: string | null; emails: string[] }>(rows.map(({ shipmentId, ...rest }) => [shipmentId, rest]));
  }

  async function settled(shipmentIds: string[]) {
    return waitFor(
      async () => {
        const found = await outcomes(shipmentIds);
        return found.size === shipmentIds.length && [...found.values()].every((o) => o.state === 'done') && found;
      },
      30_000,
      `${shipmentIds.length} runs past their logic step`,
    );
  }

  it('condition: "yes" for a big order with shoes by a VIP, "no" otherwise — and "no" when there is no order to ask about', async () => {
    const api = await merchantApi();
    expect((await api('POST', '/api/v1/products', { products: [{ externalId: 'P-SHOE', title: 'Runner', tags: ['Shoes', 'sale'] }] })).status).toBe(200);
    await publishBranchingFlow(api, {
      name: 'VIP shoe orders',
      statuses: ['in_transit'],
      logic: {
        type: 'condition',
        config: {
          match: 'all',
          groups: [
            {
              match: 'all',
              rules: [
                { fact: 'order.total', operator: 'at_least', value: { amount: '50.00', currency: 'EUR' } },
                { fact: 'order.product_tags', operator: 'has_any_of', value: ['shoes'] },
              ],
            },
            { match: 'any', rules: [{ fact: 'customer.tags', operator: 'has_any_of', value: ['vip'] }, { fact: 'customer.accepts_marketing', operator: 'is_true' }] },
          ],
        },
      },
      ports: ['yes', 'no'],
    });
    const order = (number: string, total: string, email: string, tags: string[]) =>
      api('POST', '/api/v1/orders', {
        number,
        createdAt: '2026-11-27T10:00:00Z',
        currency: 'EUR',
        subtotal: total,
        total,
        lineItems: [{ productId: 'P-SHOE', title: 'Runner', quantity: 1, unitPrice: total }],
        customer: { email, tags },
      });
    expect((await order('#1', '80.00', 'vip@example.com', ['VIP'])).status).toBe(200);
    expect((await order('#2', '30.00', 'small@example.com', ['VIP'])).status).toBe(200);
    const vip = await ship(api, 'COND-VIP', { orderNumber: '#1', customer: { email: 'vip@example.com' } });
    const small = await ship(api, 'COND-SMALL', { orderNumber: '#2', customer: { email: 'small@example.com' } });
    const noOrder = await ship(api, 'COND-NONE', { customer: { email: 'vip@example.com' } });
    await inTransit(api, ['COND-VIP', 'COND-SMALL', 'COND-NONE']);

    const found = await settled([vip, small, noOrder]);
    expect(found.get(vip)).toMatchObject({ exitPort: 'yes', emails: ['email_yes'] });
    expect(found.get(small)).toMatchObject({ exitPort: 'no', emails: ['email_no'] });
    expect(found.get(noOrder)).toMatchObject({ exitPort: 'no', emails: ['email_no'] });
  });

  it('switch: a port per destination country case, and "default" for the rest', async () => {
    const api = await merchantApi();
    await publishBranchingFlow(api, {
      name: 'By country',
      statuses: ['in_transit'],
      logic: {
        type: 'switch',
        config: {
          by: 'shipment.destination_country',
          cases: [
            { id: 'es', values: ['ES'] },
            { id: 'dach', values: ['DE', 'AT', 'CH'], label: 'DACH' },
          ],
        },
      },
      ports: ['es', 'dach', 'default'],
    });
    const to = (country: string) => ({ destination: { country } });
    const ids = {
      es: await ship(api, 'SW-ES', to('ES')),
      dach: await ship(api, 'SW-AT', to('AT')),
      default: await ship(api, 'SW-FR', to('FR')),
      unknown: await ship(api, 'SW-NONE'),
    };
    await inTransit(api, ['SW-ES', 'SW-AT', 'SW-FR', 'SW-NONE']);

    const found = await settled(Object.values(ids));
    expect(found.get(ids.es)).toMatchObject({ exitPort: 'es', emails: ['email_es'] });
    expect(found.get(ids.dach)).toMatchObject({ exitPort: 'dach', emails: ['email_dach'] });
    expect(found.get(ids.default)).toMatchObject({ exitPort: 'default', emails: ['email_default'] });
    expect(found.get(ids.unknown)).toMatchObject({ exitPort: 'default', emails: ['email_default'] });
  });

  it('ab_split: 300 customers get the variant their hash gives (holdout: nothing), and the same one on a second run', async () => {
    const api = await merchantApi();
    const config = abSplitNodeType.configSchema.parse({
      variants: [
        { id: 'a', weight: 45 },
        { id: 'b', weight: 27 },
        { id: 'c', weight: 18 },
      ],
      holdout: 10,
    });
    const flowId = await publishBranchingFlow(api, { name: 'Coupon test', statuses: ['in_transit'], logic: { type: 'ab_split', config }, ports: ['a', 'b', 'c'] });
    const numbers = Array.from({ length: 300 }, (_, i) => `AB-${i}`);
    const first = await Promise.all(numbers.map((number) => ship(api, number)));
    await inTransit(api, numbers);
    const found = await settled(first);

    const experiment = experimentIdOf(flowId, 'logic', config);
    const { rows } = await testDb().query(`SELECT id, customer_id AS "customerId", customer_email AS "customerEmail" FROM shipments WHERE id = ANY($1::uuid[])`, [first]);
    const counts = new Map<string, number>();
    for (const shipment of rows) {
      const expected = assignVariant(config, experiment, customerKeyOf(shipment));
      const outcome = found.get(shipment.id);
      expect(outcome?.exitPort, shipment.id).toBe(expected);
      expect(outcome?.emails).toEqual(expected === HOLDOUT ? [] : [`email_${expected}`]);
      counts.set(expected, (counts.get(expected) ?? 0) + 1);
    }
    // Every exit is taken by some of the 300; the shares themselves are checked on 10,000 in the unit spec.
    expect([...counts.keys()].sort()).toEqual(['a', 'b', 'c', HOLDOUT]);

    // The same customers' next parcels: each lands in the same variant.
    const again = numbers.slice(0, 40).map((number) => `${number}-2`);
    const second = await Promise.all(again.map((number, i) => ship(api, number, { customer: { email: `${numbers[i].toLowerCase()}@example.com` } })));
    await inTransit(api, again);
    const secondFound = await settled(second);
    second.forEach((id, i) => expect(secondFound.get(id)?.exitPort, again[i]).toBe(found.get(first[i])?.exitPort));
  });

  it('exit: a run that reaches it ends there, while the other branch still sends', async () => {
    const api = await merchantApi();
    const templateId = await publishTemplate(api, 'Not for VIPs');
    await publishFlow(api, 'Skip VIPs', {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        { id: 'logic', type: 'condition', config: { groups: [{ rules: [{ fact: 'customer.tags', operator: 'has_any_of', value: ['vip'] }] }] } },
        { id: 'stop', type: 'exit', config: {} },
        { id: 'email_no', type: 'send_email', config: { templateId } },
      ],
      edges: [['trigger', 'next', 'logic'], ['logic', 'yes', 'stop'], ['logic', 'no', 'email_no']],
    });
    expect((await api('POST', '/api/v1/orders', { number: '#9', createdAt: '2026-11-27T10:00:00Z', currency: 'EUR', subtotal: '1', total: '1', customer: { email: 'exit-vip@example.com', tags: ['vip'] } })).status).toBe(200);
    const vip = await ship(api, 'EXIT-VIP', { customer: { email: 'exit-vip@example.com' } });
    const other = await ship(api, 'EXIT-OTHER');
    await inTransit(api, ['EXIT-VIP', 'EXIT-OTHER']);

    const found = await settled([vip, other]);
    expect(found.get(vip)).toMatchObject({ exitPort: 'yes', emails: [] });
    expect(found.get(other)).toMatchObject({ exitPort: 'no', emails: ['email_no'] });
    const { rows } = await testDb().query(
      `SELECT st.state, st.exit_port AS "exitPort" FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id WHERE r.shipment_id = $1 AND st.node_id = 'stop'`,
      [vip],
    );
    expect(rows).toEqual([{ state: 'done', exitPort: null }]);
  });
});
