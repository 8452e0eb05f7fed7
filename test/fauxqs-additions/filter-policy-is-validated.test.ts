import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetSubscriptionAttributesCommand, SetSubscriptionAttributesCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * Filter policies SNS refuses with a 400 InvalidParameter, in AWS's words up to the parser location AWS
 * appends (LocalStack's AWS-validated snapshots tests/aws/services/sns/test_sns_filter_policy.snapshot.json:
 * `test_validate_policy_numeric_operator`, `test_validate_policy`, `test_validate_policy_string_operators`,
 * `test_validate_policy_exists_operator`, `test_sub_filter_policy_nested_property`; test_sns.snapshot.json
 * `TestSNSSubscriptionCrudV2::test_subscribe_invalid_filter_policy`). fauxqs 2.4.1 answered a policy that
 * is not JSON with an HTTP 500 and stored the rest.
 */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('filter policies SNS refuses', () => {
  let kit: FauxqsKit;
  let topicArn: string;
  let queueArn: string;

  beforeAll(async () => {
    kit = await startFauxqsKit();
    topicArn = await kit.createTopic('filter-topic');
    queueArn = (await kit.createQueue('filter-queue')).arn;
  });

  afterAll(async () => {
    await kit.close();
  });

  const subscribe = (policy: unknown) =>
    kit.sns.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { FilterPolicy: typeof policy === 'string' ? policy : JSON.stringify(policy) } }),
    );
  const refusal = (reason: string) => ({
    name: 'InvalidParameterException',
    message: expect.stringMatching(new RegExp(`^${escapeRegExp(`Invalid parameter: Attributes Reason: FilterPolicy: ${reason}`)}`)),
    $metadata: { httpStatusCode: 400 },
  });

  it.each([
    [{ key: [{ numeric: ['=', '000'] }] }, 'Value of equals must be numeric'],
    [{ key: [{ numeric: ['>='] }] }, 'Value of >= must be numeric'],
    [{ key: [{ numeric: ['>', '20', '<', '30'] }] }, 'Value of > must be numeric'],
    [{ key: [{ numeric: ['>', 20, '<', '30'] }] }, 'Value of < must be numeric'],
    [{ key: [{ numeric: [] }] }, 'Invalid member in numeric match: ]'],
    [{ key: [{ numeric: ['operator'] }] }, 'Unrecognized numeric range operator: operator'],
    [{ key: [{ numeric: [1, '<='] }] }, 'Invalid member in numeric match: 1'],
    [{ key: [{ numeric: ['<', 100, '>', 10] }] }, 'Too many elements in numeric expression'],
    [{ key: [{ numeric: ['>=', 1, '>', 2] }] }, 'Bad numeric range operator: >'],
    [{ key: [{ numeric: ['>', 3, '<', 1] }] }, 'Bottom must be less than top'],
    [{ key: [{ numeric: ['>', 20, 30] }] }, 'Bad value in numeric range: 30'],
    [{ key: [{ numeric: ['>', 20, '<', 30, '<', 50] }] }, 'Too many terms in numeric range expression'],
  ])('a numeric match %j', async (policy, reason) => {
    await expect(subscribe(policy)).rejects.toMatchObject(refusal(reason));
  });

  it.each([
    [{ key: [['value']] }, 'Match value must be String, number, true, false, or null'],
    [{ key: [{ 'wrong-operator': true }] }, 'Unrecognized match type wrong-operator'],
    [{ key: [{ suffix: 'value', prefix: 'value2' }] }, 'Only one key allowed in match expression'],
    [{ key: [] }, 'Empty arrays are not allowed'],
    [{ key: [{ suffix: 100 }] }, 'suffix match pattern must be a string'],
    [{ key: { suffix: 'value' } }, '"suffix" must be an object or an array'],
    [{ key: [{ exists: 'no' }] }, 'exists match pattern must be either true or false.'],
    [{ key: [{ 'anything-but': { suffix: 'test' } }] }, 'Unsupported anything-but pattern: suffix'],
  ])('a match %j', async (policy, reason) => {
    await expect(subscribe(policy)).rejects.toMatchObject(refusal(reason));
  });

  it('a policy that is not JSON, as a 400 rather than a 500', async () => {
    await expect(subscribe('invalid')).rejects.toMatchObject(refusal('failed to parse JSON.'));
  });

  it('a nested policy under the MessageAttributes scope', async () => {
    const attempt = kit.sns.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { FilterPolicy: JSON.stringify({ a: { b: ['c'] } }) } }),
    );

    await expect(attempt).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid parameter: Attributes Reason: Filter policy scope MessageAttributes does not support nested filter policy',
    });
  });

  it('with SetSubscriptionAttributes, worded without "Attributes Reason", and keeps the policy it had', async () => {
    const subscriptionArn = await kit.subscribeQueue(topicArn, queueArn, { FilterPolicy: '{"eventType":["order.placed"]}' });

    const attempt = kit.sns.send(
      new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{"orderTotal":[{"numeric":["=","000"]}]}' }),
    );

    await expect(attempt).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Invalid parameter: FilterPolicy: Value of equals must be numeric' });
    const { Attributes: attributes = {} } = await kit.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }));
    expect(attributes.FilterPolicy).toBe('{"eventType":["order.placed"]}');
  });

  it('accepts the policies of the topology: strings, numeric ranges, exists and anything-but', async () => {
    const queue = await kit.createQueue('filter-accepted');
    const policy = { eventType: ['order.placed'], orderTotal: [{ numeric: ['>=', 100, '<', 1000] }], currency: [{ 'anything-but': ['XXX'] }], correlationId: [{ exists: true }] };

    const subscriptionArn = await kit.subscribeQueue(topicArn, queue.arn, { FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageAttributes' });

    expect(subscriptionArn).toContain(':filter-topic:');
  });
});
