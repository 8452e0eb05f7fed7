import { describe, expect, it } from '@jest/globals';
import { startLambdaTestKit } from './helpers/lambdaTestKit.ts';
import { isAlive, waitFor } from './helpers/waitFor.ts';

describe('closing the service', () => {
  it('answers the invocation in flight (its environment is killed) and leaves no function process behind', async () => {
    // Prepare
    const kit = await startLambdaTestKit();
    try {
      await kit.deploy('idle', 'sleeper');
      await kit.deploy('busy', 'sleeper', { Timeout: 30 });
      const idle = (await kit.invoke('idle', {})).payload as { pid: number };
      const warm = await kit.invoke('busy', {});
      const inFlight = kit.invoke('busy', { ms: 20_000 });
      const start = await waitFor('the in-flight invocation to start', () =>
        kit.service.logs('busy').find((line) => line.message.startsWith('START') && line.requestId !== warm.requestId),
      );

      // Act
      await kit.service.close();

      // Assess
      expect(await inFlight).toMatchObject({
        statusCode: 200,
        requestId: start.requestId,
        functionError: 'Unhandled',
        payload: {
          errorType: 'Runtime.ExitError',
          errorMessage: `RequestId: ${start.requestId} Error: Runtime exited with error: signal: killed`,
        },
      });
      expect(isAlive(idle.pid)).toBe(false);
      expect(isAlive((warm.payload as { pid: number }).pid)).toBe(false);
    } finally {
      await kit.close();
    }
  }, 20_000);
});
