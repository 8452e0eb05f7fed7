import { setTimeout as sleep } from 'node:timers/promises';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type BatchResultErrorEntry,
  type Message,
  type ReceiveMessageCommandOutput,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SourceQueue } from '../lambda-service/event-sources/QueueSource.ts';
import { StoreQueueSource } from '../lambda-service/event-sources/StoreQueueSource.ts';
import type { InProcessSqs } from '../lambda-service/types.ts';

/** What the loop does with what it receives. */
export const ReceiveMode = {
  /** Receive and delete: the queue is the reader's own. */
  drain: 'drain',
  /** Receive with a zero visibility timeout and never delete: the queue is someone else's. */
  peek: 'peek',
} as const;
export type ReceiveMode = (typeof ReceiveMode)[keyof typeof ReceiveMode];

export interface ReceiveLoopOptions {
  sqs: SQSClient;
  queueUrl: string;
  /**
   * The stack's SQS store when it runs in this process: the queue is read from it directly (through the
   * Lambda service's StoreQueueSource, which answers as ReceiveMessage does with every attribute), not over
   * HTTP. A queue the store does not hold is read through `sqs`.
   */
  store?: InProcessSqs;
  /** Default `drain`. */
  mode?: ReceiveMode;
  /** Concurrent long polls (drain only; a peek is one loop). Default 1. */
  pollers?: number;
  /** Long-poll wait per ReceiveMessage, in seconds. Default 2. */
  waitTimeSeconds?: number;
  /** Peek only: pause after a peek that returned messages, in ms. Default 300. */
  peekIntervalMs?: number;
  /**
   * Called once per received message with the `performance.now()` its batch arrived. When draining, a
   * throw leaves the message on the queue; a message whose delete fails comes back with the same
   * MessageId, and a peek returns the same message every time: dedupe by MessageId.
   */
  onMessage: (message: Message, receivedAt: number) => void;
  /** Failed polls (the loop backs off and keeps going), refused deletes ({@link DeleteFailedError}) and throws of `onMessage`. */
  onError?: (error: unknown) => void;
}

/** How a loop went: what the bench reports and what a failure message shows. */
export interface ReceiveStats {
  received: number;
  polls: number;
  emptyPolls: number;
  /** Messages handled but not deleted (DeleteMessageBatch `Failed` entries); each will be received again. */
  failedDeletes: number;
}

/** A DeleteMessageBatch entry SQS refused: the message stays on the queue and will be received again. */
export class DeleteFailedError extends Error {
  override readonly name = 'DeleteFailedError';
  readonly queueUrl: string;
  readonly failed: ReadonlyArray<{ messageId: string; code: string; message: string }>;

  constructor(queueUrl: string, failed: DeleteFailedError['failed']) {
    const list = failed.map((f) => `${f.messageId} (${f.code}${f.message ? `: ${f.message}` : ''})`).join(', ');
    super(`DeleteMessageBatch on ${queueUrl} failed for ${failed.length} message(s), which will be received again: ${list}`);
    this.queueUrl = queueUrl;
    this.failed = failed;
  }
}

/** How the loop reads its queue: the SQS API, or the in-process store. */
interface LoopReads {
  /** Up to 10 messages, waiting up to `waitSeconds`; undefined once stop() came (what it brought goes back). */
  receive(waitSeconds: number): Promise<Message[] | undefined>;
  delete(handled: readonly Message[]): Promise<void>;
}

const BACKOFF_MS = 200;
const PEEK_INTERVAL_MS = 300;

