import { parseArgs } from 'node:util';
import type { Pool } from 'pg';
import { apiClient, cleanupOnSignals, createMerchant, publishFlow, spawnEngine, startStack } from '../crash/harness';

/**
 * `npm run bench:counters`: reading the per-node counters and a page of runs of a flow version with a million
 * runs (default), seeded by SQL on a stack of its own: runs of "status changed → wait → e-mail", a third still
 * waiting, their steps, the counters' totals, and unfolded delta rows as batches leave them between two
 * compactions. Prints p50/p99 of GET …/counters (with deltas, then after the sweeper folded them), of a page of
 * waiting runs, and the same counters as a plain SQL count over flow_steps, for scale.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000000' },
    deltas: { type: 'string', default: '2000' },
    reads: { type: 'string', default: '200' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('npm run bench:counters -- [--runs 1000000] [--deltas 2000 (unfolded delta rows)] [--reads 200]\n');
  process.exit(0);
}
const RUNS = Number(values.runs);
const DELTAS = Number(values.deltas);
const READS = Number(values.reads);
const out = (line = '') => process.stdout.write(`${line}\n`);

/**
 * Runs, their trigger events and steps (trigger → wait → email; every third run still waits, due in 30 days so
 * the engine leaves them alone), by SQL.
 */
async function seed(db: Pool, merchantId: string, flowVersionId: string): Promise<void> {
  await db.query(
    `INSERT INTO shipments (merchant_id, tracking_number, carrier, customer_email, tracking_token)
     SELECT $1, 'BENCH-' || i, 'fedex', 'bench-' || i || '@bench.example', md5(random()::text) || md5(random()::text)
       FROM generate_series(1, 1000) AS i`,
    [merchantId],
  );
  await db.query(
    `WITH s AS (SELECT id, row_number() OVER () AS n FROM shipments WHERE merchant_id = $1),
     seeded AS (
       INSERT INTO domain_events (merchant_id, type, payload, created_at, handled_at)
       SELECT $1, 'shipment.status_changed', jsonb_build_object('to', 'in_transit'),
              now() - make_interval(secs => i), now()
         FROM generate_series(1, $3::int) AS i
       RETURNING id, created_at)
     INSERT INTO flow_runs (merchant_id, flow_version_id, trigger_event_id, trigger_node_id, shipment_id, created_at,
                            steps_open, steps_waiting)
     SELECT $1, $2, e.id, 'trigger', s.id, e.created_at, w, w
       FROM (SELECT id, created_at, row_number() OVER () AS n, (row_number() OVER () % 3 = 0)::int AS w FROM seeded) e
       JOIN s ON s.n = e.n % 1000 + 1`,
    [merchantId, flowVersionId, RUNS],
  );
  await db.query(
    `INSERT INTO flow_steps (merchant_id, run_id, node_id, state, attempts, available_at, resume_port, exit_port,
                             created_at, updated_at, finished_at, wait_until)
     SELECT r.merchant_id, r.id, 'wait', CASE WHEN r.steps_waiting = 1 THEN 'waiting' ELSE 'done' END, 1,
            now() + interval '30 days', CASE WHEN r.steps_waiting = 1 THEN 'next' END,
            CASE WHEN r.steps_waiting = 1 THEN NULL ELSE 'next' END, r.created_at, r.created_at,
            CASE WHEN r.steps_waiting = 1 THEN NULL ELSE r.created_at END, now() + interval '30 days'
       FROM flow_runs r WHERE r.flow_version_id = $1`,
    [flowVersionId],
  );
  await db.query(
    `INSERT INTO flow_steps (merchant_id, run_id, node_id, state, attempts, exit_port, created_at, updated_at, finished_at)
     SELECT r.merchant_id, r.id, 'email', 'done', 1, 'next', r.created_at, r.created_at, r.created_at
       FROM flow_runs r WHERE r.flow_version_id = $1 AND r.steps_waiting = 0`,
    [flowVersionId],
  );
  const waiting = Math.floor(RUNS / 3);
  const totals: [string, string, string, number][] = [
    ['trigger', 'entered', '', RUNS],
    ['wait', 'entered', '', RUNS],
    ['wait', 'exited', 'next', RUNS - waiting],
    ['wait', 'waiting', '', waiting],
    ['email', 'entered', '', RUNS - waiting],
    ['email', 'exited', 'next', RUNS - waiting],
  ];
  // The totals minus what the unfolded deltas will add: +1 entered on 'trigger' each.
  await db.query(
    `INSERT INTO flow_node_counts (merchant_id, flow_version_id, node_id, kind, port, n)
     SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[])`,
    [merchantId, flowVersionId, ...[0, 1, 2, 3].map((c) => totals.map((t) => (c === 3 && t[0] === 'trigger' ? Number(t[3]) - DELTAS : t[c])))],
  );
  await db.query(`ANALYZE flow_runs; ANALYZE flow_steps; ANALYZE flow_node_counts; ANALYZE flow_node_count_deltas`);
  await db.query(
    `INSERT INTO flow_node_count_deltas (merchant_id, flow_version_id, node_id, kind, port, n)
     SELECT $1, $2, 'trigger', 'entered', '', 1 FROM generate_series(1, $3::int)`,
    [merchantId, flowVersionId, DELTAS],
  );
}

