import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import Bull from 'bull';
import type { Pool } from 'pg';
import {
  apiClient,
  cleanupOnSignals,
  createMerchant,
  emptyPostResult,
  insertShipments,
  outboxColumn,
  postEvents,
  publishFlow,
  spawnEngine,
  startStack,
  type Api,
  type EngineProcess,
  type EventPostResult,
  type PublishedFlow,
  type Stack,
} from '../crash/harness';
import { flowShapeOf, giveWebhookSecret } from '../crash/rich-flow';

/**
 * `npm run bench`: the whole pipeline on its own stack — status events through the public API → runs of a
 * 3-node flow (status_changed in_transit → wait 0 s → send_email) → message rendered and handed to the mail
 * transport. Starts embedded PostgreSQL (temp dir, default durability like `npm start`), Redis and the SMTP
 * capture, spawns engine processes (1 ROLE=api + 1 ROLE=worker by default), measures with
 * MAIL_TRANSPORT=discard (headline) and then MAIL_TRANSPORT=smtp (the capture), and removes everything after.
 *
 * Stages, timed per event from the moment its request was sent:
 *   status updated   = the 202 of POST /api/v1/tracking-events (the new status is readable)
 *   run created      = flow_runs.created_at
 *   message queued   = messages.created_at
 *   rendered & handed to transport = messages.sent_at (state sent)
 * events/s of a stage = events that reached it / (last one's time − first request's time).
 *
 * `--flow rich`: status_changed → wait 0 s → condition → A/B split → two e-mails, or a webhook to the local
 * capture (half the shipments each). The message stages then count both channels (a webhook is "rendered &
 * handed to transport" when its POST was answered); MAIL_TRANSPORT only changes the e-mails' transport.
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    shape: { type: 'string', default: 'both' },
    transport: { type: 'string', default: 'both' },
    api: { type: 'string', default: '1' },
    workers: { type: 'string', default: '1' },
    'rate-seconds': { type: 'string', default: '5' },
    'bull-jobs': { type: 'string', default: '20000' },
    verbose: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'pg-stats': { type: 'boolean', default: false },
    flow: { type: 'string', default: 'simple' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    'npm run bench -- [--events 5000] [--shape batch|single|both] [--transport discard|smtp|both]\n' +
      '                 [--api 1] [--workers 1] [--rate-seconds 5] [--bull-jobs 20000] [--verbose (engine logs)]\n' +
      '                 [--cpu-prof DIR (a V8 CPU profile per engine process, written when it stops)]\n' +
      '                 [--pg-stats (the statements that took the most database time in each measured burst)]\n' +
      '                 [--flow simple|rich (rich: wait → condition → A/B split → e-mail ×2, or a webhook)]\n',
  );
  process.exit(0);
}
const EVENTS = Number(values.events);
const SHAPES = (values.shape === 'both' ? ['batch', 'single'] : [values.shape]) as Shape[];
const TRANSPORTS = (values.transport === 'both' ? ['discard', 'smtp'] : [values.transport]) as Transport[];
const API_ENGINES = Number(values.api);
const WORKER_ENGINES = Number(values.workers);
const RATE_SECONDS = Number(values['rate-seconds']);
const BULL_JOBS = Number(values['bull-jobs']);
const FLOW = flowShapeOf(values.flow);
const NODE_ARGS = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
for (const s of SHAPES) if (s !== 'batch' && s !== 'single') throw new Error(`--shape must be batch, single or both`);
for (const t of TRANSPORTS) if (t !== 'discard' && t !== 'smtp') throw new Error(`--transport must be discard, smtp or both`);

type Shape = 'batch' | 'single';
type Transport = 'discard' | 'smtp';
const SHAPE = {
  batch: { batchSize: 500, concurrency: 4, label: 'batch: 500 events/request, 4 concurrent', rate: 1000, rateBatch: 100 },
  single: { batchSize: 1, concurrency: 50, label: 'single: 1 event/request, 50 concurrent', rate: 500, rateBatch: 1 },
} as const;

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface StageStat {
  reached: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
}
const STAGES = ['status', 'run', 'queued', 'rendered'] as const;
type Stage = (typeof STAGES)[number];
const STAGE_LABEL: Record<Stage, string> = {
  status: 'status updated (202)',
  run: 'run created',
  queued: 'message queued',
  rendered: 'rendered & handed to transport',
};

interface ThroughputResult {
  events: number;
  stages: Record<Stage, StageStat>;
  /** With `--flow rich`: the "rendered" stage of each channel's messages alone. */
  renderedByChannel: Record<string, StageStat>;
  incomplete: string | null;
}

