import { pollFor, pollUntil } from '../../../harness/waiting/pollUntil.ts';

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(
  description: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  let lastError: unknown;
  const value = await pollFor(async () => {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      return undefined;
    }
  }, { timeoutMs: options.timeoutMs ?? 10_000, intervalMs: options.intervalMs ?? 20 });
  if (value === undefined) {
    throw new Error(`Timed out waiting for ${description}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
  }
  return value;
}

/** Asserts `check` stays false for the whole window (a stated "nothing happens" period). */
export async function expectNothingFor(
  description: string,
  windowMs: number,
  check: () => boolean | Promise<boolean>,
): Promise<void> {
  const { done } = await pollUntil(check, (happened) => happened, { timeoutMs: windowMs, intervalMs: 25 });
  if (done) {
    throw new Error(`Expected nothing within ${windowMs} ms, but ${description}`);
  }
}

/** True while a process exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
