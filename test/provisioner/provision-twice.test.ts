import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListEventSourceMappingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListSubscriptionsByTopicCommand, GetSubscriptionAttributesCommand } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ListQueuesCommand } from '@aws-sdk/client-sqs';
import { createAwsClients, type AwsClients } from '../../harness/aws/awsClients.ts';
import { startEmbeddedCloud, type EmbeddedCloud } from '../../harness/embedded/startEmbeddedCloud.ts';
import { provisionTopology } from '../../harness/provisioner/provisionTopology.ts';
import type { ProvisionedTopology } from '../../harness/provisioner/types.ts';
import { loadTopology, repoRoot } from '../../harness/topology/loadTopology.ts';
import type { Topology } from '../../harness/topology/topologySchema.ts';
import { buildLambdas } from '../../harness/build/buildLambdas.ts';

describe('provisioning the topology', () => {
  let cloud: EmbeddedCloud;
  let clients: AwsClients & Disposable;
  let topology: Topology;
  let first: ProvisionedTopology;
  let second: ProvisionedTopology;
  const distDir = path.join(repoRoot, 'dist', 'test-provisioner');

  beforeAll(async () => {
    // Prepare
    await buildLambdas({ outDir: distDir });
    topology = await loadTopology();
    cloud = await startEmbeddedCloud({ region: topology.region });
    clients = createAwsClients({ region: cloud.region, endpoints: cloud.endpoints, credentials: cloud.credentials });
    // Act
    first = await provisionTopology({ topology, clients, distDir });
    second = await provisionTopology({ topology, clients, distDir });
  }, 30_000);

  afterAll(async () => {
    clients?.[Symbol.dispose]();
    await cloud?.close();
  });

  it('creates a queue and a dead-letter queue per consumer plus the outcomes queue, once', async () => {
    const { QueueUrls = [] } = await clients.sqs.send(new ListQueuesCommand({}));
    expect(QueueUrls).toHaveLength(Object.keys(topology.consumers).length * 2 + 1);
    expect(second).toEqual(first);
  });

  it('subscribes each consumer queue to the topic once, with its filter policy and delivery mode', async () => {
    const { Subscriptions = [] } = await clients.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: first.topicArn }));
    expect(Subscriptions.map((s) => s.Endpoint).sort()).toEqual(Object.values(first.consumers).map((c) => c.queueArn).sort());
    for (const [name, consumer] of Object.entries(topology.consumers)) {
      const { Attributes = {} } = await clients.sns.send(new GetSubscriptionAttributesCommand({
        SubscriptionArn: first.consumers[name]?.subscriptionArn,
      }));
      expect(Attributes.RawMessageDelivery).toBe(String(consumer.raw_message_delivery));
      expect(Attributes.FilterPolicy ? JSON.parse(Attributes.FilterPolicy) : null).toEqual(consumer.filter_policy);
    }
  });

  it('sends a consumer\'s failures to its own dead-letter queue after max_receive_count', async () => {
    for (const [name, consumer] of Object.entries(topology.consumers)) {
      const provisioned = first.consumers[name];
      const { Attributes = {} } = await clients.sqs.send(new GetQueueAttributesCommand({
        QueueUrl: provisioned?.queueUrl,
        AttributeNames: ['RedrivePolicy', 'VisibilityTimeout'],
      }));
      expect(JSON.parse(Attributes.RedrivePolicy ?? '{}')).toEqual({
        deadLetterTargetArn: provisioned?.dlqArn,
        maxReceiveCount: consumer.max_receive_count,
      });
      expect(Attributes.VisibilityTimeout).toBe(String(consumer.visibility_timeout_seconds));
    }
  });

  it('deploys one function and one enabled SQS mapping per consumer', async () => {
    const { Functions = [] } = await clients.lambda.send(new ListFunctionsCommand({}));
    expect(Functions.map((f) => f.FunctionName).sort()).toEqual(Object.values(first.consumers).map((c) => c.functionName).sort());
    for (const consumer of Object.values(first.consumers)) {
      const { EventSourceMappings = [] } = await clients.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: consumer.queueArn }));
      expect(EventSourceMappings).toHaveLength(1);
      expect(EventSourceMappings[0]).toMatchObject({
        FunctionArn: consumer.functionArn,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });
});
