import type { ChildProcess } from 'node:child_process';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Resolves once the child has exited; call it right after spawning so the event cannot be missed. */
export function exitOf(child: ChildProcess): Promise<ProcessExit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export interface StopChildOptions {
  /** First, polite signal; SIGKILL follows after timeoutMs. */
  signal?: NodeJS.Signals;
  timeoutMs?: number;
  /** Signal the child's whole process group (it must have been spawned `detached`). */
  processGroup?: boolean;
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    // ESRCH: it is already gone, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Signals the child, escalates to SIGKILL after a timeout, and resolves once it has exited. */
export async function stopChild(
  child: ChildProcess,
  exited: Promise<ProcessExit>,
  { signal = 'SIGTERM', timeoutMs = 10_000, processGroup = false }: StopChildOptions = {},
): Promise<ProcessExit> {
  if (child.pid === undefined) return exited;
  const target = processGroup ? -child.pid : child.pid;
  const running = child.exitCode === null && child.signalCode === null;
  if (running) sendSignal(target, signal);
  const escalation = setTimeout(() => sendSignal(target, 'SIGKILL'), timeoutMs);
  try {
    return await exited;
  } finally {
    clearTimeout(escalation);
    // Whatever the leader left behind in its group would otherwise outlive us.
    if (processGroup) sendSignal(target, 'SIGKILL');
  }
}
