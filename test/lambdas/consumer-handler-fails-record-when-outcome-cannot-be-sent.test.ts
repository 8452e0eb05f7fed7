import './environment.ts';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { handler } from '../../lambdas/order-processor/handler.ts';
import { lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { mockOutcomesQueue } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
afterAll(() => {
  sqsMock.restore();
});

describe('a consumer whose outcome cannot be sent', () => {
  it('fails the record, so it is retried until the outcome is reported', async () => {
    sqsMock.on(SendMessageCommand).rejects(new Error('AWS.SimpleQueueService.NonExistentQueue'));
    const records = [sqsRecordFactory(orderPlacedFactory()), sqsRecordFactory('not json')];

    const response = await handler(sqsEventFactory(records), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual(records.map((record) => ({ itemIdentifier: record.messageId })));
    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(2);
  });
});
