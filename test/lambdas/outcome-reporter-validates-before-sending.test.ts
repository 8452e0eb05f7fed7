import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SendMessageBatchCommand, SendMessageCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import type { Outcome } from '../../contracts/index.ts';
import { MissingConfigurationError, OutcomeNotDeliveredError } from '../../lambdas/shared/errors.ts';
import { MAX_BATCH_BYTES, OutcomeReporter } from '../../lambdas/shared/OutcomeReporter.ts';
import { acceptOutcomes, batchCalls, batchResult, entryOutcome, mockOutcomesQueue } from './outcomesQueue.ts';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/000000000000/outcomes';
const sqsMock = mockOutcomesQueue();
beforeEach(() => {
  sqsMock.reset();
  acceptOutcomes(sqsMock);
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
  // Outcomes go out through a batch only (the single-message `send` was unused); these are its basics.
  it('sends the outcome as JSON with consumer and result attributes, leaving out absent identifiers', async () => {
    const batch = new OutcomeReporter({ queueUrl: QUEUE_URL }).batch();
    batch.add(outcome);
    await batch.flush();

    const [call] = sqsMock.commandCalls(SendMessageBatchCommand);
    expect(call?.args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      Entries: [{
        Id: '0',
        MessageBody: JSON.stringify(outcome),
        MessageAttributes: {
          consumer: { DataType: 'String', StringValue: 'order-processor' },
          result: { DataType: 'String', StringValue: 'rejected' },
        },
      }],
    });
  });

  it('refuses an outcome that breaks the contract and sends nothing', async () => {
    const batch = new OutcomeReporter({ queueUrl: QUEUE_URL }).batch();
    expect(() => batch.add({ ...outcome, receiveCount: 0 })).toThrow(/receiveCount/);
    await batch.flush();

    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('names the missing variable when no queue URL is configured', async () => {
    const saved = process.env.OUTCOMES_QUEUE_URL;
    delete process.env.OUTCOMES_QUEUE_URL;
    try {
      const batch = new OutcomeReporter().batch();
      batch.add(outcome);
      expect((await batch.flush()).map(({ error }) => error)).toEqual([new MissingConfigurationError('OUTCOMES_QUEUE_URL')]);
    } finally {
      if (saved !== undefined) process.env.OUTCOMES_QUEUE_URL = saved;
    }
  });
});

describe('OutcomeReporter.batch', () => {
  const outcomeOf = (messageId: string, detail = 'ok'): Outcome => ({ ...outcome, messageId, result: 'processed', detail });

  it('sends the queued outcomes with SendMessageBatch, each with its attributes, and empties the batch', async () => {
    const batch = new OutcomeReporter({ queueUrl: QUEUE_URL }).batch();
    batch.add({ ...outcome, orderId: 'ord-1', correlationId: 'corr-1' });
    batch.add(outcomeOf('m-2'));

    expect(await batch.flush()).toEqual([]);

    expect(batch.size).toBe(0);
    const [call] = sqsMock.commandCalls(SendMessageBatchCommand);
    expect(call?.args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      Entries: [
        {
          Id: '0',
          MessageBody: JSON.stringify({ ...outcome, orderId: 'ord-1', correlationId: 'corr-1' }),
          MessageAttributes: {
            consumer: { DataType: 'String', StringValue: 'order-processor' },
            result: { DataType: 'String', StringValue: 'rejected' },
            orderId: { DataType: 'String', StringValue: 'ord-1' },
            correlationId: { DataType: 'String', StringValue: 'corr-1' },
          },
        },
        {
          Id: '1',
          MessageBody: JSON.stringify(outcomeOf('m-2')),
          MessageAttributes: {
            consumer: { DataType: 'String', StringValue: 'order-processor' },
            result: { DataType: 'String', StringValue: 'processed' },
          },
        },
      ],
    });
    expect(await batch.flush()).toEqual([]);
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(1);
  });

  it('refuses an outcome that breaks the contract and queues nothing', async () => {
    const batch = new OutcomeReporter({ queueUrl: QUEUE_URL }).batch();

    expect(() => batch.add({ ...outcome, receiveCount: 0 })).toThrow(/receiveCount/);

    expect(batch.size).toBe(0);
    expect(await batch.flush()).toEqual([]);
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  it('keeps each call within 10 entries and 256 KiB', async () => {
    const batch = new OutcomeReporter({ queueUrl: QUEUE_URL }).batch();
    const detail = 'é'.repeat(20 * 1024); // 40 KiB in UTF-8
    for (let index = 0; index < 14; index += 1) batch.add(outcomeOf(`m-${index}`, detail));
    for (let index = 14; index < 27; index += 1) batch.add(outcomeOf(`m-${index}`));

    expect(await batch.flush()).toEqual([]);

    const calls = batchCalls(sqsMock);
    const bytes = (entries: typeof calls[number]) =>
      entries.reduce(
        (sum, entry) =>
          sum +
          Buffer.byteLength(entry.MessageBody ?? '') +
          Object.entries(entry.MessageAttributes ?? {}).reduce(
            (attributes, [name, value]) => attributes + Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '') + Buffer.byteLength(value.StringValue ?? ''),
            0,
          ),
        0,
      );
    expect(calls.map((entries) => entries.length)).toEqual([6, 6, 10, 5]);
    expect(calls.every((entries) => bytes(entries) <= MAX_BATCH_BYTES)).toBe(true);
    expect(calls.flat().map((entry) => entryOutcome(entry).messageId)).toEqual(Array.from({ length: 27 }, (_, index) => `m-${index}`));
  });

  it('names the outcomes SQS refused or did not acknowledge, and every outcome of a call that threw', async () => {
    sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      if (input.Entries?.some((entry) => entryOutcome(entry).messageId === 'm-10')) throw new Error('throttled');
      const result = batchResult(input, (_entry, { messageId }) => (messageId === 'm-3' ? 'InternalError' : undefined));
      return { ...result, Successful: result.Successful?.filter((entry) => entry.Id !== '5') };
    });
    const batch = new OutcomeReporter({ queueUrl: QUEUE_URL }).batch();
    const added = Array.from({ length: 12 }, (_, index) => batch.add(outcomeOf(`m-${index}`)));

    const undelivered = await batch.flush();

    expect(undelivered.map(({ outcome: { messageId } }) => messageId)).toEqual(['m-3', 'm-5', 'm-10', 'm-11']);
    expect(undelivered.every(({ outcome: undeliveredOutcome }) => added.includes(undeliveredOutcome))).toBe(true);
    expect(undelivered[0]?.error).toEqual(new OutcomeNotDeliveredError('InternalError', 'refused by the test'));
    expect(undelivered[1]?.error).toBeInstanceOf(OutcomeNotDeliveredError);
    expect(undelivered[2]?.error).toEqual(new Error('throttled'));
  });

  it('reports every outcome undelivered, sending nothing, when no queue URL is configured', async () => {
    const saved = process.env.OUTCOMES_QUEUE_URL;
    delete process.env.OUTCOMES_QUEUE_URL;
    try {
      const batch = new OutcomeReporter().batch();
      batch.add(outcomeOf('m-1'));

      const undelivered = await batch.flush();

      expect(undelivered.map(({ error }) => error)).toEqual([new MissingConfigurationError('OUTCOMES_QUEUE_URL')]);
      expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
    } finally {
      if (saved !== undefined) process.env.OUTCOMES_QUEUE_URL = saved;
    }
  });
});
