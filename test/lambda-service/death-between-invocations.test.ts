import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLambdaTestKit, type InvokeResult, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { isAlive, waitFor } from './helpers/waitFor.ts';

/**
 * A crash is charged to the invocation in flight (AWS's Node runtime posts it as that invocation's error,
 * then exits: aws-lambda-nodejs-runtime-interface-client src/Runtime.js `_setErrorCallbacks`), and Lambda
 * resets an environment that fails ("Failures during the invoke phase", docs.aws.amazon.com/lambda/latest/dg/
 * lambda-runtime-environment.html). A crash caused by an invocation that already returned, dying between
 * invocations, fails no invocation on AWS: the next one runs in a new environment.
 */
describe('an environment that dies between invocations', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('late-failure', 'late-failure');
  });

  afterAll(async () => {
    await kit.close();
  });

  const pidOf = (result: InvokeResult): number => (result.payload as { pid: number }).pid;

  const leftovers = { rejection: 'a rejection', exception: 'an uncaught exception', exit: 'a process.exit' } as const;
  for (const [leave, what] of Object.entries(leftovers)) {
    it(`fails none of the invocations that follow ${what} left behind, and is replaced`, async () => {
      // Act: each invocation leaves a crash 0-3 ms after it returned, racing the next one back-to-back.
      const results: InvokeResult[] = [];
      for (let i = 0; i < 16; i += 1) {
        results.push(await kit.invoke('late-failure', { leave, delayMs: i % 4 }));
      }

      // Assess
      expect(results.filter((result) => result.functionError !== undefined)).toEqual([]);
      const pids = results.map(pidOf);
      await waitFor('every environment that crashed to be gone', () => pids.every((pid) => !isAlive(pid)));
      expect(new Set(pids).size).toBeGreaterThan(1);
    });
  }

  it('lets an invocation in flight finish when an earlier one crashes, then replaces the environment', async () => {
    // Prepare: the crash comes 100 ms after the first invocation, while the second (300 ms long) runs.
    const first = await kit.invoke('late-failure', { leave: 'rejection', delayMs: 100 });

    // Act
    const second = await kit.invoke('late-failure', { sleepMs: 300 });
    const third = await kit.invoke('late-failure', {});

    // Assess: the second ran where the crash happened, with its own result; the third got a new environment.
    expect([first.functionError, second.functionError, third.functionError]).toEqual([undefined, undefined, undefined]);
    expect(pidOf(second)).toBe(pidOf(first));
    expect(pidOf(third)).not.toBe(pidOf(first));
    expect(isAlive(pidOf(first))).toBe(false);
    const lines = kit.service.logs('late-failure').map((line) => line.message);
    expect(lines.some((line) => line.includes('Unhandled Promise Rejection') && line.includes('rejected after returning'))).toBe(true);
  });
});
