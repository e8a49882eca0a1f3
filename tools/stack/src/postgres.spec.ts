import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf } from './child-exit';
import { startEmbeddedPostgres } from './postgres';

const repoRoot = resolve(__dirname, '../../..');

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function canConnect(url: string): Promise<boolean> {
  return query(url, 'SELECT 1').then(
    () => true,
    () => false,
  );
}

describe('startEmbeddedPostgres', { timeout: 60_000 }, () => {
  let workDir: string;
  let dataDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'postino-pg-'));
    // As root, Postgres runs as the `postgres` user, which must be able to reach the data directory.
    await chmod(workDir, 0o755);
    dataDir = join(workDir, 'data');
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('creates the database, and keeps its data for the next start', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postino$/);
    await query(first.url, "CREATE TABLE shipments (id text); INSERT INTO shipments VALUES ('PST-1')");
    await first.stop();
    expect(await canConnect(first.url)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url, 'SELECT id FROM shipments')).toEqual([{ id: 'PST-1' }]);
    } finally {
      await second.stop();
    }
  });

  it('starts despite a postmaster.pid left by a crash naming a pid now used by another program', async () => {
    // Postgres only refuses a pid it may signal, so the other program runs as the user Postgres runs as.
    const owner = process.getuid?.() === 0 ? postgresUserIds() : {};
    const otherProgram = spawn('sleep', ['60'], owner);
    try {
      await writeFile(join(dataDir, 'postmaster.pid'), `${otherProgram.pid}\n${dataDir}\n`);
      const server = await startEmbeddedPostgres({ dataDir, database: 'postino_crash' });
      try {
        expect(await query(server.url, 'SELECT current_database() AS name')).toEqual([{ name: 'postino_crash' }]);
      } finally {
        await server.stop();
      }
    } finally {
      otherProgram.kill();
    }
  });

  it.runIf(process.getuid?.() === 0)('as root, runs on a data directory the postgres user cannot reach (under a 0700 folder), keeping its data', async () => {
    const privateDir = await mkdtemp(join(tmpdir(), 'postino-pg-private-')); // 0700, like /root
    const privateDataDir = join(privateDir, 'checkout', '.data', 'postgres');
    try {
      const first = await startEmbeddedPostgres({ dataDir: privateDataDir });
      await query(first.url, "CREATE TABLE shipments (id text); INSERT INTO shipments VALUES ('PST-2')");
      await first.stop();
      const second = await startEmbeddedPostgres({ dataDir: privateDataDir });
      try {
        expect(await query(second.url, 'SELECT id FROM shipments')).toEqual([{ id: 'PST-2' }]);
      } finally {
        await second.stop();
      }
    } finally {
      const relocated = await realpath(privateDataDir).catch(() => null);
      if (relocated) await rm(relocated, { recursive: true, force: true });
      await rm(privateDir, { recursive: true, force: true });
    }
  });

  it('leaves the exit code of a script that used it alone', async () => {
    const script = join(workDir, 'script.ts');
    await writeFile(
      script,
      `import { startEmbeddedPostgres } from '@postino/stack';
      startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} }).then(async (server) => {
        await server.stop();
        process.exitCode = 3;
      });`,
    );
    const child = spawn(process.execPath, [join(repoRoot, 'tools/node-ts'), script], { stdio: 'inherit' });
    expect(await exitOf(child)).toEqual({ code: 3, signal: null });
  });
});
