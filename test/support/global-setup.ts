import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { TestProject } from 'vitest/node';
import {
  createPgCapturedMailStore,
  createPgCapturedSmsStore,
  createPgCapturedWebhookStore,
  startEmbeddedPostgres,
  startRedis,
  startSmsCapture,
  startSmtpCapture,
  startWebhookCapture,
} from '@postino/stack';
import { runMigrations } from '../../apps/engine/src/database/run-migrations';

export interface TestStack {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
  smsUrl: string;
  /** Each test engine has its own APP_SECRET, so this capture stores signatures without checking them. */
  webhookUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/**
 * Real services for the integration and browser tests: a fresh embedded PostgreSQL (migrated), a private
 * Redis and the SMTP and SMS captures writing into Postgres. Nothing is faked; everything is gone afterwards.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'postino-test-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, database: 'postino_test' });
  const redis = await startRedis();
  await runMigrations(postgres.url);
  const pool = new Pool({ connectionString: postgres.url, max: 4 });
  const smtp = await startSmtpCapture({ store: createPgCapturedMailStore(pool) });
  const sms = await startSmsCapture({ store: createPgCapturedSmsStore(pool) });
  const webhooks = await startWebhookCapture({ store: createPgCapturedWebhookStore(pool) });
  project.provide('stack', { databaseUrl: postgres.url, redisUrl: redis.url, smtpUrl: smtp.url, smsUrl: sms.url, webhookUrl: webhooks.url });

  return async () => {
    await webhooks.stop();
    await sms.stop();
    await smtp.stop();
    await pool.end();
    await redis.stop();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
