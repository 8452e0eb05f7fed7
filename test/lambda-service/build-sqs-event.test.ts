import { describe, expect, it } from '@jest/globals';
import { buildSqsEvent } from '../../harness/lambda-service/event-sources/buildSqsEvent.ts';

describe('the SQS event of a batch', () => {
  it('takes awsRegion from the queue ARN', () => {
    const event = buildSqsEvent([{ MessageId: 'm-1', Body: 'b', Attributes: {} }], 'arn:aws:sqs:ap-southeast-2:123456789012:orders');

    expect(event.Records[0]).toMatchObject({ awsRegion: 'ap-southeast-2', eventSourceARN: 'arn:aws:sqs:ap-southeast-2:123456789012:orders' });
  });

  it('copies the attributes SQS returned, in Lambda\'s order, and invents none it left out', () => {
    const event = buildSqsEvent(
      [
        {
          MessageId: 'm-1',
          Body: 'b',
          Attributes: { SenderId: 'AIDA', SentTimestamp: '1700000000000', MessageGroupId: 'g-1', ApproximateReceiveCount: '3' },
        },
      ],
      'arn:aws:sqs:us-east-1:000000000000:orders.fifo',
    );

    const attributes = event.Records[0]?.attributes;
    expect(attributes).toEqual({ ApproximateReceiveCount: '3', SentTimestamp: '1700000000000', SenderId: 'AIDA', MessageGroupId: 'g-1' });
    expect(Object.keys(attributes ?? {})).toEqual(['ApproximateReceiveCount', 'SentTimestamp', 'SenderId', 'MessageGroupId']);
  });
});
