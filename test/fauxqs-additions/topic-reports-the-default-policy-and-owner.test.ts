import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * GetTopicAttributes of a new topic, as AWS answers it (LocalStack's AWS-validated snapshot
 * tests/aws/services/sns/test_sns.snapshot.json, `TestSNSTopicCrud::test_create_topic_test_arn`,
 * `get-topic-attrs`): the owner's account, an empty DisplayName, the subscription counts and the default
 * access policy. The Terraform provider parses `Policy` on every read of an `aws_sns_topic`
 * (findTopicAttributesWithValidAWSPrincipalsByARN), so a topic without one cannot be applied.
 */
describe('the attributes of a new topic', () => {
  let kit: FauxqsKit;

  beforeAll(async () => {
    kit = await startFauxqsKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('include the default policy granting the owning account the topic actions', async () => {
    const topicArn = await kit.createTopic('policy-topic');

    const { Attributes: attributes = {} } = await kit.sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));

    expect(attributes).toMatchObject({
      TopicArn: topicArn,
      Owner: '000000000000',
      DisplayName: '',
      SubscriptionsConfirmed: '0',
      SubscriptionsPending: '0',
      SubscriptionsDeleted: '0',
    });
    expect(JSON.parse(attributes.Policy ?? '')).toEqual({
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
          Condition: { StringEquals: { 'AWS:SourceOwner': '000000000000' } },
        },
      ],
    });
  });

  it('count a confirmed SQS subscription', async () => {
    const topicArn = await kit.createTopic('counted-topic');
    const queue = await kit.createQueue('counted-queue');
    await kit.subscribeQueue(topicArn, queue.arn);

    const { Attributes: attributes = {} } = await kit.sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));

    expect(attributes).toMatchObject({ SubscriptionsConfirmed: '1', SubscriptionsPending: '0' });
  });

  it('leave an unknown topic a 404 NotFound', async () => {
    const attempt = kit.sns.send(new GetTopicAttributesCommand({ TopicArn: 'arn:aws:sns:us-east-1:000000000000:no-such-topic' }));

    await expect(attempt).rejects.toMatchObject({ name: 'NotFoundException', message: 'Topic does not exist', $metadata: { httpStatusCode: 404 } });
  });
});
