import { setImmediate } from 'node:timers/promises';
import { QueueDoesNotExist, type Message, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SqsMessage, SqsQueue, SqsStore } from '../../embedded/fauxqs-additions/types.ts';
import { parseSqsArn } from '../arns.ts';
import type { InProcessSqs } from '../types.ts';
import type { QueueSource, ReceiveRequest, SettleFailure, SourceQueue } from './QueueSource.ts';

type StoredAttributeValue = SqsMessage['messageAttributes'][string];

/**
 * fauxqs's SQS store, used in-process: Lambda's pollers are internal to AWS,
 * so the embedded service's need no loopback HTTP, SigV4 or JSON either.
 * Receives go through the queue's own `dequeue` (its receive count, first
 * receive time, and the dead-letter move after maxReceiveCount, with the
 * store resolving the dead-letter queue as fauxqs's ReceiveMessage does),
 * `waitForMessages` for long polls, `deleteMessage` and `changeVisibility`.
 * The queue is looked up by ARN on every call, so a queue deleted (or made
 * anew) under a mapping is seen as SQS's API would show it.
 */
export class StoreQueueSource implements QueueSource {
  readonly #sqs: InProcessSqs;

  constructor(sqs: InProcessSqs) {
    this.#sqs = sqs;
  }

  async resolve(queueArn: string): Promise<SourceQueue> {
    // Rejects now if there is no such queue; later calls look it up again.
    lookUp(this.#sqs.store, queueArn);
    return new StoreQueue(this.#sqs, queueArn);
  }
}

class StoreQueue implements SourceQueue {
  readonly label: string;
  readonly #sqs: InProcessSqs;
  readonly #arn: string;
  /** As SQS names the sender of a message sent with the account's credentials (fauxqs: its account id). */
  readonly #senderId: string;
  readonly #dlqResolver: (arn: string) => SqsQueue | undefined;

  constructor(sqs: InProcessSqs, arn: string) {
    this.#sqs = sqs;
    this.#arn = arn;
    this.label = arn;
    this.#senderId = parseSqsArn(arn)?.accountId ?? '';
    this.#dlqResolver = (dlqArn) => sqs.store.getQueueByArn(dlqArn);
  }

  /**
   * A long poll here is a wait on the queue's waiters, and a dequeue only
   * after it: an abort stops waiting and dequeues nothing, so unlike an
   * aborted HTTP long poll it takes no message with it. For the same reason
   * a stopping poller (`stopWaiting`) stops waiting at once and answers
   * nothing: a disabled mapping is Disabled without sitting out the poll.
   */
  async receive(request: ReceiveRequest): Promise<Message[]> {
    request.signal.throwIfAborted();
    let queue = lookUp(this.#sqs.store, this.#arn);
    let received = queue.dequeue(request.maxMessages, undefined, this.#dlqResolver);
    if (received.length === 0 && request.waitSeconds > 0) {
      await untilAborted(queue.waitForMessages(request.waitSeconds), request.signal, request.stopWaiting);
      if (request.stopWaiting?.aborted) {
        return [];
      }
      // One turn of the event loop, as an answer over HTTP takes: what arrived meanwhile joins the batch.
      await setImmediate();
      request.signal.throwIfAborted();
      if (request.stopWaiting?.aborted) {
        return [];
      }
      queue = lookUp(this.#sqs.store, this.#arn);
      received = queue.dequeue(request.maxMessages, undefined, this.#dlqResolver);
    }
    return received.map((message) => this.#toMessage(queue, message));
  }

  /** As DeleteMessageBatch on fauxqs (and AWS): a receipt handle no longer in flight is deleted silently. */
  async deleteBatch(receiptHandles: readonly string[]): Promise<SettleFailure[]> {
    const queue = lookUp(this.#sqs.store, this.#arn);
    for (const receiptHandle of receiptHandles) {
      queue.deleteMessage(receiptHandle);
    }
    return [];
  }

  async changeVisibilityBatch(receiptHandles: readonly string[], visibilityTimeoutSeconds: number): Promise<SettleFailure[]> {
    const queue = lookUp(this.#sqs.store, this.#arn);
    const failures: SettleFailure[] = [];
    for (const receiptHandle of receiptHandles) {
      if (!queue.inflightMessages.has(receiptHandle)) {
        failures.push({ receiptHandle, code: 'ReceiptHandleIsInvalid', message: 'The input receipt handle is invalid.' });
        continue;
      }
      queue.changeVisibility(receiptHandle, visibilityTimeoutSeconds);
    }
    return failures;
  }

  /**
   * A dequeued message as ReceiveMessage with `All` system and message
   * attributes answers it through the SDK: the system attributes of the
   * stored message (and `DeadLetterQueueSourceArn` of one moved here, as
   * the fauxqs additions' ReceiveMessage adds it), binary values decoded.
   */
  #toMessage(queue: SqsQueue, received: ReturnType<SqsQueue['dequeue']>[number]): Message {
    const stored = queue.inflightMessages.get(received.ReceiptHandle)?.message;
    const message: Message = {
      MessageId: received.MessageId,
      ReceiptHandle: received.ReceiptHandle,
      MD5OfBody: received.MD5OfBody,
      Body: received.Body,
    };
    if (stored) {
      message.Attributes = this.#systemAttributes(stored);
    }
    if (received.MD5OfMessageAttributes) {
      message.MD5OfMessageAttributes = received.MD5OfMessageAttributes;
    }
    if (received.MessageAttributes) {
      message.MessageAttributes = Object.fromEntries(
        Object.entries(received.MessageAttributes).map(([name, value]) => [name, toSdkAttributeValue(value)]),
      );
    }
    return message;
  }

  #systemAttributes(stored: SqsMessage): Record<string, string> {
    const attributes: Record<string, string> = {
      SenderId: this.#senderId,
      SentTimestamp: String(stored.sentTimestamp),
      ApproximateReceiveCount: String(stored.approximateReceiveCount),
    };
    if (stored.approximateFirstReceiveTimestamp) attributes.ApproximateFirstReceiveTimestamp = String(stored.approximateFirstReceiveTimestamp);
    if (stored.messageGroupId) attributes.MessageGroupId = stored.messageGroupId;
    if (stored.messageDeduplicationId) attributes.MessageDeduplicationId = stored.messageDeduplicationId;
    if (stored.sequenceNumber) attributes.SequenceNumber = stored.sequenceNumber;
    const sourceArn = this.#sqs.deadLetters?.sourceArnOf(stored);
    if (sourceArn) attributes.DeadLetterQueueSourceArn = sourceArn;
    return attributes;
  }
}

function lookUp(store: SqsStore, arn: string): SqsQueue {
  const queue = store.getQueueByArn(arn);
  if (!queue) {
    throw new QueueDoesNotExist({ message: 'The specified queue does not exist.', $metadata: {} });
  }
  return queue;
}

/** Resolves when `waiting` does or `stopWaiting` aborts, or rejects when `signal` aborts first. */
async function untilAborted(waiting: Promise<void>, signal: AbortSignal, stopWaiting?: AbortSignal): Promise<void> {
  const aborted = Promise.withResolvers<undefined>();
  const onAbort = (): void => aborted.reject(signal.reason);
  const onStop = (): void => aborted.resolve(undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  stopWaiting?.addEventListener('abort', onStop, { once: true });
  if (stopWaiting?.aborted) onStop();
  try {
    await Promise.race([waiting, aborted.promise]);
  } finally {
    signal.removeEventListener('abort', onAbort);
    stopWaiting?.removeEventListener('abort', onStop);
  }
}

/**
 * A stored attribute value as the SDK decodes it off the wire: fauxqs keeps
 * what SendMessage or SNS was given (binary values base64, as sent), so a
 * list member it kept is passed on too.
 */
function toSdkAttributeValue(value: StoredAttributeValue): MessageAttributeValue {
  const result: MessageAttributeValue = { DataType: value.DataType };
  if (value.StringValue !== undefined) result.StringValue = value.StringValue;
  if (value.BinaryValue !== undefined) result.BinaryValue = Buffer.from(value.BinaryValue, 'base64');
  if ('StringListValues' in value && Array.isArray(value.StringListValues)) result.StringListValues = value.StringListValues.map(String);
  if ('BinaryListValues' in value && Array.isArray(value.BinaryListValues)) {
    result.BinaryListValues = value.BinaryListValues.map((item) => Buffer.from(String(item), 'base64'));
  }
  return result;
}
