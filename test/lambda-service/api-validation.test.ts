import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionConfigurationCommand,
  type CreateEventSourceMappingCommandInput,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { ROLE } from './helpers/lambdaTestKit.ts';
import { startSqsTestKit, type Queue, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { zipFixture } from './helpers/zipFunction.ts';

describe('validation of API parameters, as Lambda does it', () => {
  let kit: SqsTestKit;
  let queue: Queue;

  beforeAll(async () => {
    kit = await startSqsTestKit();
    queue = await kit.createQueue('orders-validation', { visibilityTimeout: 30 });
    await kit.deploy('fn', 'echo-esm', { Timeout: 10 });
  });

  afterAll(async () => {
    await kit.close();
  });

  const createMapping = (input: Partial<CreateEventSourceMappingCommandInput>) =>
    kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'fn', EventSourceArn: queue.arn, ...input }));

  it('bounds BatchSize: 1..10, up to 10000 only with a batching window', async () => {
    await expect(createMapping({ BatchSize: 0 })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1"),
      $metadata: { httpStatusCode: 400 },
    });
    await expect(createMapping({ BatchSize: 10001, MaximumBatchingWindowInSeconds: 1 })).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(createMapping({ BatchSize: 11 })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    });
  });

  it('bounds ScalingConfig.MaximumConcurrency to 2..1000', async () => {
    await expect(createMapping({ ScalingConfig: { MaximumConcurrency: 1 } })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'scalingConfig.maximumConcurrency'"),
    });
  });

  it('refuses a queue whose visibility timeout is shorter than the function timeout', async () => {
    await kit.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Timeout: 60 }));

    await expect(createMapping({})).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds',
      $metadata: { httpStatusCode: 400 },
    });
    await kit.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Timeout: 10 }));
  });

  it('refuses a second mapping of the same queue to the same function (409)', async () => {
    const first = await createMapping({ Enabled: false });

    await expect(createMapping({})).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: expect.stringContaining(`Please update or delete the existing mapping with UUID ${first.UUID}`),
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('refuses mappings of unknown functions, missing queues and non-SQS sources', async () => {
    await expect(createMapping({ FunctionName: 'ghost' })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Function does not exist',
    });
    await expect(createMapping({ EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:no-such-queue' })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
    await expect(
      createMapping({ EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/orders' }),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
  });

  it('refuses an existing function name (409), bad bounds, reserved variables, other runtimes and bad zips', async () => {
    const base = { FunctionName: 'fn2', Runtime: 'nodejs24.x' as const, Handler: 'index.handler', Role: ROLE, Code: { ZipFile: await zipFixture('echo-esm') } };
    const create = (overrides: object) => kit.lambda.send(new CreateFunctionCommand({ ...base, ...overrides }));

    await expect(create({ FunctionName: 'fn' })).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: 'Function already exist: fn',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(create({ Timeout: 901 })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(create({ Timeout: 0 })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(create({ MemorySize: 64 })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(create({ MemorySize: 10241 })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(create({ Environment: { Variables: { AWS_REGION: 'eu-west-1' } } })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining('Reserved keys used in this request: AWS_REGION'),
    });
    await expect(create({ Runtime: 'python3.12' })).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(create({ Code: { ZipFile: Buffer.from('not a zip') } })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Could not unzip uploaded file. Please check your file, then try to upload again.',
    });
    await expect(create({ Role: 'not-a-role' })).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('refuses a CreateFunction without Role with ValidationException "Member must not be null", like AWS', async () => {
    const withoutRole = {
      FunctionName: 'no-role',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { ZipFile: await zipFixture('echo-esm') },
    } as CreateFunctionCommandInput;

    await expect(kit.lambda.send(new CreateFunctionCommand(withoutRole))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'role' failed to satisfy constraint: Member must not be null",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a negative reserved concurrency', async () => {
    await expect(
      kit.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'fn', ReservedConcurrentExecutions: -1 })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
