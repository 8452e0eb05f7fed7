import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PublishBatchCommand, PublishCommand, type MessageAttributeValue } from '@aws-sdk/client-sns';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * Publish and PublishBatch refuse malformed message attributes with a 400 ParameterValueInvalid (the SDK's
 * InvalidParameterValueException), the whole batch at once, and deliver nothing (LocalStack's AWS-validated
 * snapshots tests/aws/services/sns/test_sns.snapshot.json, `TestSNSSubscriptionSQS::
 * test_empty_or_wrong_message_attributes` and `::test_message_attributes_prefixes`;
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html).
 */
describe('message attributes SNS refuses', () => {
  let kit: FauxqsKit;
  let topicArn: string;
  let queueUrl: string;

  beforeAll(async () => {
    kit = await startFauxqsKit();
    topicArn = await kit.createTopic('attributes-topic');
    const queue = await kit.createQueue('attributes-queue');
    queueUrl = queue.url;
    await kit.subscribeQueue(topicArn, queue.arn, { RawMessageDelivery: 'true' });
  });

  afterAll(async () => {
    await kit.close();
  });

  const refusal = (message: string) => ({ name: 'InvalidParameterValueException', message, $metadata: { httpStatusCode: 400 } });
  const cases: [string, Record<string, MessageAttributeValue>, string][] = [
    ['an empty String value', { attr1: { DataType: 'String', StringValue: '' } }, "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'."],
    ['no value', { attr1: { DataType: 'String' } }, "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'."],
    ['an empty Binary value', { attr1: { DataType: 'Binary', BinaryValue: new Uint8Array() } }, "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'Binary'."],
    ['a Number in the binary field', { attr1: { DataType: 'Number', BinaryValue: new Uint8Array([1]) } }, "The message attribute 'attr1' with type 'Number' must use field 'String'."],
    ['a Binary in the string field', { attr1: { DataType: 'Binary', StringValue: '123' } }, "The message attribute 'attr1' with type 'Binary' must use field 'Binary'."],
    ['an unknown data type', { attr1: { DataType: 'InvalidType', StringValue: '123' } }, "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."],
    ['a data type with an empty suffix', { attr1: { DataType: 'String.', StringValue: 'x' } }, "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."],
    ['a name with "^"', { 'a^*?': { DataType: 'String', StringValue: '123' } }, "Invalid non-alphanumeric character '#x5E' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots."],
    ['a name starting with "."', { '.abc': { DataType: 'String', StringValue: '123' } }, "Invalid message attribute name starting with character '.' was found."],
    ['a name with ".."', { 'a..bc': { DataType: 'String', StringValue: '123' } }, "Message attribute name can not have successive '.' character."],
  ];

  it.each(cases)('Publish with %s', async (_case, attributes, message) => {
    const attempt = kit.sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'refused', MessageAttributes: attributes }));

    await expect(attempt).rejects.toMatchObject(refusal(message));
  });

  it.each(cases)('PublishBatch with %s in one entry refuses the whole batch', async (_case, attributes, message) => {
    const attempt = kit.sns.send(
      new PublishBatchCommand({
        TopicArn: topicArn,
        PublishBatchRequestEntries: [
          { Id: '1', Message: 'refused-batch', MessageAttributes: attributes },
          { Id: '3', Message: 'valid-batch' },
        ],
      }),
    );

    await expect(attempt).rejects.toMatchObject(refusal(message));
  });

  it('delivers none of the refused messages, and delivers a data type with a suffix', async () => {
    const accepted = await kit.sns.send(
      new PublishCommand({ TopicArn: topicArn, Message: 'accepted', MessageAttributes: { attr1: { DataType: 'String.prefixed', StringValue: 'prefixed-1' } } }),
    );

    // Everything refused above was published before this message; a window of one long poll shows no more.
    const received = await kit.receive(queueUrl, { waitSeconds: 1 });
    expect(received.map((message) => message.Body)).toEqual(['accepted']);
    expect(accepted.MessageId).toBeDefined();
    expect(received[0]?.MessageAttributes?.attr1).toEqual({ DataType: 'String.prefixed', StringValue: 'prefixed-1' });
  });
});
