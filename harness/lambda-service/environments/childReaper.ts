import type { ChildProcess } from 'node:child_process';
import { guardProcessGroup, killProcessGroup } from '../../processes/processGuard.ts';

/**
 * Every live function process of this service's process, each the leader of its own process group
 * (spawned `detached`), so that killing it kills whatever the function spawned too. When this process
 * exits they are SIGKILLed; when it dies without exiting (SIGKILL), the stack's watchdog does it; the
 * bootstrap also exits by itself when its Runtime API goes away.
 */
const children = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const child of children) {
    if (child.pid !== undefined) killProcessGroup(child.pid);
  }
  children.clear();
}

/** Tracks a child spawned with `detached: true` until it exits; then what it left in its group is killed. */
export function trackChild(child: ChildProcess): void {
  if (!hooked) {
    hooked = true;
    process.once('exit', killAll);
  }
  const { pid } = child;
  if (pid === undefined) return;
  children.add(child);
  const forget = guardProcessGroup(pid);
  child.once('exit', () => {
    // A handler's own children die with their environment, as in a Lambda sandbox.
    killProcessGroup(pid);
    children.delete(child);
    forget();
  });
}

/** Kills a tracked child and its process group at once. */
export function killChild(child: ChildProcess): void {
  if (child.pid !== undefined) killProcessGroup(child.pid);
  else child.kill('SIGKILL');
}
