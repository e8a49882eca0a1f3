import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';

/**
 * Ingest → message baseline. Against a running stack (`npm start`, or any engine given by flags):
 * creates a flow "status becomes in_transit → e-mail", one shipment per event, then posts one `IT`
 * scan per shipment in batches through the public API and reports
 *   - events/s and batch latency to "status updated" (the 202 of POST /tracking-events: the new status
 *     is readable when it returns),
 *   - events/s and per-event latency to "message queued" (the message row exists, its job is in Bull) and to
 *     "sent" (rendered and accepted by SMTP), read from the messages table,
 * with the PostgreSQL durability settings in force.
 */
const ROOT = resolve(__dirname, '../..');
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    batch: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '4' },
    url: { type: 'string' },
    'api-key': { type: 'string' },
    'database-url': { type: 'string' },
  },
});

const stackFile = join(ROOT, '.data/stack.json');
const stack = existsSync(stackFile) ? JSON.parse(readFileSync(stackFile, 'utf8')) : {};
const engineUrl: string = values.url ?? stack.engineUrl ?? 'http://127.0.0.1:3000';
const apiKey: string | undefined = values['api-key'] ?? process.env.POSTINO_API_KEY ?? stack.apiKey;
const databaseUrl: string | undefined = values['database-url'] ?? process.env.DATABASE_URL ?? stack.databaseUrl;
const total = Number(values.events);
const batchSize = Number(values.batch);
const concurrency = Number(values.concurrency);

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${engineUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** The messages of this run's flow only (other published flows may react to the same scans). */
const OWN_MESSAGES = `SELECT * FROM messages m
  JOIN shipments s ON s.id = m.shipment_id
  JOIN flow_runs r ON r.id = m.run_id
  JOIN flow_versions v ON v.id = r.flow_version_id
 WHERE v.flow_id = $1`;

async function main(): Promise<void> {
  if (!apiKey || !databaseUrl) {
    throw new Error('start the stack with `npm start` first, or pass --url, --api-key and --database-url');
  }
  const run = `bench-${Date.now().toString(36)}`;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const durability: Record<string, string> = {};
  for (const setting of ['synchronous_commit', 'fsync', 'full_page_writes', 'wal_level', 'shared_buffers']) {
    durability[setting] = (await db.query(`SHOW ${setting}`)).rows[0][setting];
  }

  const template = await api('POST', '/api/v1/email-templates', {
    name: `${run} template`,
    subject: '{{ merchant.name }}: {{ shipment.status_label }}',
    mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.first_name }}, {{ shipment.status_label }}</mj-text><mj-button href="{{ tracking_url }}">Track</mj-button></mj-column></mj-section></mj-body></mjml>',
  });
  await api('POST', `/api/v1/email-templates/${template.id}/publish`, {});
  const flow = await api('POST', '/api/v1/flows', {
    name: `${run} flow`,
    definition: {
      nodes: [
        { id: 't', type: 'status_changed', config: { statuses: ['in_transit'] }, position: { x: 0, y: 0 } },
        { id: 'e', type: 'send_email', config: { templateId: template.id }, position: { x: 0, y: 100 } },
      ],
      edges: [{ from: 't', fromPort: 'next', to: 'e' }],
    },
  });
  await api('POST', `/api/v1/flows/${flow.id}/publish`, {});
  try {
    await measure(db, run, flow.id, durability);
  } finally {
    // Leave no trigger behind: a later run would otherwise send twice per scan.
    await api('POST', `/api/v1/flows/${flow.id}/unpublish`, {});
    await db.end();
  }
}

async function measure(db: Client, run: string, flowId: string, durability: Record<string, string>): Promise<void> {

  process.stdout.write(`creating ${total} shipments… `);
  const numbers = Array.from({ length: total }, (_, i) => `${run}-${i}`);
  await inParallel(numbers, 16, async (trackingNumber) => {
    await api('POST', '/api/v1/shipments', {
      trackingNumber,
      carrier: 'fedex',
      customer: { name: 'Bench Customer', email: `${trackingNumber}@bench.example` },
    });
  });
  process.stdout.write('done\n');

  const batches: string[][] = [];
  for (let i = 0; i < numbers.length; i += batchSize) batches.push(numbers.slice(i, i + batchSize));
  const batchLatencies: number[] = [];
  const postedAt = new Map<string, number>();
  const started = performance.now();
  const startedAt = Date.now();
  await inParallel(batches, concurrency, async (batch) => {
    const sent = Date.now();
    const t0 = performance.now();
    const occurredAt = new Date().toISOString();
    const result = await api('POST', '/api/v1/tracking-events', {
      events: batch.map((trackingNumber) => ({ carrier: 'fedex', trackingNumber, code: 'IT', occurredAt })),
    });
    batchLatencies.push(performance.now() - t0);
    if (result.accepted !== batch.length) throw new Error(`batch not fully accepted: ${JSON.stringify(result)}`);
    for (const n of batch) postedAt.set(n, sent);
  });
  const ingestSeconds = (performance.now() - started) / 1000;

  // Wait until every message is sent (or the stack stalls for 60 s).
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const { rows } = await db.query(`${OWN_MESSAGES} AND m.state = 'sent'`.replace('SELECT *', 'SELECT count(*)::int AS n'), [
      flowId,
    ]);
    if (rows[0].n >= total) break;
    if (rows[0].n !== last) [last, lastChange] = [rows[0].n, Date.now()];
    if (Date.now() - lastChange > 60_000) throw new Error(`stalled at ${rows[0].n}/${total} messages sent`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const { rows } = await db.query(
    OWN_MESSAGES.replace(
      'SELECT *',
      `SELECT s.tracking_number AS n, extract(epoch FROM m.created_at) * 1000 AS queued,
              extract(epoch FROM m.sent_at) * 1000 AS sent`,
    ),
    [flowId],
  );

  const toQueued = rows.map((r) => Number(r.queued) - postedAt.get(r.n)!).sort((a, b) => a - b);
  const toSent = rows.map((r) => Number(r.sent) - postedAt.get(r.n)!).sort((a, b) => a - b);
  const lastQueued = Math.max(...rows.map((r) => Number(r.queued)));
  const lastSent = Math.max(...rows.map((r) => Number(r.sent)));
  batchLatencies.sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(0).padStart(6);
  const lines = [
    `events ${total}, batch ${batchSize}, concurrent batches ${concurrency}, engine ${engineUrl}`,
    `postgres durability: ${Object.entries(durability).map(([k, v]) => `${k}=${v}`).join(' ')}`,
    `status updated     ${fmt(total / ingestSeconds)} events/s   batch latency p50 ${fmt(percentile(batchLatencies, 50))} ms  p99 ${fmt(percentile(batchLatencies, 99))} ms`,
    `message queued     ${fmt(total / ((lastQueued - startedAt) / 1000))} events/s   event latency p50 ${fmt(percentile(toQueued, 50))} ms  p99 ${fmt(percentile(toQueued, 99))} ms`,
    `rendered & sent    ${fmt(total / ((lastSent - startedAt) / 1000))} events/s   event latency p50 ${fmt(percentile(toSent, 50))} ms  p99 ${fmt(percentile(toSent, 99))} ms`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
