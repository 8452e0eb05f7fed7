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

export const CORRELATION_ID_HEADER = 'x-correlation-id';
