import { pollFor } from '../../../harness/waiting/pollUntil.ts';

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined, options: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  const value = await pollFor(probe, { timeoutMs: options.timeoutMs ?? 2000, intervalMs: 5 });
  if (value === undefined) throw new Error(`timed out waiting for ${options.what ?? 'a condition'}`);
  return value;
}
