import { createWaiter, WaiterState } from '@smithy/core/client';

export interface PollOptions {
  /** How long to keep reading. */
  timeoutMs: number;
  /** The pause between reads (no backoff unless `maxIntervalMs` is larger). */
  intervalMs: number;
  /** Backs off exponentially, with the SDK's jitter, from `intervalMs` up to this. */
  maxIntervalMs?: number;
  signal?: AbortSignal;
}

/** The last value read, and whether it satisfied the condition before the deadline. */
export interface Polled<T> {
  done: boolean;
  value: T;
}

/**
 * Reads until `done(value)` holds or the deadline passes, on the AWS SDK's waiter machinery (the one behind
 * `waitUntilFunctionActive`), and returns the last value read either way, so a caller can say what it saw.
 * A read that throws ends the wait with its error.
 */
export async function pollUntil<T>(read: () => T | Promise<T>, done: (value: T) => boolean, options: PollOptions): Promise<Polled<T>> {
  let last: Polled<T> | undefined;
  const minDelay = options.intervalMs / 1000;
  const result = await createWaiter(
    {
      client: undefined,
      minDelay,
      maxDelay: Math.max(options.maxIntervalMs ?? options.intervalMs, options.intervalMs) / 1000,
      // The SDK wants the wait longer than one pause; a shorter one still reads once.
      maxWaitTime: Math.max(options.timeoutMs / 1000, minDelay * 1.001),
      ...(options.signal ? { abortSignal: options.signal } : {}),
    },
    undefined,
    async () => {
      const value = await read();
      last = { done: done(value), value };
      return { state: last.done ? WaiterState.SUCCESS : WaiterState.RETRY };
    },
  );
  // The first read happens before any pause, so there is always one (unless aborted before it resolved).
  if (!last) throw new Error(`the wait ended (${result.state}) before its first read`);
  return last;
}

/** As {@link pollUntil} for a probe that returns undefined (or false) until it has its answer; undefined at the deadline. */
export async function pollFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, options: PollOptions): Promise<T | undefined> {
  const { done, value } = await pollUntil(probe, (v) => v !== undefined && v !== false, options);
  return done ? (value as T) : undefined;
}
