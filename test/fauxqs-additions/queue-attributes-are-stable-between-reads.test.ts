import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateQueueCommand, GetQueueAttributesCommand, ListQueueTagsCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * After CreateQueue and SetQueueAttributes the hashicorp/aws provider reads GetQueueAttributes(All) until six
 * reads in a row show the values it sent (internal/service/sqs/queue.go, waitQueueAttributesPropagated:
 * ContinuousTargetOccurence 6; redrive policies compared as JSON, attribute_funcs.go for the policy
 * resources). So the attributes an `aws_sqs_queue` sends must come back unchanged and stay so between reads.
 */
describe('a queue created the way aws_sqs_queue creates one', () => {
  let kit: FauxqsKit;

  beforeAll(async () => {
    kit = await startFauxqsKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('reads back what it was given, the same six times over, with its tags', async () => {
    // Prepare: the attributes and tags the provider sends for terraform/modules/subscriber/queues.tf.
    const dlq = await kit.createQueue('fanout-consumer-dlq', { MessageRetentionPeriod: '1209600', SqsManagedSseEnabled: 'true' });
    const sent = {
      DelaySeconds: '0',
      MaximumMessageSize: '262144',
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '0',
      VisibilityTimeout: '60',
      SqsManagedSseEnabled: 'true',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 }),
    };
    const tags = { Project: 'order-fanout', ManagedBy: 'terraform' };

    // Act
    const { QueueUrl: url = '' } = await kit.sqs.send(new CreateQueueCommand({ QueueName: 'fanout-consumer', Attributes: sent, tags }));
    await kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: dlq.url, Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [dlq.arn] }) } }));
    const reads: Record<string, string>[] = [];
    for (let read = 0; read < 6; read += 1) {
      reads.push((await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ?? {});
    }

    // Assess
    for (const attributes of reads) expect(attributes).toMatchObject(sent);
    expect(new Set(reads.map((attributes) => JSON.stringify(attributes))).size).toBe(1);
    expect((await kit.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags).toEqual(tags);
  });
});
