import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { SQSRecord } from 'aws-lambda';
import { OrderRecordError } from '../../lambdas/shared/errors.ts';
import { parseOrderRecord } from '../../lambdas/shared/parseOrderRecord.ts';
import { Delivery, orderPlacedFactory, sqsRecordFactory } from './factories.ts';

function rejection(record: SQSRecord): OrderRecordError {
  try {
    parseOrderRecord(record);
  } catch (error) {
    if (error instanceof OrderRecordError) return error;
    throw error;
  }
  throw new Error('parseOrderRecord accepted the record');
}

describe('parseOrderRecord with a body that is neither an SNS envelope nor an OrderPlaced event', () => {
  it('rejects a body that is not JSON', () => {
    expect(rejection(sqsRecordFactory('{"orderId":', { correlationId: 'c-1' }))).toMatchObject({
      message: expect.stringMatching(/^SQS body is not JSON: /),
      identifiers: { orderId: null, eventId: null, correlationId: 'c-1' },
    });
  });

  it('rejects an SNS notification that is missing its topic, rather than reading it as a raw event', () => {
    const body = { Type: 'Notification', MessageId: randomUUID(), Message: JSON.stringify(orderPlacedFactory()), Timestamp: new Date().toISOString() };

    expect(rejection(sqsRecordFactory(body)).message).toMatch(/^SQS body is not a valid SNS notification: TopicArn: /);
  });

  it('rejects an envelope whose Message is not JSON', () => {
    const record = sqsRecordFactory('oops', { delivery: Delivery.envelope, correlationId: 'c-2' });

    expect(rejection(record)).toMatchObject({ message: expect.stringMatching(/^SNS Message is not JSON: /), identifiers: { correlationId: 'c-2' } });
  });

  it.each([Delivery.raw, Delivery.envelope])('rejects a %s event that breaks the contract, keeping its identifiers', (delivery) => {
    const event = { ...orderPlacedFactory(), total: 1 };

    const error = rejection(sqsRecordFactory(event, { delivery, correlationId: 'c-3' }));

    expect(error.message).toBe('not a valid OrderPlaced event: total: total is not the sum of the items');
    expect(error.identifiers).toEqual({ orderId: event.orderId, eventId: event.eventId, correlationId: 'c-3' });
  });

  it('rejects JSON that is some other message', () => {
    expect(rejection(sqsRecordFactory({ hello: 'world' })).message).toMatch(/^not a valid OrderPlaced event: /);
  });

  it('rejects a record that is not in the SQS event shape', () => {
    const { md5OfBody: _dropped, ...withoutMd5 } = sqsRecordFactory(orderPlacedFactory());

    expect(rejection(withoutMd5 as SQSRecord).message).toMatch(/^not an SQS record: md5OfBody: /);
  });
});
