import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from './free-port';
import { isProcessAlive } from './process-alive';
import { startRedis } from './redis';

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function withClient<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url);
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

describe('startRedis', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('starts a Redis that answers PING, never evicts, persists nothing, and is gone after stop()', async () => {
    const redis = await startRedis();
    const port = Number(new URL(redis.url).port);

    expect(await withClient(redis.url, (client) => client.ping())).toBe('PONG');
    const config = (await withClient(redis.url, (client) => client.config('GET', '*'))) as string[];
    const setting = (name: string) => config[config.indexOf(name) + 1];
    expect(setting('maxmemory-policy')).toBe('noeviction');
    expect(setting('save')).toBe('');
    expect(setting('appendonly')).toBe('no');

    await redis.stop();
    expect(await portAcceptsConnections(port)).toBe(false);
  });

  it('keeps data across restarts when given a data directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'postino-redis-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const first = await startRedis({ dataDir });
    await withClient(first.url, (client) => client.set('shipment:1', 'delivered'));
    await first.stop();

    const second = await startRedis({ dataDir });
    cleanups.push(second.stop);
    expect(await withClient(second.url, (client) => client.get('shipment:1'))).toBe('delivered');
  });

  it('stops a redis-server left running on its data directory by a run that was killed outright', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'postino-redis-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const orphanPort = await findFreePort();
    // Started through a shell that exits at once: its parent is then init (or a subreaper), as an orphan's is.
    const orphanPid = Number(
      execFileSync('sh', ['-c', `redis-server --port ${orphanPort} --dir "$1" --appendonly yes >/dev/null 2>&1 & echo $!`, 'sh', dataDir], {
        encoding: 'utf8',
      }).trim(),
    );
    cleanups.push(async () => void (isProcessAlive(orphanPid) && process.kill(orphanPid, 'SIGKILL')));
    await expect.poll(() => portAcceptsConnections(orphanPort)).toBe(true);

    const lines: string[] = [];
    const redis = await startRedis({ dataDir, log: (line) => lines.push(line) });
    cleanups.push(redis.stop);

    expect(isProcessAlive(orphanPid)).toBe(false);
    expect(lines).toContain(`stopping redis-server pid ${orphanPid}, left running on this data directory by an earlier run`);
  });

  it('refuses a data directory that a redis-server of a running node process uses', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'postino-redis-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const otherPort = await findFreePort();
    const other = spawn('redis-server', ['--port', String(otherPort), '--dir', dataDir], { stdio: 'ignore' });
    cleanups.push(async () => void other.kill('SIGKILL'));
    await expect.poll(() => portAcceptsConnections(otherPort)).toBe(true);

    await expect(startRedis({ dataDir })).rejects.toThrow(`redis-server (pid ${other.pid}) already runs on ${dataDir}`);
  });

  it('explains in one line how to get redis-server when it cannot be found', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'postino-empty-path-'));
    const originalPath = process.env.PATH;
    process.env.PATH = emptyDir;
    try {
      const failure = await startRedis().then(
        () => new Error('startRedis should have failed'),
        (error: Error) => error,
      );
      expect(failure.message).toBe(
        'redis-server not found: install it with "sudo apt-get install -y redis-server" or set REDIS_URL',
      );
    } finally {
      process.env.PATH = originalPath;
      await rm(emptyDir, { recursive: true, force: true });
    }
  });

  it('reports a port that another Redis already holds instead of passing that one off as its own', async () => {
    const other = await startRedis();
    cleanups.push(other.stop);
    const port = Number(new URL(other.url).port);

    await expect(startRedis({ port })).rejects.toThrow(/redis-server did not start on port/);
  });
});
