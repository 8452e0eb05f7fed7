import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describeDiscarded, type QueuedMessages } from '../../harness/embedded/countQueuedMessages.ts';
import { startEmbeddedCloud, type EmbeddedCloud } from '../../harness/embedded/startEmbeddedCloud.ts';
import type { LogLine } from '../../harness/lambda-service/types.ts';
import { zipFixture } from '../lambda-service/helpers/zipFunction.ts';
import { waitFor } from '../lambda-service/helpers/waitFor.ts';

const MESSAGES = 20;

/**
 * Shutting the stack down stops taking work first (no batch is received), lets the invocations in
 * flight finish (their messages are deleted, as a batch that succeeds on Lambda is), and then says how
 * many messages were left, per queue: the in-memory queues go with the stack, nothing vanishes unsaid.
 */
describe('the embedded cloud, shut down while a mapping works through a queue', () => {
  let cloud: EmbeddedCloud;
  const lines: LogLine[] = [];
  let queueUrl: string;
  let sqs: SQSClient;

  beforeAll(async () => {
    cloud = await startEmbeddedCloud({ onLog: (line) => lines.push(line), shutdownGraceMs: 5000 });
    const config = { region: cloud.region, credentials: cloud.credentials, maxAttempts: 1 };
    sqs = new SQSClient({ ...config, endpoint: cloud.endpoints.sqs, useQueueUrlAsEndpoint: false });
    const lambda = new LambdaClient({ ...config, endpoint: cloud.endpoints.lambda });
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'work', Attributes: { VisibilityTimeout: '30' } }))).QueueUrl ?? '';
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    await lambda.send(new CreateFunctionCommand({
      FunctionName: 'slow',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::000000000000:role/slow',
      Timeout: 10,
      Code: { ZipFile: await zipFixture('slow-recorder') },
    }));
    await lambda.send(new CreateEventSourceMappingCommand({
      FunctionName: 'slow',
      EventSourceArn: Attributes?.QueueArn,
      BatchSize: 1,
      ScalingConfig: { MaximumConcurrency: 2 },
    }));
    lambda.destroy();
    for (let start = 0; start < MESSAGES; start += 10) {
      await sqs.send(new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageBody: `order ${start + i}` })),
      }));
    }
  }, 30_000);

  afterAll(async () => {
    sqs.destroy();
    await cloud.close();
  });

  it('lets the batches in flight finish, then reports the messages left in the queue', async () => {
    // Prepare: two invocations (1.5 s each) running
    await waitFor('two invocations to start', () => lines.filter((line) => line.message.startsWith('START')).length >= 2);

    // Act
    const discarded: QueuedMessages[] = await cloud.drain();

    // Assess: every invocation that started ended well (none was killed), and each deleted its message
    const started = lines.filter((line) => line.message.startsWith('START')).map((line) => line.requestId);
    const reports = lines.filter((line) => line.message.startsWith('REPORT'));
    expect(reports.map((line) => line.requestId).sort()).toEqual([...started].sort());
    expect(reports.every((line) => !line.message.includes('Status:'))).toBe(true);
    expect(lines.map((line) => line.message).join('\n')).not.toContain('Function not found');
    // A receive cut short by the shutdown may leave a message received but not processed (in flight).
    expect(discarded).toEqual([{ queueName: 'work', visible: expect.any(Number), inFlight: expect.any(Number), delayed: 0 }]);
    const [work] = discarded;
    expect((work?.visible ?? 0) + (work?.inFlight ?? 0)).toBe(MESSAGES - started.length);
    expect(describeDiscarded(discarded)).toMatch(new RegExp(`^${MESSAGES - started.length} messages discarded with the in-memory queues: work ${MESSAGES - started.length}`));
  }, 30_000);
});
