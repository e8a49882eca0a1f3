import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { LogLine } from './log-lines';

/** Runs a command to completion, its output going line by line to `log`; rejects unless it exits with 0. */
export function runCommand(
  command: string,
  args: readonly string[],
  { log, env = process.env }: { log: LogLine; env?: NodeJS.ProcessEnv },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', log);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
