import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { buildApp } from 'fauxqs';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { createFauxqsStores, type FauxqsStores } from '../../harness/embedded/fauxqs-additions/index.ts';
import type { InProcessSqs } from '../../harness/lambda-service/types.ts';
import { ReceiveLoop, ReceiveMode } from '../../harness/observation/ReceiveLoop.ts';
import { Waiters } from '../../harness/observation/Waiters.ts';
import { countReceives } from './support/loopbackQueues.ts';

const region = 'us-east-1';

describe('ReceiveLoop against fauxqs', () => {
  // fauxqs's own app with its stores in reach, so a test can wait until a long poll is parked in fauxqs.
  let stores: FauxqsStores;
  let app: ReturnType<typeof buildApp>;
  let sqs: SQSClient;
  /** ReceiveMessage calls that went over HTTP, by queue URL. */
  let httpReceives: Map<string, number>;

  beforeAll(async () => {
    stores = await createFauxqsStores();
    stores.sqsStore.host = '';
    app = buildApp({ logger: false, stores, defaultRegion: region });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    sqs = createSqsClient({ region, endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    httpReceives = countReceives(sqs);
  });

  afterAll(async () => {
    sqs.destroy();
    await app.close();
  });

  /** Resolves once a long poll is parked in fauxqs, waiting on the queue; throws after 5 s. */
  async function longPollParked(queueUrl: string): Promise<void> {
    const deadline = performance.now() + 5000;
    while ((stores.sqsStore.getQueue(queueUrl)?.pollWaiters.length ?? 0) === 0) {
      if (performance.now() > deadline) throw new Error(`no long poll reached ${queueUrl} within 5 s`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

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

  /** Collects what a loop hands over, waking waits on each message. */
  function collect(): { bodies: string[]; onMessage: (message: Message, receivedAt: number) => void; until: (count: number, timeoutMs: number) => Promise<string[] | undefined> } {
    const bodies: string[] = [];
    const waiters = new Waiters();
    return {
      bodies,
      onMessage: (message) => {
        bodies.push(message.Body ?? '');
        waiters.notify();
      },
      until: (count, timeoutMs) => waiters.until(() => (bodies.length >= count ? bodies : undefined), { timeoutMs }),
    };
  }

  // The embedded stack's own queues are read from fauxqs's store in this process (Stack.inProcessSqs), the
  // others' through the SQS API: both hand over the same messages and leave the queue the same way.
  describe.each([
    { path: 'the SQS API', inProcess: false },
    { path: "fauxqs's store in this process", inProcess: true },
  ])('reading through $path', ({ inProcess }) => {
    const suffix = inProcess ? '-store' : '';
    const through = (): { store?: InProcessSqs } => (inProcess ? { store: { store: stores.sqsStore } } : {});

    it('drains: hands over every message with the time its batch arrived, and deletes it', async () => {
      // Prepare
      const queueUrl = await freshQueue(`loop-drain${suffix}`);
      const seen = collect();
      const times: number[] = [];
      const loop = new ReceiveLoop({
        sqs,
        ...through(),
        queueUrl,
        pollers: 2,
        waitTimeSeconds: 1,
        onMessage: (message, receivedAt) => {
          times.push(receivedAt);
          seen.onMessage(message, receivedAt);
        },
      }).start();
      const before = performance.now();

      // Act
      for (const body of ['a', 'b', 'c']) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
      const bodies = await seen.until(3, 5000);
      await loop.settled();

      // Assess
      expect(bodies?.toSorted()).toEqual(['a', 'b', 'c']);
      expect(times.every((at) => at >= before && at <= performance.now())).toBe(true);
      expect(loop.stats).toMatchObject({ received: 3, failedDeletes: 0 });
      expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
      expect((httpReceives.get(queueUrl) ?? 0) > 0).toBe(inProcess === false);
    });

    it('drains: leaves a message whose handler threw on the queue, and reports the throw', async () => {
      // Prepare
      const queueUrl = await freshQueue(`loop-drain-throws${suffix}`, { VisibilityTimeout: '30' });
      const errors: unknown[] = [];
      const handled = collect();
      const loop = new ReceiveLoop({
        sqs,
        ...through(),
        queueUrl,
        waitTimeSeconds: 1,
        onMessage: (message, receivedAt) => {
          handled.onMessage(message, receivedAt);
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

    it('peeks: sees the messages again and again and takes nothing off the queue', async () => {
      // Prepare
      const queueUrl = await freshQueue(`loop-peek${suffix}`);
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'stays' }));
      const seen = collect();
      const loop = new ReceiveLoop({ sqs, ...through(), queueUrl, mode: ReceiveMode.peek, waitTimeSeconds: 1, peekIntervalMs: 50, onMessage: seen.onMessage }).start();

      // Act
      const bodies = await seen.until(3, 5000);
      await loop.settled();

      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }));

      // Assess: the same message, peek after peek, and still there for another reader.
      expect(bodies?.slice(0, 3)).toEqual(['stays', 'stays', 'stays']);
      expect(Messages.map((m) => m.Body)).toEqual(['stays']);
    });
  });

  it('(the quirk) fauxqs keeps the waiter of an aborted long poll, which swallows the next message', async () => {
    // Prepare: a long poll, aborted by the client while fauxqs waits for a message.
    const queueUrl = await freshQueue('quirk-aborted-poll', { VisibilityTimeout: '30' });
    const abort = new AbortController();
    const aborted = sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20 }), { abortSignal: abort.signal });
    await longPollParked(queueUrl);
    abort.abort();
    await expect(aborted).rejects.toThrow();

    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'swallowed' }));
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }));

    // Assess: nobody got it, yet it is in flight, for the visibility timeout, to a connection that is gone.
    expect(Messages).toEqual([]);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 1 });
  });

  it('stops at once without aborting its long poll, and what that poll brings stays for the next reader', async () => {
    // Prepare
    const queueUrl = await freshQueue('loop-stop', { VisibilityTimeout: '30' });
    const first = collect();
    const loop = new ReceiveLoop({ sqs, queueUrl, waitTimeSeconds: 20, onMessage: first.onMessage }).start();
    await longPollParked(queueUrl);
    const started = performance.now();

    // Act
    await loop.stop();
    const stoppedInMs = performance.now() - started;
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'for the next reader' }));
    await loop.settled();
    const next = collect();
    const nextLoop = new ReceiveLoop({ sqs, queueUrl, waitTimeSeconds: 1, onMessage: next.onMessage }).start();
    const bodies = await next.until(1, 5000);
    await nextLoop.settled();

    // Assess: the old loop's poll took the message but handed it back at once (not after 30 s), unhandled.
    expect(stoppedInMs).toBeLessThan(2000);
    expect(first.bodies).toEqual([]);
    expect(bodies).toEqual(['for the next reader']);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('on the store, stops at once in the middle of a long wait, leaving nothing in flight for the next reader', async () => {
    // Prepare: a loop waiting 20 s on an empty queue of the store
    const queueUrl = await freshQueue('store-stop', { VisibilityTimeout: '30' });
    const store: InProcessSqs = { store: stores.sqsStore };
    const first = collect();
    const loop = new ReceiveLoop({ sqs, store, queueUrl, waitTimeSeconds: 20, onMessage: first.onMessage }).start();
    await longPollParked(queueUrl);
    const started = performance.now();

    // Act
    await loop.settled();
    const settledInMs = performance.now() - started;
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'for the next reader' }));
    const next = collect();
    const nextLoop = new ReceiveLoop({ sqs, store, queueUrl, waitTimeSeconds: 1, onMessage: next.onMessage }).start();
    const bodies = await next.until(1, 5000);
    await nextLoop.settled();

    // Assess: settled well inside the 20 s wait (nothing left to run out, unlike over HTTP); the next loop got it
    expect(settledInMs).toBeLessThan(2000);
    expect(first.bodies).toEqual([]);
    expect(bodies).toEqual(['for the next reader']);
    expect(await queueCounts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('reads a queue the store does not hold through the SQS API', async () => {
    // Prepare: the stores of another fauxqs, which has no such queue
    const other = await createFauxqsStores();
    const queueUrl = await freshQueue('store-elsewhere');
    const seen = collect();
    const loop = new ReceiveLoop({ sqs, store: { store: other.sqsStore }, queueUrl, waitTimeSeconds: 1, onMessage: seen.onMessage }).start();

    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'over http' }));
    const bodies = await seen.until(1, 5000);
    await loop.settled();

    // Assess
    expect(bodies).toEqual(['over http']);
    expect(httpReceives.get(queueUrl) ?? 0).toBeGreaterThan(0);
  });
});
