import { PublishCommand } from '@aws-sdk/client-sns';
import type { Logger } from 'pino';
import { orderMessageAttributes, type OrderPlaced } from '../../../contracts/index.ts';
import { PublishOutcomeUnknownError, PublishUnavailableError } from './errors.ts';
import type { SnsPublisher } from './types.ts';

export interface PublishOrderOptions {
  sns: SnsPublisher;
  topicArn: string;
  event: OrderPlaced;
  correlationId: string;
  timeoutMs: number;
  logger: Logger;
  /** The request carries an Idempotency-Key, so a retry republishes this same event (it words the 503). */
  idempotent: boolean;
}

/**
 * Publishes the event to the topic. Throws `PublishUnavailableError` when SNS answered with an error or was
 * never reached (nothing was published), and `PublishOutcomeUnknownError` when it did not answer within
 * `timeoutMs` or the connection broke after the request went out (it may have been published).
 */
export async function publishOrder(options: PublishOrderOptions): Promise<{ messageId: string | undefined }> {
  const { event, logger } = options;
  const command = new PublishCommand({
    TopicArn: options.topicArn,
    Message: JSON.stringify(event),
    MessageAttributes: orderMessageAttributes(event, options.correlationId),
  });
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const output = await untilAborted(options.sns.send(command, { abortSignal: signal }), signal);
    logger.info({ orderId: event.orderId, eventId: event.eventId, messageId: output.MessageId }, 'order published');
    return { messageId: output.MessageId };
  } catch (error) {
    const timedOut = signal.aborted;
    const outcomeUnknown = timedOut || !neverPublished(error);
    logger.warn({ err: error, orderId: event.orderId, eventId: event.eventId, timedOut, outcomeUnknown }, 'order not published');
    if (!outcomeUnknown) throw new PublishUnavailableError({ cause: error });
    throw new PublishOutcomeUnknownError({ timedOut, orderId: event.orderId, eventId: event.eventId, idempotent: options.idempotent, cause: error });
  }
}

/** Errors after which the event is certainly not published: SNS answered with an error, or was never reached. */
const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function neverPublished(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { $metadata, code } = error as { $metadata?: { httpStatusCode?: number }; code?: unknown };
  if (typeof $metadata?.httpStatusCode === 'number' && $metadata.httpStatusCode >= 400) return true;
  return typeof code === 'string' && UNREACHED.has(code);
}

/** Settles with `promise`, or rejects as soon as `signal` aborts even if the sender ignores the signal. */
async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const { promise: aborted, reject } = Promise.withResolvers<never>();
  const onAbort = (): void => reject(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
