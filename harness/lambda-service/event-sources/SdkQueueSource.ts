import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  type BatchResultErrorEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { parseSqsArn } from '../arns.ts';
import type { QueueSource, ReceiveRequest, SettleFailure, SourceQueue } from './QueueSource.ts';

/** SQS's limit of entries per batch request. */
const MAX_BATCH_ENTRIES = 10;

/**
 * The SQS API through the SDK, signed with the functions' credentials: for a
 * Lambda service whose SQS runs elsewhere (only `awsEndpointUrl` given).
 */
export class SdkQueueSource implements QueueSource {
  readonly #sqs: SQSClient;

  constructor(sqs: SQSClient) {
    this.#sqs = sqs;
  }

  async resolve(queueArn: string, signal: AbortSignal): Promise<SourceQueue> {
    const queueName = parseSqsArn(queueArn)?.queueName;
    if (!queueName) {
      throw new Error(`Not an SQS queue ARN: ${queueArn}`);
    }
    const { QueueUrl } = await this.#sqs.send(new GetQueueUrlCommand({ QueueName: queueName }), { abortSignal: signal });
    if (!QueueUrl) {
      throw new Error(`GetQueueUrl answered no QueueUrl for ${queueName}`);
    }
    return new SdkQueue(this.#sqs, QueueUrl);
  }
}

class SdkQueue implements SourceQueue {
  readonly label: string;
  readonly #sqs: SQSClient;
  readonly #queueUrl: string;

  constructor(sqs: SQSClient, queueUrl: string) {
    this.#sqs = sqs;
    this.#queueUrl = queueUrl;
    this.label = queueUrl;
  }

  /**
   * An aborted long poll is one the emulator keeps waiting on: its waiter
   * takes the next message and answers a closed connection, so that message
   * stays invisible until its visibility timeout. The poller aborts only on
   * shutdown, when that no longer matters; `stopWaiting` is ignored for the
   * same reason: a stopping poller's long poll runs out (2 s at most).
   */
  async receive(request: ReceiveRequest) {
    const output = await this.#sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.#queueUrl,
        MaxNumberOfMessages: request.maxMessages,
        WaitTimeSeconds: request.waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: request.signal },
    );
    return output.Messages ?? [];
  }

  async deleteBatch(receiptHandles: readonly string[]): Promise<SettleFailure[]> {
    const failures: SettleFailure[] = [];
    for (const chunk of chunks(receiptHandles)) {
      const output = await this.#sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl: this.#queueUrl, Entries: chunk.map((ReceiptHandle, index) => ({ Id: String(index), ReceiptHandle })) }),
      );
      failures.push(...toFailures(chunk, output.Failed));
    }
    return failures;
  }

  async changeVisibilityBatch(receiptHandles: readonly string[], visibilityTimeoutSeconds: number): Promise<SettleFailure[]> {
    const failures: SettleFailure[] = [];
    for (const chunk of chunks(receiptHandles)) {
      const output = await this.#sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.#queueUrl,
          Entries: chunk.map((ReceiptHandle, index) => ({ Id: String(index), ReceiptHandle, VisibilityTimeout: visibilityTimeoutSeconds })),
        }),
      );
      failures.push(...toFailures(chunk, output.Failed));
    }
    return failures;
  }
}

function chunks(receiptHandles: readonly string[]): string[][] {
  const result: string[][] = [];
  for (let start = 0; start < receiptHandles.length; start += MAX_BATCH_ENTRIES) {
    result.push(receiptHandles.slice(start, start + MAX_BATCH_ENTRIES));
  }
  return result;
}

/** The failed entries of a batch answer, by the receipt handle their Id (its index in `chunk`) stands for. */
function toFailures(chunk: readonly string[], failed: readonly BatchResultErrorEntry[] | undefined): SettleFailure[] {
  return (failed ?? []).map((entry) => ({
    receiptHandle: chunk[Number(entry.Id)] ?? '',
    code: entry.Code ?? '',
    message: entry.Message ?? '',
  }));
}
