import { PublishBatchCommand, type MessageAttributeValue, type BatchResultErrorEntry } from '@aws-sdk/client-sns';
import { messageBytes } from '../../../contracts/index.ts';
import type { SnsPublisher } from './types.ts';

/** What one `PublishBatch` may carry (https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html). */
export const PUBLISH_BATCH_LIMITS = {
  entries: 10,
  /** The aggregate size of the messages and their attributes: 256 KiB. */
  bytes: 262_144,
} as const;

/** One message to publish. */
export interface BatchEntry {
  message: string;
  attributes: Record<string, MessageAttributeValue>;
}

/** SNS answered this entry of a `PublishBatch` with a failure: that message was not published. */
export class PublishEntryFailedError extends Error {
  readonly code: string | undefined;
  readonly senderFault: boolean | undefined;

  constructor(failure: BatchResultErrorEntry) {
    super(`SNS did not publish the entry: ${failure.Code ?? 'no code'}${failure.Message ? ` (${failure.Message})` : ''}`);
    this.name = 'PublishEntryFailedError';
    this.code = failure.Code;
    this.senderFault = failure.SenderFault;
  }
}

/** The entry's time ran out while it waited for a free batch: it was never sent. */
export class PublishNotSentError extends Error {
  constructor(cause: unknown) {
    super('the message waited for a free PublishBatch slot until its time ran out; it was not sent', { cause });
    this.name = 'PublishNotSentError';
  }
}

interface Pending {
  entry: BatchEntry;
  bytes: number;
  signal: AbortSignal;
  resolve: (messageId: string | undefined) => void;
  reject: (error: unknown) => void;
  /** Stops listening to `signal` once the entry is settled. */
  forget: () => void;
}

export interface PublishBatcherOptions {
  sns: SnsPublisher;
  topicArn: string;
  /** Requests that may be out when one carrying fewer than ten messages goes (`DEFAULT_PUBLISH_BATCHING`: 1). */
  partialBatchSlots: number;
  /** Requests out at once at most; a full batch of ten goes while fewer are out (`DEFAULT_PUBLISH_BATCHING`: 8). */
  maxInFlight: number;
}

/** One partial batch out at a time, and up to eight full ones: see PublishBatcher. */
export const DEFAULT_PUBLISH_BATCHING = { partialBatchSlots: 1, maxInFlight: 8 } as const;

/**
 * Publishes messages to one topic with `PublishBatch`, grouping them only when they would wait anyway:
 * while fewer than `partialBatchSlots` requests are out, a message goes at once (a batch of one); while
 * more are, the messages that arrive queue up, and the request that comes back takes up to ten of them
 * (within 256 KiB) in the next one. Ten waiting messages make a full batch, which goes at once unless
 * `maxInFlight` requests are out: a slow SNS (a long round trip) does not cap the rate at ten messages per
 * round trip. An idle publisher adds no delay, and a busy one signs, sends and parses one request for up
 * to ten orders instead of one each (SNS bills a batch as one request, too).
 *
 * Each entry settles on its own: with its message id, with `PublishEntryFailedError` when SNS failed that
 * entry, with the request's error when the whole batch failed, with `PublishNotSentError` when its signal
 * aborted while it waited, or with the signal's reason when it aborted after the request went out (its
 * outcome is then unknown). A request in flight is aborted, and its slot freed, only once every entry in
 * it has given up.
 */
export class PublishBatcher {
  readonly #options: PublishBatcherOptions;
  readonly #queue: Pending[] = [];
  #inFlight = 0;

  constructor(options: PublishBatcherOptions) {
    for (const name of ['partialBatchSlots', 'maxInFlight'] as const) {
      if (!Number.isInteger(options[name]) || options[name] < 1) throw new RangeError(`${name} must be a positive integer, not ${options[name]}`);
    }
    if (options.partialBatchSlots > options.maxInFlight) {
      throw new RangeError(`partialBatchSlots (${options.partialBatchSlots}) must not exceed maxInFlight (${options.maxInFlight})`);
    }
    this.#options = options;
  }

