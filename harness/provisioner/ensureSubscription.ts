import {
  GetSubscriptionAttributesCommand,
  paginateListSubscriptionsByTopic,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';

export interface EnsureSubscriptionInput {
  topicArn: string;
  queueArn: string;
  rawMessageDelivery: boolean;
  filterPolicy: Record<string, unknown> | null;
}

async function findSubscription(sns: SNSClient, topicArn: string, queueArn: string): Promise<string | undefined> {
  for await (const page of paginateListSubscriptionsByTopic({ client: sns }, { TopicArn: topicArn })) {
    const found = page.Subscriptions?.find((s) => s.Protocol === 'sqs' && s.Endpoint === queueArn);
    if (found?.SubscriptionArn) return found.SubscriptionArn;
  }
  return undefined;
}

async function hasFilterPolicy(sns: SNSClient, subscriptionArn: string): Promise<boolean> {
  const { Attributes = {} } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }));
  return Boolean(Attributes.FilterPolicy && Attributes.FilterPolicy !== '{}');
}

/**
 * Subscribes the queue to the topic once; on a second run it brings the existing subscription's attributes up to date,
 * and removes a filter policy that the topology no longer declares, as Terraform would ("{}" clears it).
 */
export async function ensureSubscription(sns: SNSClient, input: EnsureSubscriptionInput): Promise<string> {
  const attributes: Record<string, string> = { RawMessageDelivery: String(input.rawMessageDelivery) };
  if (input.filterPolicy) {
    attributes.FilterPolicy = JSON.stringify(input.filterPolicy);
    attributes.FilterPolicyScope = 'MessageAttributes';
  }
  const existing = await findSubscription(sns, input.topicArn, input.queueArn);
  if (!existing) {
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({
      TopicArn: input.topicArn,
      Protocol: 'sqs',
      Endpoint: input.queueArn,
      Attributes: attributes,
      ReturnSubscriptionArn: true,
    }));
    if (!SubscriptionArn) throw new Error(`Subscribe returned no ARN for ${input.queueArn}`);
    return SubscriptionArn;
  }
  const updates = input.filterPolicy || !(await hasFilterPolicy(sns, existing)) ? attributes : { ...attributes, FilterPolicy: '{}' };
  for (const [AttributeName, AttributeValue] of Object.entries(updates)) {
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: existing, AttributeName, AttributeValue }));
  }
  return existing;
}
