import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WATCHDOG = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));

let watchdog: ChildProcess | undefined;

/**
 * The watchdog of this process (`watchdog.mjs`), started on first use: it SIGKILLs whatever is still
 * guarded as soon as this process is gone, however it dies (a SIGKILL included), so no process of the
 * stack outlives it. It does not keep this process alive.
 */
function send(line: string, options: { start: boolean }): void {
  const running = watchdog !== undefined && watchdog.exitCode === null && watchdog.signalCode === null;
  if (!running && !options.start) return;
  if (!running) {
    watchdog = spawn(process.execPath, [WATCHDOG], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    watchdog.on('error', () => {});
    watchdog.stdin?.on('error', () => {});
    watchdog.unref();
    (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  watchdog?.stdin?.write(`${line}\n`);
}

/** Guards the process group led by `pid` (a child spawned with `detached: true`); returns what forgets it. */
export function guardProcessGroup(pid: number): () => void {
  send(`group ${pid}`, { start: true });
  return () => send(`forget ${pid}`, { start: false });
}

/** Guards one process; returns what forgets it. */
export function guardProcess(pid: number): () => void {
  send(`process ${pid}`, { start: true });
  return () => send(`forget ${pid}`, { start: false });
}

/** SIGKILLs the process group led by `pid`: the process and whatever it spawned that stayed in its group. */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
