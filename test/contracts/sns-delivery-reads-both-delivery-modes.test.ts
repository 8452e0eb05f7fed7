import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Delivery, parseSnsDelivery } from '../../contracts/index.ts';
import { snsEnvelopeFactory, TOPIC_ARN } from '../lambdas/factories.ts';

const event = { orderId: 'o-1', eventId: 'e-1', eventType: 'OrderPlaced' };

describe('parseSnsDelivery', () => {
  it('unwraps an SNS notification envelope, with the correlation id from its message attributes', () => {
    const body = snsEnvelopeFactory(JSON.stringify(event), 'c-envelope');

    expect(parseSnsDelivery(body, { sqsCorrelationId: 'c-sqs' })).toEqual({
      success: true,
      data: { delivery: Delivery.envelope, message: event, correlationId: 'c-envelope' },
    });
  });

  it('keeps the SQS correlation id when the envelope carries none', () => {
    const body = snsEnvelopeFactory(JSON.stringify(event), null);

    expect(parseSnsDelivery(body, { sqsCorrelationId: 'c-sqs' })).toMatchObject({ success: true, data: { correlationId: 'c-sqs' } });
  });

  it('takes any other JSON body as the message itself (raw delivery), with the SQS correlation id', () => {
    expect(parseSnsDelivery(JSON.stringify(event), { sqsCorrelationId: 'c-raw' })).toEqual({
      success: true,
      data: { delivery: Delivery.raw, message: event, correlationId: 'c-raw' },
    });
    expect(parseSnsDelivery(JSON.stringify(event))).toMatchObject({ success: true, data: { correlationId: null } });
  });

  it('refuses a body that is not JSON', () => {
    expect(parseSnsDelivery('{"orderId":', { sqsCorrelationId: 'c-1' })).toEqual({
      success: false,
      error: expect.stringMatching(/^SQS body is not JSON: /),
      correlationId: 'c-1',
    });
  });

  it('refuses a notification that is missing its topic, naming the field, rather than reading it as a raw message', () => {
    const body = JSON.stringify({ Type: 'Notification', MessageId: randomUUID(), Message: JSON.stringify(event), Timestamp: new Date().toISOString() });

    const read = parseSnsDelivery(body);

    expect(read).toMatchObject({ success: false, correlationId: null });
    expect(read.success ? '' : read.error).toMatch(/^SQS body is not a valid SNS notification: TopicArn: /);
  });

  it('refuses an envelope whose Message is not JSON, keeping the envelope correlation id', () => {
    const body = snsEnvelopeFactory('{oops', 'c-2');

    expect(parseSnsDelivery(body)).toEqual({ success: false, error: expect.stringMatching(/^SNS Message is not JSON: /), correlationId: 'c-2' });
  });

  it('reads the envelope fields it needs from the notification as SNS writes it', () => {
    const parsed = JSON.parse(snsEnvelopeFactory(JSON.stringify(event), 'c-3')) as { TopicArn: string };

    expect(parsed.TopicArn).toBe(TOPIC_ARN);
    expect(parseSnsDelivery(JSON.stringify({ ...parsed, TopicArn: 42 }))).toMatchObject({ success: false, error: expect.stringContaining('TopicArn') });
  });
});
