import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetSubscriptionAttributesCommand, SetSubscriptionAttributesCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * Subscription attributes SNS refuses with a 400 InvalidParameter instead of storing them, worded as AWS
 * words them (LocalStack's AWS-validated snapshots tests/aws/services/sns/test_sns.snapshot.json,
 * `TestSNSSubscriptionCrud::test_validate_set_sub_attributes` and `::test_create_subscriptions_with_attributes`;
 * test_sns_filter_policy.snapshot.json `::test_set_subscription_filter_policy_scope`). AWS follows "failed to
 * parse JSON." with its parser's own words, which are not asserted.
 */
describe('subscription attributes SNS refuses', () => {
  let kit: FauxqsKit;
  let topicArn: string;
  let queueArn: string;
  let subscriptionArn: string;

  beforeAll(async () => {
    kit = await startFauxqsKit();
    topicArn = await kit.createTopic('validated-topic');
    queueArn = (await kit.createQueue('validated-queue')).arn;
    subscriptionArn = await kit.subscribeQueue(topicArn, queueArn);
  });

  afterAll(async () => {
    await kit.close();
  });

  const set = (name: string, value: string) =>
    kit.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: name, AttributeValue: value }));
  const invalid = (message: string | RegExp) => ({ name: 'InvalidParameterException', message, $metadata: { httpStatusCode: 400 } });

  it.each([
    ['FakeAttribute', 'test-value', 'Invalid parameter: AttributeName'],
    ['RawMessageDelivery', 'test-ValUe', 'Invalid parameter: RawMessageDelivery: Invalid value [test-ValUe]. Must be true or false.'],
    ['RawMessageDelivery', '', 'Invalid parameter: RawMessageDelivery: Invalid value []. Must be true or false.'],
    ['RedrivePolicy', '{"deadLetterTargetArn":"fake-arn"}', 'Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn'],
    ['FilterPolicyScope', 'RandomValue', 'Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes'],
  ])('SetSubscriptionAttributes %s=%j', async (name, value, message) => {
    await expect(set(name, value)).rejects.toMatchObject(invalid(message));
  });

  it.each([
    ['RedrivePolicy', /^Invalid parameter: RedrivePolicy: failed to parse JSON\./],
    ['FilterPolicy', /^Invalid parameter: FilterPolicy: failed to parse JSON\./],
  ])('SetSubscriptionAttributes %s that is not JSON', async (name, message) => {
    await expect(set(name, '{invalidjson}')).rejects.toMatchObject(invalid(message));
  });

  it('stores none of the refused values', async () => {
    await Promise.allSettled([set('RawMessageDelivery', 'yes'), set('RedrivePolicy', '{nope'), set('FilterPolicy', '{nope')]);

    const { Attributes: attributes = {} } = await kit.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }));

    expect(attributes.RawMessageDelivery).toBe('false');
    expect(attributes).not.toHaveProperty('RedrivePolicy');
    expect(attributes).not.toHaveProperty('FilterPolicy');
  });

  it('Subscribe with a RawMessageDelivery that is neither true nor false', async () => {
    const queue = await kit.createQueue('validated-subscribe');

    const attempt = kit.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queue.arn, Attributes: { RawMessageDelivery: 'wrongvalue' } }));

    await expect(attempt).rejects.toMatchObject(
      invalid('Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.'),
    );
  });

  it('accepts a well-formed redrive policy and removes it when given no value', async () => {
    const redrivePolicy = JSON.stringify({ deadLetterTargetArn: queueArn });
    await set('RedrivePolicy', redrivePolicy);
    expect((await kit.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }))).Attributes?.RedrivePolicy).toBe(redrivePolicy);

    // The Terraform provider removes a dropped redrive_policy with no AttributeValue (topic_subscription.go).
    await kit.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'RedrivePolicy' }));

    expect((await kit.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }))).Attributes).not.toHaveProperty('RedrivePolicy');
  });
});
