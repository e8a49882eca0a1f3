import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { findFreePort } from '@postino/stack';
import { startEngine, RunningEngine } from '../../apps/engine/src/bootstrap';
import { loadEngineConfig } from '../../apps/engine/src/config/engine-config';
import { apiClient, createMerchant, TestMerchant } from './fixtures';

/** An engine (API + workers) in this test process, on a free port, against the test stack. */
export async function startTestEngine(env: Record<string, string> = {}): Promise<RunningEngine> {
  const stack = inject('stack');
  const port = await findFreePort();
  const config = loadEngineConfig({
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    SMTP_URL: stack.smtpUrl,
    SMS_URL: stack.smsUrl,
    APP_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    // The webhook tests' receivers listen on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    ...env,
  });
  return startEngine(config);
}

export interface EngineWithMerchant {
  engine: RunningEngine;
  merchant: TestMerchant;
  api: ReturnType<typeof apiClient>;
}

/**
 * For a test file: an engine started before its tests and closed after them, with a fresh merchant
 * and an API client of its key. Read the fields inside tests (they are filled in beforeAll).
 */
export function useEngineWithMerchant(env: Record<string, string> = {}): EngineWithMerchant {
  const context = {} as EngineWithMerchant;
  beforeAll(async () => {
    context.engine = await startTestEngine(env);
    context.merchant = await createMerchant();
    context.api = apiClient(context.engine.url, context.merchant.apiKey);
  });
  afterAll(async () => {
    await context.engine?.close();
  });
  return context;
}
