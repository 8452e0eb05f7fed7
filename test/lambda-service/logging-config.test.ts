import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetFunctionConfigurationCommand, UpdateFunctionConfigurationCommand, type LoggingConfig } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

// LoggingConfig as LocalStack's parity snapshots recorded it against AWS (localstack/localstack
// tests/aws/services/lambda_/test_lambda_api.snapshot.json): TestLoggingConfig::test_function_advanced_logging_configuration,
// ::test_advanced_logging_configuration_format_switch and ::test_function_partial_advanced_logging_configuration_update[*].
// The refusal of log levels with the Text format is AWS's message quoted in aws/aws-cdk#28045.
describe('LoggingConfig', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  const loggingOf = async (name: string) =>
    (await kit.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }))).LoggingConfig;
  const update = async (name: string, config: LoggingConfig) =>
    (await kit.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, LoggingConfig: config }))).LoggingConfig;

  it('defaults to the Text format in /aws/lambda/<name>', async () => {
    await kit.deploy('plain', 'echo-esm');

    expect(await loggingOf('plain')).toEqual({ LogFormat: 'Text', LogGroup: '/aws/lambda/plain' });
  });

  it('sets both log levels to INFO with the JSON format unless given, and keeps the log group asked for', async () => {
    await kit.deploy('json', 'echo-esm', { LoggingConfig: { LogFormat: 'JSON' } });
    await kit.deploy('custom', 'echo-esm', { LoggingConfig: { LogFormat: 'Text', LogGroup: '/custom/group' } });

    expect(await loggingOf('json')).toEqual({
      LogFormat: 'JSON',
      LogGroup: '/aws/lambda/json',
      ApplicationLogLevel: 'INFO',
      SystemLogLevel: 'INFO',
    });
    expect(await loggingOf('custom')).toEqual({ LogFormat: 'Text', LogGroup: '/custom/group' });
  });

  it('merges a partial update into the current config; back to Text drops the levels', async () => {
    await kit.deploy('switching', 'echo-esm');

    const groupOnly = await update('switching', { LogGroup: 'cool_lambda' });
    const toJson = await update('switching', { LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG' });
    const systemLevel = await update('switching', { SystemLogLevel: 'WARN' });
    const backToText = await update('switching', { LogFormat: 'Text' });

    expect(groupOnly).toEqual({ LogFormat: 'Text', LogGroup: 'cool_lambda' });
    expect(toJson).toEqual({ LogFormat: 'JSON', LogGroup: 'cool_lambda', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'INFO' });
    expect(systemLevel).toEqual({ LogFormat: 'JSON', LogGroup: 'cool_lambda', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'WARN' });
    expect(backToText).toEqual({ LogFormat: 'Text', LogGroup: 'cool_lambda' });
    expect(await loggingOf('switching')).toEqual(backToText);
  });

  it('refuses log levels with the Text format, and values outside the model', async () => {
    await expect(
      kit.deploy('levels-with-text', 'echo-esm', { LoggingConfig: { LogFormat: 'Text', ApplicationLogLevel: 'DEBUG' } }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message:
        'LogLevel is not supported when LogFormat is set to "Text". Remove LogLevel from your request or change the LogFormat to "Json" and try again.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      kit.deploy('bad-format', 'echo-esm', { LoggingConfig: { LogFormat: 'Yaml' as LoggingConfig['LogFormat'] } }),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'loggingConfig.logFormat' failed to satisfy constraint: Member must satisfy enum value set: [JSON, Text]"),
    });
  });
});
