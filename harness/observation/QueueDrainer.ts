import { DeleteMessageBatchCommand, ReceiveMessageCommand, type BatchResultErrorEntry, type Message, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueueDrainerOptions {
  sqs: SQSClient;
  queueUrl: string;
  /**
   * Called once per received message, before it is deleted. A throw leaves the message on the queue.
   * A message whose delete fails comes back with the same MessageId: dedupe by it.
   */
  onMessage: (message: Message) => void;
  /** Concurrent long polls; more of them keep up with bursts. Default 1. */
  pollers?: number;
  /** Long-poll wait per ReceiveMessage, in seconds. Default 2. */
  waitTimeSeconds?: number;
  /** Reports failed polls and deletes (a {@link DeleteFailedError}); the drainer backs off after a failed poll and keeps going. */
  onError?: (error: unknown) => void;
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

const BACKOFF_MS = 200;

/**
 * Continuously receives and deletes everything that arrives on one queue, handing each message to
 * `onMessage`. Deleting what was read keeps receive counts of other messages untouched and the queue
 * empty for the next reader; stop() aborts the long polls in flight.
 */
export class QueueDrainer {
  readonly #options: QueueDrainerOptions;
  readonly #abort = new AbortController();
  #loops: Promise<void>[] = [];
  #failedDeletes = 0;

  constructor(options: QueueDrainerOptions) {
    this.#options = options;
  }

  start(): this {
    if (this.#loops.length > 0) return this;
    this.#loops = Array.from({ length: this.#options.pollers ?? 1 }, () => this.#poll());
    return this;
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.all(this.#loops);
  }

  /** Messages handled but not deleted (DeleteMessageBatch `Failed` entries); each will be received again. */
  get failedDeletes(): number {
    return this.#failedDeletes;
  }

  #deleteFailed(handled: readonly Message[], failed: readonly BatchResultErrorEntry[]): void {
    this.#failedDeletes += failed.length;
    this.#options.onError?.(
      new DeleteFailedError(
        this.#options.queueUrl,
        failed.map((f) => ({ messageId: handled[Number(f.Id)]?.MessageId ?? `entry ${f.Id ?? '?'}`, code: f.Code ?? 'unknown', message: f.Message ?? '' })),
      ),
    );
  }

  async #poll(): Promise<void> {
    const { sqs, queueUrl } = this.#options;
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      try {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: this.#options.waitTimeSeconds ?? 2,
            MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['All'],
          }),
          { abortSignal: signal },
        );
        const handled = Messages.filter((message) => this.#handle(message));
        if (handled.length > 0) {
          // Not aborted by stop(): what was read is deleted, so nothing comes back to a later reader.
          const { Failed = [] } = await sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: queueUrl,
              Entries: handled.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle ?? '' })),
            }),
          );
          if (Failed.length > 0) this.#deleteFailed(handled, Failed);
        }
      } catch (error) {
        if (signal.aborted) return;
        this.#options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS));
      }
    }
  }

  #handle(message: Message): boolean {
    try {
      this.#options.onMessage(message);
      return true;
    } catch (error) {
      this.#options.onError?.(error);
      return false;
    }
  }
}
