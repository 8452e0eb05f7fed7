import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

// AWS's own words for a runtime that exits with status 0, in the handler or while it loads: LocalStack's parity
// snapshots recorded on AWS, tests/aws/services/lambda_/test_lambda.snapshot.json, TestLambdaErrors::
// test_lambda_handler_exit and ::test_lambda_runtime_exit.
const NO_REASON = 'Runtime exited without providing a reason';
// AWS's Node runtime when the event loop empties before the handler's promise settles:
// aws-lambda-nodejs-runtime-interface-client src/Runtime.js `_setDefaultExitListener`, src/Errors.js `NodeJsExit`.
const NODE_JS_EXIT =
  'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';

describe('how a runtime ends', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('crasher', 'crasher');
    await kit.deploy('exit-at-init', 'exit-at-init');
    await kit.deploy('never-settles', 'never-settles');
  });

  afterAll(async () => {
    await kit.close();
  });

  const messages = (name: string): string[] => kit.service.logs(name).map((line) => line.message);

  it('reports process.exit(0) in the handler as an exit without a reason', async () => {
    const result = await kit.invoke('crasher', { mode: 'exit', code: 0 });

    expect(result.functionError).toBe('Unhandled');
    expect(result.payload).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${result.requestId} Error: ${NO_REASON}` });
    expect(messages('crasher')).toContain(`RequestId: ${result.requestId} Error: ${NO_REASON}\nRuntime.ExitError`);
  });

  it('reports an exit with status 0 while the function loads the same way', async () => {
    const result = await kit.invoke('exit-at-init', {});

    expect(result.functionError).toBe('Unhandled');
    expect(result.payload).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${result.requestId} Error: ${NO_REASON}` });
  });

  it('fails an async handler whose promise never settles with Runtime.NodeJsExit and keeps the environment', async () => {
    const first = await kit.invoke('never-settles');
    const second = await kit.invoke('never-settles');

    // Assess: a function error each time, from the same environment (no exit, no second cold start).
    for (const result of [first, second]) {
      expect(result.functionError).toBe('Unhandled');
      expect(result.payload).toEqual({ errorType: 'Runtime.NodeJsExit', errorMessage: NODE_JS_EXIT, trace: expect.any(Array) });
    }
    const log = messages('never-settles');
    expect(log.filter((line) => line.startsWith('INIT_START'))).toHaveLength(1);
    expect(log.filter((line) => line.startsWith('START'))).toHaveLength(2);
    expect(log.filter((line) => line.includes('Invoke Error') && line.includes('Runtime.NodeJsExit'))).toHaveLength(2);
    expect(log.filter((line) => /unsettled top-level await|exit status 13|Runtime\.ExitError/.test(line))).toEqual([]);
  });

  it('answers null for a handler that is not async and returns a promise that never settles', async () => {
    await kit.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'never-settles', Handler: 'index.plain' }));

    const result = await kit.invoke('never-settles');

    expect(result.functionError).toBeUndefined();
    expect(result.payload).toBeNull();
  });
});
