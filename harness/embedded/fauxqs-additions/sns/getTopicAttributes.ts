import type { GetTopicAttributesResponse } from '@aws-sdk/client-sns';
import { parseArn } from '../../../aws/arn.ts';
import { answer, forward } from '../queryParams.ts';
import { attributesXml, snsResultXml } from '../snsXml.ts';
import type { AdditionStores, QueryParams, SnsOutcome, SnsStore, SnsTopic } from '../types.ts';
import { defaultTopicPolicy, effectiveDeliveryPolicy } from './topicDefaults.ts';

/**
 * GetTopicAttributes as AWS answers it (LocalStack's AWS-validated snapshots
 * `test_sns.py::TestSNSTopicCrud::test_create_topic_test_arn`, `::test_topic_delivery_policy_crud`): the
 * default `Policy` when none was set, `EffectiveDeliveryPolicy` derived from `DeliveryPolicy`, `Owner`, the
 * subscription counts, and every attribute set on the topic; attributes set to "" are gone, except
 * `DisplayName`, which is always there. An unknown topic is left to fauxqs (404 NotFound).
 */
export function getTopicAttributes(params: QueryParams, stores: AdditionStores): SnsOutcome {
  const topic = params.TopicArn ? stores.snsStore?.getTopic(params.TopicArn) : undefined;
  if (!topic || !stores.snsStore) return forward(params);
  const attributes = topicAttributes(topic, stores.snsStore);
  const result = { Attributes: attributes } satisfies GetTopicAttributesResponse;
  return answer(snsResultXml('GetTopicAttributes', attributesXml(result.Attributes)));
}

function topicAttributes(topic: SnsTopic, snsStore: SnsStore): Record<string, string> {
  const set = Object.fromEntries(Object.entries(topic.attributes).filter(([, value]) => value !== ''));
  const subscriptions = topic.subscriptionArns.map((arn) => snsStore.getSubscription(arn)).filter((s) => s !== undefined);
  return {
    ...set,
    TopicArn: topic.arn,
    Owner: parseArn(topic.arn)?.accountId ?? '',
    DisplayName: topic.attributes.DisplayName ?? '',
    Policy: set.Policy ?? defaultTopicPolicy(topic.arn),
    EffectiveDeliveryPolicy: effectiveDeliveryPolicy(set.DeliveryPolicy),
    SubscriptionsConfirmed: String(subscriptions.filter((s) => s.confirmed).length),
    SubscriptionsPending: String(subscriptions.filter((s) => !s.confirmed).length),
    SubscriptionsDeleted: '0',
  };
}
