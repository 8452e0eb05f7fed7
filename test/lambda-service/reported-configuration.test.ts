import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { ROLE, startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { zipFixture } from './helpers/zipFunction.ts';

// Defaults as LocalStack's parity snapshot TestLambdaFunction::test_function_lifecycle recorded them
// against AWS (localstack/localstack tests/aws/services/lambda_/test_lambda_api.snapshot.json);
// members and bounds from the API reference (API_CreateFunction, API_UpdateFunctionConfiguration,
// API_UpdateFunctionCode). These are what the Terraform provider sends and reads back.
describe('configuration the service reports without emulating it', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  const configurationOf = (name: string) => kit.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));

  it('answers Lambda defaults when the request leaves them out', async () => {
    await kit.deploy('defaults', 'echo-esm');

    expect(await configurationOf('defaults')).toMatchObject({
      Architectures: ['x86_64'],
      EphemeralStorage: { Size: 512 },
      TracingConfig: { Mode: 'PassThrough' },
      SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
      PackageType: 'Zip',
    });
    expect(await configurationOf('defaults')).not.toHaveProperty('DeadLetterConfig');
  });

  it('keeps what CreateFunction asks for, and ignores members it does not know', async () => {
    await kit.lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'asked',
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: ROLE,
        Code: { ZipFile: await zipFixture('echo-esm') },
        PackageType: 'Zip',
        Publish: false,
        Architectures: ['arm64'],
        EphemeralStorage: { Size: 1024 },
        TracingConfig: { Mode: 'Active' },
        SnapStart: { ApplyOn: 'None' },
        DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:000000000000:dlq' },
        KMSKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/1234',
        Layers: [],
        VpcConfig: { SubnetIds: [], SecurityGroupIds: [] },
      }),
    );

    expect(await configurationOf('asked')).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      EphemeralStorage: { Size: 1024 },
      TracingConfig: { Mode: 'Active' },
      DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:000000000000:dlq' },
      KMSKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/1234',
    });
  });

  it('changes them with UpdateFunctionConfiguration (an empty ARN removes one) and UpdateFunctionCode', async () => {
    await kit.deploy('changed', 'echo-esm', { DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:000000000000:dlq' } });

    await kit.lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'changed',
        TracingConfig: { Mode: 'Active' },
        EphemeralStorage: { Size: 2048 },
        DeadLetterConfig: { TargetArn: '' },
      }),
    );
    await kit.lambda.send(
      new UpdateFunctionCodeCommand({ FunctionName: 'changed', ZipFile: await zipFixture('echo-esm'), Architectures: ['arm64'] }),
    );
    const changed = await configurationOf('changed');

    expect(changed).toMatchObject({ TracingConfig: { Mode: 'Active' }, EphemeralStorage: { Size: 2048 }, Architectures: ['arm64'] });
    expect(changed).not.toHaveProperty('DeadLetterConfig');
  });

  it('bounds EphemeralStorage.Size to 512..10240 and Architectures to one known value', async () => {
    await expect(kit.deploy('tiny-tmp', 'echo-esm', { EphemeralStorage: { Size: 256 } })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "Value '256' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value greater than or equal to 512",
      ),
    });
    await expect(kit.deploy('two-archs', 'echo-esm', { Architectures: ['x86_64', 'arm64'] })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'architectures' failed to satisfy constraint"),
    });
  });
});
