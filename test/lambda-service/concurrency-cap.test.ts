import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutFunctionConcurrencyCommand, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

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
    await kit.deploy('throttled', 'sleeper');
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
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'throttled', ReservedConcurrentExecutions: 1 }));
    await kit.invoke('throttled', { ms: 0 }); // a warm environment: the only slot
    const busy = kit.invoke('throttled', { ms: 1300 });
    await new Promise((resolve) => setTimeout(resolve, 100)); // let it take the slot

    await expect(kit.invoke('throttled', { ms: 0 })).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      message: 'Rate Exceeded.',
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      $metadata: { httpStatusCode: 429 },
    });
    expect((await busy).functionError).toBeUndefined();
  });

  it('throttles every synchronous invocation of a function with reserved concurrency 0', async () => {
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'closed', ReservedConcurrentExecutions: 0 }));

    await expect(kit.invoke('closed', {})).rejects.toBeInstanceOf(TooManyRequestsException);
  });
});
