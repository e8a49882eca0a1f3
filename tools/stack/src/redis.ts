import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { exitOf, stopChild } from './child-exit';
import { findOnPath } from './find-on-path';
import { findFreePort } from './free-port';
import type { LogLine } from './log-lines';
import { isProcessAlive } from './process-alive';
import { RecentLines } from './recent-lines';
import { runCommand } from './run-command';

export interface RedisOptions {
  /** Persist with an append-only file here; without it Redis keeps everything in memory only. */
  dataDir?: string;
  /** Defaults to a free port. */
  port?: number;
  log?: LogLine;
  /**
   * Run redis-server in a process group of its own, so that a terminal's Ctrl-C, which reaches the caller's
   * whole group, does not reach it: for callers that stop it themselves on signals, in order
   * (ProcessGroup.stopOnSignals). Otherwise it shares the caller's group and goes down with a Ctrl-C.
   */
  detached?: boolean;
}

export interface RunningRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** SIGTERM (Redis saves and exits), SIGKILL after a timeout; its log lines are no longer shown meanwhile. */
  stop(): Promise<void>;
  /** SIGKILL, without waiting: for a second Ctrl-C. */
  kill(): void;
}

const NOT_FOUND_MESSAGE =
  'redis-server not found: install it with "sudo apt-get install -y redis-server" or set REDIS_URL';
const READY_TIMEOUT_MS = 10_000;

function isDebianLike(): boolean {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    const ids = [...osRelease.matchAll(/^ID(?:_LIKE)?=["']?([^"'\n]*)/gm)].flatMap((match) => match[1].split(' '));
    return ids.includes('debian') || ids.includes('ubuntu');
  } catch {
    return false;
  }
}

/** Finds redis-server, installing it with apt-get when we are root on Debian/Ubuntu. */
async function locateRedisServer(log: LogLine): Promise<string> {
  const found = findOnPath('redis-server');
  if (found) return found;
  const aptGet = findOnPath('apt-get');
  if (process.getuid?.() !== 0 || !aptGet || !isDebianLike()) throw new Error(NOT_FOUND_MESSAGE);
  log('redis-server not found: installing it with apt-get (running as root on Debian/Ubuntu)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand(aptGet, ['update'], { log, env });
  await runCommand(aptGet, ['install', '-y', 'redis-server'], { log, env });
  const installed = findOnPath('redis-server');
  if (!installed) throw new Error(NOT_FOUND_MESSAGE);
  return installed;
}

/** The process id of the Redis answering on this port, once it is ready for commands. */
async function readyRedisPid(port: number): Promise<number | null> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on('error', () => {});
  try {
    await client.connect();
    if ((await client.ping()) !== 'PONG') return null;
    const pid = /^process_id:(\d+)/m.exec(await client.info('server'));
    return pid ? Number(pid[1]) : null;
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

async function procEntry(pid: number, entry: 'comm' | 'stat' | 'cwd'): Promise<string | null> {
  try {
    return entry === 'cwd' ? await readlink(`/proc/${pid}/cwd`) : (await readFile(`/proc/${pid}/${entry}`, 'utf8')).trim();
  } catch {
    return null;
  }
}

/**
 * A redis-server left running on `dir` by an earlier run that was killed outright (with `detached`, Redis does
 * not go down with its caller's process group) would share its append-only file with ours: it is stopped.
 * One whose parent is a node process still belongs to a running caller, which is refused.
 */
async function stopOrphanedRedis(dir: string, log: LogLine): Promise<void> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const real = await realpath(dir);
  for (const pid of entries.filter((entry) => /^\d+$/.test(entry)).map(Number)) {
    if (pid === process.pid || !(await procEntry(pid, 'comm'))?.startsWith('redis-server')) continue;
    if ((await procEntry(pid, 'cwd')) !== real) continue;
    const parentPid = Number((await procEntry(pid, 'stat'))?.split(') ')[1]?.split(' ')[1]);
    if (parentPid > 1 && (await procEntry(parentPid, 'comm'))?.startsWith('node')) {
      throw new Error(`redis-server (pid ${pid}) already runs on ${dir}, started by node process ${parentPid}: stop it first`);
    }
    log(`stopping redis-server pid ${pid}, left running on this data directory by an earlier run`);
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (isProcessAlive(pid) && Date.now() < deadline) await sleep(50);
    if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  }
}

/**
 * Starts a private redis-server on 127.0.0.1 with `maxmemory-policy noeviction` (queues must never lose
 * jobs silently) and resolves once it answers PING.
 */
export async function startRedis({ dataDir, port, log = () => {}, detached = false }: RedisOptions = {}): Promise<RunningRedis> {
  const redisServer = await locateRedisServer(log);
  const listenPort = port ?? (await findFreePort());
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    await stopOrphanedRedis(dataDir, log);
  }
  const persistence = dataDir
    ? ['--dir', resolve(dataDir), '--appendonly', 'yes']
    : ['--dir', tmpdir(), '--save', '', '--appendonly', 'no'];
  const args = [
    '--port', String(listenPort),
    '--bind', '127.0.0.1',
    '--maxmemory-policy', 'noeviction',
    '--daemonize', 'no',
    ...persistence,
  ];

  const child = spawn(redisServer, args, { stdio: ['ignore', 'pipe', 'pipe'], detached });
  const exited = exitOf(child);
  const recent = new RecentLines();
  let quiet = false;
  const onLine = (line: string) => {
    recent.push(line);
    if (!quiet) log(line);
  };
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', onLine);
  child.on('error', (error) => onLine(`failed to start ${redisServer}: ${error.message}`));
  // If our process ends without calling stop(), take Redis down with it.
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const stop = async () => {
    quiet = true;
    await stopChild(child, exited);
  };
  const kill = () => {
    quiet = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };

  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  // Compare process ids: a Redis that was already on this port must not pass for ours.
  while ((await readyRedisPid(listenPort)) !== child.pid) {
    if (hasExited || Date.now() > deadline) {
      await stop();
      throw new Error(
        `redis-server did not start on port ${listenPort}${hasExited ? ' (it exited)' : ''}:\n${recent.toString()}`,
      );
    }
    await sleep(50);
  }
  return { url: `redis://127.0.0.1:${listenPort}`, stop, kill };
}
