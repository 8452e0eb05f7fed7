import { describe, expect, it } from '@jest/globals';
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { discoverTopology } from '../../harness/discovery/discoverTopology.ts';
import { DiscoveryError } from '../../harness/discovery/errors.ts';

const config = { region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } };
const topicArn = 'arn:aws:sns:eu-west-1:111122223333:shop-order-events';
const queueArn = (name: string): string => `arn:aws:sqs:eu-west-1:111122223333:${name}`;

function clients(subscriptionPages: Array<{ Subscriptions: Array<Record<string, string>>; NextToken?: string }>) {
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const lambda = new LambdaClient(config);
  const snsMock = mockClient(sns);
  snsMock.on(ListSubscriptionsByTopicCommand).callsFake((input: { NextToken?: string }) => subscriptionPages[Number(input.NextToken ?? 0)]);
  snsMock.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { RawMessageDelivery: 'false' } });
  const sqsMock = mockClient(sqs);
  sqsMock.on(GetQueueUrlCommand).callsFake((input: { QueueName: string; QueueOwnerAWSAccountId?: string }) => ({
    QueueUrl: `https://sqs.eu-west-1.amazonaws.com/${input.QueueOwnerAWSAccountId}/${input.QueueName}`,
  }));
  sqsMock.on(GetQueueAttributesCommand).resolves({
    Attributes: { VisibilityTimeout: '60', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: queueArn('dead'), maxReceiveCount: 5 }) },
  });
  mockClient(lambda)
    .on(ListEventSourceMappingsCommand)
    .callsFake((input: { EventSourceArn: string }) => ({
      EventSourceMappings: [{ UUID: 'u', EventSourceArn: input.EventSourceArn, FunctionArn: `arn:aws:lambda:eu-west-1:111122223333:function:fn-${input.EventSourceArn.split(':').at(-1)}:live`, BatchSize: 5, State: 'Enabled' }],
    }));
  return { sns, sqs, lambda };
}

describe('discoverTopology paging and shapes (mocked AWS)', () => {
  it('follows NextToken, keeps only SQS subscriptions, and reads qualified function ARNs', async () => {
    const discovered = await discoverTopology(
      clients([
        {
          Subscriptions: [
            { SubscriptionArn: `${topicArn}:a`, Protocol: 'sqs', Endpoint: queueArn('a') },
            { SubscriptionArn: `${topicArn}:mail`, Protocol: 'email', Endpoint: 'ops@example.com' },
          ],
          NextToken: '1',
        },
        { Subscriptions: [{ SubscriptionArn: `${topicArn}:b`, Protocol: 'sqs', Endpoint: queueArn('b') }] },
      ]),
      topicArn,
    );

    expect(discovered.map((c) => [c.functionName, c.queueUrl, c.maxReceiveCount, c.visibilityTimeoutSeconds, c.batchSize])).toEqual([
      ['fn-a', 'https://sqs.eu-west-1.amazonaws.com/111122223333/a', 5, 60, 5],
      ['fn-b', 'https://sqs.eu-west-1.amazonaws.com/111122223333/b', 5, 60, 5],
    ]);
    expect(discovered[0]?.dlqUrl).toBe('https://sqs.eu-west-1.amazonaws.com/111122223333/dead');
  });

  it('names a subscription that is not confirmed', async () => {
    const pending = clients([{ Subscriptions: [{ SubscriptionArn: 'PendingConfirmation', Protocol: 'sqs', Endpoint: queueArn('a') }] }]);

    await expect(discoverTopology(pending, topicArn)).rejects.toThrow(DiscoveryError);
    await expect(discoverTopology(pending, topicArn)).rejects.toThrow(`the subscription of ${queueArn('a')} is not confirmed (PendingConfirmation)`);
  });
});
