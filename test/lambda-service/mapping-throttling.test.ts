import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateEventSourceMappingCommand, PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { startSqsTestKit, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('an SQS event source mapping whose function has no free concurrency', () => {
  let kit: SqsTestKit;

  beforeAll(async () => {
    kit = await startSqsTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  const platformLines = (functionName: string, text: string): string[] =>
    kit.service
      .logs(functionName)
      .map((line) => line.message)
      .filter((message) => message.includes(text));

  it('is throttled with reserved concurrency 0: nothing runs, each receive counts, the message is dead-lettered', async () => {
    // Prepare
    const queue = await kit.createQueue('orders-closed', { visibilityTimeout: 1, maxReceiveCount: 2 });
    await kit.deploy('closed-recorder', 'recorder', { Timeout: 1 });
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'closed-recorder', ReservedConcurrentExecutions: 0 }));
    await kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'closed-recorder', EventSourceArn: queue.arn }));

    // Act
    const sent = await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'never-runs' }));

    // Assess
    const [dead] = await waitFor(
      'the message in the dead-letter queue',
      async () => {
        const messages = await kit.receive(queue.dlqUrl);
        return messages.length > 0 ? messages : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(dead?.MessageId).toBe(sent.MessageId);
    // Received twice (maxReceiveCount), throttled each time; the third receive moved it.
    expect(platformLines('closed-recorder', 'Invoke throttled: TooManyRequestsException (Reserved concurrency').length).toBe(2);
    expect(kit.recordedEvents('closed-recorder')).toEqual([]);
    expect(platformLines('closed-recorder', 'START')).toEqual([]);
    expect(await kit.countMessages(queue)).toBe(0);
  }, 20_000);

  it('throttles batches beyond reserved concurrency 1 instead of holding them past their visibility timeout', async () => {
    // Prepare: invocations take 1.5 s, longer than a batch may wait for the only slot (1 s)
    const queue = await kit.createQueue('orders-narrow', { visibilityTimeout: 4, maxReceiveCount: 3 });
    await kit.deploy('narrow', 'slow-recorder', { Timeout: 3 });
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'narrow', ReservedConcurrentExecutions: 1 }));
    await kit.invoke('narrow', { Records: [] }); // warm: a cold start must not eat the visibility timeout
    await kit.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'narrow',
        EventSourceArn: queue.arn,
        BatchSize: 1,
        ScalingConfig: { MaximumConcurrency: 2 },
      }),
    );
    const processedBodies = (): string[] =>
      kit.recordedEvents('narrow').flatMap((event) => event.Records.map((record) => record.body));

    // Act
    const burst = ['m1', 'm2', 'm3', 'm4'];
    await kit.sqs.send(
      new SendMessageBatchCommand({ QueueUrl: queue.url, Entries: burst.map((body) => ({ Id: body, MessageBody: body })) }),
    );

    // Assess: every message processed or dead-lettered, and the queue empty
    const deadLettered = new Set<string>();
    await waitFor(
      'every message of the burst processed or dead-lettered',
      async () => {
        for (const message of await kit.receive(queue.dlqUrl)) {
          deadLettered.add(message.Body ?? '');
        }
        const settled = new Set([...processedBodies(), ...deadLettered]);
        return burst.every((body) => settled.has(body)) && (await kit.countMessages(queue)) === 0;
      },
      { timeoutMs: 40_000, intervalMs: 200 },
    );
    expect(platformLines('narrow', 'Invoke throttled: TooManyRequestsException (Reserved concurrency').length).toBeGreaterThan(0);
    // No batch ran after its receipt handle went stale: every delete succeeded, no message ran twice.
    expect(platformLines('narrow', 'Could not delete')).toEqual([]);
    expect(processedBodies().filter((body, index, all) => all.indexOf(body) !== index)).toEqual([]);
    for (const body of deadLettered) {
      expect(processedBodies()).not.toContain(body);
    }

    // The poller is not stuck: a message sent afterwards is processed.
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'after-the-burst' }));
    await waitFor('the message sent after the burst to be processed', () => processedBodies().includes('after-the-burst'), {
      timeoutMs: 15_000,
      intervalMs: 100,
    });
  }, 60_000);
});
