import * as z from 'zod';
import { parseArn } from '../../../aws/arn.ts';

/**
 * The access policy AWS gives every new topic: the owning account may use it (LocalStack's AWS-validated
 * snapshot `test_sns.py::TestSNSTopicCrud::test_create_topic_test_arn`, `get-topic-attrs`). The Terraform
 * provider parses the topic's `Policy` on every read, so a topic without one fails `terraform apply`.
 */
export function defaultTopicPolicy(topicArn: string): string {
  const accountId = parseArn(topicArn)?.accountId ?? '';
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: topicArn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  });
}

const DEFAULT_HEALTHY_RETRY_POLICY = {
  minDelayTarget: 20,
  maxDelayTarget: 20,
  numRetries: 3,
  numMaxDelayRetries: 0,
  numNoDelayRetries: 0,
  numMinDelayRetries: 0,
  backoffFunction: 'linear',
};
const DEFAULT_REQUEST_POLICY = { headerContentType: 'text/plain; charset=UTF-8' };

const JsonObject = z.record(z.string(), z.unknown());
const DeliveryPolicy = z.looseObject({
  http: z
    .looseObject({
      defaultHealthyRetryPolicy: JsonObject.nullish(),
      disableSubscriptionOverrides: z.boolean().nullish(),
      defaultRequestPolicy: JsonObject.nullish(),
    })
    .nullish(),
});

/**
 * `EffectiveDeliveryPolicy`: the topic's `DeliveryPolicy` laid over SNS's defaults, member by member
 * (LocalStack's AWS-validated snapshot `test_sns.py::TestSNSTopicCrud::test_topic_delivery_policy_crud`).
 */
export function effectiveDeliveryPolicy(deliveryPolicy: string | undefined): string {
  const parsed = DeliveryPolicy.safeParse(parseJson(deliveryPolicy));
  const { http: ownHttp, ...ownOther } = parsed.success ? parsed.data : {};
  const { defaultHealthyRetryPolicy, disableSubscriptionOverrides, defaultRequestPolicy, ...httpOther } = ownHttp ?? {};
  return JSON.stringify({
    http: {
      defaultHealthyRetryPolicy: { ...DEFAULT_HEALTHY_RETRY_POLICY, ...withoutNulls(defaultHealthyRetryPolicy) },
      disableSubscriptionOverrides: disableSubscriptionOverrides ?? false,
      defaultRequestPolicy: { ...DEFAULT_REQUEST_POLICY, ...withoutNulls(defaultRequestPolicy) },
      ...httpOther,
    },
    ...ownOther,
  });
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function withoutNulls(members: Record<string, unknown> | null | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(members ?? {}).filter(([, value]) => value !== null));
}
