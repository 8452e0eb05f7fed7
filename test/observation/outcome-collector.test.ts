import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Outcome } from '../../contracts/index.ts';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import { OutcomeCollector } from '../../harness/observation/OutcomeCollector.ts';
import { startLoopbackQueues, type LoopbackQueues } from './support/loopbackQueues.ts';

const region = 'us-east-1';

function outcome(orderId: string, correlationId: string, functionName = 'fanout-order-processor'): Outcome {
  return {
    consumer: functionName.replace('fanout-', ''),
    functionName,
    orderId,
    eventId: `event-of-${orderId}`,
    messageId: `message-${orderId}-${functionName}`,
    receiveCount: 1,
    correlationId,
    result: 'processed',
    processedAt: new Date().toISOString(),
  };
}

describe('OutcomeCollector against fauxqs', () => {
  let queues: LoopbackQueues;
  let sqs: SQSClient;
  let queueUrl: string;
  let collector: OutcomeCollector | undefined;

  beforeAll(async () => {
    queues = await startLoopbackQueues(region);
    ({ sqs } = queues);
  });

  afterEach(async () => {
    await collector?.stop();
    collector = undefined;
  });

  afterAll(async () => {
    await queues.close();
  });

  const freshQueue = (name: string): Promise<string> => queues.freshQueue(name);

  async function approximateMessages(url: string): Promise<number> {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible);
  }

  it('indexes every outcome by order and by correlation id, and empties the queue', async () => {
    // Prepare
    queueUrl = await freshQueue('outcomes-index');
    collector = new OutcomeCollector({ sqs, queueUrl, pollers: 2, waitTimeSeconds: 1 }).start();
    const sent = Array.from({ length: 25 }, (_, i) => outcome(`o-${i % 5}`, `c-${i % 5}`, `fanout-f${i}`));

    // Act
    for (let i = 0; i < sent.length; i += 10) {
      await sqs.send(new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: sent.slice(i, i + 10).map((o, j) => ({ Id: String(j), MessageBody: JSON.stringify(o) })),
      }));
    }
    const all = await collector.until(() => (collector?.all().length === 25 ? collector.all() : undefined), { timeoutMs: 5000 });

    // Assess
    expect(all).toHaveLength(25);
    expect(collector.forOrder('o-3')).toHaveLength(5);
    expect(collector.forCorrelationId('c-3').map((c) => c.outcome.orderId)).toEqual(['o-3', 'o-3', 'o-3', 'o-3', 'o-3']);
    expect(collector.forOrder('o-3')[0]?.sentAt).toBeGreaterThan(0);
    await collector.stop();
    expect(await approximateMessages(queueUrl)).toBe(0);
  });

  it('wakes a waiter when the awaited outcome arrives, not at its deadline', async () => {
    queueUrl = await freshQueue('outcomes-wake');
    collector = new OutcomeCollector({ sqs, queueUrl, waitTimeSeconds: 1 }).start();
    const started = performance.now();

    const waiting = collector.until(() => collector?.forOrder('o-late')[0], { timeoutMs: 10_000 });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(outcome('o-late', 'c-late')) }));
    const found = await waiting;

    expect(found?.outcome.correlationId).toBe('c-late');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('resolves undefined at the deadline and keeps what is not an outcome aside', async () => {
    queueUrl = await freshQueue('outcomes-malformed');
    collector = new OutcomeCollector({ sqs, queueUrl, waitTimeSeconds: 1 }).start();

    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"consumer":"x"}' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'not json' }));
    const malformed = await collector.until(() => (collector?.malformed().length === 2 ? collector.malformed() : undefined), { timeoutMs: 5000 });
    const missing = await collector.until(() => collector?.forOrder('o-never')[0], { timeoutMs: 150 });

    expect(malformed?.map((m) => m.reason)).toEqual([expect.stringContaining('functionName'), expect.stringContaining('not JSON')]);
    expect(missing).toBeUndefined();
    expect(collector.all()).toHaveLength(0);
  });

  it('indexes a message whose delete failed once, and counts the failed delete', async () => {
    // Prepare: a client on which SQS answers the first DeleteMessageBatch with every entry Failed, so
    // the message stays and comes back, with the same message id, once its 1 s visibility timeout ends.
    const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'outcomes-failed-delete', Attributes: { VisibilityTimeout: '1' } }));
    queueUrl = QueueUrl;
    const failingOnce = createSqsClient({ region, endpoint: queues.fauxqs.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    let failed = false;
    failingOnce.middlewareStack.add(
      (next, context) => async (args) => {
        const { Entries = [] } = args.input as { Entries?: Array<{ Id?: string }> };
        if (context.commandName !== 'DeleteMessageBatchCommand' || failed) return next(args);
        failed = true;
        const output = { Successful: [], Failed: Entries.map((entry) => ({ Id: entry.Id, Code: 'InternalError', SenderFault: false, Message: 'injected' })), $metadata: {} };
        return { output, response: {} } as Awaited<ReturnType<typeof next>>;
      },
      { step: 'initialize', name: 'failFirstDelete' },
    );
    const errors: unknown[] = [];
    collector = new OutcomeCollector({ sqs: failingOnce, queueUrl, waitTimeSeconds: 1, onError: (error) => errors.push(error) }).start();

    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(outcome('o-once', 'c-once')) }));
    const health = await collector.until(() => (collector?.health().redelivered === 1 ? collector.health() : undefined), { timeoutMs: 8000 });
    await collector.stop();
    failingOnce.destroy();

    // Assess
    expect(health).toEqual({ failedDeletes: 1, redelivered: 1 });
    expect(collector.forOrder('o-once')).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ name: 'DeleteFailedError', message: expect.stringContaining('failed for 1 message(s)') })]);
    expect(await approximateMessages(queueUrl)).toBe(0);
  }, 15_000);

  it('stops promptly, leaving its long poll to run out instead of aborting it', async () => {
    queueUrl = await freshQueue('outcomes-stop');
    const running = new OutcomeCollector({ sqs, queueUrl, waitTimeSeconds: 20 }).start();
    const started = performance.now();

    await running.stop();

    expect(performance.now() - started).toBeLessThan(2000);
  });
});