interface RateResult {
  offered: number;
  achievedPost: number;
  events: number;
  p50Rendered: number;
  p99Rendered: number;
  backlogStart: number;
  backlogMax: number;
  backlogEnd: number;
  backlogSlope: number;
  /** The largest number of offered events the API had not answered 202 for yet. */
  apiPendingMax: number;
  grew: boolean;
  drainSeconds: number;
  incomplete: string | null;
}

interface TransportResult {
  transport: Transport;
  throughput: Partial<Record<Shape, ThroughputResult>>;
  rate: Partial<Record<Shape, RateResult>>;
  rss: { name: string; mb: number | null }[];
  capturedDuring: number;
}

/** Round-robin over the API engines. */
function roundRobin(clients: Api[]): Api {
  let i = 0;
  return (method, path, body) => clients[i++ % clients.length](method, path, body);
}

async function terminalMessages(db: Pool): Promise<number> {
  return (await db.query(`SELECT count(*)::int AS n FROM messages WHERE state IN ('sent', 'failed', 'skipped')`)).rows[0].n;
}

/** Waits until `target` messages are settled; gives up after `stallMs` without progress. */
async function waitForMessages(db: Pool, target: number, stallMs = 60_000, onSample?: () => Promise<void>): Promise<string | null> {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const n = await terminalMessages(db);
    if (n >= target) return null;
    if (n !== last) [last, lastChange] = [n, Date.now()];
    if (Date.now() - lastChange > stallMs) return `stalled: ${target - n} messages not settled after ${stallMs / 1000} s without progress`;
    if (onSample) await onSample();
    await sleep(250);
  }
}

/** Per tracking number of a phase: when each stage was reached (epoch ms). */
async function stageTimes(db: Pool, merchantId: string, flow: PublishedFlow, prefix: string) {
  // Fresh statistics: planned on the empty tables' estimates, this join is a nested loop that runs for seconds.
  await db.query(`ANALYZE shipments, flow_runs, messages`);
  const { rows } = await db.query(
    `SELECT s.tracking_number AS n,
            extract(epoch FROM r.created_at) * 1000 AS run,
            extract(epoch FROM m.created_at) * 1000 AS queued,
            CASE WHEN m.state = 'sent' THEN extract(epoch FROM m.sent_at) * 1000 END AS rendered,
            m.state, m.channel
       FROM shipments s
       LEFT JOIN flow_runs r ON r.shipment_id = s.id AND r.flow_version_id = $2
       LEFT JOIN messages m ON m.run_id = r.id
      WHERE s.merchant_id = $1 AND s.tracking_number LIKE $3`,
    [merchantId, flow.flowVersionId, `${prefix}-%`],
  );
  return rows as { n: string; run: string | null; queued: string | null; rendered: string | null; state: string | null; channel: string | null }[];
}

function stageStats(
  rows: Awaited<ReturnType<typeof stageTimes>>,
  posted: { postedAt: Map<string, number>; acceptedAt: Map<string, number> },
): Record<Stage, StageStat> {
  const start = Math.min(...posted.postedAt.values());
  const at: Record<Stage, number[]> = { status: [], run: [], queued: [], rendered: [] };
  const latency: Record<Stage, number[]> = { status: [], run: [], queued: [], rendered: [] };
  for (const row of rows) {
    const sent = posted.postedAt.get(row.n);
    if (sent === undefined) continue;
    const times: Record<Stage, number | null> = {
      status: posted.acceptedAt.get(row.n) ?? null,
      run: row.run === null ? null : Number(row.run),
      queued: row.queued === null ? null : Number(row.queued),
      rendered: row.rendered === null ? null : Number(row.rendered),
    };
    for (const stage of STAGES) {
      const t = times[stage];
      if (t === null) continue;
      at[stage].push(t);
      latency[stage].push(t - sent);
    }
  }
  return Object.fromEntries(
    STAGES.map((stage) => {
      const last = at[stage].length ? Math.max(...at[stage]) : NaN;
      return [
        stage,
        {
          reached: at[stage].length,
          eventsPerSecond: at[stage].length / ((last - start) / 1000),
          p50: percentile(latency[stage], 50),
          p99: percentile(latency[stage], 99),
        },
      ];
    }),
  ) as Record<Stage, StageStat>;
}

