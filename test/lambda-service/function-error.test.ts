import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

describe('a handler that throws (a handled function error)', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('throws', 'throws');
  });

  afterAll(async () => {
    await kit.close();
  });

  it('answers 200 with X-Amz-Function-Error: Unhandled and the error document', async () => {
    const result = await kit.invoke('throws', { reason: 'bad order' });

    expect(result.statusCode).toBe(200);
    expect(result.functionError).toBe('Unhandled');
    expect(result.payload).toEqual({
      errorType: 'TypeError',
      errorMessage: 'boom: bad order',
      trace: expect.arrayContaining([expect.stringContaining('TypeError: boom: bad order')]),
    });
  });

  it('keeps the environment: the next invocation runs in the same process', async () => {
    const before = await kit.invoke('throws', { ok: true });
    await kit.invoke('throws', { reason: 'again' });

    const after = await kit.invoke('throws', { ok: true });

    expect(after.payload).toEqual(before.payload);
  });

  it('logs the error like the Node runtime does', async () => {
    const result = await kit.invoke('throws', { reason: 'logged' });

    const lines = kit.service.logs('throws').filter((line) => line.requestId === result.requestId);
    expect(lines.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\tINFO\tabout to fail {"reason":"logged"}$/),
        expect.stringMatching(/\tERROR\tInvoke Error {"errorType":"TypeError","errorMessage":"boom: logged"/),
      ]),
    );
  });
});
