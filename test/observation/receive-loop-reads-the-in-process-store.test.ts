import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { EMULATOR_CREDENTIALS } from '../../harness/aws/emulator.ts';
import { startLoopbackFauxqs, type LoopbackFauxqs } from '../../harness/embedded/startLoopbackFauxqs.ts';
import type { InProcessSqs } from '../../harness/lambda-service/types.ts';
import { ReceiveLoop, ReceiveMode } from '../../harness/observation/ReceiveLoop.ts';
import { Waiters } from '../../harness/observation/Waiters.ts';

const region = 'us-east-1';

/**
 * On the embedded stack the harness's own queues (outcomes, dead letters) are read from fauxqs's store in
 * this process, not over HTTP to itself: the same messages with the same attributes as ReceiveMessage gives
 * (its StoreQueueSource is the one the Lambda pollers use, held to the SQS API's answers in
 * test/lambda-service/store-queue-source-gives-the-records-the-sqs-api-gives.test.ts).
 */
describe('ReceiveLoop on the in-process store', () => {
  let fauxqs: LoopbackFauxqs;
  let sqs: SQSClient;
  let store: InProcessSqs;
  /** ReceiveMessage calls that went over HTTP, by queue URL. */
  const httpReceives = new Map<string, number>();

  beforeAll(async () => {
    fauxqs = await startLoopbackFauxqs({ region });
    store = { store: fauxqs.sqs.store, ...(fauxqs.sqs.deadLetters ? { deadLetters: fauxqs.sqs.deadLetters } : {}) };
    sqs = createSqsClient({ region, endpoint: fauxqs.url, credentials: { ...EMULATOR_CREDENTIALS } });
    sqs.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ReceiveMessageCommand') {
          const url = String((args.input as { QueueUrl?: string }).QueueUrl);
          httpReceives.set(url, (httpReceives.get(url) ?? 0) + 1);
        }
        return next(args);
      },
      { step: 'initialize', name: 'countReceives' },
    );
  });

  afterAll(async () => {
    sqs.destroy();
    await fauxqs.close();
  });

  async function freshQueue(name: string, attributes: Record<string, string> = {}): Promise<string> {
    const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    return QueueUrl;
  }

  async function queueCounts(url: string): Promise<{ visible: number; inFlight: number }> {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    return { visible: Number(Attributes?.ApproximateNumberOfMessages), inFlight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible) };
  }

  function collect(): { messages: Message[]; onMessage: (message: Message) => void; until: (count: number, timeoutMs: number) => Promise<Message[] | undefined> } {
    const messages: Message[] = [];
    const waiters = new Waiters();
    return {
      messages,
      onMessage: (message) => {
        messages.push(message);
        waiters.notify();
      },
      until: (count, timeoutMs) => waiters.until(() => (messages.length >= count ? messages : undefined), { timeoutMs }),
    };
  }

  it('drains from the store: every message with its attributes, deleted, and no ReceiveMessage over HTTP', async () => {
    // Prepare
    const queueUrl = await freshQueue('store-drain');
    const seen = collect();
    const loop = new ReceiveLoop({ sqs, store, queueUrl, pollers: 2, waitTimeSeconds: 1, onMessage: seen.onMessage }).start();

    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'a', MessageAttributes: { correlationId: { DataType: 'String', StringValue: 'run-1' } } }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'b' }));
    const messages = await seen.until(2, 5000);
    await loop.settled();

    // Assess
    expect(messages?.map((m) => m.Body).toSorted()).toEqual(['a', 'b']);
    const a = messages?.find((m) => m.Body === 'a');
    expect(a?.MessageAttributes).toEqual({ correlationId: { DataType: 'String', StringValue: 'run-1' } });
    expect(a?.Attributes).toMatchObject({ ApproximateReceiveCount: '1', SentTimestamp: expect.stringMatching(/^\d+$/) });
    expect(loop.stats).toMatchObject({ received: 2, failedDeletes: 0 });
    expect(httpReceives.get(queueUrl) ?? 0).toBe(0);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('leaves a message whose handler threw in flight, as the SQS API path does, and reports the throw', async () => {
    // Prepare
    const queueUrl = await freshQueue('store-drain-throws', { VisibilityTimeout: '30' });
    const errors: unknown[] = [];
    const handled = collect();
    const loop = new ReceiveLoop({
      sqs,
      store,
      queueUrl,
      waitTimeSeconds: 1,
      onMessage: (message) => {
        handled.onMessage(message);
        throw new Error('not mine');
      },
      onError: (error) => errors.push(error),
    }).start();

    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'refused' }));
    await handled.until(1, 5000);
    await loop.settled();

    // Assess
    expect(errors).toEqual([expect.objectContaining({ message: 'not mine' })]);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 1 });
  });

  it('peeks at the store: sees the message again and again and leaves it visible for another reader', async () => {
    // Prepare
    const queueUrl = await freshQueue('store-peek', { VisibilityTimeout: '30' });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'stays' }));
    const seen = collect();
    const loop = new ReceiveLoop({ sqs, store, queueUrl, mode: ReceiveMode.peek, waitTimeSeconds: 1, peekIntervalMs: 50, onMessage: seen.onMessage }).start();

    // Act
    const messages = await seen.until(3, 5000);
    await loop.settled();
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }));

    // Assess
    expect(messages?.slice(0, 3).map((m) => m.Body)).toEqual(['stays', 'stays', 'stays']);
    expect(Messages.map((m) => m.Body)).toEqual(['stays']);
  });

  it('stops at once, in the middle of a long wait, leaving nothing in flight for the next reader', async () => {
    // Prepare: a loop waiting 20 s on an empty queue
    const queueUrl = await freshQueue('store-stop', { VisibilityTimeout: '30' });
    const first = collect();
    const loop = new ReceiveLoop({ sqs, store, queueUrl, waitTimeSeconds: 20, onMessage: first.onMessage }).start();
    const deadline = performance.now() + 5000;
    while ((store.store.getQueueByName('store-stop')?.pollWaiters.length ?? 0) === 0 && performance.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const started = performance.now();

    // Act
    await loop.settled();
    const settledInMs = performance.now() - started;
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'for the next reader' }));
    const next = collect();
    const nextLoop = new ReceiveLoop({ sqs, store, queueUrl, waitTimeSeconds: 1, onMessage: next.onMessage }).start();
    const messages = await next.until(1, 5000);
    await nextLoop.settled();

    // Assess: settled well inside the 20 s wait; the stopped loop took nothing, the next one got it.
    expect(settledInMs).toBeLessThan(2000);
    expect(first.messages).toEqual([]);
    expect(messages?.map((m) => m.Body)).toEqual(['for the next reader']);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('reads a queue the store does not hold through the SQS API', async () => {
    // Prepare: a store of another fauxqs, which has no such queue
    const other = await startLoopbackFauxqs({ region });
    try {
      const queueUrl = await freshQueue('store-elsewhere');
      const seen = collect();
      const loop = new ReceiveLoop({ sqs, store: { store: other.sqs.store }, queueUrl, waitTimeSeconds: 1, onMessage: seen.onMessage }).start();

      // Act
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'over http' }));
      const messages = await seen.until(1, 5000);
      await loop.settled();

      // Assess
      expect(messages?.map((m) => m.Body)).toEqual(['over http']);
      expect(httpReceives.get(queueUrl) ?? 0).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});
