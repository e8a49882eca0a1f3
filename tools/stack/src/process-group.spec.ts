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

  it('stops its members one at a time, last-started first, with one line each', async () => {
    const events: string[] = [];
    const output = new PassThrough();
    const text = collect(output);
    const group = new ProcessGroup({ output, color: false });
    const slowStop = (name: string) => async () => {
      events.push(`${name} stopping`);
      await new Promise((resolveStop) => setTimeout(resolveStop, 20));
      events.push(`${name} stopped`);
    };
    group.add('postgres', { stop: slowStop('postgres') });
    group.add('engine', { stop: slowStop('engine') });

    await group.stopAll();

    expect(events).toEqual(['engine stopping', 'engine stopped', 'postgres stopping', 'postgres stopped']);
    expect(text()).toBe('[engine] stopped\n[postgres] stopped\n');
  });

  it('forgets a spawned process once it has exited by itself, saying how', async () => {
    const output = new PassThrough();
    const text = collect(output);
    const group = new ProcessGroup({ output, color: false });
    const build = group.spawn('build', process.execPath, ['-e', 'process.exit(0)']);
    expect(await build.exited).toEqual({ code: 0, signal: null });
    await expect.poll(text).toContain('[build] exited with code 0');

    await group.stopAll();

    expect(text()).not.toContain('[build] stopped');
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

  /** A supervisor whose only member takes `stopMs` to stop and writes KILLED when killed. */
  async function startSupervisor(stopMs: number) {
    const script = join(workDir, `supervisor-${stopMs}.ts`);
    await writeFile(
      script,
      `import { writeSync } from 'node:fs';
      import { ProcessGroup } from '@postino/stack';
      const group = new ProcessGroup({ color: false });
      group.stopOnSignals({ exitCodes: { SIGINT: 0 }, log: group.logger('supervisor') });
      group.add('slow', {
        stop: () => new Promise<void>((resolve) => setTimeout(resolve, ${stopMs})),
        kill: () => void writeSync(1, 'KILLED\\n'),
      });
      setInterval(() => {}, 1000);
      console.log('READY');`,
    );
    const supervisor = spawn(process.execPath, [join(repoRoot, 'tools/node-ts'), script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = exitOf(supervisor);
    let output = '';
    const lines = createInterface({ input: supervisor.stdout });
    lines.on('line', (line) => (output += `${line}\n`));
    await expect.poll(() => output, { timeout: 20_000 }).toContain('READY');
    return { supervisor, exited, output: () => output };
  }

  it('on SIGINT stops everything and exits with the code asked for, a repeat of the same signal notwithstanding', async () => {
    const { supervisor, exited, output } = await startSupervisor(600);

    // As a terminal and a forwarding parent (npm) deliver one Ctrl-C.
    supervisor.kill('SIGINT');
    supervisor.kill('SIGINT');

    expect(await exited).toEqual({ code: 0, signal: null });
    expect(output()).toContain('[supervisor] stopping (Ctrl-C again kills everything at once)\n[slow] stopped\n');
    expect(output()).not.toContain('KILLED');
  });

  it('on a second SIGINT while stopping kills everything at once and exits with 130', async () => {
    const { supervisor, exited, output } = await startSupervisor(60_000);

    supervisor.kill('SIGINT');
    await expect.poll(output).toContain('stopping');
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    supervisor.kill('SIGINT');

    expect(await exited).toEqual({ code: 130, signal: null });
    expect(output()).toContain('KILLED\n[supervisor] killed everything');
  });
});
