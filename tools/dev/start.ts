import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import {
  createPgCapturedMailStore,
  createPgCapturedSmsStore,
  createPgCapturedWebhookStore,
  findFreePort,
  ProcessGroup,
  startEmbeddedPostgres,
  startRedis,
  startSmsCapture,
  startWebhookCapture,
  startSmtpCapture,
} from '@postino/stack';
import { runMigrations } from '../../apps/engine/src/database/run-migrations';
import { DEMO_LOGIN, sampleEventCurl, seedDemo } from '../seed/demo-seed';
import { sampleShopifyWebhookCurl } from '../seed/demo-shopify';
import { webhookSecretReader } from './webhook-secrets';

const ROOT = resolve(__dirname, '../..');
const DATA = join(ROOT, '.data');

/** A local secret made once and kept with the data, so sessions and the demo key survive restarts. */
function localAppSecret(): string {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  const file = join(DATA, 'app-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** A provider URL as printed: its user info (account and key) hidden. */
function withoutCredentials(url: string): string {
  return url.replace(/\/\/[^@/]+@/, '//***@');
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the engine did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * `npm start`: the whole product on one machine, in one terminal. Embedded PostgreSQL, Redis and local SMTP
 * and SMS captures unless DATABASE_URL / REDIS_URL / SMTP_URL / SMS_URL point elsewhere; then the studio
 * build, the engine (API + workers) and the demo data.
 *
 * Ctrl-C stops everything in order, quietly: the engine (waiting for it to exit), the SMS and SMTP captures
 * and their pools, Redis, PostgreSQL, one `[name] stopped` line each, then exits with 0. The services run in process
 * groups of their own so the terminal's Ctrl-C reaches only this launcher; a second Ctrl-C kills everything.
 */
async function main(group: ProcessGroup): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const log = group.logger('postino');

  const databaseUrl =
    process.env.DATABASE_URL ??
    group.add(
      'postgres',
      await startEmbeddedPostgres({ dataDir: join(DATA, 'postgres'), log: group.logger('postgres'), detached: true }),
    ).url;
  if (group.isStopping) return;
  const redisUrl =
    process.env.REDIS_URL ??
    group.add('redis', await startRedis({ dataDir: join(DATA, 'redis'), log: group.logger('redis'), detached: true })).url;
  if (group.isStopping) return;

  log('applying database migrations');
  const applied = await runMigrations(databaseUrl);
  if (applied.length) log(`applied ${applied.join(', ')}`);
  if (group.isStopping) return;

  let smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    const pool = new Pool({ connectionString: databaseUrl, max: 2 });
    const smtpLog = group.logger('smtp');
    const capture = await startSmtpCapture({ store: createPgCapturedMailStore(pool, { log: smtpLog }), log: smtpLog });
    group.add('smtp', {
      stop: async () => {
        await capture.stop();
        await pool.end();
      },
    });
    smtpUrl = capture.url;
  }
  if (group.isStopping) return;

  let smsUrl = process.env.SMS_URL;
  if (!smsUrl) {
    const pool = new Pool({ connectionString: databaseUrl, max: 2 });
    const smsLog = group.logger('sms');
    const capture = await startSmsCapture({ store: createPgCapturedSmsStore(pool, { log: smsLog }), log: smsLog });
    group.add('sms', {
      stop: async () => {
        await capture.stop();
        await pool.end();
      },
    });
    smsUrl = capture.url;
  }
  if (group.isStopping) return;

  const appSecret = localAppSecret();
  // Webhook nodes of the demo can point here: every delivery is stored with its signature checked.
  const webhookPool = new Pool({ connectionString: databaseUrl, max: 2 });
  const webhookLog = group.logger('webhooks');
  const webhooks = await startWebhookCapture({
    store: createPgCapturedWebhookStore(webhookPool, { log: webhookLog }),
    secretOf: webhookSecretReader(webhookPool, appSecret),
    log: webhookLog,
  });
  group.add('webhooks', {
    stop: async () => {
      await webhooks.stop();
      await webhookPool.end();
    },
  });
  if (group.isStopping) return;

  log('building the studio');
  const build = group.spawn(
    'studio-build',
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/studio/vite.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT },
  );
  const built = await build.exited;
  if (group.isStopping) return;
  if (built.code !== 0) throw new Error(`the studio build failed (${built.signal ?? `exit code ${built.code}`})`);

  const port = Number(process.env.PORT ?? (await findFreePort().then(() => 3000)));
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  const engine = group.spawn('engine', process.execPath, [join(ROOT, 'tools/node-ts'), 'apps/engine/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      SMTP_URL: smtpUrl,
      SMS_URL: smsUrl,
      // The local webhook capture listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? 'true',
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      APP_SECRET: appSecret,
      ADMIN_EMAILS: process.env.ADMIN_EMAILS ?? DEMO_LOGIN.email,
    },
  });
  void engine.exited.then((exit) => {
    if (group.isStopping) return;
    log(`the engine stopped (${JSON.stringify(exit)}); stopping everything`);
    void group.stopAll().then(() => process.exit(1));
  });
  await waitForHealth(`http://127.0.0.1:${port}`);
  if (group.isStopping) return;

  const demo = await seedDemo({ databaseUrl, engineUrl: `http://127.0.0.1:${port}`, publicUrl, appSecret });
  // Read by the benchmarks and other local tools; lives with the (git-ignored) data.
  writeFileSync(
    join(DATA, 'stack.json'),
    JSON.stringify({ engineUrl: `http://127.0.0.1:${port}`, databaseUrl, redisUrl, smtpUrl, smsUrl, webhookUrl: webhooks.url, apiKey: demo.apiKey }, null, 2),
    { mode: 0o600 },
  );
  const lines = [
    '',
    'Postino is running.',
    `  Studio        ${publicUrl}/`,
    `  API           ${publicUrl}/api/v1   (OpenAPI: ${publicUrl}/api/docs)`,
    `  Queues        ${publicUrl}/admin/queues   (demo login; ADMIN_EMAILS)`,
    `  Health        ${publicUrl}/health   Metrics: ${publicUrl}/metrics`,
    `  SMTP          ${smtpUrl}${process.env.SMTP_URL ? '' : '   (captured: see the studio Outbox)'}`,
    `  SMS           ${process.env.SMS_URL ? withoutCredentials(smsUrl) : `${smsUrl}   (captured: see the studio Outbox)`}`,
    `  Webhooks      ${webhooks.url}/<any path>   (a URL for webhook nodes; captured: see the studio Outbox)`,
    `  Database      ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    `  Demo login    ${demo.email} / ${demo.password}`,
    `  Demo API key  ${demo.apiKey}`,
    '',
    'Send a sample "out for delivery" scan; the e-mail appears in the Outbox:',
    `  ${sampleEventCurl(publicUrl, demo.apiKey)}`,
    '',
    'Send a signed Shopify "orders/create" webhook; order #5010 appears under Orders:',
    `  ${sampleShopifyWebhookCurl(demo.shopify)}`,
    '',
    'Ctrl-C stops everything.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const group = new ProcessGroup();
group.stopOnSignals({ exitCodes: { SIGINT: 0, SIGTERM: 0 }, log: group.logger('postino') });
// Stopping cuts connections that the steps still running may hold (the demo seed's, a health check's):
// what they throw then is expected, not news. Before that, a crash still stops everything in order.
process.on('uncaughtException', (error) => {
  if (group.isStopping) return;
  console.error(error);
  void group.stopAll().then(() => process.exit(1));
});
main(group).catch((error: unknown) => {
  if (group.isStopping) return;
  console.error(error instanceof Error ? error.message : error);
  void group.stopAll().then(() => process.exit(1));
});
