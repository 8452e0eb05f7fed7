import type { GetSubscriptionAttributesResponse } from '@aws-sdk/client-sns';
import { parseArn } from '../../../aws/arn.ts';
import { answer, forward } from '../queryParams.ts';
import { attributesXml, snsResultXml } from '../snsXml.ts';
import type { AdditionStores, QueryParams, SnsOutcome, SnsSubscription } from '../types.ts';

/**
 * GetSubscriptionAttributes as AWS answers it (LocalStack's AWS-validated snapshots
 * `test_sns.py::TestSNSSubscriptionCrudV2::test_subscribe_attributes`, `TestSNSSubscriptionSQS::
 * test_subscribe_sqs_queue`, `test_sns_filter_policy.py::…::test_set_subscription_filter_policy_scope`):
 * `FilterPolicyScope` appears once a filter policy is set, `MessageAttributes` unless set otherwise, and not
 * before; policies removed with "" are gone. Unknown subscriptions stay fauxqs's (404 NotFound).
 */
export function getSubscriptionAttributes(params: QueryParams, stores: AdditionStores): SnsOutcome {
  const subscription = params.SubscriptionArn ? stores.snsStore?.getSubscription(params.SubscriptionArn) : undefined;
  if (!subscription) return forward(params);
  const result = { Attributes: subscriptionAttributes(subscription) } satisfies GetSubscriptionAttributesResponse;
  return answer(snsResultXml('GetSubscriptionAttributes', attributesXml(result.Attributes)));
}

function subscriptionAttributes(subscription: SnsSubscription): Record<string, string> {
  const { FilterPolicyScope: scope, ...set } = Object.fromEntries(Object.entries(subscription.attributes).filter(([, value]) => value !== ''));
  const topicArn = parseArn(subscription.topicArn);
  const accountId = topicArn?.accountId ?? '';
  return {
    ...set,
    SubscriptionArn: subscription.arn,
    TopicArn: subscription.topicArn,
    Protocol: subscription.protocol,
    Endpoint: subscription.endpoint,
    Owner: accountId,
    SubscriptionPrincipal: `arn:${topicArn?.partition ?? 'aws'}:iam::${accountId}:user/local`,
    ConfirmationWasAuthenticated: 'true',
    PendingConfirmation: subscription.confirmed ? 'false' : 'true',
    RawMessageDelivery: set.RawMessageDelivery ?? 'false',
    ...(set.FilterPolicy ? { FilterPolicyScope: scope ?? 'MessageAttributes' } : {}),
  };
}
