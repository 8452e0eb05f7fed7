export interface CompletionTrackerOptions {
  /** The parts that make an item complete: the consumers of an order, the queues of a message. */
  parts: readonly string[];
  /** How long `expect` waits before it rejects, naming the missing parts. */
  timeoutMs: number;
}

interface Entry {
  arrived: Set<string>;
  completedAt?: number;
  waiter?: { deferred: PromiseWithResolvers<number>; timer: NodeJS.Timeout };
}

/**
 * Tracks items that are complete once every expected part has arrived
 * (an order once both consumers reported it). Parts may arrive before the
 * item is expected: an outcome can overtake the 202 that names the order.
 */
export class CompletionTracker {
  readonly #parts: readonly string[];
  readonly #timeoutMs: number;
  readonly #entries = new Map<string, Entry>();
  #duplicates = 0;
  #unknownParts = 0;

  constructor(options: CompletionTrackerOptions) {
    this.#parts = options.parts;
    this.#timeoutMs = options.timeoutMs;
  }

  /** Parts that arrived twice (redeliveries) or for an unknown part name; a clean run has none. */
  get anomalies(): { duplicates: number; unknownParts: number } {
    return { duplicates: this.#duplicates, unknownParts: this.#unknownParts };
  }

  /** Resolves with the performance.now() of the last part's arrival. */
  expect(id: string): Promise<number> {
    const entry = this.#entry(id);
    if (entry.completedAt !== undefined) {
      return Promise.resolve(entry.completedAt);
    }
    if (entry.waiter) {
      return entry.waiter.deferred.promise;
    }
    const deferred = Promise.withResolvers<number>();
    const timer = setTimeout(() => {
      const missing = this.#parts.filter((part) => !entry.arrived.has(part));
      deferred.reject(new Error(`${id} incomplete after ${this.#timeoutMs} ms: nothing from ${missing.join(', ')}`));
    }, this.#timeoutMs);
    entry.waiter = { deferred, timer };
    return deferred.promise;
  }

  /** Records one part of `id`, arrived at `at` (performance.now()). */
  arrive(id: string, part: string, at: number = performance.now()): void {
    if (!this.#parts.includes(part)) {
      this.#unknownParts += 1;
      return;
    }
    const entry = this.#entry(id);
    if (entry.arrived.has(part)) {
      this.#duplicates += 1;
      return;
    }
    entry.arrived.add(part);
    if (entry.arrived.size === this.#parts.length) {
      entry.completedAt = at;
      if (entry.waiter) {
        clearTimeout(entry.waiter.timer);
        entry.waiter.deferred.resolve(at);
      }
    }
  }

  /** Cancels the timers of items still waited for. */
  dispose(): void {
    for (const entry of this.#entries.values()) {
      if (entry.waiter) {
        clearTimeout(entry.waiter.timer);
      }
    }
  }

  #entry(id: string): Entry {
    let entry = this.#entries.get(id);
    if (!entry) {
      entry = { arrived: new Set() };
      this.#entries.set(id, entry);
    }
    return entry;
  }
}
