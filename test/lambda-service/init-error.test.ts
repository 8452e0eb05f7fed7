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
      kit.deploy('callback', 'callback-handler'),
      kit.deploy('async-callback', 'callback-handler', { Handler: 'index.asyncWithCallback' }),
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

  it('answers Runtime.CallbackHandlerDeprecated for a handler with a callback parameter, as nodejs24.x does', async () => {
    const message =
      'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

    const callback = await kit.invoke('callback', {});
    const asyncCallback = await kit.invoke('async-callback', {});

    // AWS's runtime goes by the declared parameter count: an async handler declaring `callback` is refused too.
    for (const result of [callback, asyncCallback]) {
      expect(result.functionError).toBe('Unhandled');
      expect(result.payload).toMatchObject({ errorType: 'Runtime.CallbackHandlerDeprecated', errorMessage: message });
    }
    const messages = [...kit.service.logs('callback'), ...kit.service.logs('async-callback')].map((line) => line.message);
    expect(messages).toContainEqual(expect.stringMatching(/\tERROR\tInit Error {"errorType":"Runtime.CallbackHandlerDeprecated"/));
    expect(messages.filter((line) => line.includes('HANDLER RAN'))).toEqual([]);
    const report = kit.service.logs('callback').find((line) => line.requestId === callback.requestId && line.message.startsWith('REPORT'));
    expect(report?.message).toMatch(/Status: error\tError Type: Runtime.CallbackHandlerDeprecated/);
  });
});
