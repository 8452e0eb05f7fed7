import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { OrderMessageAttribute, type Outcome } from '../../contracts/index.ts';
import { reportLine, startLine } from '../../contracts/lambdaPlatformLines.ts';
import type { LambdaLogEvent, StackInfo } from '../../harness/backends/types.ts';
import type { LoopbackFauxqs } from '../../harness/embedded/startLoopbackFauxqs.ts';
import { DeadLetterReading } from '../../harness/observation/DeadLetterCollector.ts';
import type { CollectedOutcome } from '../../harness/observation/OutcomeCollector.ts';
import { startObservation } from '../../harness/observation/StackObserver.ts';
import { startLoopbackQueues, type LoopbackQueues } from './support/loopbackQueues.ts';

const region = 'us-east-1';
const FUNCTION = 'fanout-order-processor';

describe('startObservation', () => {
  let queues: LoopbackQueues;
  let fauxqs: LoopbackFauxqs;
  let sqs: SQSClient;

  beforeAll(async () => {
    queues = await startLoopbackQueues(region);
    ({ fauxqs, sqs } = queues);
  });

  afterAll(async () => {
    await queues.close();
  });

  const freshQueue = (name: string): Promise<string> => queues.freshQueue(name);

  /** The part of a stack the observer reads: the outcomes queue and the function logs. */
  function stackOf(outcomesQueueUrl: string, logs: Record<string, LambdaLogEvent[]>): { info: StackInfo; readLambdaLogEvents: (name: string) => Promise<LambdaLogEvent[]> } {
    const info: StackInfo = { backend: 'embedded', apiUrl: '', docsUrl: '', region, endpoints: {}, topicArn: '', outcomesQueueUrl };
    return { info, readLambdaLogEvents: (name) => Promise.resolve(logs[name] ?? []) };
  }

  const processed = (orderId: string): Outcome => ({
    consumer: 'order-processor', functionName: FUNCTION, orderId, eventId: `e-${orderId}`, messageId: `m-${orderId}`,
    receiveCount: 1, correlationId: `run-1-${orderId}`, result: 'processed', processedAt: new Date().toISOString(),
  });

  it('collects outcomes and the run\'s dead letters from a stack, and one wait wakes on either', async () => {
    // Prepare
    const outcomesUrl = await freshQueue('observer-outcomes');
    const dlqUrl = await freshQueue('observer-dlq');
    const tallied: Array<{ collected: CollectedOutcome; arrivedAt: number }> = [];
    await using observer = startObservation(stackOf(outcomesUrl, {}), { sqs }, {
      consumers: [{ functionName: FUNCTION, dlqUrl }, { functionName: 'fanout-no-dlq', dlqUrl: null }],
      deadLetterReading: DeadLetterReading.drain,
      correlationIdPrefix: 'run-1-',
      waitTimeSeconds: 1,
      onOutcome: (collected, arrivedAt) => tallied.push({ collected, arrivedAt }),
    });
    const both = observer.until(
      () => (observer.outcomes.forOrder('o-1').length > 0 && observer.deadLetters.forOrder('o-2').length > 0 ? true : undefined),
      { timeoutMs: 10_000 },
    );

    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: outcomesUrl, MessageBody: JSON.stringify(processed('o-1')) }));
    await sqs.send(new SendMessageCommand({
      QueueUrl: dlqUrl,
      MessageBody: JSON.stringify({ orderId: 'o-2', eventId: 'e-2' }),
      MessageAttributes: { [OrderMessageAttribute.correlationId]: { DataType: 'String', StringValue: 'run-1-o-2' } },
    }));

    // Assess
    expect(await both).toBe(true);
    expect(observer.deadLetters.forConsumer(FUNCTION).map((l) => l.orderId)).toEqual(['o-2']);
    expect(tallied.map(({ collected }) => collected.outcome.orderId)).toEqual(['o-1']);
    expect(tallied[0]?.arrivedAt).toBeLessThanOrEqual(performance.now());
    expect(observer.pollErrors).toEqual([]);
  });

  it('reads the queues of a stack in this process (the embedded one) from its store, with no ReceiveMessage over HTTP', async () => {
    // Prepare (the client counts its ReceiveMessage calls per queue)
    const outcomesUrl = await freshQueue('observer-store-outcomes');
    const dlqUrl = await freshQueue('observer-store-dlq');
    const stack = { ...stackOf(outcomesUrl, {}), inProcessSqs: { store: fauxqs.sqs.store } };
    {
      await using observer = startObservation(stack, { sqs }, {
        consumers: [{ functionName: FUNCTION, dlqUrl }],
        deadLetterReading: DeadLetterReading.drain,
        correlationIdPrefix: 'run-1-',
        waitTimeSeconds: 1,
      });
      const both = observer.until(
        () => (observer.outcomes.forOrder('o-3').length > 0 && observer.deadLetters.forOrder('o-4').length > 0 ? true : undefined),
        { timeoutMs: 10_000 },
      );

      // Act
      await sqs.send(new SendMessageCommand({ QueueUrl: outcomesUrl, MessageBody: JSON.stringify(processed('o-3')) }));
      await sqs.send(new SendMessageCommand({
        QueueUrl: dlqUrl,
        MessageBody: JSON.stringify({ orderId: 'o-4', eventId: 'e-4' }),
        MessageAttributes: { [OrderMessageAttribute.correlationId]: { DataType: 'String', StringValue: 'run-1-o-4' } },
      }));

      // Assess
      expect(await both).toBe(true);
      expect(observer.pollErrors).toEqual([]);
      expect(queues.receives.get(outcomesUrl) ?? 0).toBe(0);
      expect(queues.receives.get(dlqUrl) ?? 0).toBe(0);
    }
  });

  it('gives a function\'s logs as records and as invocations, each line read once', async () => {
    // Prepare
    const stream = '2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef';
    const logs = {
      [FUNCTION]: [
        { timestamp: 10, message: startLine('r-1'), logStreamName: stream },
        { timestamp: 11, message: '{"level":"INFO","function_request_id":"r-1","messageId":"m-1","orderId":"o-1"}', logStreamName: stream },
        { timestamp: 12, message: reportLine({ requestId: 'r-1', durationMs: 2, memorySizeMb: 128, maxMemoryUsedMb: 60 }), logStreamName: stream },
      ],
    };
    await using observer = startObservation(stackOf(await freshQueue('observer-logs'), logs), { sqs }, { waitTimeSeconds: 1 });

    // Act
    const records = await observer.logRecords(FUNCTION);
    const [invocation] = await observer.invocations(FUNCTION);

    // Assess
    expect(records.map((r) => [r.requestId, r.logStream, r.level, r.platform?.kind ?? null])).toEqual([
      ['r-1', stream, null, 'start'],
      ['r-1', stream, 'INFO', null],
      ['r-1', stream, null, 'report'],
    ]);
    expect(invocation).toMatchObject({ requestId: 'r-1', startedAt: 10, endedAt: 12, report: { durationMs: 2 }, messageIds: new Set(['m-1']) });
    expect(await observer.logRecords('fanout-never-ran')).toEqual([]);
  });

  it('stops at once when disposed, with its long polls in flight', async () => {
    const started = performance.now();
    {
      await using observer = startObservation(stackOf(await freshQueue('observer-stop'), {}), { sqs }, { waitTimeSeconds: 20 });
      expect(observer.outcomes.all()).toEqual([]);
    }

    expect(performance.now() - started).toBeLessThan(2000);
  });
});
