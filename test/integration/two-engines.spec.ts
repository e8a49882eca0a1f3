import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exitOf, findFreePort, stopChild, type ProcessExit } from '@postino/stack';
import { MIGRATIONS } from '../../apps/engine/src/database/migrations';
import { waitFor } from '../support/fixtures';

const ROOT = resolve(__dirname, '../..');

interface EngineProcess {
  child: ChildProcess;
  exited: Promise<ProcessExit>;
  url: string;
  output: () => string;
  stderr: () => string;
}

/** `node tools/node-ts apps/engine/src/main.ts`, as an operator starts it, with only the given environment. */
function spawnEngine(env: Record<string, string>, port: number): EngineProcess {
  const child = spawn(process.execPath, ['tools/node-ts', 'apps/engine/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = exitOf(child);
  let output = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => {
    output += chunk;
    stderr += chunk;
  });
  return { child, exited, url: `http://127.0.0.1:${port}`, output: () => output, stderr: () => stderr };
}

async function healthy(engine: EngineProcess): Promise<boolean> {
  if (engine.child.exitCode !== null) throw new Error(`engine exited early:\n${engine.output()}`);
  try {
    return (await fetch(`${engine.url}/health`)).status === 200;
  } catch {
    return false;
  }
}

/** Resolves with how the process ended, or with `timed out` if it is still running after `ms`. */
function within(exited: Promise<ProcessExit>, ms: number): Promise<ProcessExit | 'timed out'> {
  return Promise.race([exited, new Promise<'timed out'>((r) => setTimeout(() => r('timed out'), ms))]);
}

describe('engine processes', () => {
  const stack = inject('stack');
  const coldDatabase = `cold_${randomBytes(6).toString('hex')}`;
  const coldUrl = Object.assign(new URL(stack.databaseUrl), { pathname: `/${coldDatabase}` }).toString();
  // A Redis database of its own, so these engines pick up no jobs left by other test files.
  const redisUrl = Object.assign(new URL(stack.redisUrl), { pathname: '/7' }).toString();
  const engines: EngineProcess[] = [];

  async function onServer<T>(run: (client: Client) => Promise<T>, url = stack.databaseUrl): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  const baseEnv = () => ({
    DATABASE_URL: coldUrl,
    REDIS_URL: redisUrl,
    SMTP_URL: stack.smtpUrl,
    APP_SECRET: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });

  beforeAll(async () => {
    await onServer((client) => client.query(`CREATE DATABASE ${coldDatabase}`));
  });

  afterAll(async () => {
    await Promise.all(engines.map((engine) => stopChild(engine.child, engine.exited, { signal: 'SIGKILL' })));
    await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${coldDatabase} WITH (FORCE)`));
  });

  it('start together on an empty database, migrate it once, and stop cleanly on SIGTERM', async () => {
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    const env = baseEnv();
    engines.push(spawnEngine(env, portA), spawnEngine(env, portB));

    for (const engine of engines) await waitFor(() => healthy(engine), 90_000, `/health of ${engine.url}`);

    const applied = await onServer(
      (client) => client.query(`SELECT name, count(*)::int AS times FROM schema_migrations GROUP BY name`),
      coldUrl,
    );
    expect(applied.rows).toHaveLength(MIGRATIONS.length);
    expect(applied.rows.every((row) => row.times === 1)).toBe(true);
    const tables = await onServer(
      (client) => client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'shipments'`),
      coldUrl,
    );
    expect(tables.rows[0].n).toBe(1);

    for (const engine of engines) engine.child.kill('SIGTERM');
    const exits = await Promise.all(engines.map((engine) => within(engine.exited, 15_000)));
    expect(exits, engines.map((e) => e.output()).join('\n---\n')).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
  }, 120_000);

  it('refuses to start with a wrong setting, naming it', async () => {
    const engine = spawnEngine({ ...baseEnv(), REDIS_URL: 'http://x' }, await findFreePort());
    engines.push(engine);
    const exit = await within(engine.exited, 30_000);
    expect(exit).not.toBe('timed out');
    expect((exit as ProcessExit).code).not.toBe(0);
    expect(engine.stderr()).toMatch(/REDIS_URL must start with redis:\/\/ or rediss:\/\//);
  }, 60_000);
});
