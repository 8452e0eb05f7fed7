import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LambdaClient, ListEventSourceMappingsCommand, type EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { startLoopbackFauxqs, type LoopbackFauxqs } from '../../harness/embedded/startLoopbackFauxqs.ts';
import { discoverTopology } from '../../harness/discovery/discoverTopology.ts';
import { DiscoveryError } from '../../harness/discovery/errors.ts';
import { expectedConsumers } from '../../harness/discovery/expectedConsumers.ts';

const region = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const functionArn = (name: string): string => `arn:aws:lambda:${region}:000000000000:function:${name}`;

describe('discoverTopology against fauxqs (SNS, SQS) and a mocked Lambda API', () => {
  let fauxqs: LoopbackFauxqs;
  let sns: SNSClient;
  let sqs: SQSClient;
  let topicArn: string;
  const queueArns: Record<string, string> = {};

  async function createQueue(name: string, attributes: Record<string, string> = {}): Promise<string> {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    const arn = Attributes?.QueueArn ?? '';
    queueArns[name] = arn;
    return arn;
  }

  async function subscribe(queueArn: string, attributes: Record<string, string> = {}): Promise<void> {
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: attributes }));
  }

  /** A Lambda API whose mappings list the given queue -> function pairs, two per page to exercise Marker. */
  function lambdaWith(mappings: Record<string, string[]>): LambdaClient {
    const lambda = new LambdaClient({ region, credentials, endpoint: 'http://127.0.0.1:9' });
    mockClient(lambda)
      .on(ListEventSourceMappingsCommand)
      .callsFake((input: { EventSourceArn?: string; Marker?: string }) => {
        const all: EventSourceMappingConfiguration[] = (mappings[input.EventSourceArn ?? ''] ?? []).map((fn, i) => ({
          UUID: `uuid-${fn}-${i}`,
          EventSourceArn: input.EventSourceArn,
          FunctionArn: functionArn(fn),
          BatchSize: 10,
          State: 'Enabled',
        }));
        const start = Number(input.Marker ?? 0);
        const next = start + 2 < all.length ? String(start + 2) : undefined;
        return { EventSourceMappings: all.slice(start, start + 2), ...(next ? { NextMarker: next } : {}) };
      });
    return lambda;
  }

  beforeAll(async () => {
    fauxqs = await startLoopbackFauxqs({ region });
    sns = new SNSClient({ region, credentials, endpoint: fauxqs.url });
    sqs = createSqsClient({ region, credentials, endpoint: fauxqs.url });
    ({ TopicArn: topicArn = '' } = await sns.send(new CreateTopicCommand({ Name: 'order-events' })));
    const processorDlq = await createQueue('fanout-order-processor-dlq');
    await createQueue('fanout-order-processor', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: processorDlq, maxReceiveCount: '3' }),
      VisibilityTimeout: '1',
    });
    await createQueue('fanout-fraud-screening');
    await subscribe(queueArns['fanout-order-processor'] ?? '');
    await subscribe(queueArns['fanout-fraud-screening'] ?? '', {
      FilterPolicy: JSON.stringify({ orderTotal: [{ numeric: ['>=', 50000] }] }),
      RawMessageDelivery: 'true',
    });
  });

  afterAll(async () => {
    sns.destroy();
    sqs.destroy();
    await fauxqs.close();
  });

  it('follows each subscription to its queue, DLQ, filter policy and function', async () => {
    const lambda = lambdaWith({
      [queueArns['fanout-order-processor'] ?? '']: ['fanout-order-processor'],
      [queueArns['fanout-fraud-screening'] ?? '']: ['fanout-fraud-screening'],
    });

    const discovered = await discoverTopology({ sns, sqs, lambda }, topicArn);

    expect(discovered).toEqual([
      expect.objectContaining({
        functionName: 'fanout-fraud-screening',
        queueArn: queueArns['fanout-fraud-screening'],
        queueUrl: expect.stringContaining('fanout-fraud-screening'),
        dlqArn: null,
        dlqUrl: null,
        maxReceiveCount: null,
        visibilityTimeoutSeconds: 30,
        filterPolicy: { orderTotal: [{ numeric: ['>=', 50000] }] },
        filterPolicyScope: 'MessageAttributes',
        rawMessageDelivery: true,
        mappingUuid: 'uuid-fanout-fraud-screening-0',
        batchSize: 10,
      }),
      expect.objectContaining({
        functionName: 'fanout-order-processor',
        subscriptionArn: expect.stringMatching(/^arn:aws:sns:/),
        dlqArn: queueArns['fanout-order-processor-dlq'],
        dlqUrl: expect.stringContaining('fanout-order-processor-dlq'),
        maxReceiveCount: 3,
        visibilityTimeoutSeconds: 1,
        filterPolicy: null,
        rawMessageDelivery: false,
      }),
    ]);
  });

  it('feeds expectedConsumers: the threshold consumer only gets large orders', async () => {
    const lambda = lambdaWith({
      [queueArns['fanout-order-processor'] ?? '']: ['fanout-order-processor'],
      [queueArns['fanout-fraud-screening'] ?? '']: ['fanout-fraud-screening'],
    });
    const discovered = await discoverTopology({ sns, sqs, lambda }, topicArn);
    const names = (total: number): string[] =>
      expectedConsumers(discovered, { orderTotal: { DataType: 'Number', StringValue: String(total) } }).map((c) => c.functionName);

    expect(names(49999)).toEqual(['fanout-order-processor']);
    expect(names(50000)).toEqual(['fanout-fraud-screening', 'fanout-order-processor']);
  });

  it('names the queue that no Lambda reads', async () => {
    const lambda = lambdaWith({ [queueArns['fanout-order-processor'] ?? '']: ['fanout-order-processor'] });

    await expect(discoverTopology({ sns, sqs, lambda }, topicArn)).rejects.toThrow(
      new DiscoveryError(`queue ${queueArns['fanout-fraud-screening']} is subscribed to the topic but no Lambda event source mapping reads it`),
    );
  });

  it('refuses a queue read by several functions, after paging through all mappings', async () => {
    const lambda = lambdaWith({
      [queueArns['fanout-order-processor'] ?? '']: ['fanout-order-processor'],
      [queueArns['fanout-fraud-screening'] ?? '']: ['a', 'b', 'c'],
    });

    await expect(discoverTopology({ sns, sqs, lambda }, topicArn)).rejects.toThrow(/has 3 event source mappings .*function:a.*function:c/);
  });
});
