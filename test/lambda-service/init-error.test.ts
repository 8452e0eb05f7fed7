import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

describe('a function that cannot initialise', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await Promise.all([
      kit.deploy('bad-import', 'bad-import'),
      kit.deploy('missing-export', 'missing-export'),
      kit.deploy('not-a-function', 'missing-export', { Handler: 'index.notAFunction' }),
      kit.deploy('missing-file', 'missing-export', { Handler: 'nowhere.handler' }),
    ]);
  });

  afterAll(async () => {
    await kit.close();
  });

  it('answers Runtime.ImportModuleError when a module cannot load, on every invocation', async () => {
    const first = await kit.invoke('bad-import');
    const second = await kit.invoke('bad-import');

    for (const result of [first, second]) {
      expect(result.statusCode).toBe(200);
      expect(result.functionError).toBe('Unhandled');
      expect(result.payload).toMatchObject({
        errorType: 'Runtime.ImportModuleError',
        errorMessage: expect.stringContaining("Cannot find package 'this-package-does-not-exist'"),
      });
    }
    const report = kit.service.logs('bad-import').find((line) => line.requestId === first.requestId && line.message.startsWith('REPORT'));
    expect(report?.message).toMatch(/Init Duration: [\d.]+ ms\tStatus: error\tError Type: Runtime.ImportModuleError/);
  });

  it('answers Runtime.ImportModuleError when the handler file does not exist', async () => {
    const result = await kit.invoke('missing-file');

    expect(result.payload).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: expect.stringContaining("Error: Cannot find module 'nowhere'"),
    });
  });

  it('answers Runtime.HandlerNotFound when the export is missing or not a function', async () => {
    const missing = await kit.invoke('missing-export');
    const notFunction = await kit.invoke('not-a-function');

    expect(missing.functionError).toBe('Unhandled');
    expect(missing.payload).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.handler is undefined or not exported',
    });
    expect(notFunction.payload).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'index.notAFunction is not a function',
    });
  });
});
