import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import { SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { AwsClients } from '../aws/awsClients.ts';
import { consumerResourceNames, outcomesQueueName, topicName } from '../topology/resourceNames.ts';
import type { Consumer, Topology } from '../topology/topologySchema.ts';
import { ensureEventSourceMapping } from './ensureEventSourceMapping.ts';
import { ensureFunction } from './ensureFunction.ts';
import { ensureQueue } from './ensureQueue.ts';
import { ensureSubscription } from './ensureSubscription.ts';
import { topicOnlyQueuePolicy } from './queuePolicy.ts';
import type { ProvisionedConsumer, ProvisionedTopology } from './types.ts';
import { EMULATOR_ACCOUNT_ID } from '../aws/emulator.ts';

const DLQ_RETENTION_SECONDS = '1209600';
/**
 * Set on every queue, as terraform/ sets `max_message_size`: SNS delivers at most 256 KiB, and the default
 * differs by client (hashicorp/aws 5.x writes 262144, SQS itself now defaults to 1 MiB).
 */
const MAX_MESSAGE_SIZE = { MaximumMessageSize: '262144' } as const;

export interface ProvisionOptions {
  topology: Topology;
  clients: AwsClients;
  /** Folder holding `<consumer>.zip` bundles (`npm run build:lambdas`). */
  distDir: string;
  accountId?: string;
}

async function readBundle(distDir: string, consumer: string): Promise<Uint8Array> {
  const file = path.join(distDir, `${consumer}.zip`);
  try {
    return await readFile(file);
  } catch (error) {
    throw new Error(`${file} is missing: run "npm run build:lambdas" first`, { cause: error });
  }
}

async function provisionConsumer(
  options: ProvisionOptions,
  shared: { topicArn: string; outcomesQueueUrl: string },
  name: string,
  consumer: Consumer,
): Promise<ProvisionedConsumer> {
  const { sqs, sns, lambda } = options.clients;
  const names = consumerResourceNames(options.topology, name);
  const [zipFile, dlq] = await Promise.all([
    readBundle(options.distDir, name),
    ensureQueue(sqs, names.deadLetterQueue, { ...MAX_MESSAGE_SIZE, MessageRetentionPeriod: DLQ_RETENTION_SECONDS }),
  ]);
  const queue = await ensureQueue(sqs, names.queue, {
    ...MAX_MESSAGE_SIZE,
    VisibilityTimeout: String(consumer.visibility_timeout_seconds),
    MessageRetentionPeriod: String(consumer.message_retention_seconds),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: consumer.max_receive_count }),
  });
  // Both policies name the queue's own ARN, known only once the queue exists.
  await Promise.all([
    sqs.send(new SetQueueAttributesCommand({
      QueueUrl: queue.url,
      Attributes: { Policy: topicOnlyQueuePolicy(queue.arn, shared.topicArn) },
    })),
    sqs.send(new SetQueueAttributesCommand({
      QueueUrl: dlq.url,
      Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [queue.arn] }) },
    })),
  ]);
  const [subscriptionArn, functionArn] = await Promise.all([
    ensureSubscription(sns, {
      topicArn: shared.topicArn,
      queueArn: queue.arn,
      rawMessageDelivery: consumer.raw_message_delivery,
      filterPolicy: consumer.filter_policy,
    }),
    ensureFunction(lambda, {
      functionName: names.functionName,
      zipFile,
      handler: consumer.handler,
      timeout: consumer.timeout,
      memorySize: consumer.memory_size,
      environment: { ...consumer.environment, OUTCOMES_QUEUE_URL: shared.outcomesQueueUrl, CONSUMER_NAME: name },
      role: `arn:aws:iam::${options.accountId ?? EMULATOR_ACCOUNT_ID}:role/${names.functionName}`,
    }),
  ]);
  const eventSourceMappingUuid = await ensureEventSourceMapping(lambda, {
    functionName: names.functionName,
    queueArn: queue.arn,
    batchSize: consumer.batch_size,
    maximumBatchingWindowSeconds: consumer.maximum_batching_window_seconds,
    maximumConcurrency: consumer.maximum_concurrency,
  });
  return {
    queueUrl: queue.url,
    queueArn: queue.arn,
    dlqUrl: dlq.url,
    dlqArn: dlq.arn,
    subscriptionArn,
    functionName: names.functionName,
    functionArn,
    eventSourceMappingUuid,
  };
}

/**
 * Creates what `terraform/` declares, through the AWS SDK only, so it works against any AWS-compatible
 * endpoint. Every step is idempotent: running it twice creates nothing twice.
 */
export async function provisionTopology(options: ProvisionOptions): Promise<ProvisionedTopology> {
  const { sns, sqs } = options.clients;
  const [{ TopicArn: topicArn }, outcomes] = await Promise.all([
    sns.send(new CreateTopicCommand({ Name: topicName(options.topology) })),
    ensureQueue(sqs, outcomesQueueName(options.topology), MAX_MESSAGE_SIZE),
  ]);
  if (!topicArn) throw new Error('CreateTopic returned no ARN');
  const shared = { topicArn, outcomesQueueUrl: outcomes.url };
  const entries = await Promise.all(
    Object.entries(options.topology.consumers).map(async ([name, consumer]) => {
      const provisioned = await provisionConsumer(options, shared, name, consumer);
      return [name, provisioned] as const;
    }),
  );
  return { topicArn, outcomesQueueUrl: outcomes.url, outcomesQueueArn: outcomes.arn, consumers: Object.fromEntries(entries) };
}
