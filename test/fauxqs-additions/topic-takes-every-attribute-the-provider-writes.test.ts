import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateTopicCommand, GetTopicAttributesCommand, ListTagsForResourceCommand, SetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * An `aws_sns_topic` create as the hashicorp/aws provider makes it (internal/service/sns/topic.go,
 * resourceTopicCreate + putTopicAttributes): CreateTopic with the default tags, then one SetTopicAttributes
 * per attribute of its map, the five `*SuccessFeedbackSampleRate` as "0" among them; an InvalidParameter is
 * retried for two minutes. SetTopicAttributes accepts them all on AWS
 * (https://docs.aws.amazon.com/sns/latest/api/API_SetTopicAttributes.html,
 * https://docs.aws.amazon.com/sns/latest/dg/sns-topic-attributes.html).
 */
describe('a topic created the way the Terraform provider creates one', () => {
  let kit: FauxqsKit;

  beforeAll(async () => {
    kit = await startFauxqsKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('accepts the delivery status, KMS, archive and tracing attributes and reports them back', async () => {
    // Prepare
    const created = await kit.sns.send(
      new CreateTopicCommand({ Name: 'provider-topic', Tags: [{ Key: 'Project', Value: 'order-fanout' }, { Key: 'ManagedBy', Value: 'terraform' }] }),
    );
    const topicArn = created.TopicArn ?? '';
    const role = 'arn:aws:iam::000000000000:role/sns-delivery-status';
    const written: Record<string, string> = {
      KmsMasterKeyId: 'alias/aws/sns',
      TracingConfig: 'Active',
      SignatureVersion: '2',
      ArchivePolicy: '{"MessageRetentionPeriod":"30"}',
    };
    for (const protocol of ['Application', 'Firehose', 'HTTP', 'Lambda', 'SQS']) {
      written[`${protocol}SuccessFeedbackSampleRate`] = '0';
      written[`${protocol}SuccessFeedbackRoleArn`] = role;
      written[`${protocol}FailureFeedbackRoleArn`] = role;
    }

    // Act
    for (const [name, value] of Object.entries(written)) {
      await kit.sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: name, AttributeValue: value }));
    }
    const read = await kit.sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
    const tags = await kit.sns.send(new ListTagsForResourceCommand({ ResourceArn: topicArn }));

    // Assess
    expect(read.Attributes).toMatchObject(written);
    expect(tags.Tags).toEqual(expect.arrayContaining([{ Key: 'Project', Value: 'order-fanout' }, { Key: 'ManagedBy', Value: 'terraform' }]));
  });

  it('still refuses an attribute SNS does not have, in AWS wording', async () => {
    const topicArn = await kit.createTopic('provider-topic-unknown');

    const attempt = kit.sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'NoSuchAttribute', AttributeValue: 'x' }));

    await expect(attempt).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Invalid parameter: AttributeName' });
  });
});
