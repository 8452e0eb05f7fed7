import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { isAlive, waitFor } from './helpers/waitFor.ts';

describe('a handler that crashes its process', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('crasher', 'crasher');
  });

  afterAll(async () => {
    await kit.close();
  });

  async function pid(): Promise<number> {
    return ((await kit.invoke('crasher', {})).payload as { pid: number }).pid;
  }

  it('reports an uncaught exception, then cold-starts a new environment', async () => {
    const before = await pid();

    const result = await kit.invoke('crasher', { mode: 'uncaught' });

    expect(result.functionError).toBe('Unhandled');
    expect(result.payload).toMatchObject({ errorType: 'Error', errorMessage: 'crashed on purpose' });
    await waitFor('the crashed process to be gone', () => !isAlive(before));
    expect(await pid()).not.toBe(before);
  });

  it('reports an unhandled rejection as Runtime.UnhandledPromiseRejection', async () => {
    const before = await pid();

    const result = await kit.invoke('crasher', { mode: 'rejection' });

    expect(result.functionError).toBe('Unhandled');
    expect(result.payload).toMatchObject({
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'Error: rejected on purpose',
    });
    expect(await pid()).not.toBe(before);
  });

  it('reports a process exit as Runtime.ExitError', async () => {
    const result = await kit.invoke('crasher', { mode: 'exit' });

    expect(result.functionError).toBe('Unhandled');
    expect(result.payload).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${result.requestId} Error: Runtime exited with error: exit status 3`,
    });
    expect(await pid()).toEqual(expect.any(Number));
  });
});
