import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetTopicAttributesCommand, SetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

const DEFAULT_HEALTHY_RETRY_POLICY = {
  minDelayTarget: 20,
  maxDelayTarget: 20,
  numRetries: 3,
  numMaxDelayRetries: 0,
  numNoDelayRetries: 0,
  numMinDelayRetries: 0,
  backoffFunction: 'linear',
};

/**
 * `EffectiveDeliveryPolicy` is SNS's default HTTP delivery policy with the topic's `DeliveryPolicy` laid over
 * it member by member, and a `DeliveryPolicy` set to "" is gone (LocalStack's AWS-validated snapshot
 * tests/aws/services/sns/test_sns.snapshot.json, `TestSNSTopicCrud::test_topic_delivery_policy_crud`).
 */
describe("a topic's effective delivery policy", () => {
  let kit: FauxqsKit;
  let topicArn: string;

  beforeAll(async () => {
    kit = await startFauxqsKit();
    topicArn = await kit.createTopic('delivery-topic');
  });

  afterAll(async () => {
    await kit.close();
  });

  const read = async (): Promise<Record<string, string>> =>
    (await kit.sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes ?? {};
  const setDeliveryPolicy = (value: string) =>
    kit.sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'DeliveryPolicy', AttributeValue: value }));

  it('is the default one before a delivery policy is set', async () => {
    const attributes = await read();

    expect(JSON.parse(attributes.EffectiveDeliveryPolicy ?? '')).toEqual({
      http: {
        defaultHealthyRetryPolicy: DEFAULT_HEALTHY_RETRY_POLICY,
        disableSubscriptionOverrides: false,
        defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
      },
    });
  });

  it('takes the members the delivery policy sets and the defaults of the rest', async () => {
    await setDeliveryPolicy(JSON.stringify({ http: { defaultHealthyRetryPolicy: { minDelayTarget: 5, maxDelayTarget: 6, numRetries: 1 }, disableSubscriptionOverrides: false } }));

    const attributes = await read();

    expect(JSON.parse(attributes.EffectiveDeliveryPolicy ?? '')).toEqual({
      http: {
        defaultHealthyRetryPolicy: { ...DEFAULT_HEALTHY_RETRY_POLICY, minDelayTarget: 5, maxDelayTarget: 6, numRetries: 1 },
        disableSubscriptionOverrides: false,
        defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
      },
    });
  });

  it('is the default one again once the delivery policy is set to ""', async () => {
    await setDeliveryPolicy(JSON.stringify({ http: { defaultRequestPolicy: { headerContentType: 'application/json' } } }));
    expect(JSON.parse((await read()).EffectiveDeliveryPolicy ?? '').http.defaultRequestPolicy).toEqual({ headerContentType: 'application/json' });

    await setDeliveryPolicy('');

    const attributes = await read();
    expect(attributes).not.toHaveProperty('DeliveryPolicy');
    expect(JSON.parse(attributes.EffectiveDeliveryPolicy ?? '').http.defaultRequestPolicy).toEqual({ headerContentType: 'text/plain; charset=UTF-8' });
  });
});
