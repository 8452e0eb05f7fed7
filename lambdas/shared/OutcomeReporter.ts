import {
  SendMessageBatchCommand,
  type MessageAttributeValue,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { buildOutcomeMessage, messageBytes, type Outcome } from '../../contracts/index.ts';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { MissingConfigurationError, OutcomeNotDeliveredError } from './errors.ts';

export const OUTCOMES_QUEUE_URL = 'OUTCOMES_QUEUE_URL';

/** SendMessageBatch takes at most 10 entries... */
export const MAX_BATCH_ENTRIES = 10;
/** ...of at most 256 KiB in total, counting each message's body and attribute names, types and values. */
export const MAX_BATCH_BYTES = 256 * 1024;
/** SendMessageBatch calls in flight at once when a large batch of records has many outcomes. */
const MAX_CONCURRENT_CALLS = 8;

export interface OutcomeReporterOptions {
  /** Defaults to `process.env.OUTCOMES_QUEUE_URL`, read at send time. */
  queueUrl?: string;
  client?: SQSClient;
}

/** An outcome that did not reach the outcomes queue, and why. */
export interface UndeliveredOutcome {
  /** The very object `OutcomeBatch.add` returned. */
  outcome: Outcome;
  error: unknown;
}

/** Sends Outcomes to the outcomes queue, where the specs match them to orders. */
export class OutcomeReporter {
  readonly #client: SQSClient;
  readonly #queueUrl: string | undefined;

  constructor(options: OutcomeReporterOptions = {}) {
    this.#client = options.client ?? createSqsClient();
    this.#queueUrl = options.queueUrl;
  }

  /** A collector for the outcomes of one invocation, sent together by `flush` with SendMessageBatch. */
  batch(): OutcomeBatch {
    return new OutcomeBatch((entries) => this.#sendBatch(entries));
  }

  #resolveQueueUrl(): string {
    const queueUrl = this.#queueUrl ?? process.env[OUTCOMES_QUEUE_URL];
    if (!queueUrl) throw new MissingConfigurationError(OUTCOMES_QUEUE_URL);
    return queueUrl;
  }

  /** Sends the messages in as few SendMessageBatch calls as the limits allow, a few at a time; never throws. */
  async #sendBatch(messages: readonly PreparedOutcome[]): Promise<UndeliveredOutcome[]> {
    if (messages.length === 0) return [];
    let queueUrl: string;
    try {
      queueUrl = this.#resolveQueueUrl();
    } catch (error) {
      return messages.map(({ outcome }) => ({ outcome, error }));
    }
    const chunks = chunk(messages);
    const results: UndeliveredOutcome[][] = [];
    let next = 0;
    const sendNext = async (): Promise<void> => {
      for (let index = next++; index < chunks.length; index = next++) {
        results[index] = await this.#sendChunk(queueUrl, chunks[index] ?? []);
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_CONCURRENT_CALLS, chunks.length) }, sendNext));
    return results.flat();
  }

  async #sendChunk(queueUrl: string, messages: readonly PreparedOutcome[]): Promise<UndeliveredOutcome[]> {
    // Ids only have to be unique within the call; the position maps the answer back to the outcome.
    const entries: SendMessageBatchRequestEntry[] = messages.map((message, index) => ({ Id: String(index), ...message.entry }));
    try {
      const { Successful = [], Failed = [] } = await this.#client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      const failures = new Map(Failed.map((failure) => [failure.Id, failure]));
      const delivered = new Set(Successful.map((success) => success.Id));
      return messages.flatMap(({ outcome }, index) => {
        const id = String(index);
        const failure = failures.get(id);
        if (failure) return [{ outcome, error: new OutcomeNotDeliveredError(failure.Code ?? 'UnknownError', failure.Message, failure.SenderFault) }];
        // An entry SQS neither accepted nor refused is not known to be on the queue: report it undelivered, so
        // its record is retried (a duplicate outcome is harmless, a missing one is not).
        return delivered.has(id) ? [] : [{ outcome, error: new OutcomeNotDeliveredError(null, undefined) }];
      });
    } catch (error) {
      return messages.map(({ outcome }) => ({ outcome, error }));
    }
  }
}

/**
 * The outcomes of one invocation. `add` validates and queues an outcome as its record completes; `flush`
 * sends everything queued with SendMessageBatch and tells which outcomes did not reach the queue.
 * Holds no state beyond the invocation that created it.
 */
export class OutcomeBatch {
  readonly #send: (messages: readonly PreparedOutcome[]) => Promise<UndeliveredOutcome[]>;
  #messages: PreparedOutcome[] = [];

  /** Internal: get one from `OutcomeReporter.batch()`. */
  constructor(send: (messages: readonly PreparedOutcome[]) => Promise<UndeliveredOutcome[]>) {
    this.#send = send;
  }

  /** How many outcomes wait for `flush`. */
  get size(): number {
    return this.#messages.length;
  }

  /**
   * Validates the outcome against the contract and queues it; throws, queueing nothing, when it breaks it.
   * Returns the validated outcome, the object `flush` names if it is not delivered.
   */
  add(outcome: Outcome): Outcome {
    const message = prepare(outcome);
    this.#messages.push(message);
    return message.outcome;
  }

  /** Sends the queued outcomes and empties the batch; resolves to those not delivered, never rejects. */
  async flush(): Promise<UndeliveredOutcome[]> {
    const messages = this.#messages;
    this.#messages = [];
    return this.#send(messages);
  }
}

interface PreparedOutcome {
  outcome: Outcome;
  entry: { MessageBody: string; MessageAttributes: Record<string, MessageAttributeValue> };
  /** The message's size as SQS counts it against the batch limit. */
  bytes: number;
}

/** Validates and builds the message with the contract's `buildOutcomeMessage`, and weighs it. */
function prepare(outcome: Outcome): PreparedOutcome {
  const { outcome: valid, MessageBody, MessageAttributes } = buildOutcomeMessage(outcome);
  return { outcome: valid, entry: { MessageBody, MessageAttributes }, bytes: messageBytes(MessageBody, MessageAttributes) };
}

/** Consecutive runs of at most MAX_BATCH_ENTRIES messages and MAX_BATCH_BYTES; an oversized message goes alone. */
function chunk(messages: readonly PreparedOutcome[]): PreparedOutcome[][] {
  const chunks: PreparedOutcome[][] = [];
  let current: PreparedOutcome[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (current.length > 0 && (current.length === MAX_BATCH_ENTRIES || bytes + message.bytes > MAX_BATCH_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += message.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
