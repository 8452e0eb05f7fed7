import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import type { OrderPlaced } from './orderPlaced.ts';

/**
 * SNS message attributes the publisher sets on every OrderPlaced event.
 * Filter policies (for example fraud screening on `orderTotal`) match on these.
 */
export const OrderMessageAttribute = {
  eventType: 'eventType',
  correlationId: 'correlationId',
  orderTotal: 'orderTotal',
  currency: 'currency',
} as const;

/**
 * The message attributes of an OrderPlaced event, as the publisher sends them to SNS. The specs and the bench
 * evaluate filter policies against this same build, so an expectation cannot follow a wrong attribute.
 */
export function orderMessageAttributes(event: OrderPlaced, correlationId: string): Record<string, MessageAttributeValue> {
  return {
    [OrderMessageAttribute.eventType]: { DataType: 'String', StringValue: event.eventType },
    [OrderMessageAttribute.correlationId]: { DataType: 'String', StringValue: correlationId },
    [OrderMessageAttribute.orderTotal]: { DataType: 'Number', StringValue: String(event.total) },
    [OrderMessageAttribute.currency]: { DataType: 'String', StringValue: event.currency },
  } satisfies Record<string, MessageAttributeValue>;
}
