import { OUTCOMES_QUEUE_URL } from './environment.ts';
import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { SendMessageBatchCommand, SendMessageCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { handler } from '../../lambdas/order-processor/handler.ts';
import { createConsumerHandler } from '../../lambdas/shared/createConsumerHandler.ts';
import { lambdaContextFactory, orderPlacedFactory, sqsEventFactory, sqsRecordFactory } from './factories.ts';
import { acceptOutcomes, batchCalls, batchResult, entryOutcome, mockOutcomesQueue, outcomeFor } from './outcomesQueue.ts';
import { captureLogLines } from './captureLogLines.ts';

const sqsMock = mockOutcomesQueue();
beforeEach(() => {
  sqsMock.reset();
  acceptOutcomes(sqsMock);
});
afterEach(() => {
  jest.restoreAllMocks();
});
afterAll(() => {
  sqsMock.restore();
});

const goodRecords = (count: number): SQSRecord[] => Array.from({ length: count }, () => sqsRecordFactory(orderPlacedFactory()));
const failures = (records: SQSRecord[]) => records.map((record) => ({ itemIdentifier: record.messageId }));
const messageIdsOf = (entries: { MessageBody?: string | undefined }[]) => entries.map((entry) => entryOutcome(entry).messageId);

describe('a consumer handler reporting outcomes', () => {
  it.each([1, 10, 11, 23])('sends the outcomes of %d records in ⌈n/10⌉ SendMessageBatch calls and no SendMessage', async (count) => {
    const records = goodRecords(count);

    const response = await handler(sqsEventFactory(records), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual([]);
    expect(sqsMock.commandCalls(SendMessageCommand)).toHaveLength(0);
    const calls = sqsMock.commandCalls(SendMessageBatchCommand);
    expect(calls).toHaveLength(Math.ceil(count / 10));
    expect(calls.every((call) => call.args[0].input.QueueUrl === OUTCOMES_QUEUE_URL)).toBe(true);
    const entries = batchCalls(sqsMock);
    expect(entries.every((chunk) => chunk.length <= 10 && new Set(chunk.map((entry) => entry.Id)).size === chunk.length)).toBe(true);
    expect(messageIdsOf(entries.flat()).sort()).toEqual(records.map((record) => record.messageId).sort());
    for (const record of records) expect(outcomeFor(sqsMock, record.messageId).result).toBe('processed');
  });

  it('fails a processed record whose entry SendMessageBatch lists in Failed, and only that one', async () => {
    const records = goodRecords(12);
    const refused = records[4]?.messageId;
    sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) =>
      batchResult(input, (_entry, outcome) => (outcome.messageId === refused ? 'InternalError' : undefined)),
    );

    const response = await handler(sqsEventFactory(records), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: refused }]);
  });

  it('fails a processed record whose entry SendMessageBatch neither accepts nor refuses', async () => {
    const records = goodRecords(3);
    const unacknowledged = records[1]?.messageId;
    sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      const result = batchResult(input, () => undefined);
      const dropped = input.Entries?.find((entry) => entryOutcome(entry).messageId === unacknowledged)?.Id;
      return { ...result, Successful: result.Successful?.filter((entry) => entry.Id !== dropped) };
    });

    const response = await handler(sqsEventFactory(records), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: unacknowledged }]);
  });

  it('fails every processed record of a chunk whose SendMessageBatch call throws, beside the rejected ones, in record order', async () => {
    const records = [...goodRecords(7), sqsRecordFactory('not json'), ...goodRecords(7)];
    const unlucky = records[0]?.messageId;
    sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      if (messageIdsOf(input.Entries ?? []).includes(unlucky ?? '')) throw new Error('connect ECONNREFUSED');
      return batchResult(input, () => undefined);
    });

    const response = await handler(sqsEventFactory(records), lambdaContextFactory());

    const includesUnlucky = (entries: { MessageBody?: string | undefined }[]) => messageIdsOf(entries).includes(unlucky ?? '');
    const thrown = batchCalls(sqsMock).find(includesUnlucky);
    const delivered = batchCalls(sqsMock).find((entries) => !includesUnlucky(entries));
    expect(batchCalls(sqsMock)).toHaveLength(2);
    expect(thrown).toHaveLength(10);
    expect(delivered).toHaveLength(5);
    const thrownIds = new Set(messageIdsOf(thrown ?? []));
    const expected = records.filter((record) => record.body === 'not json' || thrownIds.has(record.messageId));
    expect(response.batchItemFailures).toEqual(failures(expected));
  });

  it('still reports rejected records, and fails each record once when its rejected outcome is refused too', async () => {
    const lines = captureLogLines();
    const consumer = createConsumerHandler({
      consumer: 'test-consumer',
      logger: new Logger({ serviceName: 'test-consumer', logLevel: 'INFO' }),
      process: () => 'ok',
    });
    const good = goodRecords(2);
    const bad = [sqsRecordFactory('x'), sqsRecordFactory('y')];
    const records = [good[0], bad[0], good[1], bad[1]].filter((record) => record !== undefined);
    const refused = new Set([bad[1]?.messageId]);
    sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) =>
      batchResult(input, (_entry, outcome) => (refused.has(outcome.messageId) ? 'InternalError' : undefined)),
    );

    const response = await consumer(sqsEventFactory(records), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual(failures(bad));
    expect(Object.fromEntries(batchCalls(sqsMock).flat().map(entryOutcome).map((outcome) => [outcome.messageId, outcome.result]))).toEqual(
      Object.fromEntries(records.map((record) => [record.messageId, bad.includes(record) ? 'rejected' : 'processed'])),
    );
    const notReported = lines.filter((line) => line.message === 'could not report the rejected outcome');
    expect(notReported.map((line) => line.messageId)).toEqual([bad[1]?.messageId]);
    expect(lines.filter((line) => line.message === 'record processed').map((line) => line.messageId)).toEqual(good.map((record) => record.messageId));
  });

  it('logs a processed record only once its outcome is delivered, and says when it is not', async () => {
    const lines = captureLogLines();
    const consumer = createConsumerHandler({
      consumer: 'test-consumer',
      logger: new Logger({ serviceName: 'test-consumer', logLevel: 'INFO' }),
      process: () => 'ok',
    });
    const records = goodRecords(2);
    sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) =>
      batchResult(input, (_entry, outcome) => (outcome.messageId === records[0]?.messageId ? 'InternalError' : undefined)),
    );

    const response = await consumer(sqsEventFactory(records), lambdaContextFactory());

    expect(response.batchItemFailures).toEqual(failures(records.slice(0, 1)));
    expect(lines.filter((line) => line.message === 'record processed').map((line) => line.messageId)).toEqual([records[1]?.messageId]);
    expect(lines.filter((line) => line.message === 'could not report the processed outcome').map((line) => line.messageId)).toEqual([
      records[0]?.messageId,
    ]);
  });

  it('keeps nothing between invocations', async () => {
    const first = goodRecords(3);
    const second = goodRecords(2);

    await Promise.all([handler(sqsEventFactory(first), lambdaContextFactory()), handler(sqsEventFactory(second), lambdaContextFactory())]);

    expect(batchCalls(sqsMock).map(messageIdsOf).map((ids) => ids.sort())).toEqual(
      expect.arrayContaining([first.map((record) => record.messageId).sort(), second.map((record) => record.messageId).sort()]),
    );
    expect(batchCalls(sqsMock)).toHaveLength(2);
  });
});
