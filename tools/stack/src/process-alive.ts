import { readFileSync } from 'node:fs';

/** Whether a process exists and has not merely become a zombie that its parent has yet to reap. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // Field 3 of /proc/<pid>/stat is the state; the command name before it may itself contain spaces.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    // No /proc (macOS): kill(0) is all we know.
    return true;
  }
}