interface BenchContext {
  stack: Stack;
  api: Api;
  merchantId: string;
  flow: PublishedFlow;
  handled: string;
  phase: number;
}

async function throughputPhase(ctx: BenchContext, transport: Transport, shape: Shape, events: number): Promise<ThroughputResult> {
  const prefix = `B${ctx.phase++}${transport[0].toUpperCase()}${shape[0].toUpperCase()}`;
  const numbers = await insertShipments(ctx.stack.db, ctx.merchantId, prefix, events);
  const target = (await terminalMessages(ctx.stack.db)) + events;
  if (values['pg-stats']) await ctx.stack.db.query(`SELECT pg_stat_statements_reset()`);
  const posted = await postEvents(ctx.api, numbers, { code: 'IT', batchSize: SHAPE[shape].batchSize, concurrency: SHAPE[shape].concurrency });
  const incomplete = await waitForMessages(ctx.stack.db, target);
  if (values['pg-stats']) await printStatementStats(ctx.stack.db);
  const rows = await stageTimes(ctx.stack.db, ctx.merchantId, ctx.flow, prefix);
  const stages = stageStats(rows, posted);
  const channels = FLOW === 'rich' ? [...new Set(rows.map((r) => r.channel).filter((c): c is string => c !== null))].sort() : [];
  const renderedByChannel = Object.fromEntries(channels.map((c) => [c, stageStats(rows.filter((r) => r.channel === c), posted).rendered]));
  return { events, stages, renderedByChannel, incomplete };
}

/** Loads pg_stat_statements (a restart of the bench's own Postgres). */
async function enableStatementStats(stack: Stack): Promise<void> {
  await stack.db.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await stack.restartPostgres();
  await stack.db.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
}

