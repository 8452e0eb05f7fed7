import type { Message } from '@aws-sdk/client-sqs';

/**
 * Where an event source mapping's poller takes its messages from: the SQS
 * API over HTTP (`SdkQueueSource`), or fauxqs's store when fauxqs runs in
 * the same process (`StoreQueueSource`), as Lambda's own pollers are
 * internal to AWS. Either way messages come in the SDK's shape, as
 * ReceiveMessage answers them with every system and message attribute, so
 * `buildSqsEvent` builds the same records from both.
 */
export interface QueueSource {
  /** The queue an event source ARN names; rejects while there is none (the poller retries). */
  resolve(queueArn: string, signal: AbortSignal): Promise<SourceQueue>;
}

/** One queue as a poller uses it. */
export interface SourceQueue {
  /** How the poller's log lines name the queue. */
  readonly label: string;
  /**
   * Up to `maxMessages` (1..10) messages, waiting up to `waitSeconds` for the
   * first when none is there. An abort rejects with the signal's reason; a
   * source must then leave no message received that the poller never sees.
   */
  receive(request: ReceiveRequest): Promise<Message[]>;
  /** Deletes received messages (any number); answers the entries SQS refused. Rejects when the request fails. */
  deleteBatch(receiptHandles: readonly string[]): Promise<SettleFailure[]>;
  /** Sets the visibility timeout of received messages (any number); answers the entries SQS refused. */
  changeVisibilityBatch(receiptHandles: readonly string[], visibilityTimeoutSeconds: number): Promise<SettleFailure[]>;
}

export interface ReceiveRequest {
  maxMessages: number;
  waitSeconds: number;
  /** Aborted on shutdown: the receive rejects. */
  signal: AbortSignal;
  /**
   * Aborted when the poller stops (a disable or a delete): a source whose long
   * poll can end early without taking a message along (fauxqs's store in this
   * process) stops waiting and answers nothing; one whose cannot (a long poll
   * over HTTP, see SdkQueueSource) lets the poll run out.
   */
  stopWaiting?: AbortSignal;
}

/** A batch entry SQS did not settle. */
export interface SettleFailure {
  receiptHandle: string;
  code: string;
  message: string;
}