/**
 * The harness's one SQS receive loop (the Lambda service's pollers are the pipeline, not the harness).
 *
 * On the embedded stack (`store`) the queue is read from fauxqs's store in this process, as the Lambda
 * service's pollers read theirs: the harness's own queues need no HTTP, SigV4 or XML between two parts of
 * one process. Everything below about long polls is about the SQS API, which every other backend uses.
 *
 * The fauxqs long-poll quirk is held here and nowhere else: a long poll is never aborted. fauxqs keeps
 * the waiter of an aborted ReceiveMessage, and that waiter takes the next message sent to the queue for
 * a connection that is gone: the message stays invisible for its visibility timeout, and the next reader
 * misses it. So `stop()` returns at once without aborting: a poll still in flight is left to run out
 * (at most `waitTimeSeconds`), and what it brings after the stop is not handed over but made visible again
 * at once (its receive still counts), so it is there for the next reader. Only the pauses between polls,
 * which are timers and not requests, are cut short. Destroying the SQS client while such a poll runs
 * aborts it after all: do that when the queue is not read again (the stack is going away), or await
 * {@link ReceiveLoop.settled} first.
 *
 * Draining deletes what was handled, which keeps other messages' receive counts untouched and the queue
 * empty for the next reader. Peeking uses a zero visibility timeout, so what it returns stays visible to
 * every other reader (SQS has no true peek: each receive still counts in `ApproximateReceiveCount`).
 * While the queue looks empty a peek long-polls, so an arrival is seen at once; once it returns messages
 * it short-polls every `peekIntervalMs`, because visible messages would make a long poll return at once,
 * and because a short poll samples a different subset of SQS servers each time, so on a queue holding
 * more than 10 messages successive peeks see the others too.
 */
export class ReceiveLoop implements AsyncDisposable {
  readonly #options: ReceiveLoopOptions;
  readonly #mode: ReceiveMode;
  /** Aborts the pauses between polls, never a ReceiveMessage (see the class comment). */
  readonly #stopping = new AbortController();
  readonly #stopped = Promise.withResolvers<undefined>();
  #loops: Promise<void>[] = [];
  /** Polls in flight when stop() came, left to run out. */
  readonly #leftover = new Set<Promise<void>>();
  readonly #stats: ReceiveStats = { received: 0, polls: 0, emptyPolls: 0, failedDeletes: 0 };

  constructor(options: ReceiveLoopOptions) {
    this.#options = options;
    this.#mode = options.mode ?? ReceiveMode.drain;
  }

