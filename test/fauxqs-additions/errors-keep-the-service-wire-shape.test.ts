import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SetSubscriptionAttributesCommand } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * The additions' errors are SNS Query errors: HTTP 400, `text/xml`, `<ErrorResponse><Error><Type>Sender</Type>
 * <Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`
 * (https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html; the SDK's awsQuery protocol reads `Code` and
 * `Message`); fauxqs's SQS errors keep their JSON 1.0 shape (`__type`, `x-amzn-query-error`), since the
 * additions complete only successful SQS answers.
 */
describe('errors', () => {
  let kit: FauxqsKit;

  beforeAll(async () => {
    kit = await startFauxqsKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('of an SNS addition are SNS Query XML errors, which the SDK parses', async () => {
    // Prepare
    const topicArn = await kit.createTopic('shape-topic');
    const subscriptionArn = await kit.subscribeQueue(topicArn, (await kit.createQueue('shape-queue')).arn);

    // Act
    const response = await fetch(`${kit.fauxqs.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'SetSubscriptionAttributes', Version: '2010-03-31', SubscriptionArn: subscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{invalid' }),
    });
    const viaSdk = kit.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{invalid' }));

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await response.text()).toMatch(
      /^<ErrorResponse xmlns="http:\/\/sns\.amazonaws\.com\/doc\/2010-03-31\/"><Error><Type>Sender<\/Type><Code>InvalidParameter<\/Code><Message>Invalid parameter: FilterPolicy: failed to parse JSON\.[^<]*<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
    await expect(viaSdk).rejects.toMatchObject({ name: 'InvalidParameterException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
  });

  it('of SQS stay fauxqs JSON errors', async () => {
    const response = await fetch(`${kit.fauxqs.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.GetQueueAttributes' },
      body: JSON.stringify({ QueueUrl: `${kit.fauxqs.url}/000000000000/no-such-queue`, AttributeNames: ['All'] }),
    });
    const viaSdk = kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: `${kit.fauxqs.url}/000000000000/no-such-queue` }));

    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-query-error')).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
    expect(await response.json()).toEqual({ __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' });
    await expect(viaSdk).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });
});
