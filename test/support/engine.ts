import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { findFreePort } from '@postino/stack';
import { startEngine, RunningEngine } from '../../apps/engine/src/bootstrap';
import { loadEngineConfig } from '../../apps/engine/src/config/engine-config';

/** An engine (API + workers) in this test process, on a free port, against the test stack. */
export async function startTestEngine(env: Record<string, string> = {}): Promise<RunningEngine> {
  const stack = inject('stack');
  const port = await findFreePort();
  const config = loadEngineConfig({
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    SMTP_URL: stack.smtpUrl,
    APP_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    ...env,
  });
  return startEngine(config);
}
