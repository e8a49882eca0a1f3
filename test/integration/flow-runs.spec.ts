import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../apps/engine/src/modules/clock/clock';
import { StepRunnerService, type StepAdvance } from '../../apps/engine/src/modules/flow-engine/step-runner.service';
import { StepTallyRepository } from '../../apps/engine/src/modules/flow-runs/step-tally.repository';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { testDb, waitFor } from '../support/fixtures';
import { publishFlow, publishTemplate } from '../support/flows';

const DAY = 24 * 3_600_000;
const SPANISH = 12;
const FRENCH = 6;
const DELIVERED = 5;

interface NodeCounters {
  nodeId: string;
  entered: number;
  ports: Record<string, number>;
  ended: number;
  failed: number;
  waiting: number;
}

/**
 * Runs, their logs and the per-node counters on the running stack, through one flow run by 18 shipments:
 * in transit → condition "goes to Spain?" → yes: wait until delivered (2 days at most) → e-mail, or exit on
 * timeout; no: e-mail at once. The tests run in order: each moves the same runs further.
 */
describe('flow runs, logs and counters', () => {
  const context = useEngineWithMerchant();
  const api = ((...args: Parameters<EngineWithMerchant['api']>) => context.api(...args)) as EngineWithMerchant['api'];
  let flowId: string;
  let flowVersionId: string;
  const spanish: string[] = [];
  const french: string[] = [];
  const shipmentIds = new Map<string, string>();
  let scanned = Date.parse('2026-11-30T08:00:00Z');

  async function scan(numbers: string[], code: 'IT' | 'DL') {
    scanned += 60_000;
    const events = numbers.map((trackingNumber) => ({ carrier: 'fedex', trackingNumber, code, occurredAt: new Date(scanned).toISOString() }));
    expect((await api('POST', '/api/v1/tracking-events', { events })).status).toBe(202);
  }

  /** Until no step of the flow is queued or running and it has `steps` steps: what the engine does with them is done. */
  async function settled(steps: number) {
    await waitFor(
      async () => {
        const { rows } = await testDb().query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE st.state IN ('queued', 'running'))::int AS busy
             FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id WHERE r.flow_version_id = $1`,
          [flowVersionId],
        );
        return rows[0].n === steps && rows[0].busy === 0;
      },
      20_000,
      `${steps} settled steps`,
    );
  }

  /** The same counters as plain SQL over the version's runs and steps. */
  async function countedBySql(): Promise<Map<string, NodeCounters>> {
    const { rows } = await testDb().query(
      `WITH st AS (SELECT st.* FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id WHERE r.flow_version_id = $1),
            taken AS (SELECT node_id, jsonb_object_agg(exit_port, n) AS ports
                        FROM (SELECT node_id, exit_port, count(*)::int AS n FROM st
                               WHERE state = 'done' AND exit_port IS NOT NULL GROUP BY node_id, exit_port) p
                       GROUP BY node_id)
       SELECT st.node_id AS "nodeId", count(*)::int AS entered, coalesce(taken.ports, '{}') AS ports,
              count(*) FILTER (WHERE state = 'done' AND exit_port IS NULL)::int AS ended,
              count(*) FILTER (WHERE state = 'failed')::int AS failed,
              count(*) FILTER (WHERE state NOT IN ('done', 'failed') AND resume_port IS NOT NULL)::int AS waiting
         FROM st LEFT JOIN taken ON taken.node_id = st.node_id
        GROUP BY st.node_id, taken.ports
        UNION ALL
       SELECT trigger_node_id, count(*)::int, '{}', 0, 0, 0 FROM flow_runs WHERE flow_version_id = $1 GROUP BY trigger_node_id`,
      [flowVersionId],
    );
    return new Map(rows.map((row: NodeCounters) => [row.nodeId, row]));
  }

  async function counters(): Promise<Map<string, NodeCounters>> {
    const response = await api('GET', `/api/v1/flows/${flowId}/versions/1/counters`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ flowId, flowVersionId, version: 1 });
    return new Map(response.body.nodes.map((node: NodeCounters) => [node.nodeId, node]));
  }

  /** The API's counters equal SQL's, node by node (ports nobody took are 0 in the API, absent in SQL). */
  async function expectCountersToMatchSql() {
    const [api, sql] = [await counters(), await countedBySql()];
    for (const [nodeId, node] of api) {
      const expected = sql.get(nodeId) ?? { nodeId, entered: 0, ports: {}, ended: 0, failed: 0, waiting: 0 };
      const taken = Object.fromEntries(Object.entries(node.ports).filter(([, n]) => n > 0));
      expect({ ...node, ports: taken }, nodeId).toEqual(expected);
    }
    return api;
  }

  const runOf = async (shipmentId: string) => {
    const list = await api('GET', `/api/v1/flow-runs?shipmentId=${shipmentId}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const run = await api('GET', `/api/v1/flow-runs/${list.body.items[0].id}`);
    expect(run.status).toBe(200);
    return run.body;
  };

  beforeAll(async () => {
    const templateId = await publishTemplate(api, 'Runs and counters');
    flowId = await publishFlow(api, 'Spain waits for delivery', {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['in_transit'] } },
        {
          id: 'spain',
          type: 'condition',
          config: { groups: [{ rules: [{ fact: 'shipment.destination_country', operator: 'is_any_of', value: ['ES'] }] }] },
        },
        { id: 'until', type: 'wait', config: { mode: 'status', statuses: ['delivered'], timeout: { amount: 2, unit: 'days' } } },
        { id: 'email_delivered', type: 'send_email', config: { templateId } },
        { id: 'stop', type: 'exit', config: {} },
        { id: 'email_abroad', type: 'send_email', config: { templateId } },
      ],
      edges: [
        ['trigger', 'next', 'spain'],
        ['spain', 'yes', 'until'],
        ['until', 'next', 'email_delivered'],
        ['until', 'timeout', 'stop'],
        ['spain', 'no', 'email_abroad'],
      ],
    });
    const { rows } = await testDb().query(`SELECT id FROM flow_versions WHERE flow_id = $1`, [flowId]);
    flowVersionId = rows[0].id;
    for (const [list, country, count] of [
      [spanish, 'ES', SPANISH],
      [french, 'FR', FRENCH],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const number = `RUNS-${country}-${i}`;
        const created = await api('POST', '/api/v1/shipments', {
          trackingNumber: number,
          carrier: 'fedex',
          destination: { country },
          customer: { email: `${number.toLowerCase()}@example.com` },
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        list.push(number);
        shipmentIds.set(number, created.body.id);
      }
    }
  });

  it('counts every node as plain SQL does: entered, ports, waiting — trigger, condition, wait and e-mails', async () => {
    await scan([...spanish, ...french], 'IT');
    await settled(SPANISH + FRENCH + SPANISH + FRENCH);
    const found = await expectCountersToMatchSql();
    expect(found.get('trigger')).toMatchObject({ entered: SPANISH + FRENCH });
    expect(found.get('spain')).toMatchObject({ entered: SPANISH + FRENCH, ports: { yes: SPANISH, no: FRENCH }, waiting: 0 });
    expect(found.get('until')).toMatchObject({ entered: SPANISH, ports: { next: 0, timeout: 0 }, waiting: SPANISH });
    expect(found.get('email_abroad')).toMatchObject({ entered: FRENCH, waiting: 0 });
    expect(found.get('stop')).toMatchObject({ entered: 0, ended: 0 });

    // Folding the deltas into the totals changes no number.
    await context.engine.app.get(StepTallyRepository).compact();
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM flow_node_count_deltas WHERE flow_version_id = $1`, [flowVersionId]);
    expect(rows[0].n).toBe(0);
    expect(await counters()).toEqual(found);
  });

  it('lists runs by state, flow, version and shipment, a page at a time', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string; state: string; flowId: string }[]; nextCursor: string | null } } = await api('GET', `/api/v1/flow-runs?flowId=${flowId}&state=waiting&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.every((run: { state: string; flowId: string }) => run.state === 'waiting' && run.flowId === flowId)).toBe(true);
      pages.push(page.body.items.map((run: { id: string }) => run.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([5, 5, 2]);
    const { rows } = await testDb().query(
      `SELECT r.id FROM flow_runs r JOIN shipments s ON s.id = r.shipment_id
        WHERE r.flow_version_id = $1 AND s.destination_country = 'ES'`,
      [flowVersionId],
    );
    expect(pages.flat().sort()).toEqual(rows.map((row: { id: string }) => row.id).sort());

    const all = await api('GET', `/api/v1/flow-runs?flowId=${flowId}&version=1&limit=200`);
    expect(all.body.items).toHaveLength(SPANISH + FRENCH);
    const times = all.body.items.map((run: { createdAt: string }) => run.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await api('GET', `/api/v1/flow-runs?flowId=${flowId}&state=done`)).body.items).toHaveLength(FRENCH);
    expect((await api('GET', `/api/v1/flow-runs?state=done&limit=200`)).body.items).toHaveLength(FRENCH);
    expect((await api('GET', `/api/v1/flow-runs?flowId=${flowId}&state=failed`)).body.items).toEqual([]);
    expect((await api('GET', `/api/v1/flow-runs?flowId=${flowId}&version=2`)).body).toEqual({ items: [], nextCursor: null });
  });

  it('shows a run’s log: entered, port taken, waiting until and for what, and the message sent', async () => {
    const shipmentId = shipmentIds.get(french[0]) as string;
    const run = await runOf(shipmentId);
    expect(run).toMatchObject({ flowId, flowVersionId, version: 1, state: 'done', triggerNodeId: 'trigger', triggerEvent: { type: 'shipment.status_changed' } });
    expect(run.log.map((entry: { nodeId: string; port: string }) => [entry.nodeId, entry.port])).toEqual([
      ['spain', 'no'],
      ['email_abroad', 'next'],
    ]);
    const sent = await waitFor(
      async () => {
        const entry = (await runOf(shipmentId)).log[1];
        return entry.messages[0]?.state === 'sent' && entry;
      },
      15_000,
      'the e-mail sent',
    );
    expect(sent.messages).toEqual([expect.objectContaining({ channel: 'email', recipient: `${french[0].toLowerCase()}@example.com`, skipReason: null })]);
    expect(sent).toMatchObject({ state: 'done', nodeType: 'send_email', waitingUntil: null, error: null });
    expect(Date.parse(sent.finishedAt)).toBeGreaterThanOrEqual(Date.parse(sent.enteredAt));

    const waiting = await runOf(shipmentIds.get(spanish[0]) as string);
    expect(waiting.state).toBe('waiting');
    const wait = waiting.log[1];
    expect(wait).toMatchObject({
      nodeId: 'until',
      state: 'waiting',
      port: null,
      finishedAt: null,
      held: false,
      waitingFor: { type: 'shipment.status_changed', match: { to: ['delivered'] } },
    });
    expect(Math.abs(Date.parse(wait.waitingUntil) - Date.parse(wait.enteredAt) - 2 * DAY)).toBeLessThan(1_000);
  });

  it('takes resumed waits out of "waiting" and logs the message the delivery sent', async () => {
    const delivered = spanish.slice(0, DELIVERED);
    await scan(delivered, 'DL');
    await settled(SPANISH + FRENCH + SPANISH + FRENCH + DELIVERED);
    const found = await expectCountersToMatchSql();
    expect(found.get('until')).toMatchObject({ ports: { next: DELIVERED, timeout: 0 }, waiting: SPANISH - DELIVERED });
    expect(found.get('email_delivered')).toMatchObject({ entered: DELIVERED });

    // The wait went on because the shipment was delivered: the message is about that, and goes.
    const shipmentId = shipmentIds.get(delivered[0]) as string;
    const entry = await waitFor(
      async () => {
        const log = (await runOf(shipmentId)).log;
        return log[2]?.messages[0]?.state === 'sent' && log;
      },
      15_000,
      'the sent message',
    );
    expect(entry.map((e: { nodeId: string; port: string }) => [e.nodeId, e.port])).toEqual([
      ['spain', 'yes'],
      ['until', 'next'],
      ['email_delivered', 'next'],
    ]);
    expect(entry[1]).toMatchObject({ state: 'done', waitingFor: { match: { to: ['delivered'] } } });
    expect(entry[1].waitingUntil).not.toBeNull();
    expect(entry[2].messages[0].skipReason).toBeNull();
  });

  it('counts the timeouts once the clock passes them, and every run ends done', async () => {
    context.engine.app.get(Clock).advance(2 * DAY + 1_000);
    const left = SPANISH - DELIVERED;
    await settled(SPANISH + FRENCH + SPANISH + FRENCH + DELIVERED + left);
    const found = await expectCountersToMatchSql();
    expect(found.get('until')).toMatchObject({ entered: SPANISH, ports: { next: DELIVERED, timeout: left }, waiting: 0 });
    expect(found.get('stop')).toMatchObject({ entered: left, ended: left, ports: {} });

    const { rows } = await testDb().query(
      `SELECT r.state, r.steps_open, r.steps_waiting, r.steps_failed FROM flow_runs r WHERE r.flow_version_id = $1`,
      [flowVersionId],
    );
    expect(rows).toHaveLength(SPANISH + FRENCH);
    expect(rows.every((row: Record<string, unknown>) => row.state === 'done' && row.steps_open === 0 && row.steps_waiting === 0 && row.steps_failed === 0)).toBe(true);
    expect((await api('GET', `/api/v1/flow-runs?flowId=${flowId}&state=waiting`)).body.items).toEqual([]);
    // The live version's counters are this version's.
    const live = await api('GET', `/api/v1/flows/${flowId}/counters`);
    expect(new Map(live.body.nodes.map((node: NodeCounters) => [node.nodeId, node]))).toEqual(found);
  });

  it('counts nothing for a settlement that lost its claim or reached a step another worker already wrote', async () => {
    const before = await counters();
    const { rows } = await testDb().query(
      `SELECT st.id, st.run_id AS "runId", st.attempts FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id
        WHERE r.shipment_id = $1 AND st.node_id = 'until'`,
      [shipmentIds.get(spanish[0])],
    );
    const [until] = rows;
    const now = context.engine.app.get(Clock).now();
    const result = { state: 'done', availableAt: now, resumePort: null, lastError: null, exitPort: 'next', awaiting: null, truth: null } as const;
    const place = { merchantId: context.merchant.merchantId, runId: until.runId, flowVersionId };
    // As a worker whose lease expired would, after another worker ran the same steps.
    const stale: StepAdvance = {
      versions: new Map(),
      claimed: [{ ...place, ...result, nodeId: 'until', id: until.id, attempts: until.attempts, resumed: true }],
      reached: new Map([[`${until.runId}:email_delivered`, { ...place, ...result, nodeId: 'email_delivered', attempts: 1 }]]),
      messages: [],
      effects: [],
      wakeAt: [],
      queuedForLater: false,
      awaiting: [],
    };
    const runner = context.engine.app.get(StepRunnerService);
    await context.engine.app.get(DataSource).transaction((manager) => runner.write(manager, stale, now));

    expect(await expectCountersToMatchSql()).toEqual(before);
    const { rows: runs } = await testDb().query(`SELECT state, steps_open FROM flow_runs WHERE id = $1`, [until.runId]);
    expect(runs).toEqual([{ state: 'done', steps_open: 0 }]);
  });

  it('answers 400 naming the field for bad filters, and 404 for runs and versions it does not have', async () => {
    const bad: [string, string][] = [
      ['state=stuck', 'state'],
      ['flowId=nope', 'flowId'],
      ['shipmentId=12', 'shipmentId'],
      ['version=1', 'version'],
      [`flowId=${flowId}&version=0`, 'version'],
      ['limit=0', 'limit'],
      ['limit=many', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
    ];
    for (const [query, field] of bad) {
      const response = await api('GET', `/api/v1/flow-runs?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field), query).toEqual([field]);
    }
    expect((await api('GET', '/api/v1/flow-runs/not-a-run')).status).toBe(404);
    expect((await api('GET', `/api/v1/flow-runs/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await api('GET', `/api/v1/flows/${flowId}/versions/2/counters`)).status).toBe(404);
    expect((await api('GET', `/api/v1/flows/${flowId}/versions/x/counters`)).status).toBe(404);
    expect((await api('GET', `/api/v1/flows/${crypto.randomUUID()}/counters`)).status).toBe(404);
    const draft = await api('POST', '/api/v1/flows', { name: 'Never published', definition: { nodes: [], edges: [] } });
    expect((await api('GET', `/api/v1/flows/${draft.body.id}/counters`)).status).toBe(404);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await (await fetch(`${context.engine.url}/api/docs-json`)).json();
    for (const path of ['/api/v1/flow-runs', '/api/v1/flow-runs/{id}', '/api/v1/flows/{id}/counters', '/api/v1/flows/{id}/versions/{version}/counters']) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    const parameters = doc.paths['/api/v1/flow-runs'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['flowId', 'version', 'shipmentId', 'state', 'cursor', 'limit']));
  });
});
