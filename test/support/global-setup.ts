import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { TestProject } from 'vitest/node';
import { createPgCapturedMailStore, startEmbeddedPostgres, startRedis, startSmtpCapture } from '@postino/stack';
import { runMigrations } from '../../apps/engine/src/database/run-migrations';

export interface TestStack {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/**
 * Real services for the integration and browser tests: a fresh embedded PostgreSQL (migrated), a private
 * Redis and the SMTP capture writing into Postgres. Nothing is faked; everything is gone afterwards.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'postino-test-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, database: 'postino_test' });
  const redis = await startRedis();
  await runMigrations(postgres.url);
  const pool = new Pool({ connectionString: postgres.url, max: 4 });
  const smtp = await startSmtpCapture({ store: createPgCapturedMailStore(pool) });
  project.provide('stack', { databaseUrl: postgres.url, redisUrl: redis.url, smtpUrl: smtp.url });

  return async () => {
    await smtp.stop();
    await pool.end();
    await redis.stop();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
