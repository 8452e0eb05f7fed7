import { describe, expect, it } from '@jest/globals';
import { buildOrderPlaced, exampleOrder, orderMessageAttributes, orderPlacedIds } from '../../contracts/index.ts';

describe('orderMessageAttributes', () => {
  it('carries the event type, correlation id, total (as a Number, for numeric filter policies) and currency', () => {
    const event = buildOrderPlaced(exampleOrder);

    expect(orderMessageAttributes(event, 'checkout-42')).toEqual({
      eventType: { DataType: 'String', StringValue: 'OrderPlaced' },
      correlationId: { DataType: 'String', StringValue: 'checkout-42' },
      orderTotal: { DataType: 'Number', StringValue: '4748' },
      currency: { DataType: 'String', StringValue: 'EUR' },
    });
  });
});

describe('orderPlacedIds', () => {
  it('reads the ids of a message without validating the rest', () => {
    expect(orderPlacedIds({ orderId: 'o-1', eventId: 'e-1', total: 'not a number' })).toEqual({ orderId: 'o-1', eventId: 'e-1' });
  });

  it('gives null for an id that is missing, empty or not a string, and for a message that is not an object', () => {
    expect(orderPlacedIds({ orderId: '', eventId: 42 })).toEqual({ orderId: null, eventId: null });
    expect(orderPlacedIds('o-1')).toEqual({ orderId: null, eventId: null });
    expect(orderPlacedIds(null)).toEqual({ orderId: null, eventId: null });
  });
});
