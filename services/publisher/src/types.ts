import type { PublishBatchCommand, PublishBatchCommandOutput } from '@aws-sdk/client-sns';
import type { Logger } from 'pino';

/** The one SNS operation the publisher needs (`PublishBatch`, see PublishBatcher); an `SNSClient` satisfies it. */
export interface SnsPublisher {
  send(command: PublishBatchCommand, options?: { abortSignal?: AbortSignal }): Promise<PublishBatchCommandOutput>;
}

/** What the middleware chain puts on `ctx.state` for everything after it. */
export interface PublisherState {
  correlationId: string;
  /** Child of the app logger bound to the request's correlation id. */
  logger: Logger;
}

/** Everything `createApp` needs from the outside world. */
export interface PublisherDeps {
  sns: SnsPublisher;
  topicArn: string;
  logger: Logger;
  /** When non-empty, `X-Api-Key` must match one of them (docs and health stay open). */
  apiKeys?: readonly string[];
  /** How long SNS may take before the order is refused with 503; default 3000. */
  publishTimeoutMs?: number;
  /** Largest accepted request body; default 64 KiB. */
  bodyLimitBytes?: number;
  /** How long an Idempotency-Key stands for its order; default a day. */
  idempotencyWindowMs?: number;
  /** Idempotency-Keys kept at most (the oldest is forgotten first); default 100,000. */
  idempotencyMaxKeys?: number;
  /** Source of order, event and generated correlation ids; default `randomUUID`. */
  newId?: () => string;
  now?: () => Date;
}