async function timed(times: number, call: () => Promise<void>): Promise<{ p50: number; p99: number }> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(times * 0.5)], p99: ms[Math.min(times - 1, Math.floor(times * 0.99))] };
}

const show = (what: string, t: { p50: number; p99: number }) => out(`  ${what.padEnd(58)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p99 ${t.p99.toFixed(1).padStart(7)} ms`);

async function main(): Promise<void> {
  cleanupOnSignals();
  out(`Postino counters benchmark — one flow version with ${RUNS} runs, ${DELTAS} unfolded delta rows`);
  const stack = await startStack({ prefix: 'postino-bench-counters-' });
  try {
    const engine = await spawnEngine(stack, { name: 'all', role: 'all', env: { MAIL_TRANSPORT: 'discard' } });
    const merchant = await createMerchant(stack.db, 'Bench Shop');
    const api = apiClient(engine.url, merchant.apiKey);
    const flow = await publishFlow(api, stack.db, ['in_transit']);
    // The deltas are inserted last: the first reads see them (or part of them) unfolded, as between two sweeps.
    const seedStarted = performance.now();
    await seed(stack.db, merchant.merchantId, flow.flowVersionId);
    out(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);

    const counters = async () => {
      const r = await api<{ nodes: { nodeId: string; entered: number }[] }>('GET', `/api/v1/flows/${flow.flowId}/versions/1/counters`);
      if (r.status !== 200) throw new Error(`counters → ${r.status}`);
      if (r.body.nodes.find((n) => n.nodeId === 'trigger')?.entered !== RUNS) throw new Error(`wrong count: ${JSON.stringify(r.body)}`);
    };
    const unfolded = async () => Number((await stack.db.query(`SELECT count(*) FROM flow_node_count_deltas`)).rows[0].count);
    out(`  unfolded deltas before reading: ${await unfolded()}`);
    show(`GET /api/v1/flows/:id/versions/1/counters (${READS} reads)`, await timed(READS, counters));
    const deadline = Date.now() + 30_000;
    while ((await unfolded()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    out(`  unfolded deltas after the sweeper's compaction: ${await unfolded()}`);
    show(`the same, deltas folded (${READS} reads)`, await timed(READS, counters));
    show(`GET /api/v1/flow-runs?flowId&state=waiting&limit=50 (${READS} reads)`, await timed(READS, async () => {
      const r = await api<{ items: unknown[] }>('GET', `/api/v1/flow-runs?flowId=${flow.flowId}&state=waiting&limit=50`);
      if (r.status !== 200 || r.body.items.length !== 50) throw new Error(`runs → ${r.status}`);
    }));
    show('plain SQL count over flow_steps, for scale (3 reads)', await timed(3, async () => {
      await stack.db.query(
        `SELECT st.node_id, st.state, st.exit_port, count(*) FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id
          WHERE r.flow_version_id = $1 GROUP BY 1, 2, 3`,
        [flow.flowVersionId],
      );
    }));
    await engine.stop();
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
