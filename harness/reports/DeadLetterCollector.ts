import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import { QueueDrainer } from './QueueDrainer.ts';
import { readOrderMessage, type OrderMessageIds } from './readOrderMessage.ts';
import { Waiters, type UntilOptions } from './Waiters.ts';

/** A message found on a consumer's dead-letter queue. */
export interface DeadLetter extends OrderMessageIds {
  /** The consumer whose queue gave up on the message. */
  functionName: string;
  messageId: string;
  /** `ApproximateReceiveCount` as the DLQ reports it (emulators and AWS differ in whether it carries over). */
  receiveCount: number | null;
  /** Epoch ms, SQS `SentTimestamp`: when the message was first sent to the source queue. */
  sentAt: number | null;
  receivedAt: number;
  body: string;
}

export interface DeadLetterQueue {
  functionName: string;
  dlqUrl: string;
}

export interface DeadLetterCollectorOptions {
  sqs: SQSClient;
  queues: readonly DeadLetterQueue[];
  onError?: (error: unknown) => void;
}

/**
 * Drains every consumer's dead-letter queue into an index by order, for the whole run. Reading and
 * deleting (instead of peeking with a zero visibility timeout) keeps scenarios from seeing each
 * other's receive counts change, and lets failure messages say exactly what was dead-lettered.
 */
export class DeadLetterCollector {
  readonly #drainers: QueueDrainer[];
  readonly #waiters = new Waiters();
  readonly #all: DeadLetter[] = [];

  constructor(options: DeadLetterCollectorOptions) {
    this.#drainers = options.queues.map(
      (queue) =>
        new QueueDrainer({
          sqs: options.sqs,
          queueUrl: queue.dlqUrl,
          onMessage: (message) => this.#add(queue.functionName, message),
          ...(options.onError ? { onError: options.onError } : {}),
        }),
    );
  }

  start(): this {
    for (const drainer of this.#drainers) drainer.start();
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all(this.#drainers.map((drainer) => drainer.stop()));
  }

  all(): readonly DeadLetter[] {
    return this.#all;
  }

  forOrder(orderId: string): DeadLetter[] {
    return this.#all.filter((letter) => letter.orderId === orderId);
  }

  forConsumer(functionName: string): DeadLetter[] {
    return this.#all.filter((letter) => letter.functionName === functionName);
  }

  until<T>(check: () => T | undefined, options: UntilOptions): Promise<T | undefined> {
    return this.#waiters.until(check, options);
  }

  #add(functionName: string, message: Message): void {
    const count = Number(message.Attributes?.ApproximateReceiveCount);
    const sent = Number(message.Attributes?.SentTimestamp);
    this.#all.push({
      functionName,
      messageId: message.MessageId ?? '',
      ...readOrderMessage(message),
      receiveCount: Number.isInteger(count) ? count : null,
      sentAt: Number.isFinite(sent) ? sent : null,
      receivedAt: Date.now(),
      body: message.Body ?? '',
    });
    this.#waiters.notify();
  }
}
