import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

// AWS_LAMBDA_LOG_GROUP_NAME is "the name of the Amazon CloudWatch Logs group for the function"
// (Lambda developer guide, "Defined runtime environment variables"); with LoggingConfig.LogGroup
// that is the group configured ("Configuring CloudWatch log groups" in the same guide).
describe('AWS_LAMBDA_LOG_GROUP_NAME follows LoggingConfig.LogGroup', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  const logGroupSeen = async (name: string) =>
    ((await kit.invoke(name, {})).payload as { env: Record<string, string | undefined> }).env.AWS_LAMBDA_LOG_GROUP_NAME;

  it('is /aws/lambda/<name> by default and the configured group otherwise, also after an update', async () => {
    await kit.deploy('default-group', 'echo-esm');
    await kit.deploy('custom-group', 'echo-esm', { LoggingConfig: { LogFormat: 'Text', LogGroup: '/custom/first' } });

    const byDefault = await logGroupSeen('default-group');
    const configured = await logGroupSeen('custom-group');
    await kit.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'custom-group', LoggingConfig: { LogGroup: '/custom/second' } }),
    );
    const updated = await logGroupSeen('custom-group');

    expect(byDefault).toBe('/aws/lambda/default-group');
    expect(configured).toBe('/custom/first');
    expect(updated).toBe('/custom/second');
  });
});
