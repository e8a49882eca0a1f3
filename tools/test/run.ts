import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createPrefixedLogger } from '@postino/stack';
import type { TestSummary } from './summary-reporter';

// `npm test [-- vitest args]`: lint, type checks and Vitest, then one last line `N passed, N failed[, N skipped]`
// in which lint and the type checks count as one check each. With vitest args, only Vitest runs.

const root = resolve(__dirname, '../..');
const color = process.stdout.isTTY === true && !process.env.NO_COLOR;

function heading(text: string): void {
  process.stdout.write(`\n${color ? `\x1b[1m> ${text}\x1b[0m` : `> ${text}`}\n`);
}

function bin(name: string): string {
  return join(root, 'node_modules', '.bin', name);
}

/** Runs a command from the repo root; resolves with its exit code (output inherited unless `onLine` is given). */
function run(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {},
): Promise<number> {
  return new Promise((resolveCode) => {
    const child = spawn(command, args, {
      cwd: root,
      env: options.env ?? process.env,
      stdio: options.onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (options.onLine) {
      for (const stream of [child.stdout, child.stderr]) {
        if (stream) createInterface({ input: stream }).on('line', options.onLine);
      }
    }
    child.once('error', (error) => {
      process.stderr.write(`cannot run ${command}: ${error.message}\n`);
      resolveCode(1);
    });
    child.once('close', (code) => resolveCode(code ?? 1));
  });
}

async function lint(): Promise<boolean> {
  heading('eslint .');
  // @nx/enforce-module-boundaries silently skips itself unless Nx has a cached project graph.
  let graphOutput = '';
  const graphCode = await run(bin('nx'), ['show', 'projects'], {
    env: { ...process.env, NX_DAEMON: 'false' },
    onLine: (line) => (graphOutput += `${line}\n`),
  });
  if (graphCode !== 0) {
    process.stdout.write(`nx could not compute the project graph:\n${graphOutput}`);
    return false;
  }
  return (await run(bin('eslint'), ['.'])) === 0;
}

function projectTsconfigs(): string[] {
  const crossApp = existsSync(join(root, 'test/tsconfig.json')) ? ['test/tsconfig.json'] : [];
  return crossApp.concat(['apps', 'libs', 'tools'].flatMap((group) => {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) return [];
    return readdirSync(groupDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(groupDir, entry.name, 'tsconfig.json')))
      .map((entry) => `${group}/${entry.name}/tsconfig.json`);
  }));
}

/** tsc over every project, a few at a time; undefined when there is nothing to check. */
async function typecheck(): Promise<boolean | undefined> {
  const tsconfigs = projectTsconfigs();
  if (tsconfigs.length === 0) return undefined;
  heading(`tsc --noEmit (${tsconfigs.length} projects)`);
  const queue = [...tsconfigs];
  const failed: string[] = [];
  const worker = async () => {
    for (let tsconfig = queue.shift(); tsconfig; tsconfig = queue.shift()) {
      const project = tsconfig.replace(/\/tsconfig\.json$/, '');
      const log = createPrefixedLogger(`tsc ${project}`, { color });
      const code = await run(bin('tsc'), ['--noEmit', '-p', tsconfig, '--pretty', String(color)], { onLine: log });
      if (code !== 0) failed.push(project);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, availableParallelism()) }, worker));
  process.stdout.write(failed.length ? `type errors in: ${failed.join(', ')}\n` : 'no type errors\n');
  return failed.length === 0;
}

async function vitest(args: readonly string[]): Promise<TestSummary> {
  heading(['vitest run', ...args].join(' '));
  const summaryDir = mkdtempSync(join(tmpdir(), 'postino-test-'));
  const summaryFile = join(summaryDir, 'summary.json');
  try {
    const code = await run(bin('vitest'), ['run', '--config', 'tools/test/vitest.config.ts', ...args], {
      env: { ...process.env, POSTINO_TEST_SUMMARY: summaryFile },
    });
    const summary: TestSummary = existsSync(summaryFile)
      ? JSON.parse(readFileSync(summaryFile, 'utf8'))
      : { passed: 0, failed: 0, skipped: 0 };
    // Vitest can fail with no failing test to count (bad config, no test files, a crash): still a failure.
    if (code !== 0 && summary.failed === 0) {
      process.stdout.write(`vitest exited with code ${code}\n`);
      summary.failed = 1;
    }
    return summary;
  } finally {
    rmSync(summaryDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const vitestArgs = process.argv.slice(2);
  const total: TestSummary = { passed: 0, failed: 0, skipped: 0 };
  const count = (ok: boolean | undefined) => {
    if (ok === true) total.passed++;
    if (ok === false) total.failed++;
  };
  if (vitestArgs.length === 0) {
    count(await lint());
    count(await typecheck());
  }
  const tests = await vitest(vitestArgs);
  total.passed += tests.passed;
  total.failed += tests.failed;
  total.skipped += tests.skipped;

  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

void main();
