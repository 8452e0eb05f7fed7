import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * A message SQS moves to the dead-letter queue after maxReceiveCount receives keeps its id and its receive
 * count (maxReceiveCount 1: the DLQ's first receive shows ApproximateReceiveCount 2), and carries the
 * `DeadLetterQueueSourceArn` system attribute (LocalStack's AWS-validated snapshot
 * tests/aws/services/sqs/test_sqs.snapshot.json, `TestSqsProvider::test_dead_letter_queue_message_attributes`;
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html).
 * fauxqs 2.4.1 counted the receive that moved the message (maxReceiveCount + 2 on the DLQ) and set no source.
 */
describe('a message moved to a dead-letter queue', () => {
  let kit: FauxqsKit;

  beforeAll(async () => {
    kit = await startFauxqsKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('shows maxReceiveCount + 1 on its first receive there, and the queue it came from', async () => {
    // Prepare
    const dlq = await kit.createQueue('orders-dlq');
    const source = await kit.createQueue('orders', {
      VisibilityTimeout: '0',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }),
    });
    const sent = await kit.sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'poison' }));

    // Act: three receives return it; the fourth moves it.
    const counts: string[] = [];
    for (let receive = 0; receive < 4; receive += 1) {
      const [message] = await kit.receive(source.url, { waitSeconds: 0, systemAttributes: ['All'] });
      if (message) counts.push(message.Attributes?.ApproximateReceiveCount ?? '');
    }
    const [dead] = await kit.receive(dlq.url, { systemAttributes: ['All'] });

    // Assess
    expect(counts).toEqual(['1', '2', '3']);
    expect(dead?.MessageId).toBe(sent.MessageId);
    expect(dead?.Attributes).toMatchObject({ ApproximateReceiveCount: '4', DeadLetterQueueSourceArn: source.arn });
  });

  it('names its source only when the attribute is asked for, and ordinary messages have none', async () => {
    const dlq = await kit.createQueue('payments-dlq');
    const source = await kit.createQueue('payments', { VisibilityTimeout: '0', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }) });
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'poison' }));
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: dlq.url, MessageBody: 'sent-directly' }));
    await kit.receive(source.url, { waitSeconds: 0 });
    await kit.receive(source.url, { waitSeconds: 0 });

    const messages = await kit.receive(dlq.url, { systemAttributes: ['DeadLetterQueueSourceArn', 'ApproximateReceiveCount'] });

    const byBody = Object.fromEntries(messages.map((message) => [message.Body, message.Attributes]));
    expect(byBody.poison).toEqual({ ApproximateReceiveCount: '2', DeadLetterQueueSourceArn: source.arn });
    expect(byBody['sent-directly']).toEqual({ ApproximateReceiveCount: '1' });
  });
});
