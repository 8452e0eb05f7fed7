export interface UntilOptions {
  /** How long to wait for the condition, in ms. */
  timeoutMs: number;
}

/**
 * Event-driven waiting: callers wait until a condition over some collected state holds, and the
 * collector calls notify() whenever that state changes. No polling, no sleeps; a deadline ends the wait.
 * Collectors whose state one condition reads together (outcomes and dead letters) share one Waiters,
 * so that an arrival in either wakes the waiter.
 */
export class Waiters {
  readonly #pending = new Set<() => void>();

  /** Re-evaluates every pending condition. */
  notify(): void {
    for (const recheck of [...this.#pending]) recheck();
  }

  /**
   * Resolves with the condition's first non-undefined value, or with `undefined` once the deadline
   * passes, so the caller can describe what it saw instead of a bare timeout.
   */
  until<T>(check: () => T | undefined, options: UntilOptions): Promise<T | undefined> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    const { promise, resolve } = Promise.withResolvers<T | undefined>();
    const finish = (value: T | undefined): void => {
      clearTimeout(timer);
      this.#pending.delete(recheck);
      resolve(value);
    };
    const recheck = (): void => {
      const value = check();
      if (value !== undefined) finish(value);
    };
    const timer = setTimeout(() => finish(check()), options.timeoutMs);
    this.#pending.add(recheck);
    return promise;
  }
}
