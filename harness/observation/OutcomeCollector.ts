import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import type { InProcessSqs } from '../lambda-service/types.ts';
import { parseOutcomeMessage, type Outcome } from '../../contracts/index.ts';
import { ReceiveLoop, type ReceiveStats } from './ReceiveLoop.ts';
import { Waiters, type UntilOptions } from './Waiters.ts';

/** An outcome with when it travelled: the Lambda sent it at `sentAt`, the collector read it at `receivedAt`. */
export interface CollectedOutcome {
  outcome: Outcome;
  /** Epoch ms, SQS `SentTimestamp` of the outcome message. */
  sentAt: number;
  /** Epoch ms. */
  receivedAt: number;
}

/** A message on the outcomes queue that is not an Outcome; kept for diagnostics. */
export interface MalformedOutcome {
  body: string;
  reason: string;
  receivedAt: number;
}

export interface OutcomeCollectorOptions {
  sqs: SQSClient;
  queueUrl: string;
  /** The stack's SQS store in this process, read directly instead of over HTTP (see ReceiveLoop). */
  store?: InProcessSqs;
  /** Concurrent long polls of the outcomes queue. Default 2. */
  pollers?: number;
  /** Long-poll wait per receive, in seconds. Default 2. */
  waitTimeSeconds?: number;
  /** Failed polls, and deletes SQS refused (their messages come back and are dropped as redeliveries). */
  onError?: (error: unknown) => void;
  /** Shared with the dead-letter collector, so a wait on both wakes on either; default its own. */
  waiters?: Waiters;
  /**
   * Called with each outcome as it is indexed (after the waiters were notified), and the `performance.now()`
   * its batch arrived: for tallies on the clock the bench measures latencies with.
   */
  onOutcome?: (collected: CollectedOutcome, arrivedAt: number) => void;
}

/** How collection went: what a failure message shows when outcomes go missing or appear twice. */
export interface CollectorHealth {
  /** Outcome messages read but not deleted (DeleteMessageBatch `Failed` entries). */
  failedDeletes: number;
  /** Messages received again after they had been indexed (same SQS MessageId), and dropped. */
  redelivered: number;
}

/**
 * Drains the shared outcomes queue for the whole test run into an in-memory index. Scenarios read
 * from the index by order id or correlation id and never receive from the queue themselves, so one
 * scenario cannot consume and drop another's outcomes. Each SQS message is indexed once: one whose
 * delete failed comes back with the same MessageId and is counted as redelivered, not as a second outcome.
 */
export class OutcomeCollector {
  readonly #loop: ReceiveLoop;
  readonly #waiters: Waiters;
  readonly #onOutcome: ((collected: CollectedOutcome, arrivedAt: number) => void) | undefined;
  readonly #seen = new Set<string>();
  #redelivered = 0;
  readonly #all: CollectedOutcome[] = [];
  readonly #malformed: MalformedOutcome[] = [];
  readonly #byOrderId = new Map<string, CollectedOutcome[]>();
  readonly #byCorrelationId = new Map<string, CollectedOutcome[]>();

  constructor(options: OutcomeCollectorOptions) {
    this.#waiters = options.waiters ?? new Waiters();
    this.#onOutcome = options.onOutcome;
    this.#loop = new ReceiveLoop({
      sqs: options.sqs,
      queueUrl: options.queueUrl,
      ...(options.store ? { store: options.store } : {}),
      pollers: options.pollers ?? 2,
      ...(options.waitTimeSeconds === undefined ? {} : { waitTimeSeconds: options.waitTimeSeconds }),
      onMessage: (message, arrivedAt) => this.#add(message, arrivedAt),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }

  start(): this {
    this.#loop.start();
    return this;
  }

  /** Stops at once; a long poll in flight is left to run out, never aborted (see {@link ReceiveLoop}). */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Receives, polls and empty polls of the outcomes queue. */
  receiveStats(): Readonly<ReceiveStats> {
    return this.#loop.stats;
  }

  all(): readonly CollectedOutcome[] {
    return this.#all;
  }

  malformed(): readonly MalformedOutcome[] {
    return this.#malformed;
  }

  forOrder(orderId: string): readonly CollectedOutcome[] {
    return this.#byOrderId.get(orderId) ?? [];
  }

  forCorrelationId(correlationId: string): readonly CollectedOutcome[] {
    return this.#byCorrelationId.get(correlationId) ?? [];
  }

  health(): CollectorHealth {
    return { failedDeletes: this.#loop.stats.failedDeletes, redelivered: this.#redelivered };
  }

  /**
   * Waits until `check` returns a value, re-checking on every collected outcome (and on whatever else
   * notifies the shared waiters); `undefined` at the deadline.
   */
  until<T>(check: () => T | undefined, options: UntilOptions): Promise<T | undefined> {
    return this.#waiters.until(check, options);
  }

  #add(message: Message, arrivedAt: number): void {
    if (message.MessageId !== undefined) {
      if (this.#seen.has(message.MessageId)) {
        this.#redelivered++;
        return;
      }
      this.#seen.add(message.MessageId);
    }
    const receivedAt = Date.now();
    const body = message.Body ?? '';
    const result = parseOutcomeMessage(body);
    if (!result.success) {
      this.#malformed.push({ body, reason: result.error, receivedAt });
      this.#waiters.notify();
      return;
    }
    const sent = Number(message.Attributes?.SentTimestamp);
    const collected: CollectedOutcome = { outcome: result.data, sentAt: Number.isFinite(sent) ? sent : receivedAt, receivedAt };
    this.#all.push(collected);
    if (collected.outcome.orderId) push(this.#byOrderId, collected.outcome.orderId, collected);
    if (collected.outcome.correlationId) push(this.#byCorrelationId, collected.outcome.correlationId, collected);
    this.#waiters.notify();
    this.#onOutcome?.(collected, arrivedAt);
  }
}

function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}