async function printStatementStats(db: Pool): Promise<void> {
  const { rows } = await db.query(
    `SELECT calls, rows, total_exec_time AS ms, regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
  );
  out(`    database time by statement (pg_stat_statements, this burst):`);
  for (const r of rows) {
    out(`      ${lpad(Number(r.ms).toFixed(0), 7)} ms ${lpad(String(r.calls), 6)} calls ${lpad(String(r.rows), 7)} rows  ${String(r.query).slice(0, 110)}`);
  }
}

/**
 * The ingest stage's own capacity: the same burst with every worker engine paused (SIGSTOP), as when the
 * workers run on other machines, so the API and Postgres have the cores to themselves; the workers are then
 * resumed and drain the burst, which is not timed.
 */
async function ingestAlonePhase(ctx: BenchContext, workers: EngineProcess[], shape: Shape, events: number): Promise<StageStat> {
  const prefix = `I${ctx.phase++}${shape[0].toUpperCase()}`;
  const numbers = await insertShipments(ctx.stack.db, ctx.merchantId, prefix, events);
  const target = (await terminalMessages(ctx.stack.db)) + events;
  for (const w of workers) process.kill(w.pid, 'SIGSTOP');
  let posted: EventPostResult;
  try {
    posted = await postEvents(ctx.api, numbers, { code: 'IT', batchSize: SHAPE[shape].batchSize, concurrency: SHAPE[shape].concurrency });
  } finally {
    for (const w of workers) process.kill(w.pid, 'SIGCONT');
  }
  await waitForMessages(ctx.stack.db, target);
  return stageStats(await stageTimes(ctx.stack.db, ctx.merchantId, ctx.flow, prefix), posted).status;
}

async function backlog(ctx: BenchContext): Promise<number> {
  const { rows } = await ctx.stack.db.query(
    `SELECT (SELECT count(*) FROM domain_events WHERE ${ctx.handled} IS NULL)
          + (SELECT count(*) FROM flow_steps WHERE state = 'queued')
          + (SELECT count(*) FROM messages WHERE state = 'queued') AS n`,
  );
  return Number(rows[0].n);
}

function slope(points: { t: number; v: number }[]): number {
  if (points.length < 2) return 0;
  const mt = points.reduce((a, p) => a + p.t, 0) / points.length;
  const mv = points.reduce((a, p) => a + p.v, 0) / points.length;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.v - mv), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function ratePhase(ctx: BenchContext, transport: Transport, shape: Shape): Promise<RateResult> {
  const { rate, rateBatch } = SHAPE[shape];
  const events = Math.round(rate * RATE_SECONDS);
  const prefix = `R${ctx.phase++}${transport[0].toUpperCase()}${shape[0].toUpperCase()}`;
  const numbers = await insertShipments(ctx.stack.db, ctx.merchantId, prefix, events);
  const target = (await terminalMessages(ctx.stack.db)) + events;
  // Backlog = offered events the API has not accepted yet + unhandled domain events + queued steps + queued messages.
  const samples: { t: number; v: number }[] = [];
  const posted = emptyPostResult();
  let apiPendingMax = 0;
  const start = Date.now();
  let posting = true;
  const sampler = (async () => {
    while (posting) {
      const t = (Date.now() - start) / 1000;
      const apiPending = Math.max(0, Math.min(events, Math.round(rate * t)) - posted.acceptedAt.size);
      apiPendingMax = Math.max(apiPendingMax, apiPending);
      samples.push({ t, v: apiPending + (await backlog(ctx)) });
      await sleep(500);
    }
  })();
  await postEvents(ctx.api, numbers, { code: 'IT', batchSize: rateBatch, eventsPerSecond: rate, maxInFlight: 512, into: posted });
  const postSeconds = (Date.now() - start) / 1000;
  posting = false;
  await sampler;
  const postedEnd = Date.now();
  const incomplete = await waitForMessages(ctx.stack.db, target);
  const drainSeconds = (Date.now() - postedEnd) / 1000;
  const stages = await stageTimes(ctx.stack.db, ctx.merchantId, ctx.flow, prefix);
  const toRendered = stages.filter((r) => r.rendered !== null).map((r) => Number(r.rendered) - posted.postedAt.get(r.n)!);
  const perSecond = slope(samples);
  const values = samples.map((s) => s.v);
  return {
    offered: rate,
    achievedPost: events / postSeconds,
    events,
    p50Rendered: percentile(toRendered, 50),
    p99Rendered: percentile(toRendered, 99),
    backlogStart: values[0] ?? 0,
    backlogMax: Math.max(0, ...values),
    backlogEnd: values.at(-1) ?? 0,
    backlogSlope: perSecond,
    apiPendingMax,
    // Accumulating more than 2 % of the offered load per second means the pipeline is not keeping up.
    grew: perSecond > 0.02 * rate,
    drainSeconds,
    incomplete,
  };
}

function printThroughput(transport: Transport, shape: Shape, r: ThroughputResult): void {
  out(`  ${SHAPE[shape].label}, ${r.events} events`);
  for (const stage of STAGES) {
    const s = r.stages[stage];
    out(
      `    ${pad(STAGE_LABEL[stage], 32)}${lpad(Number.isFinite(s.eventsPerSecond) ? s.eventsPerSecond.toFixed(0) : '—', 7)} events/s   ` +
        `p50 ${lpad(ms(s.p50), 8)}   p99 ${lpad(ms(s.p99), 8)}${s.reached < r.events ? `   (${s.reached}/${r.events} reached)` : ''}`,
    );
  }
  for (const [channel, s] of Object.entries(r.renderedByChannel)) {
    out(
      `    ${pad(`  of which ${channel}`, 32)}${lpad(Number.isFinite(s.eventsPerSecond) ? s.eventsPerSecond.toFixed(0) : '—', 7)} events/s   ` +
        `p50 ${lpad(ms(s.p50), 8)}   p99 ${lpad(ms(s.p99), 8)}   (${s.reached} messages)`,
    );
  }
  if (r.incomplete) out(`    ! ${r.incomplete}`);
}

function printRate(shape: Shape, r: RateResult): void {
  out(
    `  fixed rate, ${shape === 'batch' ? `batches of ${SHAPE.batch.rateBatch} every ${(1000 * SHAPE.batch.rateBatch) / SHAPE.batch.rate} ms` : '1 event/request'}: ` +
      `${r.offered} events/s offered for ${RATE_SECONDS} s (posted at ${r.achievedPost.toFixed(0)} events/s)`,
  );
  out(`    event → rendered & handed to transport   p50 ${ms(r.p50Rendered)}   p99 ${ms(r.p99Rendered)}`);
  out(
    `    backlog (not yet accepted by the API [max ${r.apiPendingMax}] + unhandled events + queued steps + queued messages), sampled every 0.5 s while posting:\n` +
      `      ${r.backlogStart} → max ${r.backlogMax} → ${r.backlogEnd} events, ` +
      `${r.backlogSlope >= 0 ? '+' : ''}${r.backlogSlope.toFixed(0)} items/s; grew: ${r.grew ? 'YES (not keeping up)' : 'no'}; drained ${r.drainSeconds.toFixed(1)} s after the last post`,
  );
  if (r.incomplete) out(`    ! ${r.incomplete}`);
}

async function bullReference(redisUrl: string, jobs: number): Promise<{ seconds: number; perSecond: number }> {
  const queue = new Bull('bench-noop', redisUrl, { prefix: '{bench}' });
  try {
    let done = 0;
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    void queue.process(1, async () => {
      if (++done >= jobs) finish();
    });
    await queue.isReady();
    const t0 = performance.now();
    for (let i = 0; i < jobs; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, jobs - i) }, () => ({ data: {}, opts: { removeOnComplete: true, removeOnFail: true } })),
      );
    }
    await finished;
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, perSecond: jobs / seconds };
  } finally {
    await queue.close();
  }
}

async function main(): Promise<void> {
  cleanupOnSignals();
  const log = values.verbose ? (line: string) => out(line) : undefined;
  out(`Postino pipeline benchmark — ${EVENTS} events per shape, engines ${API_ENGINES} × ROLE=api + ${WORKER_ENGINES} × ROLE=worker`);
  const stack = await startStack({ prefix: 'postino-bench-' });
  try {
    const durability: string[] = [];
    for (const setting of ['synchronous_commit', 'fsync', 'full_page_writes', 'wal_level', 'shared_buffers']) {
      durability.push(`${setting}=${(await stack.db.query(`SHOW ${setting}`)).rows[0][setting]}`);
    }
    out(`postgres (embedded, temp dir): ${durability.join(' ')}`);
    if (values['pg-stats']) await enableStatementStats(stack);
    const bull = await bullReference(stack.redisUrl, BULL_JOBS);
    out(`reference: bare Bull, ${BULL_JOBS} no-op jobs (addBulk by 1000, 1 processor) in ${bull.seconds.toFixed(2)} s = ${bull.perSecond.toFixed(0)} jobs/s`);

    const results: TransportResult[] = [];
    let ctx: BenchContext | undefined;
    let merchant: { merchantId: string; apiKey: string } | undefined;
    for (const transport of TRANSPORTS) {
      out(`\n== MAIL_TRANSPORT=${transport}${transport === 'smtp' ? ' (local SMTP capture, stored in Postgres)' : ''} ==`);
      const engines: EngineProcess[] = await Promise.all([
        ...Array.from({ length: API_ENGINES }, (_, i) =>
          spawnEngine(stack, { name: `api-${i + 1}`, role: 'api', env: { MAIL_TRANSPORT: transport }, log, nodeArgs: NODE_ARGS }),
        ),
        ...Array.from({ length: WORKER_ENGINES }, (_, i) =>
          spawnEngine(stack, { name: `worker-${i + 1}`, role: 'worker', env: { MAIL_TRANSPORT: transport }, log, nodeArgs: NODE_ARGS }),
        ),
      ]);
      merchant ??= await createMerchant(stack.db, 'Bench Shop');
      const api = roundRobin(engines.filter((e) => e.role === 'api').map((e) => apiClient(e.url, merchant!.apiKey)));
      if (!ctx) {
        if (FLOW === 'rich') await giveWebhookSecret(stack.db, stack.appSecret, merchant.merchantId);
        const rich = FLOW === 'rich' ? { webhookUrl: stack.webhookUrl } : undefined;
        const flow = await publishFlow(api, stack.db, ['in_transit'], (line) => out(`note: ${line}`), rich);
        out(`flow: ${flow.description}`);
        if (rich) out(`note: the message stages count e-mails and webhooks (to the local capture, stored in Postgres) alike, half each`);
        ctx = { stack, api, merchantId: merchant.merchantId, flow, handled: await outboxColumn(stack.db), phase: 0 };
      } else ctx.api = api;
      const capturedBefore = Number((await stack.db.query(`SELECT count(*) AS n FROM captured_emails`)).rows[0].n);

      // Warm-up (JIT, template cache, connection pools), not measured.
      await throughputPhase(ctx, transport, 'batch', Math.min(500, EVENTS));
      const result: TransportResult = { transport, throughput: {}, rate: {}, rss: [], capturedDuring: 0 };
      for (const shape of SHAPES) {
        const t = await throughputPhase(ctx, transport, shape, EVENTS);
        result.throughput[shape] = t;
        printThroughput(transport, shape, t);
        if (transport === 'discard') {
          const alone = await ingestAlonePhase(ctx, engines.filter((e) => e.role === 'worker'), shape, EVENTS);
          out(
            `    ${pad('status updated, workers paused', 32)}${lpad(alone.eventsPerSecond.toFixed(0), 7)} events/s   ` +
              `p50 ${lpad(ms(alone.p50), 8)}   p99 ${lpad(ms(alone.p99), 8)}   (the ingest stage alone: API + Postgres)`,
          );
        }
        const r = await ratePhase(ctx, transport, shape);
        result.rate[shape] = r;
        printRate(shape, r);
      }
      for (const e of engines) result.rss.push({ name: e.name, mb: await e.peakRssMb() });
      out(`  engine peak RSS (VmHWM): ${result.rss.map((r) => `${r.name} ${r.mb === null ? '?' : r.mb.toFixed(0)} MB`).join(', ')}`);
      result.capturedDuring = Number((await stack.db.query(`SELECT count(*) AS n FROM captured_emails`)).rows[0].n) - capturedBefore;
      if (transport === 'discard' && result.capturedDuring > 0) {
        out(`  ! ${result.capturedDuring} e-mails reached the SMTP capture: this engine ignores MAIL_TRANSPORT=discard, so these figures are SMTP too`);
      }
      results.push(result);
      await Promise.all(engines.map((e) => e.stop()));
    }
    if (results.length > 1) printComparison(results);
  } finally {
    await stack.stop();
  }
}

function printComparison(results: TransportResult[]): void {
  const width = 44;
  out(`\n== summary (events/s · p50 · p99 from posting the event) ==`);
  out(`${pad('', 40)}${results.map((r) => pad(`MAIL_TRANSPORT=${r.transport}${r.transport === 'discard' && r.capturedDuring ? ' (ignored!)' : ''}`, width)).join('')}`);
  for (const shape of SHAPES) {
    out(SHAPE[shape].label);
    for (const stage of STAGES) {
      const cells = results.map((r) => {
        const s = r.throughput[shape]?.stages[stage];
        return pad(s ? `${Number.isFinite(s.eventsPerSecond) ? s.eventsPerSecond.toFixed(0) : '—'} ev/s · ${ms(s.p50)} · ${ms(s.p99)}` : '—', width);
      });
      out(`  ${pad(STAGE_LABEL[stage], 38)}${cells.join('')}`);
    }
    const rate = results.map((r) => {
      const x = r.rate[shape];
      return pad(x ? `p99 ${ms(x.p99Rendered)} · backlog grew: ${x.grew ? 'YES' : 'no'}` : '—', width);
    });
    out(`  ${pad(`${SHAPE[shape].rate} ev/s offered → rendered`, 38)}${rate.join('')}`);
  }
  out(`  ${pad('engine peak RSS (VmHWM)', 38)}${results.map((r) => pad(r.rss.map((x) => `${x.name} ${x.mb?.toFixed(0) ?? '?'} MB`).join(', '), width)).join('')}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
