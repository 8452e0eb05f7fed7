import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PublishCommand } from '@aws-sdk/client-sns';
import { SendMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { buildSqsEvent } from '../../harness/lambda-service/event-sources/buildSqsEvent.ts';
import type { SourceQueue } from '../../harness/lambda-service/event-sources/QueueSource.ts';
import { SdkQueueSource } from '../../harness/lambda-service/event-sources/SdkQueueSource.ts';
import { StoreQueueSource } from '../../harness/lambda-service/event-sources/StoreQueueSource.ts';
import { startFauxqsKit, type FauxqsKit } from '../fauxqs-additions/support/fauxqsKit.ts';

/**
 * The poller of the embedded stack reads fauxqs's store in-process; the function must get the very records it
 * got when the poller used the SQS API: Lambda's record shape ("Using Lambda with Amazon SQS",
 * docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, example standard queue message event; LocalStack's
 * AWS-recorded snapshots tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_sqs.snapshot.json),
 * with every system attribute (ApproximateReceiveCount, SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp,
 * DeadLetterQueueSourceArn), message attributes (binary ones base64), md5OfBody and md5OfMessageAttributes.
 * The same message is read one way, made visible again, and read the other way: the records' bytes differ only
 * in the receipt handle and the receive count.
 */
describe('the store-backed queue source', () => {
  let kit: FauxqsKit;
  let sdk: SdkQueueSource;
  let store: StoreQueueSource;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    kit = await startFauxqsKit();
    sdk = new SdkQueueSource(kit.sqs);
    store = new StoreQueueSource({ store: kit.fauxqs.sqs.store, ...(kit.fauxqs.sqs.deadLetters ? { deadLetters: kit.fauxqs.sqs.deadLetters } : {}) });
  });

  afterAll(async () => {
    await kit.close();
  });

  /** Receives the one message waiting, then makes it visible again through the same source. */
  const receiveOne = async (queue: SourceQueue): Promise<Message> => {
    const [message, ...more] = await queue.receive({ maxMessages: 10, waitSeconds: 1, signal });
    expect(more).toEqual([]);
    if (!message) throw new Error('no message received');
    expect(await queue.changeVisibilityBatch([message.ReceiptHandle ?? ''], 0)).toEqual([]);
    return message;
  };

  /** The record's JSON with the receipt handle and the receive count (which each receive changes) masked. */
  const bytesOf = (record: SQSRecord | undefined): string =>
    JSON.stringify({ ...record, receiptHandle: '<handle>', attributes: { ...record?.attributes, ApproximateReceiveCount: '<count>' } });

  /** Reads the message waiting in `arn` through the SDK then the store, and the store then the SDK. */
  const recordsBothWays = async (arn: string): Promise<SQSRecord[]> => {
    const [sdkQueue, storeQueue] = await Promise.all([sdk.resolve(arn, signal), store.resolve(arn)]);
    const order = [sdkQueue, storeQueue, storeQueue, sdkQueue];
    const records: SQSRecord[] = [];
    for (const queue of order) {
      const [record] = buildSqsEvent([await receiveOne(queue)], arn).Records;
      if (record) records.push(record);
    }
    return records;
  };

  it('gives a message sent with string, number and binary attributes the same record', async () => {
    // Prepare
    const queue = await kit.createQueue('shape-sent');
    const sent = await kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: JSON.stringify({ orderId: 'o-1' }),
        MessageAttributes: {
          correlationId: { DataType: 'String', StringValue: 'c-1' },
          attempt: { DataType: 'Number', StringValue: '1' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2, 250, 255]) },
        },
      }),
    );

    // Act
    const records = await recordsBothWays(queue.arn);

    // Assess
    expect(records.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3', '4']);
    const [first] = records;
    expect(records.map(bytesOf)).toEqual(records.map(() => bytesOf(first)));
    expect(first).toMatchObject({
      messageId: sent.MessageId,
      md5OfBody: sent.MD5OfMessageBody,
      md5OfMessageAttributes: sent.MD5OfMessageAttributes,
      messageAttributes: { blob: { binaryValue: Buffer.from([0, 1, 2, 250, 255]).toString('base64'), dataType: 'Binary' } },
    });
    expect(Object.keys(first?.attributes ?? {})).toEqual(['ApproximateReceiveCount', 'SentTimestamp', 'SenderId', 'ApproximateFirstReceiveTimestamp']);
  });

  it('gives a message SNS delivered raw, with its attributes, the same record', async () => {
    const topicArn = await kit.createTopic('shape-topic');
    const queue = await kit.createQueue('shape-raw');
    await kit.subscribeQueue(topicArn, queue.arn, { RawMessageDelivery: 'true' });
    await kit.sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: 'raw body',
        MessageAttributes: {
          eventType: { DataType: 'String', StringValue: 'OrderPlaced' },
          signature: { DataType: 'Binary', BinaryValue: Buffer.from('signed') },
        },
      }),
    );

    const records = await recordsBothWays(queue.arn);

    const [first] = records;
    expect(records.map(bytesOf)).toEqual(records.map(() => bytesOf(first)));
    expect(first?.messageAttributes).toEqual({
      eventType: { stringValue: 'OrderPlaced', stringListValues: [], binaryListValues: [], dataType: 'String' },
      signature: { binaryValue: Buffer.from('signed').toString('base64'), stringListValues: [], binaryListValues: [], dataType: 'Binary' },
    });
  });

  it('moves a message to the dead-letter queue after maxReceiveCount, which then names its source both ways', async () => {
    // Prepare: maxReceiveCount 2, visible again at once
    const dlq = await kit.createQueue('shape-dlq');
    const source = await kit.createQueue('shape-source', {
      VisibilityTimeout: '0',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
    });
    const sent = await kit.sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'poison' }));
    const storeSource = await store.resolve(source.arn);

    // Act: two receives return it, the third moves it (no message).
    const counts: string[] = [];
    for (let receive = 0; receive < 3; receive += 1) {
      for (const message of await storeSource.receive({ maxMessages: 10, waitSeconds: 0, signal })) {
        counts.push(message.Attributes?.ApproximateReceiveCount ?? '');
      }
    }
    const records = await recordsBothWays(dlq.arn);

    // Assess: the DLQ continues the source's count (3, as SQS does; see the fauxqs additions' dead-letter moves).
    expect(counts).toEqual(['1', '2']);
    expect(records.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['3', '4', '5', '6']);
    const [first] = records;
    expect(first).toMatchObject({ messageId: sent.MessageId, body: 'poison', attributes: { DeadLetterQueueSourceArn: source.arn } });
    expect(records.map(bytesOf)).toEqual(records.map(() => bytesOf(first)));
  });

  it('takes no message with a long poll it aborts: the next receive gets it', async () => {
    // Prepare
    const queue = await kit.createQueue('shape-abort');
    const storeQueue = await store.resolve(queue.arn);
    const abort = new AbortController();
    const pending = storeQueue.receive({ maxMessages: 10, waitSeconds: 5, signal: abort.signal });

    // Act
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'after the abort' }));

    // Assess
    const received = await storeQueue.receive({ maxMessages: 10, waitSeconds: 0, signal });
    expect(received.map((message) => message.Body)).toEqual(['after the abort']);
  });

  it('takes no message when a stop comes between a long poll waking and its dequeue', async () => {
    // Prepare: a long poll parked on an empty queue
    const queue = await kit.createQueue('shape-stop-turn');
    const storeQueue = await store.resolve(queue.arn);
    const stopWaiting = new AbortController();
    const pending = storeQueue.receive({ maxMessages: 10, waitSeconds: 5, signal, stopWaiting: stopWaiting.signal });
    const parked = kit.fauxqs.sqs.store.getQueueByArn(queue.arn);
    for (let turn = 0; (parked?.pollWaiters.length ?? 0) === 0 && turn < 1000; turn += 1) await new Promise((resolve) => setImmediate(resolve));

    // Act: a message wakes it, and the stop lands in the event-loop turn the poll waits before it dequeues
    // fauxqs's own message factory (a static of its store class, which the package does not export), so the
    // enqueue, its waking of the poll and the stop scheduled after it happen in one known order.
    const { createMessage } = kit.fauxqs.sqs.store.constructor as unknown as { createMessage: (body: string) => Parameters<NonNullable<typeof parked>['enqueue']>[0] };
    parked?.enqueue(createMessage('stays for the next reader'));
    setImmediate(() => stopWaiting.abort());
    const received = await pending;

    // Assess
    expect(received).toEqual([]);
    const next = await storeQueue.receive({ maxMessages: 10, waitSeconds: 0, signal });
    expect(next.map((message) => message.Body)).toEqual(['stays for the next reader']);
  });

  it('answers QueueDoesNotExist for a queue that is not there, as the SQS API does', async () => {
    const arn = 'arn:aws:sqs:us-east-1:000000000000:never-created';

    await expect(store.resolve(arn)).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
    await expect(sdk.resolve(arn, signal)).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });
});
