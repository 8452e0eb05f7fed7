import { describe, expect, it } from '@jest/globals';
import { SnsSqsNotificationSchema } from '@aws-lambda-powertools/parser/schemas/sns';
import { SqsSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import { Delivery, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';

describe('test record factories', () => {
  it('build SQS events that Powertools accepts as SQS events, in both delivery modes', () => {
    const event = sqsEventFactory([
      sqsRecordFactory(orderPlacedFactory(), { delivery: Delivery.raw }),
      sqsRecordFactory(orderPlacedFactory(), { delivery: Delivery.envelope }),
      sqsRecordFactory('not json', { correlationId: null }),
    ]);

    expect(SqsSchema.safeParse(event).error).toBeUndefined();
  });

  it('wrap envelope bodies in an SNS notification that Powertools accepts', () => {
    const record = sqsRecordFactory(orderPlacedFactory(), { delivery: Delivery.envelope, correlationId: 'corr-1' });

    const envelope = SnsSqsNotificationSchema.parse(JSON.parse(record.body));

    expect(envelope.MessageAttributes?.correlationId).toEqual({ Type: 'String', Value: 'corr-1' });
    expect(record.messageAttributes).toEqual({});
  });
});
