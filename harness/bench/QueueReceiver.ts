import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueueReceiverOptions {
  sqs: SQSClient;
  queueUrl: string;
  /** Concurrent long polls. */
  receivers: number;
  /** Long-poll wait, 1..20 s; also the longest `stop()` waits. */
  waitTimeSeconds: number;
  /** Called for each message with the performance.now() its batch arrived; then it is deleted. */
  onMessage(message: Message, receivedAt: number): void;
  onError?(error: unknown): void;
}

/**
 * Drains one queue: each receiver long-polls (up to 10 messages), hands
 * them over, deletes them in one batch, and polls again. `stop()` lets the
 * polls in flight finish rather than aborting them, because fauxqs keeps
 * the waiter of an aborted poll, which would swallow the next message.
 */
export class QueueReceiver {
  readonly #options: QueueReceiverOptions;
  #running = false;
  #loops: Promise<void>[] = [];
  #received = 0;
  #emptyPolls = 0;
  #polls = 0;

  constructor(options: QueueReceiverOptions) {
    this.#options = options;
  }

  /** Messages received, polls made and polls that came back empty. */
  get stats(): { received: number; polls: number; emptyPolls: number } {
    return { received: this.#received, polls: this.#polls, emptyPolls: this.#emptyPolls };
  }

  start(): this {
    if (!this.#running) {
      this.#running = true;
      this.#loops = Array.from({ length: this.#options.receivers }, () => this.#loop());
    }
    return this;
  }

  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#loops);
  }

  async #loop(): Promise<void> {
    const { sqs, queueUrl, waitTimeSeconds } = this.#options;
    while (this.#running) {
      try {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: waitTimeSeconds }),
        );
        const receivedAt = performance.now();
        this.#polls += 1;
        if (Messages.length === 0) {
          this.#emptyPolls += 1;
          continue;
        }
        this.#received += Messages.length;
        for (const message of Messages) {
          this.#options.onMessage(message, receivedAt);
        }
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: Messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle ?? '' })),
          }),
        );
      } catch (error) {
        this.#options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}
