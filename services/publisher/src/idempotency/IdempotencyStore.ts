/** What a key stands for: the order its first request made, reused by every retry. */
export interface IdempotentOrder {
  orderId: string;
  eventId: string;
  occurredAt: string;
  correlationId: string;
}

/** What a request with a key may do, given what the key already stands for. */
export type Claim =
  /** A new key: publish this order. */
  | { kind: 'first'; order: IdempotentOrder }
  /** The key's order was accepted: answer as the first time, publish nothing. */
  | { kind: 'accepted'; order: IdempotentOrder }
  /** An earlier try failed or its outcome is unknown: publish the same event again. */
  | { kind: 'retry'; order: IdempotentOrder }
  /** A request with this key is still being answered. */
  | { kind: 'in-flight' }
  /** The key was used for another order. */
  | { kind: 'mismatch' };

interface Entry {
  order: IdempotentOrder;
  fingerprint: string;
  state: 'in-flight' | 'accepted' | 'open';
  expiresAt: number;
}

export interface IdempotencyStoreOptions {
  /** How long a key stands for its order, from its first request. */
  windowMs: number;
  /** Keys kept at most; past it the oldest is forgotten first. */
  maxKeys: number;
  now?: () => number;
}

/**
 * The `Idempotency-Key`s of one publisher process, in memory: each stands for the order (ids, time,
 * correlation id) its first request made, for `windowMs`. Bounded: the oldest key goes first.
 */
export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #options: IdempotencyStoreOptions;
  readonly #now: () => number;

  constructor(options: IdempotencyStoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Decides what a request with `key` and this body may do; `mint` makes the order of a new key. */
  claim(key: string, fingerprint: string, mint: () => IdempotentOrder): Claim {
    this.#expire();
    const entry = this.#entries.get(key);
    if (!entry) {
      const order = mint();
      while (this.#entries.size >= this.#options.maxKeys) this.#dropOldest();
      this.#entries.set(key, { order, fingerprint, state: 'in-flight', expiresAt: this.#now() + this.#options.windowMs });
      return { kind: 'first', order };
    }
    if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (entry.state === 'in-flight') return { kind: 'in-flight' };
    if (entry.state === 'accepted') return { kind: 'accepted', order: entry.order };
    entry.state = 'in-flight';
    return { kind: 'retry', order: entry.order };
  }

  /** The request holding `key` is answered: accepted for good, or open to a retry. */
  settle(key: string, accepted: boolean): void {
    const entry = this.#entries.get(key);
    if (entry) entry.state = accepted ? 'accepted' : 'open';
  }

  /** Keys are kept in the order they were first used, which is the order they expire in. */
  #expire(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) return;
      this.#entries.delete(key);
    }
  }

  #dropOldest(): void {
    const oldest = this.#entries.keys().next();
    if (!oldest.done) this.#entries.delete(oldest.value);
  }
}
