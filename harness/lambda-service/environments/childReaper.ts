import type { ChildProcess } from 'node:child_process';

/**
 * Every live function process of this service's process. When the process
 * exits (even on an interrupted run) they are SIGKILLed, so none outlives
 * it; the bootstrap also exits by itself when its Runtime API goes away.
 */
const children = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  children.clear();
}

/** Tracks a child until it exits. */
export function trackChild(child: ChildProcess): void {
  if (!hooked) {
    hooked = true;
    process.once('exit', killAll);
  }
  children.add(child);
  child.once('exit', () => children.delete(child));
}
