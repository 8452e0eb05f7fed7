import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Outcome } from '../../contracts/index.ts';
import { DeadLetterCollector, DeadLetterReading } from '../../harness/observation/DeadLetterCollector.ts';
import { OutcomeCollector } from '../../harness/observation/OutcomeCollector.ts';
import { Waiters } from '../../harness/observation/Waiters.ts';
import { waitFor } from '../lambda-service/helpers/waitFor.ts';
import { startLoopbackQueues, type LoopbackQueues } from './support/loopbackQueues.ts';

const region = 'us-east-1';

describe('DeadLetterCollector against fauxqs', () => {
  let queues: LoopbackQueues;
  let sqs: SQSClient;
  /** The receives per queue (counted by the client), so a test can wait for the collector's next peeks instead of sleeping. */
  let receives: Map<string, number>;

  beforeAll(async () => {
    queues = await startLoopbackQueues(region);
    ({ sqs, receives } = queues);
  });

  afterAll(async () => {
    await queues.close();
  });

  const freshQueue = (name: string): Promise<string> => queues.freshQueue(name);

  async function deadLetter(dlqUrl: string, orderId: string, correlationId: string): Promise<void> {
    await sqs.send(new SendMessageCommand({
      QueueUrl: dlqUrl,
      MessageBody: JSON.stringify({ orderId, eventId: `e-${orderId}` }),
      MessageAttributes: { correlationId: { DataType: 'String', StringValue: correlationId } },
    }));
  }

  async function visibleMessages(url: string): Promise<number> {
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
    return Number(Attributes?.ApproximateNumberOfMessages);
  }

  /** The order ids another reader receiving from the queue right now gets (without hiding them). */
  async function receivableOrderIds(url: string): Promise<string[]> {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 1 }));
    return Messages.map((m) => (JSON.parse(m.Body ?? '{}') as { orderId?: string }).orderId ?? '').sort();
  }

  it('drains each DLQ into an index by order and by consumer', async () => {
    const dlqUrl = await freshQueue('drained-dlq');
    const collector = new DeadLetterCollector({ sqs, reading: DeadLetterReading.drain, waitTimeSeconds: 1, queues: [{ functionName: 'fanout-order-processor', dlqUrl }] }).start();
    try {
      await deadLetter(dlqUrl, 'o-dead', 'c-dead');

      const letter = await collector.until(() => collector.forOrder('o-dead')[0], { timeoutMs: 5000 });

      expect(letter).toMatchObject({ functionName: 'fanout-order-processor', orderId: 'o-dead', eventId: 'e-o-dead', correlationId: 'c-dead', receiveCount: 1 });
      expect(collector.forConsumer('fanout-order-processor')).toHaveLength(1);
    } finally {
      await collector.stop();
    }
    expect(await visibleMessages(dlqUrl)).toBe(0);
  });

  it('when peeking, leaves every message on the DLQ, indexes each of the run once and only counts the others', async () => {
    // Prepare: a dead letter that is not the run's was there before the run started.
    const dlqUrl = await freshQueue('peeked-dlq');
    await deadLetter(dlqUrl, 'o-real', 'checkout-7d1c');
    const collector = new DeadLetterCollector({
      sqs,
      reading: DeadLetterReading.peek,
      correlationIdPrefix: 'spec-run1-',
      peekIntervalMs: 50,
      waitTimeSeconds: 1,
      queues: [{ functionName: 'fanout-order-processor', dlqUrl }],
    }).start();
    try {
      // Act
      await deadLetter(dlqUrl, 'o-mine', 'spec-run1-poison-1');
      await deadLetter(dlqUrl, 'o-earlier-run', 'spec-run0-poison-1');
      const counted = await collector.until(() => (collector.othersOn('fanout-order-processor') === 2 && collector.all().length === 1 ? true : undefined), { timeoutMs: 5000 });
      // Several more peeks return the same three messages.
      const peeksSoFar = receives.get(dlqUrl) ?? 0;
      await waitFor('three more peeks of the DLQ', () => (receives.get(dlqUrl) ?? 0) >= peeksSoFar + 3, { timeoutMs: 5000 });

      // Assess
      expect(counted).toBe(true);
      expect(collector.all().map((l) => l.orderId)).toEqual(['o-mine']);
      expect(collector.othersOn('fanout-order-processor')).toBe(2);
    } finally {
      await collector.stop();
    }
    // Nothing was deleted or hidden: another reader still gets all three.
    expect(await receivableOrderIds(dlqUrl)).toEqual(['o-earlier-run', 'o-mine', 'o-real']);
  }, 15_000);

  it('wakes a waiter on the outcome collector when a dead letter arrives, given shared waiters', async () => {
    const dlqUrl = await freshQueue('shared-waiters-dlq');
    const outcomesUrl = await freshQueue('shared-waiters-outcomes');
    const waiters = new Waiters();
    const outcomes = new OutcomeCollector({ sqs, queueUrl: outcomesUrl, waitTimeSeconds: 1, waiters }).start();
    const letters = new DeadLetterCollector({ sqs, reading: DeadLetterReading.drain, waitTimeSeconds: 1, waiters, queues: [{ functionName: 'fanout-order-processor', dlqUrl }] }).start();
    try {
      const processed: Outcome = {
        consumer: 'order-processor', functionName: 'fanout-order-processor', orderId: 'o-1', eventId: 'e-1', messageId: 'm-1',
        receiveCount: 1, correlationId: 'c-1', result: 'processed', processedAt: new Date().toISOString(),
      };
      await sqs.send(new SendMessageCommand({ QueueUrl: outcomesUrl, MessageBody: JSON.stringify(processed) }));
      await outcomes.until(() => outcomes.forOrder('o-1')[0], { timeoutMs: 5000 });
      const started = performance.now();

      // The condition reads both collectors; the dead letter arrives last.
      const both = outcomes.until(() => (outcomes.forOrder('o-1').length > 0 && letters.forOrder('o-2').length > 0 ? true : undefined), { timeoutMs: 20_000 });
      await deadLetter(dlqUrl, 'o-2', 'c-2');

      expect(await both).toBe(true);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await Promise.all([outcomes.stop(), letters.stop()]);
    }
  }, 15_000);
});
