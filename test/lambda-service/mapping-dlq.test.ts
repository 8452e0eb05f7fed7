import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { POLLER_PATHS, startSqsTestKit, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

describe.each(POLLER_PATHS)('an SQS event source mapping delivering to a function that keeps failing, polled through $path', ({ inProcess }) => {
  let kit: SqsTestKit;

  beforeAll(async () => {
    kit = await startSqsTestKit({ inProcess });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('leaves the message to the queue, which moves it to the dead-letter queue after maxReceiveCount', async () => {
    // Prepare
    const queue = await kit.createQueue('orders-failing', { visibilityTimeout: 2, maxReceiveCount: 2 });
    await kit.deploy('recorder', 'recorder', { Timeout: 1 });
    // A warm environment: a cold start must not outlast the visibility timeout and bring the message back early.
    await kit.invoke('recorder', { Records: [] });
    await kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'recorder', EventSourceArn: queue.arn }));

    // Act
    const sent = await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'fail-me' }));

    // Assess
    const [dead] = await waitFor(
      'the message in the dead-letter queue',
      async () => {
        const messages = await kit.receive(queue.dlqUrl);
        return messages.length > 0 ? messages : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(dead?.MessageId).toBe(sent.MessageId);
    expect(dead?.Body).toBe('fail-me');
    const attempts = kit
      .recordedEvents('recorder')
      .filter((event) => event.Records[0]?.eventSourceARN === queue.arn)
      .map((event) => event.Records[0]?.attributes.ApproximateReceiveCount);
    expect(attempts).toEqual(['1', '2']);
    expect(await kit.countMessages(queue)).toBe(0);
  }, 20_000);
});
