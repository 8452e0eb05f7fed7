import { describe, expect, it } from '@jest/globals';
import {
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import type { FunctionInvoker } from '../../harness/lambda-service/environments/FunctionInvoker.ts';
import type { InvocationRequest } from '../../harness/lambda-service/environments/ExecutionEnvironment.ts';
import { EventSourcePoller } from '../../harness/lambda-service/event-sources/EventSourcePoller.ts';
import { SdkQueueSource } from '../../harness/lambda-service/event-sources/SdkQueueSource.ts';
import { LogBook } from '../../harness/lambda-service/logs/LogBook.ts';
import { MappingState, type MappingRecord } from '../../harness/lambda-service/mappings/EventSourceMappingStore.ts';
import { waitFor } from './helpers/waitFor.ts';

const QUEUE_ARN = 'arn:aws:sqs:eu-west-1:000000000000:orders';
const QUEUE_URL = 'http://sqs.local/000000000000/orders';

const mapping: MappingRecord = {
  uuid: 'mapping-1',
  functionName: 'consumer',
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:consumer',
  eventSourceArn: QUEUE_ARN,
  enabled: true,
  batchSize: 10,
  maximumBatchingWindowInSeconds: 1,
  functionResponseTypes: [],
  state: MappingState.Enabled,
  lastModified: new Date(),
  tags: {},
};

const message = (id: string): Message => ({
  MessageId: id,
  ReceiptHandle: `receipt-${id}`,
  Body: `body-${id}`,
  MD5OfBody: 'md5',
  Attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1700000000000', SenderId: 'sender', ApproximateFirstReceiveTimestamp: '1700000000001' },
});

/**
 * An SQS client whose receives answer from a script, then long-poll until
 * aborted; and an invoker that records the events it is given.
 */
function fakes(receives: Array<() => Message[]>) {
  const sent: unknown[] = [];
  const sqs = {
    send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown> {
      sent.push(command);
      if (command instanceof GetQueueUrlCommand) {
        return Promise.resolve({ QueueUrl: QUEUE_URL });
      }
      if (command instanceof DeleteMessageBatchCommand) {
        return Promise.resolve({ Successful: command.input.Entries?.map((entry) => ({ Id: entry.Id })), Failed: [] });
      }
      if (command instanceof ReceiveMessageCommand) {
        const next = receives.shift();
        if (next) {
          return Promise.resolve().then(() => ({ Messages: next() }));
        }
        const { promise, reject } = Promise.withResolvers<unknown>();
        options?.abortSignal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        return promise;
      }
      return Promise.reject(new Error(`unexpected command ${String(command)}`));
    },
  };
  const events: SQSEvent[] = [];
  const invoker = {
    invoke(_functionName: string, request: InvocationRequest): Promise<unknown> {
      events.push(JSON.parse(request.payload.toString('utf8')) as SQSEvent);
      return Promise.resolve({ requestId: request.requestId, payload: Buffer.from('null') });
    },
  };
  return { sqs: sqs as unknown as SQSClient, invoker: invoker as unknown as FunctionInvoker, sent, events };
}

describe('the SQS poller of an event source mapping', () => {
  it('invokes with the messages already received when a receive fails inside the batching window, then deletes them', async () => {
    // Prepare: a first receive brings two messages, the next one (still inside the 1 s window) fails
    const { sqs, invoker, sent, events } = fakes([
      () => [message('m-1'), message('m-2')],
      () => {
        throw new Error('connection reset');
      },
    ]);
    const logBook = new LogBook();

    // Act
    const poller = new EventSourcePoller({ source: new SdkQueueSource(sqs), invoker, logBook, getMapping: () => mapping });
    try {
      const [event] = await waitFor('the function to be invoked', () => (events.length > 0 ? events : undefined));

      // Assess
      expect(event?.Records.map((record) => record.messageId)).toEqual(['m-1', 'm-2']);
      expect(event?.Records[0]).toMatchObject({ eventSourceARN: QUEUE_ARN, awsRegion: 'eu-west-1' });
      const deletion = await waitFor('the batch to be deleted', () =>
        sent.find((command): command is DeleteMessageBatchCommand => command instanceof DeleteMessageBatchCommand),
      );
      expect(deletion.input.Entries?.map((entry) => entry.ReceiptHandle)).toEqual(['receipt-m-1', 'receipt-m-2']);
      expect(logBook.lines('consumer').map((line) => line.message)).toContainEqual(
        `[event source mapping] Receiving from ${QUEUE_ARN} failed: Error: connection reset; invoking with the 2 message(s) received so far`,
      );
    } finally {
      await poller.stop({ abort: true });
    }
    expect(events).toHaveLength(1);
  });

  it('invokes nothing and backs off when a receive fails before any message', async () => {
    const { sqs, invoker, events } = fakes([
      () => {
        throw new Error('queue unreachable');
      },
    ]);
    const logBook = new LogBook();

    const poller = new EventSourcePoller({ source: new SdkQueueSource(sqs), invoker, logBook, getMapping: () => mapping });
    try {
      await waitFor('the failure to be logged', () =>
        logBook.lines('consumer').some((line) => line.message === `[event source mapping] Polling ${QUEUE_ARN} failed: Error: queue unreachable`),
      );
    } finally {
      await poller.stop({ abort: true });
    }
    expect(events).toEqual([]);
  });
});
