import { describe, expect, it } from '@jest/globals';
import { readOrderMessage } from '../../harness/observation/readOrderMessage.ts';
import { snsEnvelopeFactory } from '../lambdas/factories.ts';

const event = { orderId: 'o-1', eventId: 'e-1', eventType: 'OrderPlaced' };

describe('readOrderMessage', () => {
  it('reads an SNS envelope, with the correlation id from its message attributes', () => {
    // A whole envelope, as SNS writes it: the reader is the Lambdas' one, which checks the envelope.
    const body = snsEnvelopeFactory(JSON.stringify(event), 'c-envelope');

    expect(readOrderMessage({ Body: body })).toEqual({ orderId: 'o-1', eventId: 'e-1', correlationId: 'c-envelope' });
  });

  it('reads a raw delivery, with the correlation id from the SQS attributes', () => {
    const attributes = { correlationId: { DataType: 'String', StringValue: 'c-raw' } };

    expect(readOrderMessage({ Body: JSON.stringify(event), MessageAttributes: attributes })).toEqual({ orderId: 'o-1', eventId: 'e-1', correlationId: 'c-raw' });
  });

  it('keeps what it can from a body that is not an order', () => {
    expect(readOrderMessage({ Body: 'not json' })).toEqual({ orderId: null, eventId: null, correlationId: null });
    expect(readOrderMessage({ Body: JSON.stringify({ Type: 'Notification', Message: '{oops' }) })).toEqual({ orderId: null, eventId: null, correlationId: null });
  });
});
