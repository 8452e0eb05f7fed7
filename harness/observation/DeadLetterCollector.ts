import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import type { InProcessSqs } from '../lambda-service/types.ts';
import { ReceiveLoop, ReceiveMode } from './ReceiveLoop.ts';
import { readOrderMessage, type OrderMessageIds } from './readOrderMessage.ts';
import { Waiters, type UntilOptions } from './Waiters.ts';

/** A message found on a consumer's dead-letter queue. */
export interface DeadLetter extends OrderMessageIds {
  /** The consumer whose queue gave up on the message. */
  functionName: string;
  messageId: string;
  /** `ApproximateReceiveCount` when first seen on the DLQ (emulators and AWS differ in whether it carries over). */
  receiveCount: number | null;
  /** Epoch ms, SQS `SentTimestamp`: when the message was first sent to the source queue. */
  sentAt: number | null;
  /** Epoch ms: when the collector first saw it on the DLQ. */
  receivedAt: number;
  body: string;
}

export interface DeadLetterQueue {
  functionName: string;
  dlqUrl: string;
}

/**
 * How the collector reads the dead-letter queues: `drain` (receive and delete) only for a stack the run
 * started itself, whose DLQs nobody else reads; `peek` (zero visibility timeout, never delete) for a
 * shared or deployed stack.
 */
export const DeadLetterReading = ReceiveMode;
export type DeadLetterReading = ReceiveMode;

export interface DeadLetterCollectorOptions {
  sqs: SQSClient;
  queues: readonly DeadLetterQueue[];
  /** The stack's SQS store in this process, read directly instead of over HTTP (see ReceiveLoop). */
  store?: InProcessSqs;
  /** Default `peek`: the collector changes nothing unless told the DLQs are the run's own. */
  reading?: DeadLetterReading;
  /**
   * Only messages whose correlation id starts with this are indexed (the run's own); the others are
   * only counted per consumer. Default: every message is indexed.
   */
  correlationIdPrefix?: string;
  onError?: (error: unknown) => void;
  /** Shared with the outcome collector, so a wait on both wakes on either; default its own. */
  waiters?: Waiters;
  /** Peek pacing, see {@link ReceiveLoop}. */
  peekIntervalMs?: number;
  waitTimeSeconds?: number;
}

/**
 * Reads every consumer's dead-letter queue, for the whole run, into an index by order: each message
 * once (by MessageId), and only the run's own (by correlation id prefix). On a stack the run started
 * it drains the DLQs, which keeps them small; on a shared or deployed stack it only peeks, so real
 * dead letters stay where they are for whoever owns them.
 */
export class DeadLetterCollector {
  readonly #readers: ReceiveLoop[];
  readonly #waiters: Waiters;
  readonly #prefix: string | undefined;
  readonly #seen = new Set<string>();
  readonly #all: DeadLetter[] = [];
  readonly #others = new Map<string, number>();

  constructor(options: DeadLetterCollectorOptions) {
    this.#waiters = options.waiters ?? new Waiters();
    this.#prefix = options.correlationIdPrefix;
    this.#readers = options.queues.map(
      (queue) =>
        new ReceiveLoop({
          sqs: options.sqs,
          queueUrl: queue.dlqUrl,
          ...(options.store ? { store: options.store } : {}),
          mode: options.reading ?? DeadLetterReading.peek,
          onMessage: (message: Message) => this.#add(queue.functionName, message),
          ...(options.onError ? { onError: options.onError } : {}),
          ...(options.waitTimeSeconds === undefined ? {} : { waitTimeSeconds: options.waitTimeSeconds }),
          ...(options.peekIntervalMs === undefined ? {} : { peekIntervalMs: options.peekIntervalMs }),
        }),
    );
  }

  start(): this {
    for (const reader of this.#readers) reader.start();
    return this;
  }

  /** Stops at once; a long poll in flight is left to run out, never aborted (see {@link ReceiveLoop}). */
  async stop(): Promise<void> {
    await Promise.all(this.#readers.map((reader) => reader.stop()));
  }

  /** The run's dead letters. */
  all(): readonly DeadLetter[] {
    return this.#all;
  }

  forOrder(orderId: string): DeadLetter[] {
    return this.#all.filter((letter) => letter.orderId === orderId);
  }

  forConsumer(functionName: string): DeadLetter[] {
    return this.#all.filter((letter) => letter.functionName === functionName);
  }

  /** Messages on the consumer's DLQ that are not the run's (other runs, real dead letters): counted, not indexed. */
  othersOn(functionName: string): number {
    return this.#others.get(functionName) ?? 0;
  }

  until<T>(check: () => T | undefined, options: UntilOptions): Promise<T | undefined> {
    return this.#waiters.until(check, options);
  }

  #add(functionName: string, message: Message): void {
    const key = `${functionName}/${message.MessageId ?? message.ReceiptHandle ?? ''}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    const ids = readOrderMessage(message);
    if (this.#prefix !== undefined && !ids.correlationId?.startsWith(this.#prefix)) {
      this.#others.set(functionName, this.othersOn(functionName) + 1);
      this.#waiters.notify();
      return;
    }
    const count = Number(message.Attributes?.ApproximateReceiveCount);
    const sent = Number(message.Attributes?.SentTimestamp);
    this.#all.push({
      functionName,
      messageId: message.MessageId ?? '',
      ...ids,
      receiveCount: Number.isInteger(count) ? count : null,
      sentAt: Number.isFinite(sent) ? sent : null,
      receivedAt: Date.now(),
      body: message.Body ?? '',
    });
    this.#waiters.notify();
  }
}
