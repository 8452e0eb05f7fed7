import { paginateListEventSourceMappings, type EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { GetSubscriptionAttributesCommand, paginateListSubscriptionsByTopic, type Subscription } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import type { AwsClients } from '../aws/awsClients.ts';
import { functionNameFromArn, parseArn } from './arns.ts';
import { DiscoveryError } from './errors.ts';
import { FilterPolicyScope, type DiscoveredConsumer, type FilterPolicy } from './types.ts';

const RedrivePolicySchema = z.object({
  deadLetterTargetArn: z.string().min(1),
  // SQS hands it back as a string; some emulators as a number.
  maxReceiveCount: z.coerce.number().int().min(1),
});

const FilterPolicyJsonSchema = z.record(z.string(), z.unknown());

/**
 * Reads the consumers of a topic from the live backend, never from the topology file:
 * ListSubscriptionsByTopic -> each SQS subscription's attributes -> its queue and redrive policy ->
 * ListEventSourceMappings(EventSourceArn) -> the function. A consumer added anywhere the topic
 * reaches is found, and a queue nobody consumes is an error naming it.
 */
export async function discoverTopology(clients: Pick<AwsClients, 'sns' | 'sqs' | 'lambda'>, topicArn: string): Promise<DiscoveredConsumer[]> {
  const subscriptions = await listSubscriptions(clients, topicArn);
  const consumers = await Promise.all(
    subscriptions.filter((s) => s.Protocol === 'sqs').map((subscription) => discoverConsumer(clients, subscription)),
  );
  return consumers.sort((a, b) => a.functionName.localeCompare(b.functionName));
}

async function listSubscriptions(clients: Pick<AwsClients, 'sns'>, topicArn: string): Promise<Subscription[]> {
  const subscriptions: Subscription[] = [];
  for await (const page of paginateListSubscriptionsByTopic({ client: clients.sns }, { TopicArn: topicArn })) {
    subscriptions.push(...(page.Subscriptions ?? []));
  }
  return subscriptions;
}

async function discoverConsumer(clients: Pick<AwsClients, 'sns' | 'sqs' | 'lambda'>, subscription: Subscription): Promise<DiscoveredConsumer> {
  const subscriptionArn = subscription.SubscriptionArn ?? '';
  const queueArn = subscription.Endpoint ?? '';
  if (!subscriptionArn.startsWith('arn:')) {
    throw new DiscoveryError(`the subscription of ${queueArn || 'an SQS endpoint'} is not confirmed (${subscriptionArn || 'no ARN'})`);
  }
  const [attributes, queueUrl, mapping] = await Promise.all([
    clients.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn })),
    queueUrlOf(clients, queueArn),
    eventSourceMappingOf(clients, queueArn),
  ]);
  const subscriptionAttributes = attributes.Attributes ?? {};
  const { redrive, visibilityTimeoutSeconds } = await queueSettingsOf(clients, queueUrl, queueArn);
  return {
    functionName: functionNameFromArn(mapping.FunctionArn ?? ''),
    subscriptionArn,
    queueArn,
    queueUrl,
    dlqArn: redrive?.deadLetterTargetArn ?? null,
    dlqUrl: redrive ? await queueUrlOf(clients, redrive.deadLetterTargetArn) : null,
    maxReceiveCount: redrive?.maxReceiveCount ?? null,
    visibilityTimeoutSeconds,
    filterPolicy: parseFilterPolicy(subscriptionAttributes.FilterPolicy, subscriptionArn),
    filterPolicyScope:
      subscriptionAttributes.FilterPolicyScope === FilterPolicyScope.messageBody ? FilterPolicyScope.messageBody : FilterPolicyScope.messageAttributes,
    rawMessageDelivery: subscriptionAttributes.RawMessageDelivery === 'true',
    mappingUuid: mapping.UUID ?? '',
    batchSize: mapping.BatchSize ?? 10,
    mappingState: mapping.State ?? 'unknown',
  };
}

async function queueUrlOf(clients: Pick<AwsClients, 'sqs'>, queueArn: string): Promise<string> {
  const { resource: queueName, accountId } = parseArn(queueArn);
  try {
    const { QueueUrl } = await clients.sqs.send(new GetQueueUrlCommand({ QueueName: queueName, QueueOwnerAWSAccountId: accountId }));
    if (!QueueUrl) throw new DiscoveryError(`GetQueueUrl returned no URL for ${queueArn}`);
    return QueueUrl;
  } catch (error) {
    if (error instanceof DiscoveryError) throw error;
    throw new DiscoveryError(`queue ${queueArn} is subscribed to the topic but cannot be found: ${(error as Error).message}`, { cause: error });
  }
}

interface QueueSettings {
  redrive: z.infer<typeof RedrivePolicySchema> | null;
  visibilityTimeoutSeconds: number;
}

async function queueSettingsOf(clients: Pick<AwsClients, 'sqs'>, queueUrl: string, queueArn: string): Promise<QueueSettings> {
  const { Attributes } = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['RedrivePolicy', 'VisibilityTimeout'] }),
  );
  const visibilityTimeoutSeconds = Number(Attributes?.VisibilityTimeout ?? 30);
  const text = Attributes?.RedrivePolicy;
  if (!text) return { redrive: null, visibilityTimeoutSeconds };
  const parsed = RedrivePolicySchema.safeParse(parseJson(text, `the redrive policy of ${queueArn}`));
  if (!parsed.success) throw new DiscoveryError(`the redrive policy of ${queueArn} is not usable: ${parsed.error.message}`);
  return { redrive: parsed.data, visibilityTimeoutSeconds };
}

async function eventSourceMappingOf(clients: Pick<AwsClients, 'lambda'>, queueArn: string): Promise<EventSourceMappingConfiguration> {
  const mappings: EventSourceMappingConfiguration[] = [];
  for await (const page of paginateListEventSourceMappings({ client: clients.lambda }, { EventSourceArn: queueArn })) {
    mappings.push(...(page.EventSourceMappings ?? []));
  }
  // Some emulators ignore the filter; keep only this queue's mappings.
  const own = mappings.filter((m) => m.EventSourceArn === undefined || m.EventSourceArn === queueArn);
  const [mapping, ...others] = own;
  if (!mapping) throw new DiscoveryError(`queue ${queueArn} is subscribed to the topic but no Lambda event source mapping reads it`);
  if (others.length > 0) {
    const functions = own.map((m) => m.FunctionArn).join(', ');
    throw new DiscoveryError(`queue ${queueArn} has ${own.length} event source mappings (${functions}); the pipeline expects one Lambda per queue`);
  }
  if (!mapping.FunctionArn) throw new DiscoveryError(`the event source mapping ${mapping.UUID ?? ''} of ${queueArn} names no function`);
  return mapping;
}

function parseFilterPolicy(text: string | undefined, subscriptionArn: string): FilterPolicy | null {
  if (!text) return null;
  const parsed = FilterPolicyJsonSchema.safeParse(parseJson(text, `the filter policy of ${subscriptionArn}`));
  if (!parsed.success) throw new DiscoveryError(`the filter policy of ${subscriptionArn} is not a JSON object`);
  return parsed.data;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DiscoveryError(`${what} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}
