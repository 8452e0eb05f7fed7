import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Outcome } from '../../contracts/index.ts';
import { MissingConfigurationError } from '../../lambdas/shared/errors.ts';
import { OutcomeReporter } from '../../lambdas/shared/OutcomeReporter.ts';
import { mockOutcomesQueue } from './outcomesQueue.ts';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/000000000000/outcomes';
const sqsMock = mockOutcomesQueue();
beforeEach(() => {
  sqsMock.resetHistory();
});
afterAll(() => {
  sqsMock.restore();
});

const outcome: Outcome = {
  consumer: 'order-processor',
  functionName: 'fanout-order-processor',
  orderId: null,
  eventId: null,
  messageId: 'm-1',
  receiveCount: 3,
  correlationId: null,
  result: 'rejected',
  detail: 'SQS body is not JSON',
  processedAt: '2026-01-01T00:00:00.000Z',
};

describe('OutcomeReporter', () => {
  it('sends the outcome as JSON with consumer and result attributes, leaving out absent identifiers', async () => {
    await new OutcomeReporter({ queueUrl: QUEUE_URL }).send(outcome);

    const [call] = sqsMock.commandCalls(SendMessageCommand);
    expect(call?.args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      MessageBody: JSON.stringify(outcome),
      MessageAttributes: {
        consumer: { DataType: 'String', StringValue: 'order-processor' },
        result: { DataType: 'String', StringValue: 'rejected' },
      },
    });
  });

  it('refuses an outcome that breaks the contract and sends nothing', async () => {
    await expect(new OutcomeReporter({ queueUrl: QUEUE_URL }).send({ ...outcome, receiveCount: 0 })).rejects.toThrow(/receiveCount/);

    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('names the missing variable when no queue URL is configured', async () => {
    const saved = process.env.OUTCOMES_QUEUE_URL;
    delete process.env.OUTCOMES_QUEUE_URL;
    try {
      await expect(new OutcomeReporter().send(outcome)).rejects.toThrow(new MissingConfigurationError('OUTCOMES_QUEUE_URL'));
    } finally {
      if (saved !== undefined) process.env.OUTCOMES_QUEUE_URL = saved;
    }
  });
});
