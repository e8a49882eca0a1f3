import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { SMTP_CONNECTIONS } from '../../apps/engine/src/modules/messaging/sending/channels/email/mail-transport';
import { WEBHOOK_PARALLELISM } from '../../apps/engine/src/modules/messaging/sending/channels/webhook/webhook-sender';
import { webhookSecretReader } from '../dev/webhook-secrets';
import { giveWebhookSecret, RICH_FLOW_DESCRIPTION, richFlowDefinition, SPLIT_TAG, type FlowShape } from './rich-flow';
import {
  createPgCapturedMailStore,
  createPgCapturedSmsStore,
  createPgCapturedWebhookStore,
  exitOf,
  findFreePort,
  startEmbeddedPostgres,
  startRedis,
  startSmsCapture,
  startWebhookCapture,
  startSmtpCapture,
  stopChild,
  type ProcessExit,
  type RunningPostgres,
  type RunningRedis,
  type RunningSmtpCapture,
} from '@postino/stack';

/**
 * The reusable part of the crash test and the pipeline benchmark: a private stack (embedded PostgreSQL in a
 * temp dir with default durability, Redis, SMTP capture), engine processes spawned from the sources (and
 * killed with -9), a merchant, a published flow, shipments, paced event posting that survives outages,
 * pipeline snapshots and the crash invariants. Everything it starts is stopped by `stack.stop()`.
 */

export const ROOT = resolve(__dirname, '../..');
/**
 * The checkout whose engine is spawned: this one, or POSTINO_ENGINE_DIR (e.g. a `git archive` of another commit
 * with node_modules linked in), so the tools can measure one engine while the working tree holds another.
 */
export const ENGINE_DIR = resolve(process.env.POSTINO_ENGINE_DIR ?? ROOT);

const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export type Log = (line: string) => void;
const silent: Log = () => {};

// ───────────────────────────── stack ─────────────────────────────

export interface Stack {
  workDir: string;
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
  smsUrl: string;
  /** The local webhook capture: a URL for webhook nodes, whose deliveries land in captured_webhooks. */
  webhookUrl: string;
  appSecret: string;
  /** Direct access for seeding and assertions (errors while Postgres restarts are swallowed by the pool). */
  db: Pool;
  redis: Redis;
  engines: Set<EngineProcess>;
  /** Stops Postgres and starts it again on the same data directory and port. */
  restartPostgres(): Promise<void>;
  /** Stops everything it started (engines first) and removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const liveStacks = new Set<Stack>();

/** Stops every stack this process started and has not stopped yet (for signal handlers). */
export async function stopAllStacks(): Promise<void> {
  await Promise.all([...liveStacks].map((s) => s.stop()));
}

export async function startStack({ log = silent, prefix = 'postino-harness-' } = {}): Promise<Stack> {
  const workDir = await mkdtemp(join(tmpdir(), prefix));
  // As root, Postgres runs as the `postgres` user, which must reach the data directory.
  await chmod(workDir, 0o755);
  const dataDir = join(workDir, 'pg');
  const stoppers: (() => Promise<void>)[] = [];
  const engines = new Set<EngineProcess>();
  let postgres: RunningPostgres | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.all([...engines].map((e) => e.stop().catch(() => undefined)));
      for (const s of stoppers.reverse()) await s().catch((error) => log(`cleanup: ${(error as Error).message}`));
      await postgres?.stop().catch(() => undefined);
      await rm(workDir, { recursive: true, force: true });
      liveStacks.delete(stack);
    })());
  let stack: Stack;
  try {
    postgres = await startEmbeddedPostgres({ dataDir, log: (l) => log(`[postgres] ${l}`) });
    const databaseUrl = postgres.url;
    const pgPort = Number(new URL(databaseUrl).port);
    const redisServer: RunningRedis = await startRedis({ log: (l) => log(`[redis] ${l}`) });
    stoppers.push(() => redisServer.stop());
    // No migrations here: the engines run them at start (under their advisory lock), before any mail is captured.
    const db = new Pool({ connectionString: databaseUrl, max: 6 });
    db.on('error', () => undefined);
    stoppers.push(() => db.end());
    const capturePool = new Pool({ connectionString: databaseUrl, max: 4 });
    capturePool.on('error', () => undefined);
    stoppers.push(() => capturePool.end());
    const smtp: RunningSmtpCapture = await startSmtpCapture({ store: createPgCapturedMailStore(capturePool) });
    stoppers.push(() => smtp.stop());
    const sms = await startSmsCapture({ store: createPgCapturedSmsStore(capturePool) });
    stoppers.push(() => sms.stop());
    const appSecret = randomToken(32);
    const webhooks = await startWebhookCapture({
      store: createPgCapturedWebhookStore(capturePool),
      secretOf: webhookSecretReader(capturePool, appSecret),
    });
    stoppers.push(() => webhooks.stop());
    const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 3 });
    redis.on('error', () => undefined);
    stoppers.push(async () => redis.disconnect());
    stack = {
      workDir,
      databaseUrl,
      redisUrl: redisServer.url,
      smtpUrl: smtp.url,
      smsUrl: sms.url,
      webhookUrl: webhooks.url,
      appSecret,
      db,
      redis,
      engines,
      async restartPostgres() {
        await postgres!.stop();
        postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, log: (l) => log(`[postgres] ${l}`) });
      },
      stop,
    };
    liveStacks.add(stack);
    return stack;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Ctrl-C / SIGTERM: clean up, then exit 130 / 143. A second signal exits at once (engines get SIGKILL on exit). */
export function cleanupOnSignals(cleanup: () => Promise<void> = stopAllStacks): void {
  let received = false;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      if (received) process.exit(code);
      received = true;
      process.stderr.write(`\n${signal}: stopping everything…\n`);
      void cleanup().finally(() => process.exit(code));
    });
  }
}

// ───────────────────────────── engines ─────────────────────────────

export type EngineRole = 'api' | 'worker' | 'all';

