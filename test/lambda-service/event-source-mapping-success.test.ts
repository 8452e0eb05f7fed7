import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { SqsSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import { POLLER_PATHS, startSqsTestKit, type Queue, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

describe.each(POLLER_PATHS)('an SQS event source mapping delivering to a function that succeeds, polled through $path', ({ inProcess }) => {
  let kit: SqsTestKit;
  let queue: Queue;
  let uuid: string;

  beforeAll(async () => {
    kit = await startSqsTestKit({ inProcess });
    queue = await kit.createQueue('orders-success');
    await kit.deploy('recorder', 'recorder');
    const created = await kit.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'recorder', EventSourceArn: queue.arn, BatchSize: 10 }),
    );
    uuid = created.UUID ?? '';
    expect(created).toMatchObject({
      State: 'Creating',
      StateTransitionReason: 'USER_INITIATED',
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      EventSourceArn: queue.arn,
      FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:recorder',
      FunctionResponseTypes: [],
    });
    expect(created.LastModified).toBeInstanceOf(Date);
    await waitFor('the mapping to be Enabled', async () => {
      const mapping = await kit.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      return mapping.State === 'Enabled';
    });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('invokes the function with records in the exact AWS SQS shape, then deletes the batch', async () => {
    // Act
    const sent = await kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: JSON.stringify({ orderId: 'o-42' }),
        MessageAttributes: {
          correlationId: { DataType: 'String', StringValue: 'c-1' },
          attempt: { DataType: 'Number', StringValue: '1' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from('bytes') },
        },
      }),
    );

    // Assess
    const [event] = await waitFor('the function to receive the message', () => {
      const events = kit.recordedEvents('recorder');
      return events.length > 0 ? events : undefined;
    });
    const parsed = SqsSchema.parse(event);
    const [record] = parsed.Records;
    expect(parsed.Records).toHaveLength(1);
    expect(record).toMatchObject({
      messageId: sent.MessageId,
      body: '{"orderId":"o-42"}',
      md5OfBody: sent.MD5OfMessageBody,
      md5OfMessageAttributes: sent.MD5OfMessageAttributes,
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1', SenderId: expect.any(String) },
      messageAttributes: {
        correlationId: { stringValue: 'c-1', stringListValues: [], binaryListValues: [], dataType: 'String' },
        attempt: { stringValue: '1', stringListValues: [], binaryListValues: [], dataType: 'Number' },
        blob: { binaryValue: Buffer.from('bytes').toString('base64'), stringListValues: [], binaryListValues: [], dataType: 'Binary' },
      },
    });
    expect(record?.attributes.SentTimestamp).toMatch(/^\d{13}$/);
    expect(record?.attributes.ApproximateFirstReceiveTimestamp).toMatch(/^\d{13}$/);
    await waitFor('the batch to be deleted from the queue', async () => (await kit.countMessages(queue)) === 0);
  });

  it('lists the mapping by function and by queue, and reports updates and deletion like Lambda', async () => {
    const byFunction = await kit.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'recorder' }));
    const byQueue = await kit.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: queue.arn }));
    const byOtherQueue = await kit.lambda.send(
      new ListEventSourceMappingsCommand({ EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:nothing' }),
    );
    const updated = await kit.lambda.send(
      new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 5, ScalingConfig: { MaximumConcurrency: 2 } }),
    );
    const deleted = await kit.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));

    expect(byFunction.EventSourceMappings?.map((mapping) => mapping.UUID)).toEqual([uuid]);
    expect(byQueue.EventSourceMappings?.map((mapping) => mapping.UUID)).toEqual([uuid]);
    expect(byOtherQueue.EventSourceMappings).toEqual([]);
    expect(updated).toMatchObject({ State: 'Updating', BatchSize: 5, ScalingConfig: { MaximumConcurrency: 2 } });
    expect(deleted.State).toBe('Deleting');
    // Deleting a while (see mapping-lifecycle.test.ts), then gone.
    const gone = await waitFor('the deleted mapping to be gone', () =>
      kit.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid })).then(
        () => false,
        (error: unknown) => error,
      ),
    );
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
