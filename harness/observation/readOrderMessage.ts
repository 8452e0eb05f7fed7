import type { Message } from '@aws-sdk/client-sqs';
import { OrderMessageAttribute } from '../../contracts/index.ts';

/** The identifiers of an OrderPlaced message as it sits in a consumer queue or its DLQ. */
export interface OrderMessageIds {
  orderId: string | null;
  eventId: string | null;
  correlationId: string | null;
}

/**
 * Reads an SQS message that SNS delivered, either wrapped in a notification envelope or raw, without
 * validating the event: dead-lettered messages are often the invalid ones.
 */
export function readOrderMessage(message: Pick<Message, 'Body' | 'MessageAttributes'>): OrderMessageIds {
  const ids: OrderMessageIds = {
    orderId: null,
    eventId: null,
    correlationId: message.MessageAttributes?.[OrderMessageAttribute.correlationId]?.StringValue ?? null,
  };
  let payload = parse(message.Body ?? '');
  if (isRecord(payload) && payload.Type === 'Notification') {
    const attribute = isRecord(payload.MessageAttributes) ? payload.MessageAttributes[OrderMessageAttribute.correlationId] : undefined;
    if (isRecord(attribute) && typeof attribute.Value === 'string') ids.correlationId = attribute.Value;
    payload = typeof payload.Message === 'string' ? parse(payload.Message) : undefined;
  }
  if (isRecord(payload)) {
    if (typeof payload.orderId === 'string') ids.orderId = payload.orderId;
    if (typeof payload.eventId === 'string') ids.eventId = payload.eventId;
  }
  return ids;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
