import './environment.ts';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { handler } from '../../lambdas/order-processor/handler.ts';
import { lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { acceptOutcomes, batchCalls, entryOutcome, mockOutcomesQueue } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
afterEach(() => {
  sqsMock.reset();
  acceptOutcomes(sqsMock);
});
afterAll(() => {
  sqsMock.restore();
});

describe('a consumer whose outcome cannot be sent', () => {
  it('fails the record, so it is retried until the outcome is reported', async () => {
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('AWS.SimpleQueueService.NonExistentQueue'));
    const records = [sqsRecordFactory(orderPlacedFactory()), sqsRecordFactory('not json')];

    const response = await handler(sqsEventFactory(records), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual(records.map((record) => ({ itemIdentifier: record.messageId })));
    expect(batchCalls(sqsMock).map((entries) => entries.map((entry) => entryOutcome(entry).result).sort())).toEqual([['processed', 'rejected']]);
    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(0);
  });
});