  get stats(): Readonly<ReceiveStats> {
    return { ...this.#stats };
  }

  start(): this {
    if (this.#loops.length > 0 || this.#stopping.signal.aborted) return this;
    const pollers = this.#mode === ReceiveMode.peek ? 1 : (this.#options.pollers ?? 1);
    const stored = this.#storedQueue();
    const queue = stored ? this.#storeReads(stored) : this.#apiReads();
    this.#loops = Array.from({ length: pollers }, () => this.#poll(queue));
    return this;
  }

  /** The queue in the in-process store, when there is one and it holds the queue. */
  #storedQueue(): Promise<SourceQueue> | undefined {
    const { store, queueUrl } = this.#options;
    const name = queueUrl.split('/').at(-1) ?? '';
    const arn = store?.store.getQueueByName(name)?.arn;
    return store && arn ? new StoreQueueSource(store).resolve(arn) : undefined;
  }

  /**
   * Stops polling: resolves once nothing more is handed over (a batch being handled or deleted finishes
   * first), without waiting for a long poll in flight (see the class comment).
   */
  async stop(): Promise<void> {
    this.#stopping.abort();
    this.#stopped.resolve(undefined);
    await Promise.all(this.#loops);
  }

  /** Resolves once the polls left in flight by stop() have returned and what they brought is visible again. */
  async settled(): Promise<void> {
    await this.stop();
    await Promise.all(this.#leftover);
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  /** One loop, whichever way the queue is read: receive, hand over, delete (drain) or pause (peek). */
  async #poll(queue: LoopReads): Promise<void> {
    const stopping = this.#stopping.signal;
    const peek = this.#mode === ReceiveMode.peek;
    let sawMessages = false;
    while (!stopping.aborted) {
      try {
        const messages = await queue.receive(peek && sawMessages ? 0 : (this.#options.waitTimeSeconds ?? 2));
        if (messages === undefined) return;
        const receivedAt = performance.now();
        this.#stats.polls += 1;
        this.#stats.received += messages.length;
        if (messages.length === 0) this.#stats.emptyPolls += 1;
        const handled = messages.filter((message) => this.#handle(message, receivedAt));
        sawMessages = messages.length > 0;
        if (peek) {
          if (sawMessages) await sleep(this.#options.peekIntervalMs ?? PEEK_INTERVAL_MS, undefined, { signal: stopping }).catch(() => undefined);
        } else if (handled.length > 0) {
          await queue.delete(handled);
        }
      } catch (error) {
        if (stopping.aborted) return;
        this.#options.onError?.(error);
        sawMessages = false;
        await sleep(BACKOFF_MS, undefined, { signal: stopping }).catch(() => undefined);
      }
    }
  }

  /** Through the SQS API: a long poll is never aborted but raced against stop() (see the class comment). */
  #apiReads(): LoopReads {
    const { sqs, queueUrl } = this.#options;
    const peek = this.#mode === ReceiveMode.peek;
    return {
      receive: async (waitSeconds) => {
        const receive: Promise<ReceiveMessageCommandOutput> = sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: waitSeconds,
            ...(peek ? { VisibilityTimeout: 0 } : {}),
            MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['All'],
          }),
        );
        const output = await Promise.race([receive, this.#stopped.promise]);
        if (output === undefined) {
          this.#leaveInFlight(receive);
          return undefined;
        }
        return output.Messages ?? [];
      },
      delete: (handled) => this.#delete(handled),
    };
  }

  /**
   * From the in-process store: a wait there takes no message until it dequeues, so stop() ends it at once
   * (`stopWaiting`) and nothing is left in flight. A peek makes what it received visible again at once, as
   * a zero visibility timeout would, and what a stopped receive brought goes back unhandled.
   */
  #storeReads(resolving: Promise<SourceQueue>): LoopReads {
    const stopping = this.#stopping.signal;
    const never = new AbortController().signal;
    const visibleAgain = async (queue: SourceQueue, messages: readonly Message[]): Promise<void> => {
      if (messages.length > 0) await queue.changeVisibilityBatch(messages.map((m) => m.ReceiptHandle ?? ''), 0);
    };
    return {
      receive: async (waitSeconds) => {
        const queue = await resolving;
        const messages = await queue.receive({ maxMessages: 10, waitSeconds, signal: never, stopWaiting: stopping });
        if (stopping.aborted) {
          await visibleAgain(queue, messages);
          return undefined;
        }
        if (this.#mode === ReceiveMode.peek) await visibleAgain(queue, messages);
        return messages;
      },
      // The store deletes any receipt handle it holds in flight, silently ignoring others, as DeleteMessageBatch does on fauxqs.
      delete: async (handled) => {
        await (await resolving).deleteBatch(handled.map((m) => m.ReceiptHandle ?? ''));
      },
    };
  }

  /** A poll stop() came during: what it brings goes back to the queue at once, unhandled (a peek's already is). */
  #leaveInFlight(receive: Promise<ReceiveMessageCommandOutput>): void {
    const release = async (): Promise<void> => {
      const { Messages = [] } = await receive;
      if (this.#mode === ReceiveMode.peek || Messages.length === 0) return;
      await this.#options.sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.#options.queueUrl,
          Entries: Messages.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle ?? '', VisibilityTimeout: 0 })),
        }),
      );
    };
    // After stop() nobody listens: a failure here (the client destroyed, the stack gone) has no one to tell.
    const leftover = release().catch(() => undefined);
    this.#leftover.add(leftover);
    void leftover.finally(() => this.#leftover.delete(leftover));
  }

  async #delete(handled: readonly Message[]): Promise<void> {
    const { Failed = [] } = await this.#options.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: this.#options.queueUrl,
        Entries: handled.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle ?? '' })),
      }),
    );
    if (Failed.length > 0) this.#deleteFailed(handled, Failed);
  }

  #deleteFailed(handled: readonly Message[], failed: readonly BatchResultErrorEntry[]): void {
    this.#stats.failedDeletes += failed.length;
    this.#options.onError?.(
      new DeleteFailedError(
        this.#options.queueUrl,
        failed.map((f) => ({ messageId: handled[Number(f.Id)]?.MessageId ?? `entry ${f.Id ?? '?'}`, code: f.Code ?? 'unknown', message: f.Message ?? '' })),
      ),
    );
  }

  #handle(message: Message, receivedAt: number): boolean {
    try {
      this.#options.onMessage(message, receivedAt);
      return true;
    } catch (error) {
      this.#options.onError?.(error);
      return false;
    }
  }
}
