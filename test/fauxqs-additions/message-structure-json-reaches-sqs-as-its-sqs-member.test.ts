import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PublishBatchCommand, PublishCommand } from '@aws-sdk/client-sns';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * `MessageStructure=json`: an SQS subscriber receives the `sqs` member when it is a string, else `default`;
 * a body without a string `default`, or that is not JSON, is a 400 InvalidParameter (LocalStack's
 * AWS-validated snapshots tests/aws/services/sns/test_sns.snapshot.json, `TestSNSSubscriptionSQS::
 * test_message_structure_json_to_sqs`, `TestSNSPublishCrud::test_message_structure_json_exc`,
 * `TestSNSSubscriptionSQS::test_publish_batch_exceptions` `no-default-key-json`;
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html).
 */
describe('a JSON-structured message published to a topic with an SQS subscriber', () => {
  let kit: FauxqsKit;
  let topicArn: string;
  let envelopeQueueUrl: string;
  let rawQueueUrl: string;

  beforeAll(async () => {
    kit = await startFauxqsKit();
    topicArn = await kit.createTopic('structure-topic');
    const envelope = await kit.createQueue('structure-envelope');
    const raw = await kit.createQueue('structure-raw');
    envelopeQueueUrl = envelope.url;
    rawQueueUrl = raw.url;
    await kit.subscribeQueue(topicArn, envelope.arn);
    await kit.subscribeQueue(topicArn, raw.arn, { RawMessageDelivery: 'true' });
  });

  afterAll(async () => {
    await kit.close();
  });

  const publish = (message: string) => kit.sns.send(new PublishCommand({ TopicArn: topicArn, Message: message, MessageStructure: 'json' }));
  const envelopeMessages = async (): Promise<string[]> =>
    (await kit.receive(envelopeQueueUrl)).map((message) => JSON.parse(message.Body ?? '{}').Message);
  const rawBodies = async (): Promise<string[]> => (await kit.receive(rawQueueUrl)).map((message) => message.Body ?? '');

  it('arrives as its sqs member, in the envelope and raw', async () => {
    await publish(JSON.stringify({ default: 'default field', sqs: JSON.stringify({ field: 'value' }) }));

    expect(await envelopeMessages()).toEqual(['{"field":"value"}']);
    expect(await rawBodies()).toEqual(['{"field":"value"}']);
  });

  it('arrives as its default member when the sqs member is not a string', async () => {
    await publish(JSON.stringify({ default: 'default field', sqs: { field: 'value' } }));

    expect(await envelopeMessages()).toEqual(['default field']);
    expect(await rawBodies()).toEqual(['default field']);
  });

  it.each([
    ['has no default member', JSON.stringify({ sqs: 'Test message' }), 'Invalid parameter: Message Structure - No default entry in JSON message body'],
    ['has a default that is not a string', JSON.stringify({ default: { object: 'test' } }), 'Invalid parameter: Message Structure - No default entry in JSON message body'],
    ['is not JSON', '{"default": "This is a default message"} }', 'Invalid parameter: Message Structure - JSON message body failed to parse'],
  ])('is refused, and not delivered, when it %s', async (_case, message, error) => {
    await expect(publish(message)).rejects.toMatchObject({ name: 'InvalidParameterException', message: error, $metadata: { httpStatusCode: 400 } });

    expect(await kit.receive(rawQueueUrl, { waitSeconds: 1 })).toEqual([]);
  });

  it('in a batch: each entry arrives as its sqs member, and an entry without default refuses the batch', async () => {
    await kit.sns.send(
      new PublishBatchCommand({
        TopicArn: topicArn,
        PublishBatchRequestEntries: [
          { Id: 'a', Message: JSON.stringify({ default: 'd-a', sqs: 'sqs-a' }), MessageStructure: 'json' },
          { Id: 'b', Message: 'plain-b' },
        ],
      }),
    );
    expect((await rawBodies()).sort()).toEqual(['plain-b', 'sqs-a']);
    await kit.receive(envelopeQueueUrl);

    const refused = kit.sns.send(
      new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: [{ Id: 'c', Message: JSON.stringify({ sqs: 'x' }), MessageStructure: 'json' }] }),
    );

    await expect(refused).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Invalid parameter: Message Structure - No default entry in JSON message body' });
  });
});
