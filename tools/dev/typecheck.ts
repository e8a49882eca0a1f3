import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createPrefixedLogger } from '@postino/stack';

// `npm run typecheck`: `tsc --noEmit` over every project with its own tsconfig, as `npm test` does
// (tools/test/run.ts): test/ and every apps/*, libs/*, tools/* folder holding a tsconfig.json. Projects
// differ in their compiler options (DOM or node types, JSX), so one combined program would check them wrongly.

const root = resolve(__dirname, '../..');

function projectTsconfigs(): string[] {
  const crossApp = existsSync(join(root, 'test/tsconfig.json')) ? ['test/tsconfig.json'] : [];
  return crossApp.concat(
    ['apps', 'libs', 'tools'].flatMap((group) =>
      readdirSync(join(root, group), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(root, group, entry.name, 'tsconfig.json')))
        .map((entry) => `${group}/${entry.name}/tsconfig.json`),
    ),
  );
}

function typecheck(tsconfig: string): Promise<boolean> {
  const log = createPrefixedLogger(`tsc ${tsconfig.replace(/\/tsconfig\.json$/, '')}`);
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '--noEmit', '-p', tsconfig, '--pretty', String(process.stdout.isTTY === true)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', log);
  return new Promise((resolveOk) => {
    child.once('error', (error) => {
      log(`cannot run tsc: ${error.message}`);
      resolveOk(false);
    });
    child.once('close', (code) => resolveOk(code === 0));
  });
}

async function main(): Promise<void> {
  const queue = projectTsconfigs();
  const count = queue.length;
  const failed: string[] = [];
  const worker = async () => {
    for (let tsconfig = queue.shift(); tsconfig; tsconfig = queue.shift()) {
      if (!(await typecheck(tsconfig))) failed.push(tsconfig);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, availableParallelism()) }, worker));
  process.stdout.write(failed.length ? `type errors in: ${failed.join(', ')}\n` : `no type errors (${count} projects)\n`);
  process.exitCode = failed.length ? 1 : 0;
}

void main();
