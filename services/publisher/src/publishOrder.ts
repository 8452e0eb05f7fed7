import { PublishCommand, type MessageAttributeValue } from '@aws-sdk/client-sns';
import type { Logger } from 'pino';
import { OrderMessageAttribute, type OrderPlaced } from '../../../contracts/index.ts';
import { PublishUnavailableError } from './errors.ts';
import type { SnsPublisher } from './types.ts';

export interface PublishOrderOptions {
  sns: SnsPublisher;
  topicArn: string;
  event: OrderPlaced;
  correlationId: string;
  timeoutMs: number;
  logger: Logger;
}

/** The message attributes subscribers filter on (see `OrderMessageAttribute`). */
export function orderMessageAttributes(event: OrderPlaced, correlationId: string): Record<string, MessageAttributeValue> {
  return {
    [OrderMessageAttribute.eventType]: { DataType: 'String', StringValue: event.eventType },
    [OrderMessageAttribute.correlationId]: { DataType: 'String', StringValue: correlationId },
    [OrderMessageAttribute.orderTotal]: { DataType: 'Number', StringValue: String(event.total) },
    [OrderMessageAttribute.currency]: { DataType: 'String', StringValue: event.currency },
  };
}

/**
 * Publishes the event to the topic, or throws `PublishUnavailableError` when SNS fails or does not
 * answer within `timeoutMs` (the request is aborted then, so the order is reported as not accepted).
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
    logger.warn({ err: error, orderId: event.orderId, eventId: event.eventId, timedOut }, 'order not published');
    throw new PublishUnavailableError({ timedOut, cause: error });
  }
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