  /** Resolves with the message id SNS gave the entry. */
  publish(entry: BatchEntry, signal: AbortSignal): Promise<string | undefined> {
    if (signal.aborted) return Promise.reject(new PublishNotSentError(signal.reason));
    const { promise, resolve, reject } = Promise.withResolvers<string | undefined>();
    const pending: Pending = { entry, bytes: messageBytes(entry.message, entry.attributes), signal, resolve, reject, forget: () => {} };
    const onAbort = (): void => {
      const queued = this.#queue.indexOf(pending);
      if (queued >= 0) this.#queue.splice(queued, 1);
      reject(queued >= 0 ? new PublishNotSentError(signal.reason) : signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.forget = () => signal.removeEventListener('abort', onAbort);
    this.#queue.push(pending);
    this.#sendWhileSlotsFree();
    return promise;
  }

  #sendWhileSlotsFree(): void {
    while (this.#queue.length > 0 && this.#inFlight < (this.#queue.length >= PUBLISH_BATCH_LIMITS.entries ? this.#options.maxInFlight : this.#options.partialBatchSlots)) {
      const batch = this.#takeBatch();
      this.#inFlight += 1;
      void this.#send(batch).finally(() => {
        this.#inFlight -= 1;
        this.#sendWhileSlotsFree();
      });
    }
  }

  /** The oldest entries that fit in one request: ten at most, 256 KiB at most (one larger entry goes alone, for SNS to refuse). */
  #takeBatch(): Pending[] {
    let count = 0;
    let bytes = 0;
    for (const pending of this.#queue) {
      if (count === PUBLISH_BATCH_LIMITS.entries || (count > 0 && bytes + pending.bytes > PUBLISH_BATCH_LIMITS.bytes)) break;
      count += 1;
      bytes += pending.bytes;
    }
    return this.#queue.splice(0, count);
  }

  async #send(batch: Pending[]): Promise<void> {
    const abandoned = allAborted(batch.map((pending) => pending.signal));
    try {
      const request = this.#options.sns.send(
        new PublishBatchCommand({
          TopicArn: this.#options.topicArn,
          PublishBatchRequestEntries: batch.map((pending, index) => ({ Id: String(index), Message: pending.entry.message, MessageAttributes: pending.entry.attributes })),
        }),
        { abortSignal: abandoned.signal },
      );
      // The slot is free once nobody waits for the answer, even from a sender that ignores the signal.
      const output = await untilAborted(request, abandoned.signal);
      const published = new Map((output.Successful ?? []).map((success) => [success.Id, success.MessageId]));
      const failed = new Map((output.Failed ?? []).map((failure) => [failure.Id, failure]));
      batch.forEach((pending, index) => {
        const id = String(index);
        const failure = failed.get(id);
        if (published.has(id)) pending.resolve(published.get(id));
        else if (failure) pending.reject(new PublishEntryFailedError(failure));
        else pending.reject(new Error(`SNS's PublishBatch answer names neither a success nor a failure for entry ${id}`));
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      abandoned.dispose();
      for (const pending of batch) pending.forget();
    }
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts. */
async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const { promise: aborted, reject } = Promise.withResolvers<never>();
  const onAbort = (): void => reject(signal.reason);
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** A signal that aborts once all of `signals` have (AbortSignal.any aborts at the first). */
function allAborted(signals: readonly AbortSignal[]): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let waiting = signals.filter((signal) => !signal.aborted).length;
  const abortIfNobodyWaits = (): void => {
    if (waiting === 0) controller.abort(new Error('every order in this PublishBatch stopped waiting for it'));
  };
  const onAbort = (): void => {
    waiting -= 1;
    abortIfNobodyWaits();
  };
  abortIfNobodyWaits();
  for (const signal of signals) if (!signal.aborted) signal.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, dispose: () => signals.forEach((signal) => signal.removeEventListener('abort', onAbort)) };
}
