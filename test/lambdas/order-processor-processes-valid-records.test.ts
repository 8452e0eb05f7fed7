import { OUTCOMES_QUEUE_URL } from './environment.ts';
import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { handler } from '../../lambdas/order-processor/handler.ts';
import { Delivery, lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { mockOutcomesQueue, outcomeFor } from './outcomesQueue.ts';

const sqsMock = mockOutcomesQueue();
beforeEach(() => {
  sqsMock.resetHistory();
});
afterAll(() => {
  sqsMock.restore();
});

describe('order-processor with a valid order', () => {
  it.each([Delivery.raw, Delivery.envelope])('processes it delivered %s and reports a processed outcome', async (delivery) => {
    // Prepare
    const event = orderPlacedFactory();
    const record = sqsRecordFactory(event, { delivery, correlationId: 'corr-1', attributes: { ApproximateReceiveCount: '2' } });

    // Act
    const response = await handler(sqsEventFactory([record]), lambdaContextFactory('fanout-order-processor'));

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(outcomeFor(sqsMock, record.messageId)).toMatchObject({
      consumer: 'order-processor',
      functionName: 'fanout-order-processor',
      orderId: event.orderId,
      eventId: event.eventId,
      receiveCount: 2,
      correlationId: 'corr-1',
      result: 'processed',
      detail: 'priced 2 lines, 3 units, total 4748 EUR',
    });
    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(0);
    const calls = sqsMock.commandCalls(SendMessageBatchCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toMatchObject({
      QueueUrl: OUTCOMES_QUEUE_URL,
      Entries: [
        {
          MessageAttributes: {
            consumer: { DataType: 'String', StringValue: 'order-processor' },
            result: { DataType: 'String', StringValue: 'processed' },
            orderId: { DataType: 'String', StringValue: event.orderId },
            correlationId: { DataType: 'String', StringValue: 'corr-1' },
          },
        },
      ],
    });
  });
});
