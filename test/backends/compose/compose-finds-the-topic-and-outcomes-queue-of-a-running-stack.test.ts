import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { ComposeBackend } from '../../../harness/backends/compose/ComposeBackend.ts';
import { StackUnreachableError } from '../../../harness/backends/errors.ts';
import { startHealthServer } from '../support/healthServer.ts';
import { terraformOutputJson } from '../support/terraformOutputsFixture.ts';

// fauxqs stands in for LocalStack's SNS and SQS: the backend only reads through the public APIs.
describe('the compose backend on a running, provisioned stack', () => {
  let aws: FauxqsServer;
  let publisher: Awaited<ReturnType<typeof startHealthServer>>;
  let dir: string;
  let topicArn: string;
  beforeAll(async () => {
    aws = await startFauxqs({ port: 0, logger: false });
    ({ topicArn } = aws.createTopic('fanout-order-events'));
    aws.createQueue('fanout-order-outcomes');
    publisher = await startHealthServer();
    dir = await mkdtemp(path.join(tmpdir(), 'fanout-compose-'));
  });
  afterAll(async () => {
    await aws.stop();
    await publisher[Symbol.asyncDispose]();
    await rm(dir, { recursive: true, force: true });
  });

  const backendWith = (outputsFile: string) => new ComposeBackend({ env: {}, awsEndpoint: aws.address, apiUrl: publisher.url, apiKey: 'dev-key', outputsFile });

  it('finds them by the topology\'s names when there is no outputs file, and describes the stack', async () => {
    // Act
    await using stack = await backendWith(path.join(dir, 'absent.json')).start();

    // Assess
    expect(stack.info).toEqual({
      backend: 'compose',
      apiUrl: publisher.url,
      docsUrl: `${publisher.url}/docs`,
      apiKey: 'dev-key',
      region: 'us-east-1',
      endpoints: { sns: aws.address, sqs: aws.address, lambda: aws.address, logs: aws.address },
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      topicArn,
      outcomesQueueUrl: expect.stringMatching(/\/fanout-order-outcomes$/),
    });
    // Started by the developer, not by the run: the specs only read it.
    expect(stack.shared).toBe(true);
  });

  it('reads the outputs file the compose terraform service wrote, after checking its topic exists', async () => {
    const file = path.join(dir, 'outputs.json');
    await writeFile(file, JSON.stringify(terraformOutputJson()));

    await using stack = await backendWith(file).start();

    expect(stack.info.topicArn).toBe('arn:aws:sns:us-east-1:000000000000:fanout-order-events');
    expect(stack.info.outcomesQueueUrl).toBe('http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/fanout-order-outcomes');
  });

  it('rejects an outputs file left from another stack', async () => {
    const file = path.join(dir, 'stale.json');
    await writeFile(file, JSON.stringify(terraformOutputJson({ account: '123456789012' })));

    await expect(backendWith(file).start()).rejects.toThrow(StackUnreachableError);
    await expect(backendWith(file).start()).rejects.toThrow(/names topic arn:aws:sns:us-east-1:123456789012:fanout-order-events, which this LocalStack does not have/);
  });
});
