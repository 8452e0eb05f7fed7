import { GetFunctionCommand, paginateListEventSourceMappings, paginateListFunctions, type LambdaClient } from '@aws-sdk/client-lambda';
import { GetSubscriptionAttributesCommand, paginateListSubscriptionsByTopic, type SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, paginateListQueues, type SQSClient } from '@aws-sdk/client-sqs';

/** Attributes that differ between two deploys of the same configuration, or with time: not compared. */
const volatileQueueAttributes = new Set([
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
]);

/**
 * Everything the AWS APIs show of a deployed fan-out that a deploy decides: queues and their attributes,
 * the topic's subscriptions and filter policies, functions and their configuration, event source mappings.
 * JSON documents are parsed, and the endpoint's host is written `<endpoint>` so two stacks compare.
 */
export interface DeploymentDescription {
  queues: Record<string, Record<string, unknown>>;
  subscriptions: Record<string, Record<string, unknown>>;
  functions: Record<string, Record<string, unknown>>;
  mappings: Record<string, Record<string, unknown>>;
}

function parseJsonValues(attributes: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => {
    if (!/^[[{]/.test(value)) return [name, value];
    try {
      return [name, JSON.parse(value) as unknown];
    } catch {
      return [name, value];
    }
  }));
}

/** Reads the deployment through the public APIs only, as `aws` CLI calls would. */
export async function describeDeployment(clients: { sns: SNSClient; sqs: SQSClient; lambda: LambdaClient }, topicArn: string): Promise<DeploymentDescription> {
  const queues: DeploymentDescription['queues'] = {};
  for await (const page of paginateListQueues({ client: clients.sqs }, {})) {
    for (const url of page.QueueUrls ?? []) {
      const { Attributes = {} } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
      const kept = Object.fromEntries(Object.entries(Attributes).filter(([name]) => !volatileQueueAttributes.has(name)));
      queues[url.split('/').at(-1) ?? url] = parseJsonValues(kept);
    }
  }
  const subscriptions: DeploymentDescription['subscriptions'] = {};
  for await (const page of paginateListSubscriptionsByTopic({ client: clients.sns }, { TopicArn: topicArn })) {
    for (const subscription of page.Subscriptions ?? []) {
      const { Attributes = {} } = await clients.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscription.SubscriptionArn }));
      const { SubscriptionArn: _arn, ...rest } = Attributes;
      subscriptions[subscription.Endpoint ?? '?'] = parseJsonValues(rest);
    }
  }
  const functions: DeploymentDescription['functions'] = {};
  for await (const page of paginateListFunctions({ client: clients.lambda }, {})) {
    for (const listed of page.Functions ?? []) {
      const { Configuration = {} } = await clients.lambda.send(new GetFunctionCommand({ FunctionName: listed.FunctionName }));
      const { LastModified: _modified, RevisionId: _revision, $metadata: _metadata, ...configuration } = Configuration as typeof Configuration & { $metadata?: unknown };
      functions[listed.FunctionName ?? '?'] = JSON.parse(JSON.stringify(configuration)) as Record<string, unknown>;
    }
  }
  const mappings: DeploymentDescription['mappings'] = {};
  for await (const page of paginateListEventSourceMappings({ client: clients.lambda }, {})) {
    for (const mapping of page.EventSourceMappings ?? []) {
      const { UUID: _uuid, LastModified: _modified, EventSourceMappingArn: _arn, ...rest } = mapping;
      mappings[mapping.EventSourceArn ?? '?'] = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
    }
  }
  return { queues, subscriptions, functions, mappings };
}

/** The description with every `http://host:port` written `<endpoint>`, so stacks on other ports compare. */
export function withoutEndpoints(description: DeploymentDescription): DeploymentDescription {
  return JSON.parse(JSON.stringify(description).replace(/https?:\/\/([a-z0-9-]+\.)*(127\.0\.0\.1|localhost|\[::1\]):\d+/g, '<endpoint>')) as DeploymentDescription;
}
