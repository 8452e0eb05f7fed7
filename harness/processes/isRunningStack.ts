import { readFileSync } from 'node:fs';

/** What a stack process runs; a process that merely reused its pid runs something else. */
const STACK_ENTRY = 'harness/cli/start.ts';

/**
 * Whether `pid` is a live `npm start` stack (a zombie or another program that reused the pid is not).
 * Without /proc (macOS), whether the pid is alive at all.
 */
export function isRunningStack(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((arg) => arg.endsWith(STACK_ENTRY));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || process.platform === 'linux') return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
