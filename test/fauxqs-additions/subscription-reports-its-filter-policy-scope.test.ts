import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetSubscriptionAttributesCommand, SetSubscriptionAttributesCommand } from '@aws-sdk/client-sns';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * GetSubscriptionAttributes of an SQS subscription (LocalStack's AWS-validated snapshots
 * tests/aws/services/sns/test_sns_filter_policy.snapshot.json `TestSNSFilterPolicyCrud::
 * test_set_subscription_filter_policy_scope`, and test_sns.snapshot.json `TestSNSSubscriptionSQS::
 * test_subscribe_sqs_queue`): confirmed at once and authenticated; `FilterPolicyScope` is absent until a
 * filter policy is set, even when a scope was set, and `MessageAttributes` once a policy is set without one.
 */
describe("an SQS subscription's attributes", () => {
  let kit: FauxqsKit;
  let topicArn: string;

  beforeAll(async () => {
    kit = await startFauxqsKit();
    topicArn = await kit.createTopic('scope-topic');
  });

  afterAll(async () => {
    await kit.close();
  });

  const attributesOf = async (subscriptionArn: string): Promise<Record<string, string>> =>
    (await kit.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }))).Attributes ?? {};

  it('are confirmed and name no scope while there is no filter policy', async () => {
    const queue = await kit.createQueue('scope-none');
    const subscriptionArn = await kit.subscribeQueue(topicArn, queue.arn);
    await kit.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'FilterPolicyScope', AttributeValue: 'MessageBody' }));

    const attributes = await attributesOf(subscriptionArn);

    expect(attributes).toMatchObject({
      SubscriptionArn: subscriptionArn,
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: queue.arn,
      Owner: '000000000000',
      PendingConfirmation: 'false',
      ConfirmationWasAuthenticated: 'true',
      RawMessageDelivery: 'false',
    });
    expect(attributes).not.toHaveProperty('FilterPolicyScope');
  });

  it('name the MessageAttributes scope once a filter policy is set without a scope', async () => {
    const queue = await kit.createQueue('scope-default');
    const subscriptionArn = await kit.subscribeQueue(topicArn, queue.arn);
    const policy = JSON.stringify({ attr1: [{ numeric: ['>', 0, '<=', 100] }] });
    await kit.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: policy }));

    const attributes = await attributesOf(subscriptionArn);

    expect(attributes).toMatchObject({ FilterPolicy: policy, FilterPolicyScope: 'MessageAttributes' });
  });

  it('keep the scope and raw delivery given to Subscribe with the filter policy, as aws_sns_topic_subscription sends them', async () => {
    const queue = await kit.createQueue('scope-subscribe');
    const policy = JSON.stringify({ attr: ['match-this'] });

    const subscriptionArn = await kit.subscribeQueue(topicArn, queue.arn, { RawMessageDelivery: 'true', FilterPolicy: policy, FilterPolicyScope: 'MessageBody' });

    expect(subscriptionArn).toMatch(/^arn:aws:sns:us-east-1:000000000000:scope-topic:/);
    expect(await attributesOf(subscriptionArn)).toMatchObject({ RawMessageDelivery: 'true', FilterPolicy: policy, FilterPolicyScope: 'MessageBody' });
  });
});
