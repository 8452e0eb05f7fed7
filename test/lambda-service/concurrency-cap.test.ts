import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutFunctionConcurrencyCommand, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

interface Run {
  pid: number;
  start: number;
  end: number;
}

/** The largest number of runs overlapping in time. */
function maxOverlap(runs: readonly Run[]): number {
  const edges = runs.flatMap((run) => [
    { at: run.start, delta: 1 },
    { at: run.end, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let max = 0;
  for (const edge of edges) {
    current += edge.delta;
    max = Math.max(max, current);
  }
  return max;
}

describe('reserved concurrency', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('capped', 'sleeper');
    await kit.deploy('throttled', 'sleeper', { Timeout: 15 });
    await kit.deploy('closed', 'sleeper');
  });

  afterAll(async () => {
    await kit.close();
  });

  it('never runs more invocations at once than the reserved concurrency; the rest wait their turn', async () => {
    // Prepare
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'capped', ReservedConcurrentExecutions: 2 }));
    await Promise.all([kit.invoke('capped', { ms: 50 }), kit.invoke('capped', { ms: 50 })]); // two warm environments

    // Act
    const results = await Promise.all(Array.from({ length: 6 }, () => kit.invoke('capped', { ms: 100 })));

    // Assess
    const runs = results.map((result) => result.payload as Run);
    expect(results.every((result) => result.functionError === undefined)).toBe(true);
    expect(maxOverlap(runs)).toBe(2);
    expect(new Set(runs.map((run) => run.pid)).size).toBeLessThanOrEqual(2);
  });

  it('throttles a synchronous invocation (429) that cannot get a slot within a second', async () => {
    // Prepare: the only slot, warm, then busy for 5 s (far longer than the 1 s a waiting invocation gets)
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'throttled', ReservedConcurrentExecutions: 1 }));
    const warm = await kit.invoke('throttled', { ms: 0 });
    const busy = kit.invoke('throttled', { ms: 5000 });
    const busyStart = await waitFor('the busy invocation to start (it holds the slot)', () =>
      kit.service.logs('throttled').find((line) => line.message.startsWith('START') && line.requestId !== warm.requestId),
    );

    // Act
    const throttled = await kit.invoke('throttled', { ms: 0 }).catch((error: unknown) => error);

    // Assess
    expect(throttled).toMatchObject({
      name: 'TooManyRequestsException',
      message: 'Rate Exceeded.',
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      $metadata: { httpStatusCode: 429 },
    });
    const busyResult = await busy;
    expect(busyResult.functionError).toBeUndefined();
    expect(busyResult.requestId).toBe(busyStart.requestId);
    // The throttled request never ran: only the warm-up and the busy invocation started.
    const throttledId = (throttled as TooManyRequestsException).$metadata.requestId;
    expect(throttledId).toEqual(expect.any(String));
    const started = kit.service.logs('throttled').filter((line) => line.message.startsWith('START')).map((line) => line.requestId);
    expect(started).toEqual([warm.requestId, busyResult.requestId]);
    expect(started).not.toContain(throttledId);
  }, 30_000);

  it('throttles every synchronous invocation of a function with reserved concurrency 0', async () => {
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'closed', ReservedConcurrentExecutions: 0 }));

    await expect(kit.invoke('closed', {})).rejects.toBeInstanceOf(TooManyRequestsException);
  });
});