export interface EngineProcess {
  name: string;
  role: EngineRole;
  url: string;
  pid: number;
  child: ChildProcess;
  exited: Promise<ProcessExit>;
  /** True once we killed or stopped it on purpose. */
  readonly expectedExit: boolean;
  /** SIGKILL, as a crash. */
  kill9(): Promise<ProcessExit>;
  /** SIGTERM (graceful), SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** Peak resident set size (VmHWM) in MB, or null once it has exited. */
  peakRssMb(): Promise<number | null>;
  /** Its last output lines. */
  recent(): string;
}

const allSpawned = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of allSpawned) if (child.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

export async function readVmHwmMb(pid: number): Promise<number | null> {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function waitForHealth(engine: EngineProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void engine.exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`engine ${engine.name} exited before becoming healthy:\n${engine.recent()}`);
    try {
      if ((await fetch(`${engine.url}/health`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`engine ${engine.name} not healthy within ${timeoutMs / 1000} s:\n${engine.recent()}`);
}

/** Spawns `node tools/node-ts apps/engine/src/main.ts` against the stack and waits for /health (unless wait=false). */
export async function spawnEngine(
  stack: Stack,
  {
    name,
    role,
    env = {},
    log = silent,
    wait = true,
    nodeArgs = [],
  }: { name: string; role: EngineRole; env?: Record<string, string>; log?: Log; wait?: boolean; nodeArgs?: string[] },
): Promise<EngineProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [...nodeArgs, join(ENGINE_DIR, 'tools/node-ts'), 'apps/engine/src/main.ts'], {
    cwd: ENGINE_DIR,
    env: {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      SMTP_URL: stack.smtpUrl,
      SMS_URL: stack.smsUrl,
      APP_SECRET: stack.appSecret,
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      ROLE: role,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  allSpawned.add(child);
  const exited = exitOf(child);
  const lines: string[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
    log(`[${name}] ${line}`);
  };
  for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
  let expectedExit = false;
  const engine: EngineProcess = {
    name,
    role,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    exited,
    get expectedExit() {
      return expectedExit;
    },
    async kill9() {
      expectedExit = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      return exited;
    },
    async stop() {
      expectedExit = true;
      await stopChild(child, exited, { processGroup: true, timeoutMs: 10_000 });
    },
    peakRssMb: () => readVmHwmMb(child.pid!),
    recent: () => lines.join('\n'),
  };
  stack.engines.add(engine);
  void exited.then(() => {
    allSpawned.delete(child);
    stack.engines.delete(engine);
  });
  if (wait) await waitForHealth(engine);
  return engine;
}

// ───────────────────────────── merchant, API, flow, shipments ─────────────────────────────

export type Api = <T = unknown>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/**
 * A crash can cost a resend only for a message handed over but not yet recorded as sent: at most one per SMTP
 * connection of the crashed worker (each carries one message at a time). Settlements are written in groups as
 * hand-overs return, so usually far fewer; a Postgres restart costs none while the settlement retry outlasts it.
 */
function resendBound(crashes: { kills: number; pgRestarts: number }): number {
  return (crashes.kills + crashes.pgRestarts) * SMTP_CONNECTIONS;
}

/** The same for webhooks: at most one per request the crashed worker had in flight. */
function webhookResendBound(crashes: { kills: number; pgRestarts: number }): number {
  return (crashes.kills + crashes.pgRestarts) * WEBHOOK_PARALLELISM;
}

/** The part of POST /api/v1/tracking-events' answer the harness counts. */
interface IngestAnswer {
  rejected?: unknown[];
  unknownShipments?: number;
}

export function apiClient(baseUrl: string, apiKey: string): Api {
  return async <T = unknown>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    // The caller names the shape it expects of this endpoint; nothing checks it at run time.
    return { status: response.status, body: parsed as T };
  };
}

/** A merchant and an API key, directly in SQL (as tools/seed does): `pst_` + random, stored as sha256. */
export async function createMerchant(db: Pool, name = 'Harness Shop'): Promise<{ merchantId: string; apiKey: string }> {
  const slug = `harness-${randomToken(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const merchantId: string = (await db.query(`INSERT INTO merchants (name, slug) VALUES ($1, $2) RETURNING id`, [name, slug])).rows[0].id;
  const apiKey = `pst_${randomToken(32)}`;
  await db.query(`INSERT INTO api_keys (merchant_id, name, prefix, key_hash) VALUES ($1, 'harness', $2, $3)`, [
    merchantId,
    apiKey.slice(0, 10),
    sha256(apiKey),
  ]);
  return { merchantId, apiKey };
}

const TEMPLATE_MJML = `<mjml><mj-body>
  <mj-section><mj-column>
    <mj-text font-size="20px">Hi {{ customer.first_name }}, your parcel: {{ shipment.status_label }}</mj-text>
    <mj-text>Tracking number {{ shipment.tracking_number }}. We will keep you posted at every step of the way.</mj-text>
    <mj-button href="{{ tracking_url }}">Track your parcel</mj-button>
  </mj-column></mj-section>
</mj-body></mjml>`;

export interface PublishedFlow {
  flowId: string;
  flowVersionId: string;
  templateId: string;
  /** False when the engine refused the `wait` node (422) and the flow is trigger → send_email. */
  withWait: boolean;
  description: string;
}

async function must<T>(what: string, call: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await call;
  if (r.status >= 300) throw new Error(`${what} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * Template + flow "status_changed(statuses) → wait 0 s → send_email", falling back to 2 nodes when `wait` is
 * refused; or, with `rich`, the flow of rich-flow.ts whose webhook posts to `rich.webhookUrl`.
 */
export async function publishFlow(
  api: Api,
  db: Pool,
  statuses: string[],
  log: Log = silent,
  rich?: { webhookUrl: string },
): Promise<PublishedFlow> {
  const template = await must<{ id: string }>('create template', api('POST', '/api/v1/email-templates', {
    name: 'Harness template',
    subject: '{{ merchant.name }}: {{ shipment.status_label }}',
    mjml: TEMPLATE_MJML,
  }));
  await must('publish template', api('POST', `/api/v1/email-templates/${template.id}/publish`, {}));
  if (rich) {
    const flow = await must<{ id: string }>('create flow', api('POST', '/api/v1/flows', {
      name: 'Harness flow (rich)',
      definition: richFlowDefinition(statuses, template.id, rich.webhookUrl),
    }));
    await must('publish flow', api('POST', `/api/v1/flows/${flow.id}/publish`, {}));
    const flowVersionId: string = (await db.query(`SELECT published_version_id FROM flows WHERE id = $1`, [flow.id])).rows[0].published_version_id;
    return { flowId: flow.id, flowVersionId, templateId: template.id, withWait: true, description: RICH_FLOW_DESCRIPTION(statuses) };
  }
  const trigger = { id: 'trigger', type: 'status_changed', config: { statuses }, position: { x: 0, y: 0 } };
  const email = { id: 'email', type: 'send_email', config: { templateId: template.id }, position: { x: 0, y: 240 } };
  const threeNodes = {
    nodes: [trigger, { id: 'wait', type: 'wait', config: { duration: { amount: 0, unit: 'seconds' } }, position: { x: 0, y: 120 } }, email],
    edges: [
      { from: 'trigger', fromPort: 'next', to: 'wait' },
      { from: 'wait', fromPort: 'next', to: 'email' },
    ],
  };
  const created = await api<{ id: string }>('POST', '/api/v1/flows', { name: 'Harness flow (3 nodes)', definition: threeNodes });
  let flowId: string | undefined;
  let withWait = false;
  if (created.status < 300) {
    const published = await api('POST', `/api/v1/flows/${created.body.id}/publish`, {});
    if (published.status < 300) [flowId, withWait] = [created.body.id, true];
    else if (published.status === 422 || published.status === 400) {
      log(`the engine refused the wait node (publish → ${published.status} ${JSON.stringify(published.body).slice(0, 200)}): falling back to trigger → send_email`);
    } else throw new Error(`publish flow → ${published.status} ${JSON.stringify(published.body)}`);
  } else if (created.status === 422 || created.status === 400) {
    log(`the engine refused the wait node (create → ${created.status}): falling back to trigger → send_email`);
  } else throw new Error(`create flow → ${created.status} ${JSON.stringify(created.body)}`);
  if (!flowId) {
    const flow = await must<{ id: string }>('create flow', api('POST', '/api/v1/flows', {
      name: 'Harness flow (2 nodes)',
      definition: { nodes: [trigger, email], edges: [{ from: 'trigger', fromPort: 'next', to: 'email' }] },
    }));
    await must('publish flow', api('POST', `/api/v1/flows/${flow.id}/publish`, {}));
    flowId = flow.id as string;
  }
  const flowVersionId: string = (await db.query(`SELECT published_version_id FROM flows WHERE id = $1`, [flowId])).rows[0].published_version_id;
  const description = withWait
    ? `status_changed(${statuses.join(',')}) → wait 0 s → send_email`
    : `status_changed(${statuses.join(',')}) → send_email (wait node refused by this engine)`;
  return { flowId: flowId!, flowVersionId, templateId: template.id, withWait, description };
}

/**
 * N FedEx shipments `<prefix>-<i>` with one customer each, in one INSERT (setup, not what is measured); the
 * even ones carry the tag SPLIT_TAG (what the rich flow's condition asks about).
 */
export async function insertShipments(db: Pool, merchantId: string, prefix: string, count: number): Promise<string[]> {
  await db.query(
    `INSERT INTO shipments (merchant_id, tracking_number, carrier, customer_email, customer_name, customer_locale, tracking_token, tags)
     SELECT $1, $2 || '-' || i, 'fedex', lower($2) || '-' || i || '@harness.example', 'Harness Customer', 'en-US',
            md5(random()::text || clock_timestamp()::text) || md5(random()::text),
            CASE WHEN i % 2 = 0 THEN ARRAY[$4::text] ELSE '{}' END
       FROM generate_series(1, $3::int) AS i`,
    [merchantId, prefix, count, SPLIT_TAG],
  );
  return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
}

export function emptyPostResult(): EventPostResult {
  return { postedAt: new Map(), acceptedAt: new Map(), failedAttempts: 0, rejected: 0, unknownShipments: 0 };
}

export interface EventPostResult {
  /** Epoch ms when the request carrying this tracking number was first sent. */
  postedAt: Map<string, number>;
  /** Epoch ms when its 202 arrived. */
  acceptedAt: Map<string, number>;
  failedAttempts: number;
  rejected: number;
  unknownShipments: number;
}

/**
 * Posts one scan per tracking number, `batchSize` per request. Either closed-loop (`concurrency` requests in
 * flight) or paced (`eventsPerSecond` offered, open loop, at most `maxInFlight` requests). A failed request
 * (network error, 5xx, 429) is retried until `retryForMs` has passed: the API deduplicates scans.
 */
export async function postEvents(
  api: Api,
  numbers: string[],
  options: {
    code: string;
    batchSize: number;
    concurrency?: number;
    eventsPerSecond?: number;
    maxInFlight?: number;
    retryForMs?: number;
    occurredAt?: string;
    /** Filled while posting, for callers that watch progress. */
    into?: EventPostResult;
  },
): Promise<EventPostResult> {
  const result: EventPostResult = options.into ?? emptyPostResult();
  const occurredAt = options.occurredAt ?? new Date().toISOString();
  const batches: string[][] = [];
  for (let i = 0; i < numbers.length; i += options.batchSize) batches.push(numbers.slice(i, i + options.batchSize));
  const send = async (batch: string[]) => {
    const sent = Date.now();
    for (const n of batch) result.postedAt.set(n, sent);
    const deadline = sent + (options.retryForMs ?? 0);
    for (;;) {
      let status = 0;
      let body: IngestAnswer | null = null as IngestAnswer | null;
      try {
        ({ status, body } = await api<IngestAnswer>('POST', '/api/v1/tracking-events', {
          events: batch.map((trackingNumber) => ({ carrier: 'fedex', trackingNumber, code: options.code, occurredAt })),
        }));
      } catch {
        status = 0;
      }
      if (status === 202) {
        const now = Date.now();
        for (const n of batch) result.acceptedAt.set(n, now);
        result.rejected += body?.rejected?.length ?? 0;
        result.unknownShipments += body?.unknownShipments ?? 0;
        return;
      }
      result.failedAttempts++;
      const retriable = status === 0 || status >= 500 || status === 429;
      if (!retriable || Date.now() > deadline) {
        throw new Error(`POST /api/v1/tracking-events → ${status || 'network error'} ${JSON.stringify(body)?.slice(0, 300)}`);
      }
      await sleep(300);
    }
  };
  if (options.eventsPerSecond) {
    const maxInFlight = options.maxInFlight ?? 256;
    const inFlight = new Set<Promise<void>>();
    const errors: unknown[] = [];
    const start = performance.now();
    let next = 0;
    while (next < batches.length) {
      const due = Math.min(batches.length, Math.floor(((performance.now() - start) / 1000) * (options.eventsPerSecond / options.batchSize)) + 1);
      while (next < due && inFlight.size < maxInFlight) {
        const p: Promise<void> = send(batches[next++]).catch((e) => void errors.push(e)).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      else await sleep(Math.max(1, Math.min(10, (1000 * options.batchSize) / options.eventsPerSecond / 2)));
    }
    await Promise.all(inFlight);
    if (errors.length) throw errors[0];
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency ?? 1 }, async () => {
        while (next < batches.length) await send(batches[next++]);
      }),
    );
  }
  return result;
}

// ───────────────────────────── pipeline state ─────────────────────────────

/** `handled_at` once the engine has it (set when an event's runs exist), else today's `relayed_at`. */
export async function outboxColumn(db: Pool): Promise<'handled_at' | 'relayed_at'> {
  const { rows } = await db.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'domain_events' AND column_name IN ('handled_at', 'relayed_at')`,
  );
  return rows.some((r) => r.column_name === 'handled_at') ? 'handled_at' : 'relayed_at';
}

export interface PipelineSnapshot {
  unhandledEvents: number;
  runs: number;
  steps: Record<string, number>;
  messages: Record<string, number>;
  captured: number;
  bullJobs: number;
}

const QUEUE_NAMES = ['domain-events', 'flow-steps', 'messages'];

/** Jobs waiting, active or delayed in the engine's Bull queues. */
export async function bullPending(redis: Redis): Promise<number> {
  const pipeline = redis.pipeline();
  for (const q of QUEUE_NAMES) {
    pipeline.llen(`{postino}:${q}:wait`).llen(`{postino}:${q}:active`).llen(`{postino}:${q}:paused`).zcard(`{postino}:${q}:delayed`);
  }
  const results = (await pipeline.exec()) ?? [];
  return results.reduce((sum, [, n]) => sum + Number(n ?? 0), 0);
}

export async function snapshot(db: Pool, redis: Redis, handled: string): Promise<PipelineSnapshot> {
  const [events, runs, steps, messages, captured] = await Promise.all([
    db.query(`SELECT count(*)::int AS n FROM domain_events WHERE ${handled} IS NULL`),
    db.query(`SELECT count(*)::int AS n FROM flow_runs`),
    db.query(`SELECT state, count(*)::int AS n FROM flow_steps GROUP BY state`),
    db.query(`SELECT state, count(*)::int AS n FROM messages GROUP BY state`),
    db.query(`SELECT (SELECT count(*) FROM captured_emails) + (SELECT count(*) FROM captured_webhooks) AS n`),
  ]);
  const byState = (rows: { state: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.state, r.n]));
  return {
    unhandledEvents: events.rows[0].n,
    runs: runs.rows[0].n,
    steps: byState(steps.rows),
    messages: byState(messages.rows),
    captured: Number(captured.rows[0].n),
    bullJobs: await bullPending(redis).catch(() => -1),
  };
}

export function pendingWork(s: PipelineSnapshot): number {
  return (
    s.unhandledEvents +
    (s.steps.queued ?? 0) +
    (s.steps.running ?? 0) +
    (s.messages.queued ?? 0) +
    (s.messages.sending ?? 0) +
    (s.messages.uncertain ?? 0) +
    Math.max(0, s.bullJobs)
  );
}

/**
 * Waits until nothing is pending in Postgres or Bull and nothing has moved for `stableMs`, or `timeoutMs`.
 * Returns whether it got there and after how long.
 */
export async function waitForQuiescence(
  stack: Stack,
  { timeoutMs = 60_000, stableMs = 3_000, log = silent }: { timeoutMs?: number; stableMs?: number; log?: Log } = {},
): Promise<{ quiescent: boolean; seconds: number; last: PipelineSnapshot | null }> {
  const handled = await outboxColumn(stack.db);
  const start = Date.now();
  let signature = '';
  let since = Date.now();
  let last: PipelineSnapshot | null = null;
  let lastLogged = 0;
  while (Date.now() - start < timeoutMs) {
    try {
      last = await snapshot(stack.db, stack.redis, handled);
      const sig = JSON.stringify(last);
      if (sig !== signature) [signature, since] = [sig, Date.now()];
      if (pendingWork(last) === 0 && Date.now() - since >= stableMs) return { quiescent: true, seconds: (Date.now() - start) / 1000, last };
      if (Date.now() - lastLogged > 5_000) {
        lastLogged = Date.now();
        log(`  settling ${((Date.now() - start) / 1000).toFixed(0)} s: ${describeSnapshot(last)}`);
      }
    } catch {
      // Postgres restarting: try again
    }
    await sleep(500);
  }
  return { quiescent: false, seconds: (Date.now() - start) / 1000, last };
}

export function describeSnapshot(s: PipelineSnapshot): string {
  const states = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  return `unhandled events ${s.unhandledEvents}, runs ${s.runs}, steps [${states(s.steps)}], messages [${states(s.messages)}], captured ${s.captured}, bull jobs ${s.bullJobs}`;
}

// ───────────────────────────── invariants ─────────────────────────────

export interface CrashCounts {
  shipments: number;
  shipmentsWithNewStatus: number;
  runs: number;
  shipmentsWithoutRun: number;
  shipmentsWithSeveralRuns: number;
  runsUnfinished: number;
  runsWaiting: number;
  runsWithoutSteps: number;
  stepsFailed: number;
  messages: number;
  messagesByState: Record<string, number>;
  messagesByChannel: Record<string, number>;
  /** Messages by the node that made them, `tagged:<node>` or `untagged:<node>` after the shipment's SPLIT_TAG. */
  messagesByBranch: Record<string, number>;
  shipmentsWithoutMessage: number;
  shipmentsWithSeveralMessages: number;
  sentNeverCaptured: number;
  capturedEmails: number;
  /** Messages whose Message-ID the SMTP capture received more than once. */
  resends: number;
  /** Copies beyond the first, over all messages. */
  extraCopies: number;
  capturedUnknownMessageId: number;
  /** The same for webhooks, by their delivery id (Postino-Delivery) in captured_webhooks. */
  webhooksSentNeverCaptured: number;
  capturedWebhooks: number;
  webhookResends: number;
  webhookExtraCopies: number;
  capturedUnknownDeliveryId: number;
  /** Captured webhooks whose Postino-Signature the merchant's secret does not verify. */
  webhooksBadlySigned: number;
  /** Node counters (totals + unfolded deltas) that differ from the same count over flow_steps, and runs whose step counts do. */
  countersOff: number;
}

export async function countInvariants(db: Pool, merchantId: string, flowVersionId: string): Promise<CrashCounts> {
  const one = async (sql: string, params: unknown[] = [merchantId, flowVersionId]) => (await db.query(sql, params)).rows[0];
  const shipments = await one(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'out_for_delivery')::int AS moved FROM shipments WHERE merchant_id = $1`,
    [merchantId],
  );
  const runs = await one(
    `WITH per AS (SELECT s.id, count(r.id) AS n FROM shipments s
                    LEFT JOIN flow_runs r ON r.shipment_id = s.id AND r.flow_version_id = $2
                   WHERE s.merchant_id = $1 GROUP BY s.id)
     SELECT coalesce(sum(n), 0)::int AS runs, count(*) FILTER (WHERE n = 0)::int AS without, count(*) FILTER (WHERE n > 1)::int AS several FROM per`,
  );
  const steps = await one(
    `WITH per AS (SELECT r.id, count(st.id) AS steps,
                         count(st.id) FILTER (WHERE st.state NOT IN ('done', 'failed', 'waiting')) AS open,
                         count(st.id) FILTER (WHERE st.state = 'waiting') AS waiting,
                         count(st.id) FILTER (WHERE st.state = 'failed') AS failed
                    FROM flow_runs r LEFT JOIN flow_steps st ON st.run_id = r.id
                   WHERE r.merchant_id = $1 AND r.flow_version_id = $2 GROUP BY r.id)
     SELECT count(*) FILTER (WHERE open > 0)::int AS unfinished, count(*) FILTER (WHERE open = 0 AND waiting > 0)::int AS waiting,
            count(*) FILTER (WHERE steps = 0)::int AS without_steps, coalesce(sum(failed), 0)::int AS failed FROM per`,
  );
  const messageStates = (
    await db.query(
      `SELECT m.state, count(*)::int AS n FROM messages m JOIN flow_runs r ON r.id = m.run_id
        WHERE m.merchant_id = $1 AND r.flow_version_id = $2 GROUP BY m.state`,
      [merchantId, flowVersionId],
    )
  ).rows;
  const perShipment = await one(
    `WITH per AS (SELECT s.id, count(m.id) AS n FROM shipments s
                    LEFT JOIN flow_runs r ON r.shipment_id = s.id AND r.flow_version_id = $2
                    LEFT JOIN messages m ON m.run_id = r.id
                   WHERE s.merchant_id = $1 GROUP BY s.id)
     SELECT count(*) FILTER (WHERE n = 0)::int AS without, count(*) FILTER (WHERE n > 1)::int AS several FROM per`,
  );
  const captured = await one(
    `WITH c AS (SELECT btrim(coalesce(message_id, substring(raw from '(?in)^message-id:[ \\t]*(\\S+)')), ' <>') AS mid FROM captured_emails),
          copies AS (SELECT mid, count(*) AS n FROM c GROUP BY mid),
          ours AS (SELECT btrim(m.message_id, ' <>') AS mid, m.state FROM messages m JOIN flow_runs r ON r.id = m.run_id
                    WHERE m.merchant_id = $1 AND r.flow_version_id = $2 AND m.channel = 'email')
     SELECT (SELECT count(*) FROM c)::int AS total,
            (SELECT count(*) FROM copies WHERE n > 1)::int AS resends,
            (SELECT coalesce(sum(n - 1), 0) FROM copies)::int AS extra,
            (SELECT count(*) FROM ours o WHERE o.state = 'sent' AND NOT EXISTS (SELECT 1 FROM copies k WHERE k.mid = o.mid))::int AS never,
            (SELECT count(*) FROM copies k WHERE NOT EXISTS (SELECT 1 FROM ours o WHERE o.mid = k.mid))::int AS unknown`,
  );
  const hooks = await one(
    `WITH copies AS (SELECT delivery_id AS id, count(*) AS n FROM captured_webhooks GROUP BY delivery_id),
          ours AS (SELECT m.message_id AS id, m.state FROM messages m JOIN flow_runs r ON r.id = m.run_id
                    WHERE m.merchant_id = $1 AND r.flow_version_id = $2 AND m.channel = 'webhook')
     SELECT (SELECT count(*) FROM captured_webhooks)::int AS total,
            (SELECT count(*) FROM copies WHERE n > 1)::int AS resends,
            (SELECT coalesce(sum(n - 1), 0) FROM copies)::int AS extra,
            (SELECT count(*) FROM ours o WHERE o.state = 'sent' AND NOT EXISTS (SELECT 1 FROM copies k WHERE k.id = o.id))::int AS never,
            (SELECT count(*) FROM copies k WHERE NOT EXISTS (SELECT 1 FROM ours o WHERE o.id = k.id))::int AS unknown,
            (SELECT count(*) FROM captured_webhooks WHERE signature_valid IS NOT TRUE)::int AS badly_signed`,
  );
  const branches = (
    await db.query(
      `SELECT m.channel, CASE WHEN $3 = ANY(s.tags) THEN 'tagged:' ELSE 'untagged:' END || m.node_id AS branch, count(*)::int AS n
         FROM messages m JOIN flow_runs r ON r.id = m.run_id JOIN shipments s ON s.id = m.shipment_id
        WHERE m.merchant_id = $1 AND r.flow_version_id = $2 GROUP BY 1, 2 ORDER BY 2`,
      [merchantId, flowVersionId, SPLIT_TAG],
    )
  ).rows as { channel: string; branch: string; n: number }[];
  const messagesByChannel: Record<string, number> = {};
  for (const b of branches) messagesByChannel[b.channel] = (messagesByChannel[b.channel] ?? 0) + b.n;
  const counters = await one(
    `WITH st AS (SELECT st.* FROM flow_steps st JOIN flow_runs r ON r.id = st.run_id WHERE r.merchant_id = $1 AND r.flow_version_id = $2),
          counted AS (
            SELECT node_id, 'entered' AS kind, '' AS port, count(*) AS n FROM st GROUP BY node_id
            UNION ALL SELECT node_id, 'exited', exit_port, count(*) FROM st WHERE state = 'done' AND exit_port IS NOT NULL GROUP BY 1, 3
            UNION ALL SELECT node_id, 'ended', '', count(*) FROM st WHERE state = 'done' AND exit_port IS NULL GROUP BY 1
            UNION ALL SELECT node_id, 'failed', '', count(*) FROM st WHERE state = 'failed' GROUP BY 1
            UNION ALL SELECT node_id, 'waiting', '', count(*) FROM st
                       WHERE state NOT IN ('done', 'failed') AND resume_port IS NOT NULL GROUP BY 1
            UNION ALL SELECT trigger_node_id, 'entered', '', count(*) FROM flow_runs
                       WHERE merchant_id = $1 AND flow_version_id = $2 GROUP BY 1),
          kept AS (
            SELECT node_id, kind, port, sum(n) AS n
              FROM (SELECT node_id, kind, port, n FROM flow_node_counts WHERE merchant_id = $1 AND flow_version_id = $2
                    UNION ALL
                    SELECT node_id, kind, port, n FROM flow_node_count_deltas WHERE merchant_id = $1 AND flow_version_id = $2) t
             GROUP BY 1, 2, 3 HAVING sum(n) <> 0),
          runs AS (
            SELECT r.id FROM flow_runs r LEFT JOIN st ON st.run_id = r.id
             WHERE r.merchant_id = $1 AND r.flow_version_id = $2
             GROUP BY r.id, r.steps_open, r.steps_waiting, r.steps_failed
            HAVING r.steps_open <> count(st.id) FILTER (WHERE st.state NOT IN ('done', 'failed'))
                OR r.steps_waiting <> count(st.id) FILTER (WHERE st.state NOT IN ('done', 'failed') AND st.resume_port IS NOT NULL)
                OR r.steps_failed <> count(st.id) FILTER (WHERE st.state = 'failed'))
     SELECT ((SELECT count(*) FROM counted c FULL JOIN kept k USING (node_id, kind, port) WHERE c.n IS DISTINCT FROM k.n)
             + (SELECT count(*) FROM runs))::int AS off`,
  );
  const messagesByState = Object.fromEntries(messageStates.map((r) => [r.state, r.n]));
  return {
    shipments: shipments.total,
    shipmentsWithNewStatus: shipments.moved,
    runs: runs.runs,
    shipmentsWithoutRun: runs.without,
    shipmentsWithSeveralRuns: runs.several,
    runsUnfinished: steps.unfinished,
    runsWaiting: steps.waiting,
    runsWithoutSteps: steps.without_steps,
    stepsFailed: steps.failed,
    messages: Object.values(messagesByState).reduce((a: number, b) => a + Number(b), 0),
    messagesByState,
    messagesByChannel,
    messagesByBranch: Object.fromEntries(branches.map((b) => [b.branch, b.n])),
    shipmentsWithoutMessage: perShipment.without,
    shipmentsWithSeveralMessages: perShipment.several,
    sentNeverCaptured: captured.never,
    capturedEmails: captured.total,
    resends: captured.resends,
    extraCopies: captured.extra,
    capturedUnknownMessageId: captured.unknown,
    webhooksSentNeverCaptured: hooks.never,
    capturedWebhooks: hooks.total,
    webhookResends: hooks.resends,
    webhookExtraCopies: hooks.extra,
    capturedUnknownDeliveryId: hooks.unknown,
    webhooksBadlySigned: hooks.badly_signed,
    countersOff: counters.off,
  };
}

export function violationsOf(
  c: CrashCounts,
  crashes: { kills: number; pgRestarts: number; unexpectedExits: string[] },
  flow: FlowShape = 'simple',
): string[] {
  const v: string[] = [];
  if (flow === 'rich') {
    // Tagged shipments take the condition's "yes" to one of the two e-mails, the others its "no" to the webhook.
    const wrong = Object.entries(c.messagesByBranch).filter(([b]) => !(b.startsWith('tagged:email_') || b === 'untagged:hook'));
    for (const [branch, n] of wrong) v.push(`${n} messages came from the wrong branch (${branch})`);
    for (const node of ['email_a', 'email_b', 'hook']) {
      if (!Object.keys(c.messagesByBranch).some((b) => b.endsWith(`:${node}`))) v.push(`no message came from node ${node}`);
    }
  }
  const state = (s: string) => c.messagesByState[s] ?? 0;
  if (c.shipmentsWithNewStatus !== c.shipments) v.push(`${c.shipments - c.shipmentsWithNewStatus} shipments did not get the new status`);
  if (c.shipmentsWithoutRun) v.push(`${c.shipmentsWithoutRun} shipments have no run (notification lost)`);
  if (c.shipmentsWithSeveralRuns) v.push(`${c.shipmentsWithSeveralRuns} shipments have more than one run`);
  if (c.runsUnfinished) v.push(`${c.runsUnfinished} runs are neither finished nor waiting`);
  if (c.runsWithoutSteps) v.push(`${c.runsWithoutSteps} runs have no step`);
  if (c.stepsFailed) v.push(`${c.stepsFailed} steps failed`);
  if (c.shipmentsWithoutMessage) v.push(`${c.shipmentsWithoutMessage} shipments have no message row`);
  if (c.shipmentsWithSeveralMessages) v.push(`${c.shipmentsWithSeveralMessages} shipments have more than one message row`);
  for (const s of ['queued', 'sending', 'uncertain', 'failed', 'skipped']) if (state(s)) v.push(`${state(s)} messages are ${s}`);
  if (c.sentNeverCaptured) v.push(`${c.sentNeverCaptured} messages are "sent" but the SMTP capture never received them`);
  const bound = resendBound(crashes);
  if (c.resends > bound) v.push(`${c.resends} messages were resent, more than the ${bound} that the crashes can explain`);
  if (c.webhooksSentNeverCaptured) v.push(`${c.webhooksSentNeverCaptured} webhooks are "sent" but the webhook capture never received them`);
  if (c.webhooksBadlySigned) v.push(`${c.webhooksBadlySigned} captured webhooks are not signed with the shop's secret`);
  const hookBound = webhookResendBound(crashes);
  if (c.webhookResends > hookBound) v.push(`${c.webhookResends} webhooks were delivered again, more than the ${hookBound} that the crashes can explain`);
  if (c.countersOff) v.push(`${c.countersOff} node counters or runs' step counts differ from their steps`);
  for (const e of crashes.unexpectedExits) v.push(`engine exited by itself: ${e}`);
  return v;
}

// ───────────────────────────── the crash scenario ─────────────────────────────

export interface CrashScenarioOptions {
  events: number;
  /** Worker kills (kill -9, then restarted), spread over the burst. */
  kills: number;
  flushes?: number;
  pgRestarts?: number;
  /** How long posting the burst takes (paced); chaos happens within it. */
  burstSeconds: number;
  settleSeconds?: number;
  workers?: number;
  batchSize?: number;
  /** `simple` (default): out for delivery → wait 0 s → e-mail; `rich`: the flow of rich-flow.ts. */
  flow?: FlowShape;
  log?: Log;
  /** Engine output lines (noisy while Postgres restarts). */
  engineLog?: Log;
}

export interface CrashReport {
  options: { events: number; kills: number; flushes: number; pgRestarts: number; burstSeconds: number; workers: number };
  flow: string;
  outboxColumn: string;
  kills: number;
  flushes: number;
  pgRestarts: number;
  failedPostAttempts: number;
  /** Replacement engines that exited before becoming healthy (started while Postgres was down) and were started again. */
  failedEngineStarts: number;
  burstSeconds: number;
  settle: { quiescent: boolean; seconds: number; last: string };
  counts: CrashCounts;
  violations: string[];
  totalSeconds: number;
}

/** Starts its own stack and engines, runs the burst with kills, FLUSHALL and a Postgres restart, then checks the invariants. */
export async function runCrashScenario(options: CrashScenarioOptions): Promise<CrashReport> {
  const log = options.log ?? silent;
  const started = Date.now();
  const workers = options.workers ?? 2;
  const flushes = options.flushes ?? 1;
  const pgRestarts = options.pgRestarts ?? 1;
  log(`starting the stack (embedded PostgreSQL, Redis, SMTP capture)…`);
  const stack = await startStack({ log: silent, prefix: 'postino-crash-' });
  try {
    const unexpectedExits: string[] = [];
    const watch = (e: EngineProcess) =>
      void e.exited.then((exit) => {
        if (!e.expectedExit) unexpectedExits.push(`${e.name} (${exit.signal ?? `code ${exit.code}`}): ${e.recent().split('\n').slice(-5).join(' | ')}`);
      });
    log(`starting 1 api + ${workers} worker engines…`);
    const api = await spawnEngine(stack, { name: 'api', role: 'api', log: options.engineLog, env: { MAIL_TRANSPORT: 'smtp' } });
    watch(api);
    const workerSet: EngineProcess[] = await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        spawnEngine(stack, { name: `worker-${i + 1}`, role: 'worker', log: options.engineLog, env: { MAIL_TRANSPORT: 'smtp' } }),
      ),
    );
    workerSet.forEach(watch);
    const merchant = await createMerchant(stack.db);
    const client = apiClient(api.url, merchant.apiKey);
    if (options.flow === 'rich') await giveWebhookSecret(stack.db, stack.appSecret, merchant.merchantId);
    const flow = await publishFlow(client, stack.db, ['out_for_delivery'], log, options.flow === 'rich' ? { webhookUrl: stack.webhookUrl } : undefined);
    log(`flow: ${flow.description}`);
    const numbers = await insertShipments(stack.db, merchant.merchantId, 'CRASH', options.events);
    log(`${options.events} shipments created`);

    // Chaos timeline over the burst.
    const burstMs = options.burstSeconds * 1000;
    type Action = { at: number; kind: 'kill' | 'flush' | 'pg' };
    const actions: Action[] = [
      ...Array.from({ length: options.kills }, (_, i) => ({ at: ((i + 1) / (options.kills + 1)) * burstMs, kind: 'kill' as const })),
      ...Array.from({ length: flushes }, (_, i) => ({ at: ((0.3 + i * 0.1) % 1) * burstMs, kind: 'flush' as const })),
      ...Array.from({ length: pgRestarts }, (_, i) => ({ at: ((0.55 + i * 0.1) % 1) * burstMs, kind: 'pg' as const })),
    ].sort((a, b) => a.at - b.at);
    let kills = 0;
    let flushed = 0;
    let restarted = 0;
    let nextVictim = 0;
    let failedStarts = 0;
    const restarts: Promise<unknown>[] = [];
    const burstStart = Date.now();
    const chaos = (async () => {
      for (const action of actions) {
        const wait = burstStart + action.at - Date.now();
        if (wait > 0) await sleep(wait);
        const t = ((Date.now() - burstStart) / 1000).toFixed(1);
        if (action.kind === 'kill') {
          const index = nextVictim++ % workerSet.length;
          const victim = workerSet[index];
          await victim.kill9();
          kills++;
          log(`  t=${t} s  kill -9 ${victim.name} (pid ${victim.pid}); restarting it`);
          // Like a supervisor (systemd, Kubernetes): start it again until it comes up. A start while Postgres
          // is down fails at its migrations; that is the engine refusing to start, not a crash of a running one.
          const replacement = (async () => {
            for (let attempt = 1; ; attempt++) {
              try {
                const e = await spawnEngine(stack, { name: victim.name, role: 'worker', log: options.engineLog, env: { MAIL_TRANSPORT: 'smtp' } });
                workerSet[index] = e;
                watch(e);
                return;
              } catch (error) {
                failedStarts++;
                if (attempt >= 20) throw error;
                log(`  ${victim.name} did not start (${(error as Error).message.split('\n')[1] ?? 'exited'}); starting it again`);
                await sleep(1_000);
              }
            }
          })();
          replacement.catch(() => undefined);
          restarts.push(replacement);
        } else if (action.kind === 'flush') {
          await stack.redis.flushall();
          flushed++;
          log(`  t=${t} s  Redis FLUSHALL`);
        } else {
          const t0 = Date.now();
          await stack.restartPostgres();
          restarted++;
          log(`  t=${t} s  PostgreSQL restarted (down ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        }
      }
    })();
    const batchSize = options.batchSize ?? Math.max(1, Math.min(100, Math.round(options.events / options.burstSeconds / 10)));
    log(`burst: ${options.events} "out for delivery" scans over ${options.burstSeconds} s (batches of ${batchSize})…`);
    const posted = await postEvents(client, numbers, {
      code: 'OD',
      batchSize,
      eventsPerSecond: options.events / options.burstSeconds,
      maxInFlight: 32,
      retryForMs: 120_000,
    });
    await chaos;
    const burstSeconds = (Date.now() - burstStart) / 1000;
    log(`burst posted in ${burstSeconds.toFixed(1)} s (${posted.failedAttempts} failed attempts retried); waiting for the replacement engines`);
    await Promise.all(restarts);
    log(`waiting ≤ ${options.settleSeconds ?? 60} s for quiescence…`);
    const settle = await waitForQuiescence(stack, { timeoutMs: (options.settleSeconds ?? 60) * 1000, log });
    const counts = await countInvariants(stack.db, merchant.merchantId, flow.flowVersionId);
    const violations = violationsOf(counts, { kills, pgRestarts: restarted, unexpectedExits }, options.flow);
    if (!settle.quiescent) violations.unshift(`not quiescent after ${options.settleSeconds ?? 60} s: ${settle.last ? describeSnapshot(settle.last) : '?'}`);
    if (posted.rejected || posted.unknownShipments) violations.push(`the API rejected ${posted.rejected} and did not know ${posted.unknownShipments} scans`);
    return {
      options: { events: options.events, kills: options.kills, flushes, pgRestarts, burstSeconds: options.burstSeconds, workers },
      flow: flow.description,
      outboxColumn: await outboxColumn(stack.db),
      kills,
      flushes: flushed,
      pgRestarts: restarted,
      failedPostAttempts: posted.failedAttempts,
      failedEngineStarts: failedStarts,
      burstSeconds,
      settle: { quiescent: settle.quiescent, seconds: settle.seconds, last: settle.last ? describeSnapshot(settle.last) : '' },
      counts,
      violations,
      totalSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await stack.stop();
  }
}

export function formatCrashReport(r: CrashReport): string {
  const c = r.counts;
  const states = Object.entries(c.messagesByState).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const channels = Object.entries(c.messagesByChannel).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const branches = Object.entries(c.messagesByBranch).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const lines = [
    `crash test: ${r.options.events} events, 1 api + ${r.options.workers} worker engines, flow ${r.flow}`,
    `chaos:      ${r.kills} worker kills (-9), ${r.flushes} Redis FLUSHALL, ${r.pgRestarts} PostgreSQL restarts; burst ${r.burstSeconds.toFixed(1)} s, ${r.failedPostAttempts} failed API attempts retried, ${r.failedEngineStarts} engine starts failed and were retried`,
    `settled:    ${r.settle.quiescent ? `quiescent after ${r.settle.seconds.toFixed(1)} s` : `NOT quiescent after ${r.settle.seconds.toFixed(0)} s`} (outbox column ${r.outboxColumn})`,
    `shipments   ${c.shipments} (${c.shipmentsWithNewStatus} out_for_delivery)`,
    `runs        ${c.runs}   shipments without run ${c.shipmentsWithoutRun}, with several ${c.shipmentsWithSeveralRuns}; unfinished ${c.runsUnfinished}, waiting ${c.runsWaiting}, without steps ${c.runsWithoutSteps}; failed steps ${c.stepsFailed}`,
    `messages    ${c.messages} [${states}] [${channels}]   shipments without message ${c.shipmentsWithoutMessage}, with several ${c.shipmentsWithSeveralMessages}`,
    `by node     ${branches} (tagged: the shipment carries ${SPLIT_TAG})`,
    `captured    ${c.capturedEmails} e-mails; sent but never captured ${c.sentNeverCaptured}; unknown Message-IDs ${c.capturedUnknownMessageId}`,
    `resends     ${c.resends} e-mails received more than once (${c.extraCopies} extra copies); allowed ≤ ${resendBound(r)} (${r.kills} kills + ${r.pgRestarts} Postgres restarts, × ${SMTP_CONNECTIONS} hand-overs in flight)`,
    `webhooks    ${c.capturedWebhooks} captured; sent but never captured ${c.webhooksSentNeverCaptured}; unknown delivery ids ${c.capturedUnknownDeliveryId}; badly signed ${c.webhooksBadlySigned}`,
    `resends     ${c.webhookResends} webhooks received more than once (${c.webhookExtraCopies} extra copies); allowed ≤ ${webhookResendBound(r)} (${r.kills} kills + ${r.pgRestarts} Postgres restarts, × ${WEBHOOK_PARALLELISM} requests in flight)`,
    `counters    ${c.countersOff} node counters or runs' step counts differ from their steps`,
    `took        ${r.totalSeconds.toFixed(1)} s`,
    r.violations.length ? `VIOLATIONS (${r.violations.length}):\n${r.violations.map((v) => `  ✗ ${v}`).join('\n')}` : 'all invariants hold ✓',
  ];
  return lines.join('\n');
}
