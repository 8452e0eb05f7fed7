import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateFunctionCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { ROLE, startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { zipFixture } from './helpers/zipFunction.ts';

/**
 * Environment.Variables as Lambda checks them: keys match `[a-zA-Z]([a-zA-Z0-9_])+` (API_Environment),
 * reserved keys are refused, and keys and values together stay within 4 KB, measured as their JSON
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: "Environment variables: 4 KB";
 * the message is the one terraform-aws-github-runner#3594 quotes). A NUL byte is refused too: no process
 * environment can hold it.
 */
describe('the environment variables of a function', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('echo', 'echo-esm');
  });

  afterAll(async () => {
    await kit.close();
  });

  const create = async (variables: Record<string, string>) =>
    kit.lambda.send(new CreateFunctionCommand({
      FunctionName: 'with-variables',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role: ROLE,
      Code: { ZipFile: await zipFixture('echo-esm') },
      Environment: { Variables: variables },
    }));
  const update = (variables: Record<string, string>) =>
    kit.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'echo', Environment: { Variables: variables } }));

  it.each([['AWS_LAMBDA_FUNCTION_NAME=spoofed'], ['1STARTS_WITH_A_DIGIT'], ['has-dash'], ['X']])('refuses the key %j (ValidationException)', async (key) => {
    await expect(create({ [key]: 'value' })).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]",
      $metadata: { httpStatusCode: 400 },
    });
    await expect(update({ [key]: 'value' })).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('refuses more than 4 KB of variables, and takes 4 KB', async () => {
    const value = (bytes: number) => 'v'.repeat(bytes - JSON.stringify({ BIG: '' }).length);

    await expect(create({ BIG: value(4097) })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringMatching(/^Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit\. String measured: \{"BIG":"v+\.\.\.$/),
    });
    await expect(update({ BIG: 'v'.repeat(200 * 1024) })).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(update({ BIG: value(4096) })).resolves.toMatchObject({ Environment: { Variables: { BIG: value(4096) } } });
  });

  it('refuses a value with a NUL byte', async () => {
    await expect(update({ GREETING: 'hello\u0000world' })).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('NUL') });
  });

  it('keeps the reserved variables its own, whatever the function sets', async () => {
    await update({ GREETING: 'hello' });

    const { payload } = await kit.invoke('echo');

    expect(payload).toMatchObject({ env: { AWS_LAMBDA_FUNCTION_NAME: 'echo', GREETING: 'hello' } });
  });
});
