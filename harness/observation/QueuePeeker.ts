import { setTimeout as sleep } from 'node:timers/promises';
import { ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueuePeekerOptions {
  sqs: SQSClient;
  queueUrl: string;
  /** Called for every message a peek returns: the same message comes back on every peek, so dedupe by MessageId. */
  onMessage: (message: Message) => void;
  /** Long-poll wait per ReceiveMessage while the queue looks empty, in seconds. Default 2. */
  waitTimeSeconds?: number;
  /** Pause after a peek that returned messages, before the next one, in ms. Default 300. */
  intervalMs?: number;
  /** Reports failed polls; the peeker backs off and keeps going. */
  onError?: (error: unknown) => void;
}

const BACKOFF_MS = 200;
const INTERVAL_MS = 300;

/**
 * Watches a queue someone else owns without taking anything off it: every ReceiveMessage uses a zero
 * visibility timeout, so what it returns stays visible to every other reader, and nothing is deleted.
 * (SQS has no true peek: each receive still counts in a message's `ApproximateReceiveCount`.)
 *
 * While the queue looks empty it long-polls, so an arrival is seen at once; once it returns messages it
 * short-polls every `intervalMs`, because messages that stay visible would make a long poll return
 * immediately, and because a short poll samples a different subset of SQS servers each time, so on a
 * queue holding more than 10 messages successive peeks see the others too.
 */
export class QueuePeeker {
  readonly #options: QueuePeekerOptions;
  readonly #abort = new AbortController();
  #loop: Promise<void> | undefined;

  constructor(options: QueuePeekerOptions) {
    this.#options = options;
  }

  start(): this {
    this.#loop ??= this.#poll();
    return this;
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#loop;
  }

  async #poll(): Promise<void> {
    const { sqs, queueUrl } = this.#options;
    const signal = this.#abort.signal;
    let sawMessages = false;
    while (!signal.aborted) {
      try {
        const waitTimeSeconds: number = sawMessages ? 0 : (this.#options.waitTimeSeconds ?? 2);
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: 10,
            VisibilityTimeout: 0,
            WaitTimeSeconds: waitTimeSeconds,
            MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['All'],
          }),
          { abortSignal: signal },
        );
        for (const message of Messages) this.#handle(message);
        sawMessages = Messages.length > 0;
        if (sawMessages) await sleep(this.#options.intervalMs ?? INTERVAL_MS, undefined, { signal });
      } catch (error) {
        if (signal.aborted) return;
        this.#options.onError?.(error);
        sawMessages = false;
        await sleep(BACKOFF_MS, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  #handle(message: Message): void {
    try {
      this.#options.onMessage(message);
    } catch (error) {
      this.#options.onError?.(error);
    }
  }
}
