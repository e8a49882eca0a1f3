import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf } from './child-exit';
import { isProcessAlive } from './process-alive';
import { ProcessGroup } from './process-group';

const repoRoot = resolve(__dirname, '../../..');

function collect(output: PassThrough): () => string {
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

/** A node child that prints its own pid and that of a grandchild, then ignores SIGTERM. */
const STUBBORN_PARENT = `
  const { spawn } = require('node:child_process');
  const grandchild = spawn('sleep', ['60'], { stdio: 'ignore' });
  process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
  console.log(JSON.stringify({ level: 30, time: Date.now(), msg: 'started', grandchild: grandchild.pid }));
  setInterval(() => {}, 1000);
`;

describe('ProcessGroup', () => {
  let workDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'postino-group-'));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('shows child output under its name and stops the whole process tree, SIGKILL after the timeout', async () => {
    const output = new PassThrough();
    const text = collect(output);
    const group = new ProcessGroup({ output, color: false, stopTimeoutMs: 300 });

    const worker = group.spawn('worker', process.execPath, ['-e', STUBBORN_PARENT]);
    await expect.poll(text).toMatch(/\[worker\] \[.+\] INFO: started \{"grandchild":\d+\}/);
    const grandchildPid = Number(/"grandchild":(\d+)/.exec(text())?.[1]);

    await group.stopAll();

    expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(text()).toContain('[worker] ignoring SIGTERM');
    await expect.poll(() => isProcessAlive(grandchildPid)).toBe(false);
  });

  it('stops its members last-started first', async () => {
    const stopped: string[] = [];
    const group = new ProcessGroup({ output: new PassThrough() });
    group.add('postgres', { stop: async () => void stopped.push('postgres') });
    group.add('engine', { stop: async () => void stopped.push('engine') });

    await group.stopAll();

    expect(stopped).toEqual(['engine', 'postgres']);
  });

  it('on SIGTERM stops its children and exits with 143', async () => {
    const script = join(workDir, 'supervisor.ts');
    await writeFile(
      script,
      `import { ProcessGroup } from '@postino/stack';
      const group = new ProcessGroup({ color: false });
      group.stopOnSignals();
      const sleeper = group.spawn('sleeper', 'sleep', ['60']);
      console.log('SLEEPER', sleeper.child.pid);`,
    );
    const supervisor = spawn(process.execPath, [join(repoRoot, 'tools/node-ts'), script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = exitOf(supervisor);
    const lines = createInterface({ input: supervisor.stdout });
    const sleeperPid = await new Promise<number>((resolvePid) =>
      lines.on('line', (line) => line.startsWith('SLEEPER') && resolvePid(Number(line.split(' ')[1]))),
    );

    supervisor.kill('SIGTERM');

    expect(await exited).toEqual({ code: 143, signal: null });
    expect(isProcessAlive(sleeperPid)).toBe(false);
  });
});
