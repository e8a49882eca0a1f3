import { parseArgs } from 'node:util';
import { apiClient, cleanupOnSignals, createMerchant, spawnEngine, startStack, type Api } from '../crash/harness';

/**
 * `npm run bench:dry-run`: 10,000 shipments (by default) with a week of status history each — in transit, out
 * for delivery, delivered for most, some stuck in transit — seeded in SQL on a stack of its own, then
 * "what would this flow have sent last week?" asked of an API engine: POST /api/v1/flows/:id/dry-run with the
 * week as range, for a flow trigger → condition → wait for delivery (or the timeout) → e-mail. Prints the time of
 * the first answer (cold caches) and of a second one, with the counts. The target: under 10 s.
 */
const { values } = parseArgs({
  options: {
    shipments: { type: 'string', default: '10000' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('npm run bench:dry-run -- [--shipments 10000] [--verbose (engine logs)]\n');
  process.exit(0);
}
const SHIPMENTS = Number(values.shipments);
const DAY = 86_400_000;
const out = (line = '') => process.stdout.write(`${line}\n`);

async function must<T>(what: string, call: Promise<{ status: number; body: T }>): Promise<T> {
  const answer = await call;
  if (answer.status >= 300) throw new Error(`${what} → ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Trigger (in transit) → to Spain or Italy? → yes: wait until delivered (2 days at most) → e-mail; no: e-mail at once. */
async function publishFlow(api: Api): Promise<string> {
  const template = await must<{ id: string }>('create template', api('POST', '/api/v1/email-templates', {
    name: 'Bench',
    subject: 'Hi {{ customer.first_name }}: {{ shipment.status_label }}',
    mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>{{ shipment.tracking_number }}: {{ shipment.status_label }}</mj-text></mj-column></mj-section></mj-body></mjml>',
  }));
  await must('publish template', api('POST', `/api/v1/email-templates/${template.id}/publish`, {}));
  const node = (id: string, type: string, config: unknown, y: number) => ({ id, type, config, position: { x: 0, y } });
  const south = { match: 'all', groups: [{ match: 'all', rules: [{ fact: 'shipment.destination_country', operator: 'is_any_of', value: ['ES', 'IT'] }] }] };
  const flow = await must<{ id: string }>('create flow', api('POST', '/api/v1/flows', {
    name: 'Bench dry-run',
    definition: {
      nodes: [
        node('trigger', 'status_changed', { statuses: ['in_transit'] }, 0),
        node('south', 'condition', south, 120),
        node('until', 'wait', { mode: 'status', statuses: ['delivered'], timeout: { amount: 2, unit: 'days' } }, 240),
        node('delivered', 'send_email', { templateId: template.id }, 360),
        node('late', 'send_email', { templateId: template.id }, 360),
        node('now', 'send_email', { templateId: template.id }, 240),
      ],
      edges: [
        { from: 'trigger', fromPort: 'next', to: 'south' },
        { from: 'south', fromPort: 'yes', to: 'until' },
        { from: 'until', fromPort: 'next', to: 'delivered' },
        { from: 'until', fromPort: 'timeout', to: 'late' },
        { from: 'south', fromPort: 'no', to: 'now' },
      ],
    },
  }));
  await must('publish flow', api('POST', `/api/v1/flows/${flow.id}/publish`, {}));
  return flow.id;
}

async function main(): Promise<void> {
  cleanupOnSignals();
  const log = values.verbose ? (line: string) => out(line) : undefined;
  out(`Postino dry-run benchmark — ${SHIPMENTS} shipments with a week of history, 1 engine ROLE=api`);
  const stack = await startStack({ prefix: 'postino-bench-dry-run-' });
  try {
    // An API engine runs no worker: the seeded events start no real run while the dry-run reads them.
    const engine = await spawnEngine(stack, { name: 'api', role: 'api', log });
    const merchant = await createMerchant(stack.db, 'Bench Shop');
    const api = apiClient(engine.url, merchant.apiKey);
    const flowId = await publishFlow(api);
    const to = new Date();
    const from = new Date(to.getTime() - 7 * DAY);
    const seeding = performance.now();
    await stack.db.query(
      `INSERT INTO shipments (merchant_id, tracking_number, carrier, customer_email, customer_name, customer_locale,
                              destination_country, status, tracking_token)
       SELECT $1, 'DRY' || lpad(i::text, 8, '0'), 'fedex', 'customer' || i || '@bench.example', 'Name' || i || ' Surname', 'en-US',
              (ARRAY['ES', 'IT', 'FR', 'DE', 'GB'])[1 + i % 5], CASE WHEN i % 7 = 0 THEN 'in_transit' ELSE 'delivered' END,
              md5(random()::text || i) || md5(i::text)
         FROM generate_series(1, $2::int) AS i`,
      [merchant.merchantId, SHIPMENTS],
    );
    // Each shipment's status changes over the week (one in seven never delivered), recorded as the engine records them.
    await stack.db.query(
      `INSERT INTO domain_events (merchant_id, type, payload, created_at, handled_at)
       SELECT s.merchant_id, 'shipment.status_changed',
              jsonb_build_object('merchantId', s.merchant_id, 'shipmentId', s.id, 'from', c.from_status, 'to', c.to_status,
                                 'substatus', NULL, 'eventId', NULL),
              t.at, t.at
         FROM shipments s
         CROSS JOIN LATERAL (VALUES (NULL, 'in_transit', 0), ('in_transit', 'out_for_delivery', 1), ('out_for_delivery', 'delivered', 2))
                    AS c(from_status, to_status, n)
         CROSS JOIN LATERAL (SELECT $2::timestamptz + ((hashtext(s.id::text) & 65535) / 65536.0) * interval '5 days'
                                    + c.n * interval '20 hours' AS at) t
        WHERE s.merchant_id = $1 AND (c.n = 0 OR s.status = 'delivered')`,
      [merchant.merchantId, from],
    );
    const events = (await stack.db.query(`SELECT count(*)::int AS n FROM domain_events WHERE merchant_id = $1`, [merchant.merchantId])).rows[0].n;
    await stack.db.query(`ANALYZE shipments; ANALYZE domain_events`);
    const plan = await stack.db.query(
      `EXPLAIN SELECT id FROM domain_events WHERE merchant_id = $1 AND payload->>'shipmentId' = ANY($2::text[])`,
      [merchant.merchantId, ['00000000-0000-4000-8000-000000000000']],
    );
    out(`history read: ${plan.rows[0]['QUERY PLAN']}`);
    out(`seeded ${SHIPMENTS} shipments and ${events} status changes in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    for (const label of ['first dry-run (cold caches)', 'second dry-run']) {
      const started = performance.now();
      const answer = await api<{ range: Record<string, unknown> & { nodes: { nodeId: string; entered: number; exits: Record<string, number> }[] } }>(
        'POST',
        `/api/v1/flows/${flowId}/dry-run`,
        { from: from.toISOString(), to: to.toISOString(), version: 1 },
      );
      const seconds = (performance.now() - started) / 1000;
      if (answer.status !== 200) throw new Error(`dry-run answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const { range } = answer.body;
      out(`${label.padEnd(28)} ${seconds.toFixed(2)} s   ${range.shipments} shipments, ${range.runs} runs, messages ${JSON.stringify(range.messages)}`);
      for (const node of range.nodes) out(`    ${node.nodeId.padEnd(10)} entered ${String(node.entered).padStart(6)}   exits ${JSON.stringify(node.exits)}`);
    }
    await engine.stop();
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
