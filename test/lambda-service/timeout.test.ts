import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { isAlive } from './helpers/waitFor.ts';

describe('a function that runs past its timeout', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('sleeper', 'sleeper', { Timeout: 1 });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('is stopped at the deadline with Sandbox.Timedout, and its environment is replaced', async () => {
    // Prepare
    const warm = (await kit.invoke('sleeper', { ms: 0 })).payload as { pid: number };

    // Act
    const startedAt = Date.now();
    const result = await kit.invoke('sleeper', { ms: 30_000 });
    const elapsed = Date.now() - startedAt;

    // Assess
    expect(result.functionError).toBe('Unhandled');
    expect(result.payload).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${result.requestId} Error: Task timed out after 1.00 seconds`,
    });
    // Stopped at the 1 s deadline, long before the 30 s sleep would end (a loose bound: the machine may be busy).
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(10_000);
    expect(isAlive(warm.pid)).toBe(false);
    const messages = kit.service.logs('sleeper').filter((line) => line.requestId === result.requestId).map((line) => line.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z ${result.requestId} Task timed out after 1.00 seconds$`)),
        expect.stringMatching(/^REPORT RequestId: .*\tStatus: timeout/),
      ]),
    );
    const next = (await kit.invoke('sleeper', { ms: 0 })).payload as { pid: number };
    expect(next.pid).not.toBe(warm.pid);
  }, 30_000);
});
