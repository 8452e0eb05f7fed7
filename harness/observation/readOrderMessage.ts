import type { Message } from '@aws-sdk/client-sqs';
import { OrderMessageAttribute, orderPlacedIds, parseSnsDelivery } from '../../contracts/index.ts';

/** The identifiers of an OrderPlaced message as it sits in a consumer queue or its DLQ. */
export interface OrderMessageIds {
  orderId: string | null;
  eventId: string | null;
  correlationId: string | null;
}

/**
 * Reads an SQS message that SNS delivered, either wrapped in a notification envelope or raw (the contract's
 * `parseSnsDelivery`, as the Lambdas read it), without validating the event: dead-lettered messages are
 * often the invalid ones.
 */
export function readOrderMessage(message: Pick<Message, 'Body' | 'MessageAttributes'>): OrderMessageIds {
  const sqsCorrelationId = message.MessageAttributes?.[OrderMessageAttribute.correlationId]?.StringValue ?? null;
  const delivery = parseSnsDelivery(message.Body ?? '', { sqsCorrelationId });
  if (!delivery.success) return { orderId: null, eventId: null, correlationId: delivery.correlationId };
  return { ...orderPlacedIds(delivery.data.message), correlationId: delivery.data.correlationId };
}
