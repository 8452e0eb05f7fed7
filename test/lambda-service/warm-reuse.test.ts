import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { isAlive } from './helpers/waitFor.ts';
import { zipFiles } from './helpers/zipFunction.ts';

describe('warm environments', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('echo', 'echo-esm', { Timeout: 1 });
  });

  afterAll(async () => {
    await kit.close();
  });

  const pidOf = async (): Promise<number> => ((await kit.invoke('echo', {})).payload as { pid: number }).pid;

  it('serves consecutive invocations from the same process', async () => {
    const pids = [await pidOf(), await pidOf(), await pidOf()];

    expect(new Set(pids).size).toBe(1);
  });

  it('starts a new environment with the new configuration after UpdateFunctionConfiguration', async () => {
    const before = await pidOf();

    await kit.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'echo', Environment: { Variables: { GREETING: 'updated' } } }),
    );
    const result = (await kit.invoke('echo', {})).payload as { pid: number; env: Record<string, string> };

    expect(result.pid).not.toBe(before);
    expect(result.env.GREETING).toBe('updated');
    expect(isAlive(before)).toBe(false);
  });

  it('runs the new code after UpdateFunctionCode', async () => {
    const zip = await zipFiles([{ name: 'index.mjs', content: 'export const handler = async () => "version 2";' }]);

    const updated = await kit.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'echo', ZipFile: zip }));
    const result = await kit.invoke('echo', {});

    expect(updated.LastUpdateStatus).toBe('InProgress');
    expect(result.payload).toBe('version 2');
  });
});
