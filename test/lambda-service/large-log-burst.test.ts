import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

const HALF_A_MEGABYTE = 512 * 1024;

/**
 * No output volume may stall an environment, and no environment keeps its slot without taking work.
 * AWS: a function's stdout/stderr go to CloudWatch Logs whatever their size
 * (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html); the environment takes the next
 * invocation once the runtime calls /next (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html#runtimes-api-next),
 * and one that does not by the invocation's deadline is ended like a timeout.
 */
describe('an invocation that writes a large burst of log lines', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('chatty', 'chatty', { Timeout: 10 });
    await kit.deploy('stuck-after-answer', 'chatty', { Timeout: 2 });
    await kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'stuck-after-answer', ReservedConcurrentExecutions: 1 }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('leaves its environment ready: ten more invocations answer, on the same environment, with every line logged', async () => {
    const burst = await kit.invoke('chatty', { bytes: HALF_A_MEGABYTE });
    expect(burst.functionError).toBeUndefined();

    const results = [];
    for (let i = 0; i < 10; i += 1) {
      results.push(await kit.invoke('chatty', { bytes: HALF_A_MEGABYTE }));
    }

    expect(results.map((result) => result.functionError)).toEqual(Array(10).fill(undefined));
    expect(new Set(results.map((result) => (result.payload as { pid: number }).pid)).size).toBe(1);
    const last = results.at(-1)?.requestId;
    const lines = await waitFor('the last invocation to be logged to its REPORT line', () => {
      const own = kit.service.logs('chatty').filter((line) => line.requestId === last);
      return own.some((line) => line.message.startsWith('REPORT')) && own;
    });
    expect(lines.filter((line) => line.message.endsWith('x'.repeat(1023)))).toHaveLength(HALF_A_MEGABYTE / 1024);
  }, 30_000);

  it('stops an environment whose runtime never asks for its next invocation, so the next one runs elsewhere', async () => {
    const stuck = await kit.invoke('stuck-after-answer', { hangAfterAnswer: true });
    expect(stuck.functionError).toBeUndefined();

    const began = Date.now();
    const next = await kit.invoke('stuck-after-answer', {});

    expect(next.functionError).toBeUndefined();
    expect((next.payload as { pid: number }).pid).not.toBe((stuck.payload as { pid: number }).pid);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(kit.service.logs('stuck-after-answer').map((line) => line.message)).toContainEqual(
      expect.stringContaining('The runtime did not ask for its next invocation'),
    );
  }, 30_000);
});
