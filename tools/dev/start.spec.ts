import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, readlink, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitOf, findFreePort } from '@postino/stack';

const repoRoot = resolve(__dirname, '../..');
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** The processes still running whose command line or working directory mentions one of `paths`. */
async function processesUsing(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ');
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (paths.some((path) => cmdline.includes(path) || cwd.startsWith(path))) found.push(`${pid} ${cmdline} (in ${cwd})`);
  }
  return found;
}

/**
 * `npm start`'s launcher, run from a copy of the sources in a 0700 folder (as a clone in /root is; as root, the
 * postgres user cannot reach it) with its own .data and dist, then Ctrl-C as a terminal sends it: SIGINT to its
 * whole process group.
 */
describe('npm start (tools/dev/start.ts)', { timeout: 90_000 }, () => {
  let privateDir: string | undefined;
  let copy: string | undefined;
  afterAll(async () => {
    if (!privateDir || !copy) return;
    // As root the cluster lives outside the checkout; .data/postgres links to it.
    const cluster = await realpath(join(copy, '.data', 'postgres')).catch(() => null);
    // After a failure, whatever the launcher left running (its services run in process groups of their own).
    for (const found of await processesUsing([privateDir, ...(cluster ? [cluster] : [])])) {
      try {
        process.kill(Number(found.split(' ')[0]), 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    if (cluster && !cluster.startsWith(privateDir)) await rm(cluster, { recursive: true, force: true });
    await rm(privateDir, { recursive: true, force: true });
  });

  it('starts everything, and on Ctrl-C stops it quietly in order and exits with 0, leaving no process behind', async () => {
    privateDir = await mkdtemp(join(tmpdir(), 'postino-start-')); // 0700
    copy = join(privateDir, 'postino');
    for (const entry of ['apps', 'libs', 'tools', 'package.json', 'tsconfig.base.json']) {
      await cp(join(repoRoot, entry), join(copy, entry), { recursive: true });
    }
    await symlink(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));

    const port = await findFreePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NO_COLOR: '1' };
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'SMS_URL', 'FORCE_COLOR', 'PUBLIC_URL', 'APP_SECRET']) delete env[name];
    const launcher = spawn(process.execPath, [join(copy, 'tools/node-ts'), join(copy, 'tools/dev/start.ts')], {
      cwd: '/', // "from any folder"
      detached: true, // a process group of its own, as a terminal's foreground job has
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = exitOf(launcher);
    let output = '';
    launcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const startedOrGaveUp = () => output.includes('Ctrl-C stops everything.') || launcher.exitCode !== null;
      await expect.poll(startedOrGaveUp, { timeout: 75_000, interval: 200 }).toBe(true);
      expect(output).toContain('Postino is running.');
      expect((await fetch(`http://127.0.0.1:${port}/health`)).ok).toBe(true);
      // The demo seed's last request lines may trail the banner: let the output settle first.
      let before = -1;
      while (before !== output.length) {
        before = output.length;
        await new Promise((resolveWait) => setTimeout(resolveWait, 1_000));
      }

      process.kill(-launcher.pid!, 'SIGINT');

      expect(await exited).toEqual({ code: 0, signal: null });
      const shutdown = output.slice(before).replace(ANSI, '');
      expect(shutdown.trim().split('\n')).toEqual([
        '[postino] stopping (Ctrl-C again kills everything at once)',
        '[engine] stopped',
        '[webhooks] stopped',
        '[sms] stopped',
        '[smtp] stopped',
        '[redis] stopped',
        '[postgres] stopped',
      ]);
      const cluster = await realpath(join(copy, '.data', 'postgres'));
      expect(await processesUsing([privateDir, cluster])).toEqual([]);
    } finally {
      if (launcher.exitCode === null) {
        // A failed expectation: let it stop what it started, within reason.
        process.kill(-launcher.pid!, 'SIGTERM');
        await Promise.race([exited, new Promise((resolveWait) => setTimeout(resolveWait, 20_000))]);
        if (launcher.exitCode === null) process.kill(-launcher.pid!, 'SIGKILL');
      }
    }
  });
});
