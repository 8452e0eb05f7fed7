import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateEventSourceMappingCommand, DeleteEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { POLLER_PATHS, startSqsTestKit, type Queue, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

describe.each(POLLER_PATHS)('an SQS event source mapping with ReportBatchItemFailures, polled through $path', ({ inProcess }) => {
  let kit: SqsTestKit;

  beforeAll(async () => {
    kit = await startSqsTestKit({ inProcess });
    await kit.deploy('reporter', 'batch-reporter', { Timeout: 1 });
    // A warm environment: a cold start must not outlast the queue's visibility timeout and bring the batch back early.
    await kit.invoke('reporter', { Records: [] });
  });

  afterAll(async () => {
    await kit.close();
  });

  async function sendThenMap(queue: Queue, bodies: string[]): Promise<string> {
    // Sent before the mapping exists, so that the first receive takes them all in one batch.
    await kit.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );
    const mapping = await kit.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'reporter',
        EventSourceArn: queue.arn,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      }),
    );
    return mapping.UUID ?? '';
  }

  const bodiesOf = (kitEvents: ReturnType<SqsTestKit['recordedEvents']>, queue: Queue): string[][] =>
    kitEvents
      .filter((event) => event.Records[0]?.eventSourceARN === queue.arn)
      .map((event) => event.Records.map((record) => record.body).sort());

  it('deletes the records not reported and retries only the reported one', async () => {
    const queue = await kit.createQueue('orders-partial', { visibilityTimeout: 2 });

    const uuid = await sendThenMap(queue, ['good-1', 'bad-2', 'good-3']);

    const batches = await waitFor(
      'the reported record to be retried',
      () => {
        const seen = bodiesOf(kit.recordedEvents('reporter'), queue);
        return seen.length >= 2 ? seen : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(batches.slice(0, 2)).toEqual([['bad-2', 'good-1', 'good-3'], ['bad-2']]);
    await kit.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
  }, 20_000);

  it('fails the whole batch when the report names a message that is not in it', async () => {
    const queue = await kit.createQueue('orders-invalid-report', { visibilityTimeout: 2 });

    const uuid = await sendThenMap(queue, ['invalid-a', 'ok-b']);

    const batches = await waitFor(
      'the whole batch to be retried',
      () => {
        const seen = bodiesOf(kit.recordedEvents('reporter'), queue);
        return seen.length >= 2 ? seen : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(batches.slice(0, 2)).toEqual([['invalid-a', 'ok-b'], ['invalid-a', 'ok-b']]);
    await kit.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
  }, 20_000);
});
