import type { Logger } from 'pino';
import { orderMessageAttributes, type OrderPlaced } from '../../../contracts/index.ts';
import { PublishOutcomeUnknownError, PublishUnavailableError } from './errors.ts';
import { PublishEntryFailedError, PublishNotSentError, type PublishBatcher } from './PublishBatcher.ts';

export interface PublishOrderOptions {
  batcher: PublishBatcher;
  event: OrderPlaced;
  correlationId: string;
  timeoutMs: number;
  logger: Logger;
  /** The request carries an Idempotency-Key, so a retry republishes this same event (it words the 503). */
  idempotent: boolean;
}

/**
 * Publishes the event to the topic. Throws `PublishUnavailableError` when SNS answered with an error, was
 * never reached, or the event never left the publisher (nothing was published), and
 * `PublishOutcomeUnknownError` when SNS did not answer within `timeoutMs` or the connection broke after the
 * request went out (it may have been published).
 */
export async function publishOrder(options: PublishOrderOptions): Promise<{ messageId: string | undefined }> {
  const { event, logger } = options;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const messageId = await options.batcher.publish({ message: JSON.stringify(event), attributes: orderMessageAttributes(event, options.correlationId) }, signal);
    logger.info({ orderId: event.orderId, eventId: event.eventId, messageId }, 'order published');
    return { messageId };
  } catch (error) {
    const timedOut = signal.aborted;
    const outcomeUnknown = !neverPublished(error);
    logger.warn({ err: error, orderId: event.orderId, eventId: event.eventId, timedOut, outcomeUnknown }, 'order not published');
    if (!outcomeUnknown) throw new PublishUnavailableError({ cause: error });
    throw new PublishOutcomeUnknownError({ timedOut, orderId: event.orderId, eventId: event.eventId, idempotent: options.idempotent, cause: error });
  }
}

/** Errors after which the event is certainly not published: SNS answered with an error, or was never reached. */
const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function neverPublished(error: unknown): boolean {
  if (error instanceof PublishEntryFailedError || error instanceof PublishNotSentError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { $metadata, code } = error as { $metadata?: { httpStatusCode?: number }; code?: unknown };
  if (typeof $metadata?.httpStatusCode === 'number' && $metadata.httpStatusCode >= 400) return true;
  return typeof code === 'string' && UNREACHED.has(code);
}
